"""The WMS capabilities, read with memory that stays flat in the number of layers.

The document streams through the hardened iterparse (validated against the schema set on the way). Each Layer
is judged by the per-layer rules when it ends, offered to the samples, and then removed from the tree, so a
document with ten thousand layers never exists as a tree; what is kept is the small rest (Service, Request,
Exception), a capped list of problems per rule, counters, and the samples the requests need.
"""

from __future__ import annotations

import io
import random
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from typing import Any, Generic, TypeVar

from lxml import etree

from conformance.core.xmlsafe import SafeIterparse
from conformance.suites.wms import rules
from conformance.suites.wms.layers import LAYER, XLINK, Layer, Link, inherit, own, q
from conformance.suites.wms.messages import m

KEEP = 60
T = TypeVar("T")
RULES = ("crs", "geo", "bbox", "inherit")
LINKS = ("legend", "metadata")


@dataclass
class Capped:
    """Problems of one rule: how many there were, the first ``KEEP`` of them, and how many things were judged."""

    judged: int = 0
    count: int = 0
    kept: list[rules.Problem] = field(default_factory=list)

    def add(self, problems: Iterable[rules.Problem], judged: int = 1) -> None:
        """Record what one layer gave."""
        self.judged += judged
        for problem in problems:
            self.count += 1
            if len(self.kept) < KEEP:
                self.kept.append(problem)


@dataclass
class Sample(Generic[T]):
    """A reservoir sample of at most ``limit`` items, the same for the same document (fixed seed)."""

    limit: int
    seen: int = 0
    items: list[T] = field(default_factory=list)
    rng: random.Random = field(default_factory=lambda: random.Random(1))  # noqa: S311  (sampling, not secrets)

    def offer(self, item: T) -> None:
        """Consider one more item."""
        self.seen += 1
        if len(self.items) < self.limit:
            self.items.append(item)
            return
        slot = self.rng.randrange(self.seen)
        if slot < self.limit:
            self.items[slot] = item


@dataclass
class Capabilities:
    """What the suite keeps of a WMS capabilities document."""

    version: str = ""
    update_sequence: str | None = None
    formats: dict[str, tuple[str, ...]] = field(default_factory=dict)
    get_urls: dict[str, str] = field(default_factory=dict)
    exception_formats: tuple[str, ...] = ()
    layers: int = 0
    named: Sample[Layer] = field(default_factory=lambda: Sample(3))
    queryable: Sample[Layer] = field(default_factory=lambda: Sample(3))
    not_queryable: Layer | None = None
    dimensioned: Layer | None = None
    links: dict[str, Sample[Link]] = field(default_factory=lambda: {k: Sample(4) for k in LINKS})
    rules: dict[str, Capped] = field(default_factory=lambda: {r: Capped() for r in RULES})
    schema_errors: Capped = field(default_factory=Capped)

    @property
    def operations(self) -> tuple[str, ...]:
        """The operations the Request section lists."""
        return tuple(self.formats)


class Reader:
    """Streams one document into a :class:`Capabilities`."""

    def __init__(self, found: Capabilities) -> None:
        self.found = found
        self.effective: dict[Any, Layer] = {}
        self.children: dict[Any, int] = {}

    def read(self, content: bytes, schema: etree.XMLSchema | None) -> Capabilities:
        """Parse, judge every layer, then read the rest of the document (raises XMLRejected if it is broken)."""
        stream = SafeIterparse(io.BytesIO(content), tag=LAYER, schema=schema, strict=schema is not None)
        root = None
        for element in stream:
            if element.tag == LAYER:
                self._ended(element)
            else:
                root = element
        if stream.schema_errors():
            well_formed(content)
        for error in stream.schema_errors():
            line = f"line {error.line}: " if error.line else ""
            self.found.schema_errors.add([rules.Problem(m("schema-error", text=line + error.message), "/")], 0)
        if root is not None:
            self._rest(root)
        return self.found

    def _ended(self, el: Any) -> None:
        parent = el.getparent()
        inherited = self._effective(parent) if parent is not None and parent.tag == LAYER else None
        mine = own(el)
        layer = replace(inherit(inherited, mine, self._path(el)), group=self.children.get(el, 0) > 0)
        self._judge(mine, layer, inherited)
        self._sample(layer)
        self.effective.pop(el, None)
        self.children.pop(el, None)
        if parent is not None:
            self.children[parent] = self.children.get(parent, 0) + 1
            parent.remove(el)

    def _effective(self, el: Any) -> Layer:
        if el not in self.effective:
            parent = el.getparent()
            above = self._effective(parent) if parent is not None and parent.tag == LAYER else None
            self.effective[el] = inherit(above, own(el), self._path(el))
        return self.effective[el]

    def _path(self, el: Any) -> str:
        parent = el.getparent()
        if parent is None or parent.tag != LAYER:
            return "/WMS_Capabilities/Capability/Layer"
        return f"{self._path(parent)}/Layer[{self.children.get(parent, 0) + 1}]"

    def _judge(self, mine: Any, layer: Layer, parent: Layer | None) -> None:
        judged = self.found.rules
        self.found.layers += 1
        judged["crs"].add(rules.crs(layer), int(bool(layer.name)))
        judged["geo"].add(rules.geographic(mine, layer), int(bool(layer.name) or mine.geo is not None))
        judged["bbox"].add(rules.boxes(mine, layer), rules.geographic_boxes(mine))
        if parent is not None:
            judged["inherit"].add(rules.inheritance(mine, layer, parent))
        for link in mine.links:
            self.found.links[link.kind].offer(link)

    def _sample(self, layer: Layer) -> None:
        if not layer.name:
            return
        self.found.named.offer(layer)
        if layer.queryable:
            self.found.queryable.offer(layer)
        elif self.found.not_queryable is None:
            self.found.not_queryable = layer
        if layer.dimensions and self.found.dimensioned is None:
            self.found.dimensioned = layer

    def _rest(self, root: Any) -> None:
        found = self.found
        found.version = root.get("version", "")
        found.update_sequence = root.get("updateSequence")
        request = root.find(f"{q('Capability')}/{q('Request')}")
        for operation in request if request is not None else ():
            name = etree.QName(operation).localname
            found.formats[name] = tuple((f.text or "").strip() for f in operation.findall(q("Format")))
            get = operation.find(f"{q('DCPType')}/{q('HTTP')}/{q('Get')}/{q('OnlineResource')}")
            if get is not None:
                found.get_urls[name] = get.get(XLINK, "").strip()
        formats = root.findall(f"{q('Capability')}/{q('Exception')}/{q('Format')}")
        found.exception_formats = tuple((f.text or "").strip() for f in formats)


def well_formed(content: bytes) -> None:
    """Raise XMLRejected where the document is not well-formed. With a schema plugged in, libxml2 lets a namespace
    error that comes with a schema error pass (an undeclared attribute prefix); the parse alone refuses it. Each
    element is dropped once it has ended, so memory stays flat."""
    for element in SafeIterparse(io.BytesIO(content)):
        parent = element.getparent()
        element.clear()
        while parent is not None and element.getprevious() is not None:
            del parent[0]


def read(content: bytes, schema: etree.XMLSchema | None, limits: Callable[[str], int]) -> Capabilities:
    """The capabilities of one document, sampled within the target's limits."""
    found = Capabilities(
        named=Sample(limits("max_layers")),
        queryable=Sample(limits("max_layers")),
        links={k: Sample(limits("max_links")) for k in LINKS},
    )
    return Reader(found).read(content, schema)
