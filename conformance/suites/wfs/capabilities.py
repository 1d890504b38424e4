"""The WFS capabilities, read in one streaming pass with memory bounded by the sample of feature types.

The document streams through the hardened iterparse, validated against wfs.xsd on the way. Each FeatureType is
counted when it ends and, while it is among the first ``max_types`` (the types the requests sample), kept with
its CRS list; then it is removed from the tree. What stays is the root with the small sections (the service
identification, OperationsMetadata, Filter_Capabilities). A document the validating pass refuses or does not find
valid streams once more without the schema (with a schema plugged in, libxml2 lets some namespace errors pass
that the hardened parser refuses), kept the same way; only a document that this pass refuses too is parsed whole,
so that the refusal is worded as for every other response (``read_tree`` reads such a tree). The schema check
parses an invalid document whole for its findings, so they are those of the whole-document validation; that tree
lives only while the check runs.
"""

from __future__ import annotations

import io
from dataclasses import dataclass, field
from typing import Any

from lxml import etree

from conformance.core.packs import PackError
from conformance.core.xmlsafe import DEFAULT_MAX_BYTES, SafeIterparse, XMLRejected
from conformance.xml.xsd import SchemaCompileError, SchemaRef, compiled

WFS, OWS = "http://www.opengis.net/wfs/2.0", "http://www.opengis.net/ows/1.1"
FES = "http://www.opengis.net/fes/2.0"
XLINK = "{http://www.w3.org/1999/xlink}href"
CAPABILITIES = f"{{{WFS}}}WFS_Capabilities"
FEATURE_TYPE = f"{{{WFS}}}FeatureType"
LIST = f"{{{WFS}}}FeatureTypeList"
WFS_XSD = SchemaRef("ogc-xml-schemas", "wfs/2.0/wfs.xsd")


@dataclass
class Capabilities:
    """What the suite keeps of a WFS capabilities document: ``types`` are the names of the first feature types
    (as many as the requests sample), ``counted`` how many the document lists, ``crs`` the DefaultCRS and
    OtherCRS of each kept type; ``valid`` is True when the streaming parse validated the whole document."""

    version: str
    operations: dict[str, str]
    constraints: dict[str, str]
    types: list[str]
    posts: dict[str, str] = field(default_factory=dict)
    counted: int = 0
    crs: dict[str, tuple[str, list[str]]] = field(default_factory=dict)
    valid: bool = False

    @property
    def type_count(self) -> int:
        """How many feature types the document lists."""
        return max(self.counted, len(self.types))


class Reader:
    """Collects the feature types of one document as they end, keeping the first ``keep`` of them."""

    def __init__(self, keep: int) -> None:
        self.keep = keep
        self.found = Capabilities("", {}, {}, [])

    def ended(self, element: Any) -> None:
        """One FeatureType of the FeatureTypeList: its names counted, kept while the sample is not full, and the
        element removed from the tree (a FeatureType elsewhere is not one of the list and stays)."""
        parent = element.getparent()
        if parent is None or parent.tag != LIST or not _top(parent):
            return
        for number, name in enumerate(element.iterfind(f"{{{WFS}}}Name")):
            self.found.counted += 1
            if len(self.found.types) < self.keep:
                self.found.types.append((name.text or "").strip())
                if number == 0:
                    self.found.crs.setdefault(self.found.types[-1], _crs(element))
        parent.remove(element)

    def rest(self, root: Any) -> Capabilities:
        """The version, operations (GET and POST URLs) and constraints, read from the emptied root."""
        found = self.found
        found.version = root.get("version", "")
        for op in root.iterfind(f"{{{OWS}}}OperationsMetadata/{{{OWS}}}Operation"):
            get = op.find(f"{{{OWS}}}DCP/{{{OWS}}}HTTP/{{{OWS}}}Get")
            found.operations[op.get("name", "")] = (get.get(XLINK, "") if get is not None else "").strip()
            post = op.find(f"{{{OWS}}}DCP/{{{OWS}}}HTTP/{{{OWS}}}Post")
            if post is not None:
                found.posts[op.get("name", "")] = post.get(XLINK, "").strip()
        for c in root.iterfind(f"{{{OWS}}}OperationsMetadata/{{{OWS}}}Constraint"):
            found.constraints[c.get("name", "")] = _default(c)
        for c in root.iterfind(f"{{{FES}}}Filter_Capabilities/{{{FES}}}Conformance/{{{FES}}}Constraint"):
            found.constraints["fes:" + c.get("name", "")] = _default(c)
        return found


def _top(element: Any) -> bool:
    """Whether the element is a child of the root."""
    parent = element.getparent()
    return parent is not None and parent.getparent() is None


def _crs(element: Any) -> tuple[str, list[str]]:
    others = [(o.text or "").strip() for o in element.iterfind(f"{{{WFS}}}OtherCRS")]
    return (element.findtext(f"{{{WFS}}}DefaultCRS") or "").strip(), [o for o in others if o]


def _default(constraint: Any) -> str:
    return (constraint.findtext(f"{{{OWS}}}DefaultValue") or "").strip().upper()


def stream(content: bytes, keep: int, validating: bool = True) -> tuple[Any, Capabilities]:
    """The emptied root and what was read, in one pass, validating unless told not to (raises XMLRejected where
    the strict parse refuses the document); ``valid`` only for a WFS capabilities document without schema
    errors."""
    schema = _schema() if validating else None
    reader = Reader(keep)
    raw = io.BytesIO(content)
    parse = SafeIterparse(raw, tag=FEATURE_TYPE, schema=schema, max_bytes=DEFAULT_MAX_BYTES, strict=validating)
    for element in parse:
        if element.tag == FEATURE_TYPE and element is not parse.root:
            reader.ended(element)
    found = reader.rest(parse.root)
    found.valid = schema is not None and parse.root.tag == CAPABILITIES and not parse.schema_errors()
    return parse.root, found


def read_tree(root: Any, keep: int) -> Capabilities:
    """The same reading of a document parsed whole (its FeatureType elements are removed on the way)."""
    reader = Reader(keep)
    for element in list(root.iterfind(f"{{{WFS}}}FeatureTypeList/{{{WFS}}}FeatureType")):
        reader.ended(element)
    return reader.rest(root)


def _schema() -> etree.XMLSchema | None:
    """wfs.xsd from the pack, or None when it cannot be had (the schema check then reports why)."""
    try:
        return compiled(WFS_XSD)
    except (PackError, SchemaCompileError, OSError):
        return None


__all__ = ["CAPABILITIES", "FES", "OWS", "WFS", "WFS_XSD", "Capabilities", "XMLRejected", "read_tree", "stream"]
