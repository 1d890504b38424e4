"""Findings the WFS checks share: GetFeatureById answers (KVP and POST) and missed exception codes."""

from __future__ import annotations

from conformance.core.evidence import Violation
from conformance.core.messages import Message
from conformance.suites.wfs.messages import m
from conformance.suites.wfs.probes import GML_ID, ByIdProbe
from conformance.suites.wfs.service import REPORT, WFS, Answer


def by_id_findings(probe: ByIdProbe) -> list[Violation]:
    """GetFeatureById: the feature itself for a known identifier, NotFound for an unknown one."""
    answer, fid = probe.answer, probe.id
    if not probe.known:
        return [] if "NotFound" in answer.codes else [missed("NotFound", m("asked-unknown-id", value=fid), answer)]
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
