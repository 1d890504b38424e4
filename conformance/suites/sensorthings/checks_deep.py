"""Create-Update-Delete: deep insert (deep-insert, deep-insert-status-code) and the HistoricalLocation a new
Location of a Thing brings (historical-location-auto-creation). Writes only as ``checks_write`` says."""

from __future__ import annotations

from conformance.core.evidence import LinkViolation, ValueViolation, Violation
from conformance.core.judgement import Judgement
from conformance.suites.sensorthings import probes
from conformance.suites.sensorthings.checks_write import finding, judged, located, needed, status, writing
from conformance.suites.sensorthings.messages import m
from conformance.suites.sensorthings.service import Ctx, Doc, Entity
from conformance.suites.sensorthings.writes import Writer, entity_link

PATHS = (  # (path below the Thing, the sent entity it must lead to)
    ("Locations", ("Locations", 0)),
    ("Datastreams", ("Datastreams", 0)),
    ("Datastreams/{0}/Sensor", ("Datastreams", 0, "Sensor")),
    ("Datastreams/{0}/ObservedProperty", ("Datastreams", 0, "ObservedProperty")),
    ("Datastreams/{0}/Observations/{0}/FeatureOfInterest", ("Datastreams", 0, "Observations", 0, "FeatureOfInterest")),
)


def deep_insert_status(ctx: Ctx) -> Judgement:
    """A deep insert answers 201 Created with a Location that leads to the created Thing."""
    with writing(ctx) as writer:
        body = probes.deep_thing(writer, "deep")
        made = writer.create("Things", body)
        what = m("phrase.deep-insert", target="Things")
        findings = status(made, what, (201,)) + located(writer, made, what, body)[0]
        return judged(ctx, findings, writer)


def deep_insert(ctx: Ctx) -> Judgement:
    """Every entity of a deep insert is created and related as sent; a deep insert that fails creates nothing."""
    with writing(ctx) as writer:
        body = probes.deep_thing(writer, "deep")
        made = writer.create("Things", body)
        what = m("phrase.deep-insert", target="Things")
        needed(made, what)
        findings = [f for path, sent in PATHS for f in _related(writer, made.header("Location"), path, body, sent)]
        findings += _atomic(ctx, writer)
        return judged(ctx, findings, writer)


def _related(writer: Writer, thing: str, path: str, body: Entity, sent: tuple[str | int, ...]) -> list[Violation]:
    wanted: object = body
    for step in sent:
        wanted = wanted[step]  # type: ignore[index]
    url = thing
    for part in path.split("/"):
        url = _step(writer, url, part)
    found = writer.send("GET", url)
    rows = found.entities() if isinstance(found.member("value"), list) else [found.body] if found.ok else []
    names = [r.get("name") for r in rows if isinstance(r, dict)]
    name = wanted.get("name") if isinstance(wanted, dict) else None
    if names == [name]:
        return []
    message = m("not-linked", what=m("phrase.deep-insert", target="Things"), relation=path, wanted=name)
    return [finding(LinkViolation, message, found, name, names)]


def _step(writer: Writer, url: str, part: str) -> str:
    """One step of a path: a navigation property, or ``{0}`` for the first entity of the collection so far."""
    if part != "{0}":
        return f"{url}/{part}"
    rows = writer.send("GET", url).entities()
    return entity_link(writer.root, url.rsplit("/", 1)[-1], rows[0]) if rows else url + "(none)"


def _atomic(ctx: Ctx, writer: Writer) -> list[Violation]:
    body = probes.thing(writer, "rollback", Datastreams=[writer.mark("rollback", observationType=probes.MEASUREMENT)])
    made = writer.create("Things", body)
    if made.status < 400:
        ctx.note(m("note.invalid-accepted", status=made.status))
        return []
    name = body["name"]
    found = writer.send("GET", f"Things?$filter=name eq '{name}'")
    if found.status != 200:
        ctx.note(m("note.unverified-rollback", status=found.status))
        return []
    hits = [e for e in found.entities() if e.get("name") == name]
    for entity in hits:
        writer.track(entity_link(writer.root, "Things", entity))
    if not hits:
        return []
    message = m("partly-created", status=made.status, name=name)
    return [finding(ValueViolation, message, found, m("phrase.none"), len(hits))]


def history(ctx: Ctx) -> Judgement:
    """A Thing created with a Location has a HistoricalLocation that leads to that Location."""
    with writing(ctx) as writer:
        body = probes.thing(writer, "history", Locations=[probes.location(writer, "history")])
        made = writer.create("Things", body)
        needed(made, m("phrase.deep-insert", target="Things"))
        thing = made.header("Location")
        found = writer.send("GET", f"{thing}/HistoricalLocations")
        findings: list[Violation] = []
        if not found.entities():
            got = m("phrase.none") if found.status == 200 else f"HTTP {found.status}"
            message = m("no-history", url=thing, got=got)
            findings.append(finding(ValueViolation, message, found, m("phrase.one-or-more"), got))
        else:
            findings += _history_location(writer, found, body["Locations"][0])
        return judged(ctx, findings, writer)


def _history_location(writer: Writer, found: Doc, location: Entity) -> list[Violation]:
    link = entity_link(writer.root, "HistoricalLocations", found.entities()[0])
    listed = writer.send("GET", f"{link}/Locations")
    names = [e.get("name") for e in listed.entities()]
    if location["name"] in names:
        return []
    message = m("not-linked", what="HistoricalLocations", relation="Locations", wanted=location["name"])
    return [finding(LinkViolation, message, listed, location["name"], names)]
