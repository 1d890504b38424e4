"""What the suite observes of one WFS: the capabilities, read once, and the request series made on first need.

A target that cannot be reached ends every check as an error (through the harness). Capabilities that are not
WFS capabilities skip every check that builds on them; capabilities-schema says why.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any, TypeVar

from lxml import etree

from conformance.core.evidence import Exchange, Skipped, ValueViolation
from conformance.core.http import Response
from conformance.core.messages import Message
from conformance.core.xmlsafe import XMLRejected, parse_bytes
from conformance.harness.observe import Lazy
from conformance.harness.target import TargetContext
from conformance.suites.wfs.messages import m

WFS, OWS = "http://www.opengis.net/wfs/2.0", "http://www.opengis.net/ows/1.1"
FES = "http://www.opengis.net/fes/2.0"
XLINK = "{http://www.w3.org/1999/xlink}href"
REPORT = f"{{{OWS}}}ExceptionReport"
CAPABILITIES = f"{{{WFS}}}WFS_Capabilities"
OPTIONS: dict[str, Any] = {"max_types": 3, "feature_id": "", "page_size": 10, "max_pages": 5}
T = TypeVar("T")


@dataclass(frozen=True)
class Answer:
    """One response: its parsed XML (or why there is none) and, for an exception report, its codes."""

    response: Response
    tree: etree._ElementTree | None
    problem: str = ""

    @property
    def root(self) -> str:
        """The ``{ns}local`` name of the root element, or empty."""
        return str(self.tree.getroot().tag) if self.tree is not None else ""

    @property
    def codes(self) -> tuple[str, ...]:
        """The exception codes of an ows:ExceptionReport."""
        if self.root != REPORT or self.tree is None:
            return ()
        return tuple(e.get("exceptionCode", "") for e in self.tree.getroot().iter(f"{{{OWS}}}Exception"))

    @property
    def exchange(self) -> Exchange:
        """The evidence record of the exchange."""
        return self.response.exchange

    @property
    def where(self) -> str:
        """The request URL, for locators."""
        return self.response.exchange.url

    def finding(self, message: Message, expected: object = None, actual: object = None) -> ValueViolation:
        """A finding about this answer, with its request URL and exchange as evidence."""
        return ValueViolation(message, locator=self.where, expected=expected, actual=actual, exchange=self.exchange)

    def what(self) -> str:
        """A short description of what came back (for actual values)."""
        if self.root == REPORT:
            return f"HTTP {self.response.status} ExceptionReport {', '.join(c or '(no code)' for c in self.codes)}"
        shown = etree.QName(self.root).localname if self.root else self.response.headers.get("Content-Type", "")
        return f"HTTP {self.response.status} {shown}".strip()


def answer_of(response: Response) -> Answer:
    """A response with its XML parsed by the hardened parser."""
    try:
        return Answer(response, parse_bytes(response.content))
    except XMLRejected as exc:
        return Answer(response, None, str(exc))


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
class Observed:
    """One WFS target as the checks see it."""

    target: TargetContext
    capabilities: Answer
    caps: Capabilities | None
    problem: Message | None = None
    urls: dict[str, str] = field(default_factory=dict)
    parts: dict[str, Lazy[Any]] = field(default_factory=dict)

    def option(self, name: str) -> Any:
        """A target option of the suite."""
        return self.target.option(name, OPTIONS[name])

    def usable(self) -> Capabilities:
        """The capabilities; checks that build on them are skipped when they are unusable."""
        if self.caps is None:
            raise Skipped(m("skip-capabilities", reason=self.problem or m("phrase-none")))
        return self.caps

    def call(self, operation: str, params: Mapping[str, str]) -> Answer:
        """One KVP request: SERVICE=WFS, VERSION=2.0.0 and REQUEST added."""
        sent = {"SERVICE": "WFS", "VERSION": "2.0.0", "REQUEST": operation, **params}
        url = self.urls.get(operation, self.target.base_url)
        return answer_of(self.target.http.get(url, params=sent))

    def post(self, operation: str, body: bytes) -> Answer:
        """One XML-encoded request, POSTed to the operation's advertised POST URL (if on a declared host)."""
        url = self.usable().posts.get(operation, "")
        url = url if url and self.target.http.allowed(url) else self.target.base_url
        headers = {"Content-Type": "text/xml; charset=UTF-8"}
        return answer_of(self.target.http.request("POST", url, headers=headers, body=body))

    def part(self, name: str, compute: Callable[[Observed], T]) -> T:
        """A series of requests, made by the first check that needs it and kept for the others."""
        self.usable()
        if name not in self.parts:
            self.parts[name] = Lazy(lambda: compute(self))
        return self.parts[name].get()  # type: ignore[no-any-return]


def observe(target: TargetContext) -> Observed:
    """Fetch and read the capabilities (a target that cannot be reached raises, and so ends every check)."""
    response = target.http.get(target.base_url, params={"SERVICE": "WFS", "REQUEST": "GetCapabilities"})
    answer = answer_of(response)
    if answer.tree is None:
        return Observed(target, answer, None, m("capabilities-unreadable", error=answer.problem))
    if answer.root != CAPABILITIES or response.status != 200:
        return Observed(target, answer, None, m("not-capabilities", actual=answer.what()))
    found = Observed(target, answer, read(answer.tree))
    found.urls = {op: url for op, url in found.usable().operations.items() if url and target.http.allowed(url)}
    return found
