"""The request series of the WFS suite, each made once per target by the first check that needs it."""

from __future__ import annotations

from dataclasses import dataclass

from conformance.core.messages import Message
from conformance.suites.ows_service import CodeProbe
from conformance.suites.wfs.messages import m
from conformance.suites.wfs.service import Answer, Observed

BY_ID = "urn:ogc:def:query:OGC-WFS::GetFeatureById"
BY_ID_202 = "http://www.opengis.net/def/query/OGC-WFS/0/GetFeatureById"
BY_IDS = (BY_ID, BY_ID_202)  # 09-025r1 (2.0.0) 7.9.3.6 names the urn, 09-025r2 (2.0.2) the http URI
GML = "http://www.opengis.net/gml/3.2"
GML_ID = f"{{{GML}}}id"
UNKNOWN = "wechselbar-no-such-{}"


@dataclass(frozen=True)
class Listing:
    """The answers to ListStoredQueries and DescribeStoredQueries."""

    listed: Answer
    described: Answer


def listing(obs: Observed) -> Listing:
    """Both stored query listings."""
    return Listing(obs.call("ListStoredQueries", {}), obs.call("DescribeStoredQueries", {}))


def by_id_query(obs: Observed) -> str:
    """The identifier of GetFeatureById to invoke: the 2.0.2 URI where only that is listed, else the urn."""
    listed = obs.part("listing", listing).listed
    ids = {el.get("id") for el in listed.tree.getroot().iter()} if listed.tree is not None else set()
    return BY_ID_202 if BY_ID_202 in ids and BY_ID not in ids else BY_ID


@dataclass(frozen=True)
class ByIdProbe:
    """GetFeatureById for one identifier; ``known`` when the identifier came from a feature the server served."""

    id: str
    known: bool
    answer: Answer


@dataclass(frozen=True)
class ByIdRun:
    """The GetFeatureById probes and the notes on how the identifiers were found."""

    probes: list[ByIdProbe]
    notes: list[Message]


def feature_ids(obs: Observed, notes: list[Message]) -> list[str]:
    """Identifiers to ask for: the option feature_id, else the first feature of each sampled type (Basic WFS)."""
    given = str(obs.option("feature_id"))
    if given:
        return [given]
    caps = obs.usable()
    if caps.constraints.get("ImplementsBasicWFS") != "TRUE":
        notes.append(m("note-no-feature-id"))
        return []
    limit = int(obs.option("max_types"))
    if caps.type_count > limit:
        notes.append(m("note-cut", limit=limit, total=caps.type_count))
    found = []
    for name in caps.types[:limit]:
        answer = obs.call("GetFeature", {"TYPENAMES": name, "COUNT": "1"})
        first = next((el.get(GML_ID) for el in answer.tree.iter() if el.get(GML_ID)), None) if answer.tree else None
        if first:
            found.append(first)
    return found


def by_id(obs: Observed) -> ByIdRun:
    """GetFeatureById for every known identifier and for one that names no feature."""
    notes: list[Message] = []
    asked = [(i, True) for i in feature_ids(obs, notes)] + [(UNKNOWN.format("feature"), False)]
    query = by_id_query(obs)
    made = [ByIdProbe(i, known, obs.call("GetFeature", {"STOREDQUERY_ID": query, "ID": i})) for i, known in asked]
    return ByIdRun(made, notes)


def code_probes(obs: Observed) -> list[CodeProbe]:
    """One request per exception code the suite provokes."""
    unknown_type, unknown_op = UNKNOWN.format("type"), "WechselbarNoSuchOperation"
    return [
        CodeProbe("MissingParameterValue", m("asked-missing-query"), obs.call("GetFeature", {})),
        CodeProbe(
            "InvalidParameterValue",
            m("asked-unknown-type", value=unknown_type),
            obs.call("GetFeature", {"TYPENAMES": unknown_type}),
        ),
        CodeProbe(
            "OperationNotSupported",
            m("asked-unknown-operation", value=unknown_op),
            obs.call(unknown_op, {}),
        ),
    ]
