"""One test per class and rule (and the XML Schema per class), generated from the catalogue.

The export is validated once per target; each test reads the shared results, so the many rule tests
are cheap.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from conformance.core.model import Requirement
from conformance.harness.target import TargetContext, requirement
from conformance.suites.xrechnung import STANDARD
from conformance.suites.xrechnung.catalogue import BASE
from conformance.suites.xrechnung.export import check_rule


def _rule_test(req: Requirement) -> Callable[[TargetContext], None]:
    cls, rule = req.uri.removeprefix(f"{BASE}/req/").split("/", 1)

    @requirement(req)
    def test(target: TargetContext) -> None:
        check_rule(target, cls, rule, req.obligation)

    test.__name__ = test.__qualname__ = "test_" + re.sub(r"\W", "_", f"{cls}__{rule}")
    test.__doc__ = f"{rule} in class {cls}: {req.statement}"
    return test


for _req in STANDARD.requirements:
    if not _req.uri.startswith(f"{BASE}/req/export/"):
        _test = _rule_test(_req)
        globals()[_test.__name__] = _test
