"""The shape shared by the suites judged on exports of documents (XRechnung, xdomea, GeoJSON, XPlanGML).

The observation (``<package>.export.observe``: the export validated once) and the checks
(``<package>.checks.CHECKS``) load on first need, so that ``conformance list`` stays fast. ``judge_reports`` is
the judgement of the suites whose documents keep their findings per rule key (GeoJSON, XPlanGML).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from importlib import import_module
from typing import TYPE_CHECKING, Any, Generic, TypeVar, cast

from conformance.core.evidence import Violation
from conformance.core.judgement import Judgement
from conformance.core.messages import Catalogue
from conformance.core.model import Standard
from conformance.harness.suite import Check, CheckContext, Suite
from conformance.xml.report import DocumentReport, Finding

if TYPE_CHECKING:
    from conformance.harness.target import TargetContext

Obs = TypeVar("Obs")


class DocumentSuite(Suite[Obs], Generic[Obs]):
    """A standard judged on a vendor's export of documents; ``package`` holds its ``export`` and ``checks``."""

    def __init__(self, standard: Standard, messages: Catalogue, package: str) -> None:
        self.standards = (standard,)
        self.messages = messages
        self.package = package

    def observe(self, target: TargetContext) -> Obs:
        """The export of the target, every document validated once."""
        return cast(Obs, import_module(f"{self.package}.export").observe(target))

    def checks(self, standard: Standard) -> Mapping[str, Check[Obs]]:
        """Requirement URI → check."""
        return cast(Mapping[str, Check[Obs]], import_module(f"{self.package}.checks").CHECKS)


@dataclass(frozen=True)
class Judging:
    """How a document suite's check judges the reports of an export: which findings count against the
    requirement, how one becomes a violation, the suite's message prefix (``<prefix>.more``, ``.note.more``,
    ``.note.files``, ``.examined.<kind>``), the rule key whose rule contexts count, and the kind examined."""

    owned: Callable[[Finding], bool]
    violation: Callable[[DocumentReport, Finding], Violation]
    prefix: str
    key: str
    examines: str


def judge_reports(ctx: CheckContext[Any], reports: tuple[DocumentReport, ...], how: Judging) -> Judgement:
    """Every finding a requirement owns in the reports; the count of its kind over the documents that hold any.
    Findings beyond what a document kept are counted in a note; information findings become notes."""
    found: list[Violation] = []
    omitted = 0
    for report in reports:
        for finding in filter(how.owned, report.findings):
            if finding.severity == "information" and finding.code == f"{how.prefix}.more":
                omitted += _count(finding)
            elif finding.severity == "information":
                ctx.note(finding.text)
            else:
                found.append(how.violation(report, finding))
    if omitted:
        ctx.note(ctx.msg(f"{how.prefix}.note.more", count=omitted))
    ctx.note(ctx.msg(f"{how.prefix}.note.files", count=len(reports)))
    counts = [report.judged(frozenset({how.key})) for report in reports]
    files = sum(1 for c in counts if c)
    return ctx.judge(found, ctx.examined(sum(counts), f"{how.prefix}.examined.{how.examines}", files=files))


def _count(finding: Finding) -> int:
    count = dict(finding.params).get("count", 0)
    return count if isinstance(count, int) else 0
