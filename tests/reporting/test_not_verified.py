"""*not verified*: the rule applies but the target showed nothing to test it on. Every format shows it apart from
*not applicable* and never as a pass; like a requirement that examined nothing, it leaves the vendor undecided."""

from __future__ import annotations

import json

import lxml.html

from conformance.core.evidence import NotVerified
from conformance.core.outcomes import Outcome
from conformance.core.results import Result, ResultsFile
from conformance.harness.outcome import classify
from conformance.reporting.html import render_html
from conformance.reporting.i18n import label
from conformance.reporting.jsonmatrix import render_json
from conformance.reporting.junit import render_junit
from conformance.reporting.markdown import render_markdown
from conformance.reporting.model import Report, build_report
from conformance.reporting.verdict import VerdictState, vendor_verdicts
from tests.reporting.samples import header, result, vendor

REASON = "no deleted object was found after walking 3 list(s) with modified_since=1970-01-01"


def run() -> ResultsFile:
    results: list[Result] = [result("alpha", i, Outcome.PASS) for i in range(7)]
    results.append(result("alpha", 7, Outcome.NOT_VERIFIED, reason=REASON))
    results.append(result("alpha", 8, Outcome.NOT_APPLICABLE, reason="no license given"))
    return ResultsFile(header([vendor("alpha", "Alpha GmbH")]), tuple(results))


def report() -> Report:
    return build_report(run())


def test_the_exception_becomes_the_outcome_with_its_reason() -> None:
    class Info:
        value = NotVerified(REASON)

    verdict = classify(Info())  # type: ignore[arg-type]
    assert (verdict.outcome, verdict.reason_text, verdict.violations) == (Outcome.NOT_VERIFIED, REASON, ())
    assert not Outcome.NOT_VERIFIED.is_verdict


def test_every_format_shows_not_verified_apart_from_not_applicable() -> None:
    assert label("outcome.not_verified", "de") == "nicht verifiziert" != label("outcome.not_applicable", "de")
    doc = lxml.html.fromstring(render_html(report(), "de"))
    badges = {" ".join(b.text_content().split()) for b in doc.xpath("//span[contains(@class,'o-not_verified')]")}
    assert badges == {"nicht verifiziert"}
    assert REASON in doc.text_content()
    assert "nicht verifiziert" in render_markdown(report(), "de")
    matrix = json.loads(render_json(report(), "en"))
    assert "not_verified" in json.dumps(matrix)
    assert f'<skipped message="not verified: {REASON}" type="not_verified"/>' in render_junit(report(), "en").decode()


def test_not_verified_is_no_pass_and_leaves_the_vendor_undecided() -> None:
    verdict = vendor_verdicts(run())[0]
    assert verdict.state is VerdictState.UNDECIDED
    assert [(m.kind, m.reason.text if m.reason else "") for m in verdict.missing] == [("unexamined", REASON)]
