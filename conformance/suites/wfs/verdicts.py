"""Findings the WFS checks share: GetFeatureById answers (KVP and POST) and missed exception codes."""

from __future__ import annotations

from conformance.core.evidence import Violation
from conformance.core.messages import Message
from conformance.suites.wfs.messages import m
from conformance.suites.wfs.probes import GML_ID, ByIdProbe
from conformance.suites.wfs.service import REPORT, WFS, Answer


def unknown_id_codes(version: str) -> tuple[str, ...]:
    """The codes GetFeatureById may raise for an unknown identifier: NotFound (09-025r2 11.3.5); a 2.0.0 server may
    raise OperationProcessingFailed instead (09-025r1 names no code there, and 11.4 gives that one for GetFeature)."""
    return ("NotFound", "OperationProcessingFailed") if version == "2.0.0" else ("NotFound",)


def by_id_findings(probe: ByIdProbe, codes: tuple[str, ...] = ("NotFound",)) -> list[Violation]:
    """GetFeatureById: the feature itself for a known identifier, one of ``codes`` for an unknown one."""
    answer, fid = probe.answer, probe.id
    if not probe.known:
        if set(codes) & set(answer.codes):
            return []
        return [missed(" | ".join(codes), m("asked-unknown-id", value=fid), answer)]
    feature = m("phrase-feature", id=fid)
    if answer.tree is None or answer.root == REPORT or answer.response.status != 200:
        return [answer.finding(m("by-id-no-feature", id=fid, actual=answer.what()), feature, answer.what())]
    root = answer.tree.getroot()
    if root.tag.startswith(f"{{{WFS}}}"):
        return [answer.finding(m("by-id-collection", id=fid, actual=answer.what()), feature, answer.what())]
    got = root.get(GML_ID, "")
    if got != fid:
        return [answer.finding(m("by-id-other-feature", id=fid, actual=got or "–"), fid, got)]
    return []


def missed(code: str, asked: Message, answer: Answer) -> Violation:
    """A request that did not raise the exception code the standard gives."""
    message = m("code-missed", exception=code, asked=asked, actual=answer.what())
    return answer.finding(message, m("phrase-exception", exception=code), answer.what())
