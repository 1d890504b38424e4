"""What the suites of OGC web services with XML capabilities (WFS, CSW) observe of one target: each response
parsed by the hardened parser (an ``Answer``), the capabilities read once, and request series made on first need
(``Service``). Each suite subclasses ``Service`` with its service name, version, options and capabilities type.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any, ClassVar, Generic, Protocol, Self, TypeVar

from lxml import etree

from conformance.core.evidence import Exchange, Skipped, ValueViolation
from conformance.core.http import Response
from conformance.core.messages import Message
from conformance.core.xmlsafe import XMLRejected, parse_bytes
from conformance.harness.observe import Lazy
from conformance.harness.target import TargetContext

T = TypeVar("T")


@dataclass(frozen=True)
class Answer:
    """One response: its parsed XML (or why there is none) and, for an ows:ExceptionReport, its codes."""

    response: Response
    tree: etree._ElementTree | None
    problem: str = ""

    @property
    def root(self) -> str:
        """The ``{ns}local`` name of the root element, or empty."""
        return str(self.tree.getroot().tag) if self.tree is not None else ""

    @property
    def is_report(self) -> bool:
        """Whether this is an ows:ExceptionReport (of any OWS version)."""
        name = etree.QName(self.root) if self.root else None
        return name is not None and name.localname == "ExceptionReport" and "/ows" in (name.namespace or "")

    @property
    def codes(self) -> tuple[str, ...]:
        """The exception codes of an ows:ExceptionReport."""
        if not self.is_report or self.tree is None:
            return ()
        namespace = etree.QName(self.root).namespace
        return tuple(e.get("exceptionCode", "") for e in self.tree.getroot().iter(f"{{{namespace}}}Exception"))

    @property
    def exchange(self) -> Exchange:
        """The evidence record of the exchange."""
        return self.response.exchange

    @property
    def where(self) -> str:
        """The request URL, for locators."""
        return self.response.exchange.url

    def is_a(self, tag: str) -> bool:
        """Whether this is an HTTP 200 answer whose root element is ``tag`` (``{ns}local``)."""
        return self.tree is not None and self.response.status == 200 and self.root == tag

    def finding(self, message: Message, expected: object = None, actual: object = None) -> ValueViolation:
        """A finding about this answer, with its request URL and exchange as evidence."""
        return ValueViolation(message, locator=self.where, expected=expected, actual=actual, exchange=self.exchange)

    def what(self) -> str:
        """A short description of what came back (for actual values)."""
        if self.is_report:
            return f"HTTP {self.response.status} ExceptionReport {', '.join(c or '(no code)' for c in self.codes)}"
        shown = etree.QName(self.root).localname if self.root else self.response.headers.get("Content-Type", "")
        return f"HTTP {self.response.status} {shown}".strip()


def answer_of(response: Response) -> Answer:
    """A response with its XML parsed by the hardened parser."""
    try:
        return Answer(response, parse_bytes(response.content))
    except XMLRejected as exc:
        return Answer(response, None, str(exc))


@dataclass(frozen=True)
class CodeProbe:
    """A request that should raise the exception ``code``: what was asked, and the answer."""

    code: str
    asked: Message
    answer: Answer


class Posting(Protocol):
    """Capabilities that name the POST URL of each operation."""

    posts: dict[str, str]


C = TypeVar("C", bound=Posting)


@dataclass
class Service(Generic[C]):
    """One service target as the checks see it: the capabilities answer, what was read of it (or why nothing),
    the GET URL of each operation (on a declared host), and the request series made so far."""

    target: TargetContext
    capabilities: Answer
    caps: C | None
    problem: Message | None = None
    urls: dict[str, str] = field(default_factory=dict)
    parts: dict[str, Lazy[Any]] = field(default_factory=dict)

    SERVICE: ClassVar[str] = ""
    VERSION: ClassVar[str] = ""
    OPTIONS: ClassVar[dict[str, Any]] = {}
    POST_TYPE: ClassVar[str] = "text/xml; charset=UTF-8"

    def unusable(self) -> Message:
        """The reason checks that build on the capabilities are skipped (a message of the suite)."""
        raise NotImplementedError

    def option(self, name: str) -> Any:
        """A target option of the suite."""
        return self.target.option(name, self.OPTIONS[name])

    def usable(self) -> C:
        """The capabilities; checks that build on them are skipped when they are unusable."""
        if self.caps is None:
            raise Skipped(self.unusable())
        return self.caps

    def call(self, operation: str, params: Mapping[str, str]) -> Answer:
        """One KVP request: SERVICE, VERSION and REQUEST added."""
        sent = {"SERVICE": self.SERVICE, "VERSION": self.VERSION, "REQUEST": operation, **params}
        url = self.urls.get(operation, self.target.base_url)
        return answer_of(self.target.http.get(url, params=sent))

    def post(
        self, operation: str, body: bytes, media_type: str = "", headers: Mapping[str, str] | None = None
    ) -> Answer:
        """One XML-encoded request, POSTed to the operation's advertised POST URL (if on a declared host); ``headers``
        replace the Content-Type of ``media_type``."""
        url = self.usable().posts.get(operation, "")
        url = url if url and self.target.http.allowed(url) else self.target.base_url
        headers = dict(headers or {"Content-Type": media_type or self.POST_TYPE})
        return answer_of(self.target.http.request("POST", url, headers=headers, body=body))

    def part(self, name: str, compute: Callable[[Self], T]) -> T:
        """A series of requests, made by the first check that needs it and kept for the others."""
        self.usable()
        if name not in self.parts:
            self.parts[name] = Lazy(lambda: compute(self))
        return self.parts[name].get()  # type: ignore[no-any-return]


def allowed_urls(target: TargetContext, operations: Mapping[str, str]) -> dict[str, str]:
    """The GET URL of each operation that lies on a host declared for the vendor."""
    return {op: url for op, url in operations.items() if url and target.http.allowed(url)}
