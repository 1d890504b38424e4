"""What the suite observes of one CSW 2.0.2: the capabilities, read once, and the request series made on first
need.

A target that cannot be reached ends every check as an error (through the harness). Capabilities that are not
CSW 2.0.2 capabilities skip every check that builds on them; capabilities-schema says why.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, ClassVar

from lxml import etree

from conformance.core.messages import Message
from conformance.harness.target import TargetContext
from conformance.suites.csw.messages import m
from conformance.suites.ows_service import Answer, Service, allowed_urls, answer_of

CSW, OWS = "http://www.opengis.net/cat/csw/2.0.2", "http://www.opengis.net/ows"
OGC, DC = "http://www.opengis.net/ogc", "http://purl.org/dc/elements/1.1/"
GMD, GCO = "http://www.isotc211.org/2005/gmd", "http://www.isotc211.org/2005/gco"
XLINK = "{http://www.w3.org/1999/xlink}href"

__all__ = ["CSW", "DC", "GCO", "GMD", "OGC", "Answer", "Capabilities", "Observed", "observe", "tag"]


def tag(local: str) -> str:
    """The ``{ns}local`` name of a CSW 2.0.2 element."""
    return f"{{{CSW}}}{local}"


@dataclass
class Capabilities:
    """What the suite keeps of CSW capabilities: operations with their GET and POST URLs, and the values of each
    operation's parameters (``(operation, parameter in lower case)`` → values), and the values of the constraints
    (``ows:Constraint`` of the service or of any operation, name → values)."""

    version: str
    operations: dict[str, str]
    posts: dict[str, str]
    parameters: dict[tuple[str, str], tuple[str, ...]] = field(default_factory=dict)
    constraints: dict[str, tuple[str, ...]] = field(default_factory=dict)

    def values(self, operation: str, parameter: str) -> tuple[str, ...] | None:
        """The values advertised for a parameter of an operation, or None when it is not advertised."""
        return self.parameters.get((operation, parameter.lower()))


def _href(op: etree._Element, method: str) -> str | None:
    found = op.find(f"{{{OWS}}}DCP/{{{OWS}}}HTTP/{{{OWS}}}{method}")
    return None if found is None else found.get(XLINK, "").strip()


def read(tree: etree._ElementTree) -> Capabilities:
    """Operations, their URLs and parameter values."""
    root = tree.getroot()
    caps = Capabilities(root.get("version", ""), {}, {})
    for op in root.iterfind(f"{{{OWS}}}OperationsMetadata/{{{OWS}}}Operation"):
        name = op.get("name", "")
        caps.operations[name] = _href(op, "Get") or ""
        post = _href(op, "Post")
        if post is not None:
            caps.posts[name] = post
        for param in op.iterfind(f"{{{OWS}}}Parameter"):
            values = tuple((v.text or "").strip() for v in param.iterfind(f"{{{OWS}}}Value"))
            caps.parameters[(name, param.get("name", "").lower())] = values
    for held in root.iterfind(f"{{{OWS}}}OperationsMetadata//{{{OWS}}}Constraint"):
        values = tuple((v.text or "").strip() for v in held.iterfind(f"{{{OWS}}}Value"))
        name = held.get("name", "")
        caps.constraints[name] = (*caps.constraints.get(name, ()), *values)
    return caps


@dataclass
class Observed(Service[Capabilities]):
    """One CSW target as the checks see it."""

    SERVICE: ClassVar[str] = "CSW"
    VERSION: ClassVar[str] = "2.0.2"
    OPTIONS: ClassVar[dict[str, Any]] = {"page_size": 5, "max_pages": 20, "max_records": 3}
    POST_TYPE: ClassVar[str] = "application/xml; charset=UTF-8"

    def unusable(self) -> Message:
        """Why checks that build on the capabilities are skipped."""
        return m("skip-capabilities", reason=self.problem or m("phrase-none"))


def observe(target: TargetContext) -> Observed:
    """Fetch and read the capabilities (a target that cannot be reached raises, and so ends every check)."""
    params = {"SERVICE": "CSW", "REQUEST": "GetCapabilities", "ACCEPTVERSIONS": "2.0.2"}
    answer = answer_of(target.http.get(target.base_url, params=params))
    if answer.tree is None:
        return Observed(target, answer, None, m("capabilities-unreadable", error=answer.problem))
    if not answer.is_a(tag("Capabilities")):
        return Observed(target, answer, None, m("not-capabilities", actual=answer.what()))
    caps = read(answer.tree)
    return Observed(target, answer, caps, urls=allowed_urls(target, caps.operations))
