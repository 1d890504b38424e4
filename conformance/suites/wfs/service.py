"""What the suite observes of one WFS: the capabilities, read once in a streaming pass (capabilities.py), and the
request series made on first need.

A target that cannot be reached ends every check as an error (through the harness). Capabilities that are not
WFS capabilities skip every check that builds on them; capabilities-schema says why.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, ClassVar

from conformance.core.http import Response
from conformance.core.messages import Message
from conformance.harness.target import TargetContext
from conformance.suites.ows_service import Answer, Service, allowed_urls, answer_of
from conformance.suites.wfs.capabilities import (
    CAPABILITIES,
    FES,
    OWS,
    WFS,
    Capabilities,
    XMLRejected,
    read_tree,
    stream,
)
from conformance.suites.wfs.messages import m

REPORT = f"{{{OWS}}}ExceptionReport"

__all__ = ["CAPABILITIES", "FES", "OWS", "REPORT", "WFS", "Answer", "Capabilities", "Observed", "answer_of", "observe"]


@dataclass
class Observed(Service[Capabilities]):
    """One WFS target as the checks see it."""

    SERVICE: ClassVar[str] = "WFS"
    VERSION: ClassVar[str] = "2.0.0"
    OPTIONS: ClassVar[dict[str, Any]] = {
        "max_types": 3,
        "feature_id": "",
        "page_size": 10,
        "max_pages": 5,
        "max_crs": 3,
    }

    def unusable(self) -> Message:
        """Why checks that build on the capabilities are skipped."""
        return m("skip-capabilities", reason=self.problem or m("phrase-none"))


def observe(target: TargetContext) -> Observed:
    """Fetch and read the capabilities (a target that cannot be reached raises, and so ends every check)."""
    response = target.http.get(target.base_url, params={"SERVICE": "WFS", "REQUEST": "GetCapabilities"})
    keep = int(target.option("max_types", Observed.OPTIONS["max_types"]))
    answer, caps = streamed(response, keep)
    if answer.tree is None:
        return Observed(target, answer, None, m("capabilities-unreadable", error=answer.problem))
    if answer.root != CAPABILITIES or response.status != 200:
        return Observed(target, answer, None, m("not-capabilities", actual=answer.what()))
    caps = caps or read_tree(answer.tree.getroot(), keep)
    return Observed(target, answer, caps, urls=allowed_urls(target, caps.operations))


def streamed(response: Response, keep: int) -> tuple[Answer, Capabilities | None]:
    """The capabilities as the validating streaming pass reads them; a document it refuses or does not find valid
    streams again without the schema, so the hardened parser alone decides whether it is readable, and again only
    the sampled feature types are kept."""
    try:
        root, caps = stream(response.content, keep)
    except XMLRejected:
        return unvalidated(response, keep)
    if not caps.valid:
        return unvalidated(response, keep)
    return Answer(response, root.getroottree()), caps


def unvalidated(response: Response, keep: int) -> tuple[Answer, Capabilities | None]:
    """The capabilities streamed without the schema; a document this pass refuses is parsed whole, so that its
    refusal reads as that of any other response (no tree is kept when that parse refuses it too)."""
    try:
        root, caps = stream(response.content, keep, validating=False)
    except XMLRejected:
        return answer_of(response), None
    return Answer(response, root.getroottree()), caps
