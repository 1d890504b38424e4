"""XPlanGML documents above the streaming threshold: read in one validating pass record by record, with the same
verdicts and findings as the same document read whole, and without keeping the records already read."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from conformance.core.outcomes import Outcome
from conformance.core.xmlfeed import FEED_BYTES
from conformance.suites.xplangml import validator
from conformance.suites.xplangml.document import Reader
from tests.samples import xplangml as samples
from tests.suites.test_xplangml_checks import graded, judge, outcomes, rules, write

PLANS = {"valid": samples.valid, "arcs": samples.arcs, **samples.BREAKS}
PLANS.update({f"arc-{k}": f for k, f in samples.ARC_BREAKS.items()})


def verdicts(version: str, path: Path) -> dict[str, tuple[Outcome, list[str]]]:
    export = graded(version, path)
    return {
        key: (o, [f.message.text for f in judge(version, key, export).findings])
        for key, o in outcomes(version, export).items()
    }


@pytest.fixture
def streaming(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(validator, "STREAM_ABOVE", 0)


@pytest.mark.parametrize(
    ("version", "name"),
    [(v, n) for v in ("6.0", "5.4") for n in sorted(PLANS) if n not in samples.BREAKS or n in rules(v)],
)
def test_a_streamed_plan_gets_the_verdicts_and_findings_of_the_plan_read_whole(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, version: str, name: str
) -> None:
    path = write(tmp_path, f"{name}.gml", PLANS[name](version))
    whole = verdicts(version, path)
    monkeypatch.setattr(validator, "STREAM_ABOVE", 0)
    streamed = verdicts(version, path)
    assert {k: o for k, (o, _) in streamed.items()} == {k: o for k, (o, _) in whole.items()}
    # the schema's messages name a window of lines when streamed; every rule's own findings are the same
    assert {k: t for k, (_, t) in streamed.items() if k != "schema"} == {
        k: t for k, (_, t) in whole.items() if k != "schema"
    }
    assert bool(streamed["schema"][1]) == bool(whole["schema"][1])


def test_records_already_read_are_dropped_while_streaming(
    tmp_path: Path, streaming: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    seen: list[int] = []
    record = Reader.record

    def counting(self: Reader, element: Any, xpath: str) -> Any:
        seen.append(len(element.getparent()))
        return record(self, element, xpath)

    monkeypatch.setattr(Reader, "record", counting)
    path = write(tmp_path, "big.gml", samples.valid("6.0", objects=3600))
    export = graded("6.0", path)
    assert len(seen) == 3604  # boundedBy, plan, Bereich, 3,600 tiles and the overlay
    per_chunk = FEED_BYTES / (path.stat().st_size / len(seen))  # records in one chunk the parser is fed
    assert max(seen) <= 2 * per_chunk < len(seen) / 2
    assert judge("6.0", "flaechenschluss", export).examined[0].count == 3600


def test_a_streamed_document_that_is_not_well_formed_gets_only_its_parse_finding(
    tmp_path: Path, streaming: None
) -> None:
    export = graded("6.0", write(tmp_path, "cut.gml", samples.valid("6.0")[:-200]))
    found = outcomes("6.0", export)
    assert found.pop("schema") is Outcome.FAIL
    assert set(found.values()) == {Outcome.NOT_APPLICABLE}
    assert export.reports[0].error and [f.source for f in export.reports[0].findings] == ["parse"]


@pytest.mark.parametrize(("version", "other"), [("6.0", "5.4"), ("5.4", "6.0")])
def test_a_streamed_plan_of_the_other_version_fails_only_the_schema(
    tmp_path: Path, streaming: None, version: str, other: str
) -> None:
    export = graded(version, write(tmp_path, "plan.gml", samples.valid(other)))
    assert (
        judge(version, "schema", export).findings[0].message.text == f"the document is XPlanGML {other}, not {version}"
    )
