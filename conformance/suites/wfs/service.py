"""What the suite observes of one WFS: the capabilities, read once, and the request series made on first need.

A target that cannot be reached ends every check as an error (through the harness). Capabilities that are not
WFS capabilities skip every check that builds on them; capabilities-schema says why.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, ClassVar

from lxml import etree

from conformance.core.messages import Message
from conformance.harness.target import TargetContext
from conformance.suites.ows_service import Answer, Service, allowed_urls, answer_of
from conformance.suites.wfs.messages import m

WFS, OWS = "http://www.opengis.net/wfs/2.0", "http://www.opengis.net/ows/1.1"
FES = "http://www.opengis.net/fes/2.0"
XLINK = "{http://www.w3.org/1999/xlink}href"
REPORT = f"{{{OWS}}}ExceptionReport"
CAPABILITIES = f"{{{WFS}}}WFS_Capabilities"

__all__ = ["CAPABILITIES", "FES", "OWS", "REPORT", "WFS", "Answer", "Capabilities", "Observed", "answer_of", "observe"]


@dataclass
class Capabilities:
    """What the suite keeps of a WFS capabilities document."""

    version: str
    operations: dict[str, str]
    constraints: dict[str, str]
    types: list[str]
    posts: dict[str, str] = field(default_factory=dict)


def read(tree: etree._ElementTree) -> Capabilities:
    """Operations (with their GET URL), constraints (those of the Filter_Capabilities as ``fes:<name>``) and
    feature type names of the capabilities."""
    root = tree.getroot()
    operations, posts = {}, {}
    for op in root.iterfind(f"{{{OWS}}}OperationsMetadata/{{{OWS}}}Operation"):
        get = op.find(f"{{{OWS}}}DCP/{{{OWS}}}HTTP/{{{OWS}}}Get")
        operations[op.get("name", "")] = (get.get(XLINK, "") if get is not None else "").strip()
        post = op.find(f"{{{OWS}}}DCP/{{{OWS}}}HTTP/{{{OWS}}}Post")
        if post is not None:
            posts[op.get("name", "")] = post.get(XLINK, "").strip()
    constraints = {}
    for c in root.iterfind(f"{{{OWS}}}OperationsMetadata/{{{OWS}}}Constraint"):
        constraints[c.get("name", "")] = (c.findtext(f"{{{OWS}}}DefaultValue") or "").strip().upper()
    for c in root.iterfind(f"{{{FES}}}Filter_Capabilities/{{{FES}}}Conformance/{{{FES}}}Constraint"):
        constraints["fes:" + c.get("name", "")] = (c.findtext(f"{{{OWS}}}DefaultValue") or "").strip().upper()
    types = [
        (n.text or "").strip() for n in root.iterfind(f"{{{WFS}}}FeatureTypeList/{{{WFS}}}FeatureType/{{{WFS}}}Name")
    ]
    return Capabilities(root.get("version", ""), operations, constraints, types, posts)


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
    answer = answer_of(response)
    if answer.tree is None:
        return Observed(target, answer, None, m("capabilities-unreadable", error=answer.problem))
    if answer.root != CAPABILITIES or response.status != 200:
        return Observed(target, answer, None, m("not-capabilities", actual=answer.what()))
    caps = read(answer.tree)
    return Observed(target, answer, caps, urls=allowed_urls(target, caps.operations))
