"""The xdomea checks on the contract: what each judged, and requirements that do not apply to an export."""

from __future__ import annotations

from typing import Any, cast

import pytest

from conformance.core.evidence import NotApplicable
from conformance.core.judgement import Judgement
from conformance.core.outcomes import Outcome
from conformance.harness.suite import CheckContext
from conformance.suites.xdomea import STANDARD
from conformance.suites.xdomea.catalogue import rule
from conformance.suites.xdomea.checks import CHECKS
from conformance.suites.xdomea.export import Export
from conformance.suites.xdomea.messages import MESSAGES
from conformance.xml.report import DocumentReport, RuleContext

PRIMARY = "Nachrichten/Aussonderung.Aussonderung.0503/Primaerdokument"


def _message(kind: str, *contexts: RuleContext) -> DocumentReport:
    return DocumentReport(f"{kind}.xml", STANDARD.id, True, True, kind, (), None, contexts)


def _judge(section: str, *reports: DocumentReport) -> Judgement:
    row = rule(section)
    requirement = next(r for r in STANDARD.requirements if r.uri == row.uri)
    ctx = CheckContext(cast(Any, None), STANDARD, requirement, MESSAGES, lambda: Export(reports))
    return CHECKS[row.uri].run(ctx)


def test_a_0503_without_primary_documents_does_not_apply() -> None:
    bare = _message("Aussonderung.Aussonderung.0503", RuleContext(("XDOMEA-ID-DOPPELT",), 3))
    with pytest.raises(NotApplicable) as caught:
        _judge(PRIMARY, bare)
    assert caught.value.reason.text == (
        "none of the 1 messages holds what this requirement judges (xdomea:Primaerdokument/xdomea:Dateiname "
        "elements in messages 0503): it does not apply"
    )
    assert MESSAGES.render(caught.value.reason, "de").startswith("keine der 1 Nachrichten enthält")


def test_primary_documents_that_are_there_are_counted() -> None:
    judged = _judge(PRIMARY, _message("Aussonderung.Aussonderung.0503", RuleContext(("XDOMEA-PRIMAERDOKUMENT",), 2)))
    assert judged.outcome is Outcome.PASS and [e.count for e in judged.examined] == [2]


def test_a_requirement_for_messages_the_export_lacks_does_not_apply() -> None:
    with pytest.raises(NotApplicable, match=r"no message of the kind this requirement covers \(0503\)"):
        _judge(PRIMARY, _message("Aussonderung.Anbieteverzeichnis.0501"))


def test_an_export_without_messages_examined_nothing() -> None:
    judged = _judge("Konformitaet/Schema")
    assert judged.outcome is Outcome.NOT_APPLICABLE and [e.count for e in judged.examined] == [0]
    assert judged.examined[0].message.code == "xdomea.examined.messages"
