"""The Data Array extension (class data-array, OGC 18-088 clause 14.3): Observations read with
``$resultFormat=dataArray`` and, with the vendors file's ``writes = true``, created with a POST to
``CreateObservations``.

Judged where the service declares (or the vendors file claims) the class. The sample is the first ``max_entities``
Datastreams: the first page of each one's Observations is read in both forms and every row of the dataArray is
compared with the Observation of the same id (by position when the components name no id). Without the opt-in the
creation is not checked, and a note says so.
"""

from __future__ import annotations

import json
from typing import Any

from conformance.core.evidence import Skipped, StatusViolation, ValueViolation, Violation
from conformance.core.judgement import Judgement
from conformance.harness.writes import writes_allowed
from conformance.suites.sensorthings import probes
from conformance.suites.sensorthings.catalogue import DATA_ARRAY
from conformance.suites.sensorthings.checks_write import finding, needed, writing
from conformance.suites.sensorthings.links import nav
from conformance.suites.sensorthings.messages import m
from conformance.suites.sensorthings.service import Ctx, Doc, Entity, claim, entity_type, label, sampled
from conformance.suites.sensorthings.values import instant
from conformance.suites.sensorthings.writes import Writer, entity_link

ID_NAMES = ("id", "@iot.id")
COMPARED = ("result", "phenomenonTime", "resultTime")
RESULTS = (17.25, 18.5)
Found = tuple[list[Violation], int]


def data_array(ctx: Ctx) -> Judgement:
    """Each sampled Datastream's Observations as a dataArray agree with the same Observations read normally; with
    writes, Observations POSTed to CreateObservations are created."""
    claim(ctx, DATA_ARRAY)
    findings: list[Violation] = []
    rows = 0
    for stream in sampled(ctx, entity_type("Datastream"))[1]:
        link = stream.get(nav("Observations"))
        if isinstance(link, str):
            found, judged = _read(ctx, link)
            findings, rows = findings + found, rows + judged
    if writes_allowed(ctx.target):
        try:
            found, judged = _create(ctx)
        except Skipped as skipped:  # the set-up entities could not be made: judged by create-entity
            ctx.note(skipped.reason)
            found, judged = [], 0
        findings, rows = findings + found, rows + judged
    else:
        ctx.note(m("note.array-no-writes"))
    return ctx.judge(findings, ctx.examined(rows, "sta.examined.array-rows"))


def _read(ctx: Ctx, link: str) -> Found:
    packed = ctx.observation.fetch(link, {"$resultFormat": "dataArray"})
    if packed.status != 200:
        return [
            finding(StatusViolation, m("array-status", url=link, status=packed.status), packed, 200, packed.status)
        ], 0
    groups = packed.member("value")
    if not isinstance(groups, list) or not all(isinstance(g, dict) for g in groups):
        message = m("array-no-groups", url=link)
        return [finding(ValueViolation, message, packed, m("phrase.value-array"), None, "/value")], 0
    plain = ctx.observation.fetch(link)
    entities = plain.entities() if plain.ok else []
    findings: list[Violation] = []
    rows = 0
    for index, group in enumerate(groups):
        found, judged = _group(packed, index, group, link, entities)
        findings, rows = findings + found, rows + judged
    return findings, rows


def _group(doc: Doc, index: int, group: Entity, link: str, plain: list[Entity]) -> Found:
    where = f"/value/{index}"
    components, data = group.get("components"), group.get("dataArray")
    if not isinstance(components, list) or not components or not all(isinstance(c, str) for c in components):
        return [finding(ValueViolation, m("array-no-components", url=link), doc, "components", None, where)], 0
    if not isinstance(data, list):
        message = m("array-row-size", row=0, url=link, got=json.dumps(data), size=len(components))
        return [finding(ValueViolation, message, doc, "dataArray", None, where + "/dataArray")], 0
    findings = []
    count = group.get("dataArray@iot.count")
    if count is not None and count != len(data):
        message = m("array-count", url=link, got=json.dumps(count), size=len(data))
        findings.append(finding(ValueViolation, message, doc, len(data), count, where + "/dataArray@iot.count"))
    found, rows = _rows(doc, where, components, data, link, plain)
    return findings + found, rows


def _rows(doc: Doc, where: str, components: list[str], data: list[Any], link: str, plain: list[Entity]) -> Found:
    findings: list[Violation] = []
    rows = 0
    key = next((c for c in ID_NAMES if c in components), None)
    by_id = {str(e.get("@iot.id")): e for e in plain}
    for r, row in enumerate(data):
        if not isinstance(row, list) or len(row) != len(components):
            got = len(row) if isinstance(row, list) else json.dumps(row)
            message = m("array-row-size", row=r, url=link, got=got, size=len(components))
            findings.append(finding(ValueViolation, message, doc, len(components), got, f"{where}/dataArray/{r}"))
            continue
        values = dict(zip(components, row, strict=True))
        entity = by_id.get(str(values[key])) if key else (plain[r] if r < len(plain) else None)
        if entity is not None:
            rows += 1
            findings += _agree(doc, f"{where}/dataArray/{r}", values, entity, link)
    return findings, rows


def _agree(doc: Doc, pointer: str, values: dict[str, Any], entity: Entity, link: str) -> list[Violation]:
    found = []
    for name in (n for n in COMPARED if n in values and n in entity and not _same(values[n], entity[n])):
        packed, plain = json.dumps(values[name]), json.dumps(entity[name])
        message = m("array-differs", id=label(entity), property=name, packed=packed, plain=plain, url=link)
        found.append(finding(ValueViolation, message, doc, entity[name], values[name], pointer))
    return found


def _same(packed: Any, plain: Any) -> bool:
    """Equal values; times equal as instants (or intervals) even when written differently."""
    if packed == plain:
        return True
    if not isinstance(packed, str) or not isinstance(plain, str) or packed.count("/") != plain.count("/"):
        return False
    pairs = list(zip(packed.split("/"), plain.split("/"), strict=True))
    return all(instant(a) is not None and instant(a) == instant(b) for a, b in pairs)


def _create(ctx: Ctx) -> Found:
    with writing(ctx, DATA_ARRAY) as writer:
        made = writer.create("Things", probes.deep_thing(writer, "array"))
        needed(made, m("phrase.deep-insert", target="Things"))
        writer.adopt(made.header("Location"))
        streams = writer.send("GET", f"{made.header('Location')}/Datastreams").entities()
        stream = entity_link(writer.root, "Datastreams", streams[0]) if streams else ""
        feature = writer.send("GET", f"{stream}/Observations?$expand=FeatureOfInterest").entities() if stream else []
        foi = feature[0].get("FeatureOfInterest") if feature else None
        if not isinstance(foi, dict) or foi.get("@iot.id") is None:
            raise Skipped(m("skip.creation-failed", what=f"{stream}/Observations", status=made.status))
        return _post_rows(writer, streams[0], stream, foi["@iot.id"])


def _post_rows(writer: Writer, stream: Entity, url: str, foi: Any) -> Found:
    rows = [[f"2026-01-02T0{i}:00:00Z", result, foi] for i, result in enumerate(RESULTS)]
    body = [
        {
            "Datastream": {"@iot.id": stream.get("@iot.id")},
            "components": ["phenomenonTime", "result", "FeatureOfInterest/id"],
            "dataArray@iot.count": len(rows),
            "dataArray": rows,
        }
    ]
    answer = writer.send("POST", "CreateObservations", body)
    links = answer.body if isinstance(answer.body, list) else []
    findings = []
    if answer.status != 201 or len(links) != len(rows) or not all(isinstance(u, str) and u for u in links):
        got = f"HTTP {answer.status} {json.dumps(answer.body)[:200]}"
        findings.append(finding(ValueViolation, m("array-created", got=got, size=len(rows)), answer, len(rows), got))
    listing = writer.send("GET", f"{url}/Observations")
    stored = [e.get("result") for e in listing.entities()]
    for result in (r for r in RESULTS if r not in stored):
        message = m("array-not-stored", result=result, url=listing.url)
        findings.append(finding(ValueViolation, message, listing, result, None))
    return findings, len(rows)
