"""Create-Update-Delete: updating (update-entity, update-entity-put) and deleting (delete-entity, with the
integrity constraints of the deletion table). Writes only as ``checks_write`` says."""

from __future__ import annotations

import json

from conformance.core.evidence import NotApplicable, Skipped, StatusViolation, ValueViolation, Violation
from conformance.core.judgement import Judgement
from conformance.core.messages import Message
from conformance.suites.sensorthings import probes
from conformance.suites.sensorthings.checks_write import finding, judged, needed, status, writing
from conformance.suites.sensorthings.messages import m
from conformance.suites.sensorthings.service import Ctx, Doc
from conformance.suites.sensorthings.writes import RUN_PROPERTY, Writer, entity_link

UPDATED = (200, 204)
KEPT = ("name", "properties")


def thing(writer: Writer, tag: str, **fields: object) -> tuple[str, Doc]:
    """Create a Thing of the suite's own; its URL and the entity as the service then has it."""
    made = writer.create("Things", probes.thing(writer, tag, **fields))
    needed(made, m("phrase.post", target="Things"))
    url = made.header("Location")
    before = writer.send("GET", url)
    if not before.ok:
        raise Skipped(m("skip.creation-failed", what=url, status=before.status))
    return url, before


def update_entity(ctx: Ctx) -> Judgement:
    """PATCH replaces the given property and leaves the others; PATCH of a deleted entity fails."""
    with writing(ctx) as writer:
        url, before = thing(writer, "patch")
        patched = writer.send("PATCH", url, {"description": "changed by PATCH"})
        findings = status(patched, m("phrase.patch", url=url), UPDATED)
        after = writer.send("GET", url)
        findings += _as_sent(url, after, "description", "changed by PATCH")
        findings += [f for other in KEPT for f in _kept(before, after, other)]
        findings += _patch_gone(writer, url)
        return judged(ctx, findings, writer)


def _as_sent(url: str, after: Doc, name: str, sent: str) -> list[Violation]:
    got = after.member(name)
    if got == sent:
        return []
    message = m("not-as-sent", what=url, property=name, got=json.dumps(got), sent=json.dumps(sent))
    return [finding(ValueViolation, message, after, sent, got, pointer=f"/{name}")]


def _kept(before: Doc, after: Doc, name: str) -> list[Violation]:
    was, now = before.member(name), after.member(name)
    if was == now:
        return []
    message = m("patch-altered", property="description", other=name, before=json.dumps(was), after=json.dumps(now))
    return [finding(ValueViolation, message, after, was, now, pointer=f"/{name}")]


def _patch_gone(writer: Writer, url: str) -> list[Violation]:
    writer.delete(url)
    again = writer.send("PATCH", url, {"description": "changed after DELETE"})
    if again.status >= 400:
        return []
    message = m("patch-missing-entity", url=url, status=again.status)
    return [finding(StatusViolation, message, again, m("phrase.failure"), again.status)]


def update_put(ctx: Ctx) -> Judgement:
    """PUT replaces every structural property: a member left out of properties is gone afterwards."""
    with writing(ctx) as writer:
        url, before = thing(writer, "put", properties={RUN_PROPERTY: writer.run, "extra": 1})
        body = {
            "name": before.member("name"),
            "description": "replaced by PUT",
            "properties": {RUN_PROPERTY: writer.run},
        }
        put = writer.send("PUT", url, body)
        if put.status in (405, 501):
            raise NotApplicable(m("skip.put-unsupported", status=put.status))
        findings = status(put, m("phrase.put", url=url), UPDATED)
        after = writer.send("GET", url)
        properties = after.member("properties")
        if isinstance(properties, dict) and "extra" in properties:
            message = m("put-kept", member="extra", after=json.dumps(properties))
            findings.append(
                finding(ValueViolation, message, after, body["properties"], properties, pointer="/properties")
            )
        findings += _as_sent(url, after, "description", "replaced by PUT")
        return judged(ctx, findings, writer)


def delete_entity(ctx: Ctx) -> Judgement:
    """DELETE of a Thing: its URL then answers 404, and so do its Datastream and that Datastream's Observation."""
    with writing(ctx) as writer:
        made = writer.create("Things", probes.deep_thing(writer, "delete"))
        needed(made, m("phrase.deep-insert", target="Things"))
        thing = made.header("Location")
        stream = _first(writer, f"{thing}/Datastreams")
        observation = _first(writer, f"{stream}/Observations") if stream else None
        writer.adopt(thing)
        deleted = writer.send("DELETE", thing)
        findings = status(deleted, m("phrase.delete", url=thing), UPDATED)
        for url, what in (
            (thing, m("phrase.deleted-thing", url=thing)),
            (stream, m("phrase.thing-datastream", url=stream)),
            (observation, m("phrase.datastream-observation", url=observation)),
        ):
            findings += _gone(writer, url, what) if url else []
        return judged(ctx, findings, writer)


def _first(writer: Writer, url: str) -> str | None:
    rows = writer.send("GET", url).entities()
    return entity_link(writer.root, url.rsplit("/", 1)[-1], rows[0]) if rows else None


def _gone(writer: Writer, url: str, what: Message) -> list[Violation]:
    found = writer.send("GET", url)
    if found.status == 404:
        return []
    message = m("still-there", what=what, status=found.status)
    return [finding(StatusViolation, message, found, 404, found.status)]
