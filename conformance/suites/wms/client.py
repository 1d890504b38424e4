"""KVP requests to a WMS and what came back: a picture, a service exception, other XML, or something else.

Operations go to the HTTP GET OnlineResource the capabilities advertise for them (06-042 6.3.3), as long as its
host is one the vendor declared; otherwise to the target's URL, and the report says so.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, replace

from lxml import etree

from conformance.core.evidence import Exchange, MediaTypeViolation
from conformance.core.http import Response
from conformance.core.messages import Message
from conformance.core.xmlsafe import PROLOG_BYTES, XMLRejected, parse_bytes, peek_root_element
from conformance.harness.target import TargetContext
from conformance.suites.wms.messages import m

OGC = "http://www.opengis.net/ogc"
REPORT = f"{{{OGC}}}ServiceExceptionReport"
XML_TYPES = ("text/xml", "application/xml", "application/vnd.ogc.se_xml")


@dataclass(frozen=True)
class Answer:
    """One response, classified."""

    response: Response
    kind: str
    root: str = ""
    attributes: Mapping[str, str] = field(default_factory=dict)
    codes: tuple[str, ...] = ()
    problem: str = ""

    @property
    def exchange(self) -> Exchange:
        """The evidence record of the exchange."""
        return self.response.exchange

    @property
    def media_type(self) -> str:
        """The Content-Type without parameters."""
        return self.response.media_type

    @property
    def where(self) -> str:
        """The request URL, for locators."""
        return self.response.exchange.url

    @property
    def is_exception(self) -> bool:
        """True for a ServiceExceptionReport."""
        return self.kind == "exception"

    def media_type_finding(self, message: Message, expected: str = "text/xml") -> MediaTypeViolation:
        """The finding that this answer came with another media type than ``expected``."""
        return MediaTypeViolation(
            message, locator=self.where, expected=expected, actual=self.media_type, exchange=self.exchange
        )

    def what(self) -> str:
        """A short description of what came back (for actual values)."""
        if self.is_exception:
            return f"ServiceException {', '.join(c or '(no code)' for c in self.codes)}"
        return f"HTTP {self.response.status} {self.response.headers.get('Content-Type', '')}".strip()


def classify(response: Response) -> Answer:
    """What a response is: an image, a ServiceExceptionReport (with its codes), other XML (root and its
    attributes), or other content."""
    if response.media_type.startswith("image/"):
        return Answer(response, "image")
    head = response.content[:PROLOG_BYTES].lstrip()
    if not head.startswith(b"<"):
        return Answer(response, "other")
    try:
        root, attributes = peek_root_element(response.content[:PROLOG_BYTES])
    except XMLRejected as exc:
        return Answer(response, "other", problem=str(exc))
    if root != REPORT:
        return Answer(response, "xml", root, attributes)
    try:
        tree = parse_bytes(response.content)
    except XMLRejected as exc:
        return Answer(response, "exception", root, attributes, (), str(exc))
    codes = tuple(el.get("code", "") for el in tree.getroot().iter(f"{{{OGC}}}ServiceException"))
    return Answer(response, "exception", root, attributes, codes)


def slim(answer: Answer) -> Answer:
    """A service metadata answer without its body beyond the prolog (root and attributes are read already), so
    that the GetCapabilities probes do not keep one copy of a large document each."""
    if answer.kind != "xml" or len(answer.response.content) <= PROLOG_BYTES:
        return answer
    return replace(answer, response=replace(answer.response, content=answer.response.content[:PROLOG_BYTES]))


class Client:
    """Sends the KVP requests of one target."""

    def __init__(self, target: TargetContext) -> None:
        self.target = target
        self.urls: dict[str, str] = {}
        self.notes: list[Message] = []

    def advertise(self, urls: Mapping[str, str]) -> None:
        """Use the GET URLs the capabilities advertise (those on declared hosts)."""
        for operation, url in urls.items():
            if url and self.target.http.allowed(url):
                self.urls[operation] = url
            elif url:
                self.notes.append(m("note-foreign-url", operation=operation, url=url))

    def url(self, operation: str) -> str:
        """Where an operation is sent."""
        return self.urls.get(operation, self.target.base_url)

    def call(self, operation: str, params: Mapping[str, str], *, standard: bool = True) -> Answer:
        """Send one request; ``standard`` adds SERVICE=WMS, VERSION=1.3.0 and REQUEST unless given."""
        sent = dict(params)
        given = {k.upper() for k in sent}
        if standard:
            for key, value in (("SERVICE", "WMS"), ("VERSION", "1.3.0"), ("REQUEST", operation)):
                if key not in given:
                    sent[key] = value
        return classify(self.target.http.get(self.url(operation), params=sent))

    def fetch(self, url: str) -> Answer:
        """GET a URL named in the capabilities (a legend, a metadata record)."""
        return classify(self.target.http.get(url))


def xml_tree(answer: Answer) -> etree._ElementTree | str:
    """The parsed XML of an answer, or the parser's complaint."""
    try:
        return parse_bytes(answer.response.content)
    except XMLRejected as exc:
        return str(exc)
