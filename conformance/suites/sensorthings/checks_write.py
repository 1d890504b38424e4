"""Create-Update-Delete: creating entities (create-entity, link-to-existing-entities, deep-insert and its status code,
historical-location-auto-creation).

Every check writes only with ``writes = true`` and for a service that claims the class; it creates entities marked
as the suite's (see ``writes``) and deletes them when it ends. Before the first write to a service, marked entities
of an interrupted run are removed and named in a note.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from conformance.core.evidence import (
    HeaderViolation,
    LinkViolation,
    Skipped,
    StatusViolation,
    ValueViolation,
    Violation,
)
from conformance.core.judgement import Judgement
from conformance.core.messages import Message
from conformance.harness.writes import require_writes
from conformance.suites.sensorthings import probes
from conformance.suites.sensorthings.catalogue import CUD
from conformance.suites.sensorthings.messages import m
from conformance.suites.sensorthings.service import Ctx, Doc, claim
from conformance.suites.sensorthings.writes import Writer

CREATED = (201, 204)


@contextmanager
def writing(ctx: Ctx, cls: str = CUD) -> Iterator[Writer]:
    """The service's writer, after the opt-in, the claim of the class and the sweep of leftovers; cleans up when
    done."""
    require_writes(ctx.target, m("writes-not-allowed"))
    claim(ctx, cls)
    service = ctx.observation
    writer = service.writer()
    writer.writes = 0
    left = service.sweep.once(writer.leftovers, writer.delete)
    if left:
        ctx.note(m("note.leftovers", urls=", ".join(left)))
    try:
        yield writer
    finally:
        failed = writer.cleanup()
        if failed:
            ctx.note(m("note.not-removed", urls=", ".join(failed)))


def judged(ctx: Ctx, findings: list[Violation], writer: Writer) -> Judgement:
    """The judgement, counting the write requests of the check."""
    return ctx.judge(findings, ctx.examined(writer.writes, "sta.examined.writes"))


def finding(
    kind: type[Violation], message: Message, doc: Doc, expected: Any, actual: Any, pointer: str = ""
) -> Violation:
    """A finding of the given kind, located in an answer and carrying its exchange."""
    return kind(message, locator=doc.at(pointer), expected=expected, actual=actual, exchange=doc.exchange)


def status(doc: Doc, what: Message, expected: tuple[int, ...]) -> list[Violation]:
    """A finding when the answer's status is not one of those expected."""
    if doc.status in expected:
        return []
    wanted = " / ".join(str(s) for s in expected)
    return [
        finding(
            StatusViolation, m("write-status", what=what, status=doc.status, expected=wanted), doc, wanted, doc.status
        )
    ]


def located(writer: Writer, made: Doc, what: Message, body: dict[str, Any]) -> tuple[list[Violation], Doc | None]:
    """Findings on the Location header of a creation, and the entity it leads to (None if it leads nowhere)."""
    location = made.header("Location")
    if not location:
        return [finding(HeaderViolation, m("no-location", what=what), made, "Location", None)], None
    found = writer.send("GET", location)
    if not found.ok:
        message = m("location-unresolved", url=location, what=what, status=found.status)
        return [finding(LinkViolation, message, found, 200, found.status)], None
    if found.member("name") != body.get("name"):
        message = m(
            "not-as-sent",
            what=what,
            property="name",
            got=json.dumps(found.member("name")),
            sent=json.dumps(body.get("name")),
        )
        return [finding(ValueViolation, message, found, body.get("name"), found.member("name"), pointer="/name")], found
    return [], found


def needed(made: Doc, what: Message) -> None:
    """Skip a check whose own set-up entity could not be created (creation is judged by create-entity)."""
    if made.status not in CREATED or not made.header("Location"):
        raise Skipped(m("skip.creation-failed", what=what, status=made.status))


def create_entity(ctx: Ctx) -> Judgement:
    """POST to a collection and to a navigation link: 201/204, a Location that leads to the entity as sent, and
    with 201 the entity in the body; the entity posted to a navigation link is linked."""
    with writing(ctx) as writer:
        body = probes.thing(writer, "create")
        made = writer.create("Things", body)
        what = m("phrase.post", target="Things")
        findings = status(made, what, CREATED)
        found, thing = located(writer, made, what, body)
        findings += found
        if made.status == 201 and (not isinstance(made.body, dict) or made.body.get("@iot.id") is None):
            findings.append(finding(ValueViolation, m("no-created-entity", what=what), made, "@iot.id", None))
        if thing is not None:
            findings += _via_link(writer, made.header("Location"))
        return judged(ctx, findings, writer)


def _via_link(writer: Writer, thing_url: str) -> list[Violation]:
    body = probes.location(writer, "create")
    target = f"{thing_url}/Locations"
    made = writer.create(target, body)
    what = m("phrase.post", target=target)
    findings = status(made, what, CREATED) + located(writer, made, what, body)[0]
    listed = writer.send("GET", target)
    if made.status in CREATED and body["name"] not in [e.get("name") for e in listed.entities()]:
        message = m("not-linked", what=what, relation="Things", wanted=thing_url)
        findings.append(finding(LinkViolation, message, listed, body["name"], None))
    return findings


def link_existing(ctx: Ctx) -> Judgement:
    """A Datastream created with its Thing, Sensor and ObservedProperty given by @iot.id is linked to them."""
    with writing(ctx) as writer:
        ids = {
            relation: _made_id(writer, entity_set, body)
            for relation, entity_set, body in (
                ("Thing", "Things", probes.thing(writer, "link")),
                ("Sensor", "Sensors", probes.sensor(writer, "link")),
                ("ObservedProperty", "ObservedProperties", probes.observed_property(writer, "link")),
            )
        }
        body = probes.datastream(writer, "link", **{r: {"@iot.id": i} for r, i in ids.items()})
        made = writer.create("Datastreams", body)
        what = m("phrase.post", target="Datastreams")
        findings = status(made, what, CREATED)
        found, stream = located(writer, made, what, body)
        findings += found
        for relation, ident in ids.items() if stream is not None else ():
            related = writer.send("GET", f"{made.header('Location')}/{relation}")
            if related.member("@iot.id") != ident:
                message = m("not-linked", what=what, relation=relation, wanted=repr(ident))
                findings.append(finding(LinkViolation, message, related, ident, related.member("@iot.id")))
        return judged(ctx, findings, writer)


def _made_id(writer: Writer, entity_set: str, body: dict[str, Any]) -> Any:
    made = writer.create(entity_set, body)
    what = m("phrase.post", target=entity_set)
    needed(made, what)
    found = writer.send("GET", made.header("Location"))
    if not found.ok:
        raise Skipped(m("skip.creation-failed", what=what, status=found.status))
    return found.member("@iot.id")
