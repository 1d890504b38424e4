"""The CEN EN 16931 unit tests (VEFA test sets): every expected rule outcome is reproduced."""

from __future__ import annotations

import pytest

from conformance.xml import saxon
from tests.xml.corpora import cen_rules, cen_unit_tests
from tests.xml.vefa import UnitTest


def test_the_corpus_holds_1140_unit_tests() -> None:
    assert len(cen_unit_tests()) == 1140


@pytest.mark.parametrize("case", cen_unit_tests(), ids=lambda case: case.id)
def test_unit_test(case: UnitTest) -> None:
    fired = cen_rules(case.configuration).check(saxon.parse(case.document))
    unmet = case.unmet(fired)
    assert not unmet, (
        f"{case.description}: expected {[(e.rule, e.kind) for e in unmet]}, "
        f"fired {[(f.rule, f.severity) for f in fired]}"
    )
