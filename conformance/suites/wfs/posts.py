"""XML-encoded requests (09-025r2 HTTP POST binding, declared by the constraint XMLEncoding): GetFeature with an
ad hoc wfs:Query and with the stored query GetFeatureById, POSTed for the first sampled type, to be compared with
the same requests in KVP."""

from __future__ import annotations

from dataclasses import dataclass
from xml.sax.saxutils import escape, quoteattr

from conformance.suites.wfs.features import COUNT, TypeProbe, members, series
from conformance.suites.wfs.probes import BY_ID, GML_ID, by_id_query
from conformance.suites.wfs.service import WFS, Answer, Observed

HEAD = f'<?xml version="1.0" encoding="UTF-8"?>\n<wfs:GetFeature xmlns:wfs="{WFS}" service="WFS" version="2.0.0"'


@dataclass(frozen=True)
class PostProbe:
    """The POSTed requests about one type, and the KVP answer they are compared with."""

    probe: TypeProbe
    query: Answer
    by_id: Answer | None
    id: str


def query_body(name: str, namespace: str, count: int = COUNT, clause: str = "") -> bytes:
    """wfs:GetFeature with one wfs:Query of a type (its prefix declared), count, and optionally a fes:Filter."""
    prefix = name.partition(":")[0] if ":" in name else ""
    declared = f" xmlns:{prefix}={quoteattr(namespace)}" if prefix and namespace else ""
    query = f"<wfs:Query typeNames={quoteattr(name)}" + (f">{clause}</wfs:Query>" if clause else "/>")
    return f'{HEAD} count="{count}"{declared}>{query}</wfs:GetFeature>'.encode()


def by_id_body(fid: str, query: str = BY_ID) -> bytes:
    """wfs:GetFeature with the stored query GetFeatureById (``query``: its identifier)."""
    return (
        f'{HEAD}><wfs:StoredQuery id="{query}"><wfs:Parameter name="ID">{escape(fid)}</wfs:Parameter>'
        "</wfs:StoredQuery></wfs:GetFeature>"
    ).encode()


def posts(obs: Observed) -> list[PostProbe]:
    """The POSTed requests for the first sampled type whose KVP query gave features."""
    for probe in obs.part("features", series).types:
        first = members(probe.results)[:1]
        if not first:
            continue
        fid = first[0].get(GML_ID, "")
        namespace = first[0].tag.partition("}")[0].lstrip("{") if isinstance(first[0].tag, str) else ""
        query = obs.post("GetFeature", query_body(probe.name, namespace))
        by_id = obs.post("GetFeature", by_id_body(fid, by_id_query(obs))) if fid else None
        return [PostProbe(probe, query, by_id, fid)]
    return []
