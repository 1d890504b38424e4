"""What the suite observes of one WMS: the capabilities, read once, and the request series made on first need.

A target that cannot be reached ends every check as an error (through the harness). Capabilities that are not
WMS 1.3.0 service metadata skip every check that builds on them; capabilities-schema says why.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, TypeVar

from conformance.core.evidence import Skipped
from conformance.core.messages import Message
from conformance.core.xmlsafe import XMLRejected
from conformance.harness.observe import Lazy
from conformance.harness.target import TargetContext
from conformance.suites.ows import vendor_document
from conformance.suites.wms.capabilities import Capabilities, read
from conformance.suites.wms.client import Answer, Client, slim
from conformance.suites.wms.layers import q
from conformance.suites.wms.messages import m
from conformance.xml.schemaset import SchemaSetError, compile_set, gather, pairs

WMS_XSD = ("http://www.opengis.net/wms", "http://schemas.opengis.net/wms/1.3.0/capabilities_1_3_0.xsd")
XSI = "{http://www.w3.org/2001/XMLSchema-instance}schemaLocation"
OPTIONS = {"max_layers": 3, "max_crs": 3, "max_formats": 4, "max_styles": 3, "max_links": 4, "image_size": 256}
T = TypeVar("T")


@dataclass
class Schemas:
    """How the capabilities were validated: the locations refused and why, or why the set did not compile."""

    refused: dict[str, str] = field(default_factory=dict)
    broken: str = ""
    used: bool = False


@dataclass
class Observed:
    """One WMS target as the checks see it."""

    target: TargetContext
    client: Client
    answer: Answer
    capabilities: Capabilities | None
    problem: Message | None = None
    schemas: Schemas = field(default_factory=Schemas)
    parts: dict[str, Lazy[Any]] = field(default_factory=dict)

    def limit(self, name: str) -> int:
        """A sampling option of the target."""
        return int(self.target.option(name, OPTIONS[name]))

    def caps(self) -> Capabilities:
        """The capabilities; checks that build on them are skipped when they are unusable."""
        if self.capabilities is None:
            raise Skipped(m("skip-capabilities", reason=self.problem or m("phrase-none")))
        return self.capabilities

    def part(self, name: str, compute: Callable[[Observed], T]) -> T:
        """A series of requests, made by the first check that needs it and kept for the others."""
        self.caps()
        if name not in self.parts:
            self.parts[name] = Lazy(lambda: compute(self))
        return self.parts[name].get()  # type: ignore[no-any-return]


def observe(target: TargetContext) -> Observed:
    """Fetch and read the capabilities (a target that cannot be reached raises, and so ends every check)."""
    client = Client(target)
    answer = client.call("GetCapabilities", {})
    if answer.kind != "xml" or answer.root != q("WMS_Capabilities") or answer.response.status != 200:
        return Observed(target, client, answer, None, m("not-capabilities", actual=answer.what()))
    found = Observed(target, client, slim(answer), None)
    try:
        found.capabilities = read(answer.response.content, _schema(found), found.limit)
    except XMLRejected as exc:
        found.problem = m("capabilities-unreadable", error=str(exc))
        return found
    client.advertise(found.capabilities.get_urls)
    return found


def _schema(found: Observed) -> Any:
    locations = [WMS_XSD, *(p for p in pairs(found.answer.attributes.get(XSI, "")) if p[0] != WMS_XSD[0])]
    gathered = gather(locations, lambda url: vendor_document(found.target, url))
    found.schemas.refused = gathered.refused
    usable = [p for p in locations if p[1] not in gathered.refused]
    try:
        schema = compile_set(usable, gathered.documents)
    except SchemaSetError as exc:
        found.schemas.broken = str(exc)
        return None
    found.schemas.used = True
    return schema
