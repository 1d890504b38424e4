"""VEFA unit-test sets (``testSet`` files of the CEN EN 16931 repository): fragments with expected rule outcomes.

Each ``<test>`` wraps one document fragment and an ``<assert>`` listing rule ids expected as ``success``
(the rule must not fire), ``error`` (it must fire as fatal or error) or ``warning`` (it must fire as a
warning).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from lxml import etree

from conformance.core.xmlsafe import parse_file
from conformance.xml.report import Finding

NS = "http://difi.no/xsd/vefa/validator/1.0"
V = f"{{{NS}}}"
KINDS = ("success", "error", "warning")


@dataclass(frozen=True)
class Expectation:
    """One expected outcome: a rule id and success, error or warning."""

    rule: str
    kind: str

    def met(self, fired: Iterable[Finding]) -> bool:
        """Whether the findings of the fragment meet this expectation."""
        hits = [f for f in fired if f.rule == self.rule]
        if self.kind == "success":
            return not hits
        if self.kind == "error":
            return any(f.is_error for f in hits)
        return any(f.severity == "warning" for f in hits)


@dataclass(frozen=True)
class UnitTest:
    """One ``<test>`` of a test set: where it is, its configuration, the fragment and the expectations."""

    file: str
    number: int
    configuration: str
    description: str
    document: bytes
    expectations: tuple[Expectation, ...]

    @property
    def id(self) -> str:
        """A stable id: file name and position, e.g. ``Invoice-unit-UBL/BR-01.xml#2``."""
        return f"{self.file}#{self.number}"

    def unmet(self, fired: Iterable[Finding]) -> list[Expectation]:
        """The expectations the findings do not meet (empty when the test passes)."""
        found = list(fired)
        return [e for e in self.expectations if not e.met(found)]


def read(path: Path, name: str = "") -> Iterator[UnitTest]:
    """The unit tests of one test-set file (nothing if the file is not a VEFA ``testSet``)."""
    root = parse_file(path).getroot()
    if root.tag != f"{V}testSet":
        return
    for number, test in enumerate(root.iterfind(f"{V}test"), start=1):
        yield _unit(test, number, name or path.name, root.get("configuration", ""))


def _unit(test: etree._Element, number: int, name: str, configuration: str) -> UnitTest:
    check = test.find(f"{V}assert")
    fragments = [c for c in test if isinstance(c.tag, str) and c.tag != f"{V}assert"]
    if check is None or len(fragments) != 1:
        raise ValueError(f"{name} test {number}: expected one <assert> and one document fragment")
    expectations = tuple(
        Expectation((c.text or "").strip(), etree.QName(c).localname)
        for c in check
        if etree.QName(c).localname in KINDS
    )
    document = etree.tostring(fragments[0], encoding="utf-8", xml_declaration=True)
    return UnitTest(
        name, number, configuration, " ".join(check.findtext(f"{V}description", "").split()), document, expectations
    )
