"""Feature requests of the WFS suite: DescribeFeatureType, GetFeature with COUNT and RESULTTYPE=hits, and
GetPropertyValue, for the sampled feature types; and the validation of a response against the schemas its
``xsi:schemaLocation`` names (application schemas fetched only from the vendor's host, OGC schemas from the
packs, never fetched)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any, cast

from lxml import etree

from conformance.core.messages import Message
from conformance.suites.ows import vendor_document
from conformance.suites.wfs.messages import m
from conformance.suites.wfs.service import WFS, Answer, Observed
from conformance.xml.schemaset import SchemaSetError, compile_set, gather, pairs

XS = "http://www.w3.org/2001/XMLSchema"
XSI = "{http://www.w3.org/2001/XMLSchema-instance}schemaLocation"
COUNT = 2


def sampled_types(obs: Observed, notes: list[Message]) -> list[str]:
    """The feature types asked for, within the option max_types (a cut is noted)."""
    caps, limit = obs.usable(), int(obs.option("max_types"))
    if caps.type_count > limit:
        notes.append(m("note-cut", limit=limit, total=caps.type_count))
    return caps.types[:limit]


def schema_problems(obs: Observed, answer: Answer) -> list[str]:
    """Why a response does not validate against the schemas it names (or why they could not be used)."""
    assert answer.tree is not None
    locations = pairs(answer.tree.getroot().get(XSI, ""))
    if not locations:
        return ["the response names no schema (xsi:schemaLocation)"]
    gathered = gather(locations, lambda url: vendor_document(obs.target, url))
    refused = [f"schema {url} not loaded: {reason}" for url, reason in gathered.refused.items()]
    if refused:
        return refused
    try:
        schema = compile_set(locations, gathered.documents)
    except SchemaSetError as exc:
        return [str(exc)]
    if schema.validate(answer.tree):
        return []
    errors: list[Any] = list(cast(Iterable[Any], schema.error_log))
    return [f"line {e.line}: {e.message}" for e in errors[:5]]


@dataclass(frozen=True)
class TypeProbe:
    """The requests about one feature type."""

    name: str
    described: Answer
    results: Answer
    hits: Answer
    values: Answer | None
    reference: str
    namespace: str = ""


@dataclass(frozen=True)
class Series:
    """Every type probe, and the notes on the sample."""

    types: list[TypeProbe]
    notes: list[Message] = field(default_factory=list)


def series(obs: Observed) -> Series:
    """DescribeFeatureType, GetFeature (COUNT, hits) and GetPropertyValue for every sampled type."""
    notes: list[Message] = []
    return Series([_probe(obs, name) for name in sampled_types(obs, notes)], notes)


def _probe(obs: Observed, name: str) -> TypeProbe:
    described = obs.call("DescribeFeatureType", {"TYPENAMES": name})
    results = obs.call("GetFeature", {"TYPENAMES": name, "COUNT": str(COUNT)})
    hits = obs.call("GetFeature", {"TYPENAMES": name, "RESULTTYPE": "hits"})
    reference, namespace = first_leaf(results)
    values = None
    caps = obs.usable()
    if reference and ("GetPropertyValue" in caps.operations or caps.constraints.get("ImplementsBasicWFS") == "TRUE"):
        params = {"TYPENAMES": name, "VALUEREFERENCE": reference, "COUNT": str(COUNT)}
        if ":" in reference:
            params["NAMESPACES"] = f"xmlns({reference.partition(':')[0]},{namespace})"
        values = obs.call("GetPropertyValue", params)
    return TypeProbe(name, described, results, hits, values, reference, namespace)


def members(answer: Answer) -> list[etree._Element]:
    """The features of a wfs:FeatureCollection (the children of its wfs:member elements)."""
    if answer.tree is None:
        return []
    return [child for member in answer.tree.getroot().iter(f"{{{WFS}}}member") for child in member]


def first_leaf(answer: Answer) -> tuple[str, str]:
    """The prefixed name and the namespace of the first property of the first feature that holds text (for
    GetPropertyValue), or empty strings."""
    for feature in members(answer)[:1]:
        for prop in feature:
            if len(prop) == 0 and (prop.text or "").strip() and isinstance(prop.tag, str):
                qname = etree.QName(prop)
                name = f"{prop.prefix}:{qname.localname}" if prop.prefix else qname.localname
                return name, qname.namespace or ""
    return "", ""
