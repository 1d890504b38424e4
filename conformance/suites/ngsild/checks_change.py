"""Checks of changing and deleting entities (clauses 5.6.2-5.6.6) and of batch operations (5.6.7-5.6.10).

Each check writes only with ``writes = true`` and deletes the entities it created (see ``writes``).
"""

from __future__ import annotations

import datetime as dt
import time
from typing import Any

from conformance.core.evidence import Violation
from conformance.core.judgement import Judgement
from conformance.suites.ngsild.checks_write import created_ok, instant
from conformance.suites.ngsild.messages import m
from conformance.suites.ngsild.problems import entity_path, error_findings, status_finding
from conformance.suites.ngsild.service import JSON, Ctx, Doc
from conformance.suites.ngsild.writes import NS, PLAIN, allowed, attribute_path, delete, new_id, own, post, probe, read

ABSENT = NS + "absentAttribute"
SETTLE = 0.02


def _judge(ctx: Ctx, findings: list[Violation], count: int = 1) -> Judgement:
    return ctx.judge(findings, ctx.examined(count, "ngsi.examined.writes"))


def _value(doc: Doc, name: str) -> Any:
    found = doc.member(NS + name)
    return found.get("value") if isinstance(found, dict) else None


def _differs(doc: Doc, name: str, member: str, expected: Any, actual: Any) -> list[Violation]:
    if expected == actual:
        return []
    return [
        Violation(
            m("member-changed", attribute=NS + name, member=member),
            locator=doc.at(),
            expected=expected,
            actual=actual,
            exchange=doc.exchange,
        )
    ]


def update(ctx: Ctx) -> Judgement:
    """5.6.2: updating an existing and an absent attribute answers 207 naming the absent one as notUpdated."""
    allowed(ctx)
    with own(ctx, "update") as (entity_id, _):
        fragment = {NS + "note": {"type": "Property", "value": "changed"}, ABSENT: {"type": "Property", "value": 1}}
        done = ctx.observation.send("PATCH", entity_path(entity_id) + "/attrs", fragment, headers=PLAIN)
        findings = status_finding(done, m("phrase.update-absent"), 207)
        named = [str(n.get("attributeName")) for n in (done.member("notUpdated") or []) if isinstance(n, dict)]
        if not findings and not any(n in (ABSENT, "absentAttribute") for n in named):
            findings.append(
                Violation(
                    m("not-reported", attribute=ABSENT),
                    locator=done.at("/notUpdated"),
                    expected=ABSENT,
                    actual=named,
                    exchange=done.exchange,
                )
            )
        findings += _differs(read(ctx, entity_id), "note", "value", "changed", _value(read(ctx, entity_id), "note"))
    return _judge(ctx, findings)


def _modified(ctx: Ctx, entity_id: str) -> tuple[Doc, dict[str, dt.datetime | None]]:
    doc = ctx.observation.send("GET", entity_path(entity_id), params={"options": "sysAttrs"}, headers={"Accept": JSON})
    note = doc.member(NS + "note")
    return doc, {
        entity_id: instant(doc.member("modifiedAt")),
        NS + "note": instant(note.get("modifiedAt")) if isinstance(note, dict) else None,
    }


def modified_at(ctx: Ctx) -> Judgement:
    """4.8: after an update (sent at least 20 ms after the creation was answered) the entity's and the attribute's
    modifiedAt are later than before."""
    allowed(ctx)
    with own(ctx, "modified") as (entity_id, created):
        answered = time.monotonic()
        created_ok(created)
        _, before = _modified(ctx, entity_id)
        time.sleep(max(0.0, SETTLE - (time.monotonic() - answered)))
        fragment = {NS + "note": {"type": "Property", "value": "changed"}}
        ctx.observation.send("PATCH", entity_path(entity_id) + "/attrs", fragment, headers=PLAIN)
        doc, after = _modified(ctx, entity_id)
        findings = [
            Violation(
                m("modified-at-stale", what=what),
                locator=doc.at(),
                expected=m("phrase.later-than", instant=str(before[what])),
                actual=str(after[what]),
                exchange=doc.exchange,
            )
            for what in before
            if (old := before[what]) is None or (new := after[what]) is None or new <= old
        ]
    return _judge(ctx, findings, len(before))


def no_overwrite(ctx: Ctx) -> Judgement:
    """5.6.3: appending with options=noOverwrite keeps the existing attribute's value."""
    allowed(ctx)
    with own(ctx, "append") as (entity_id, _):
        fragment = {NS + "note": {"type": "Property", "value": "overwritten"}}
        post(ctx, entity_path(entity_id) + "/attrs", fragment, PLAIN, options="noOverwrite")
        back = read(ctx, entity_id)
        findings = _differs(back, "note", "value", "probe", _value(back, "note"))
    return _judge(ctx, findings)


def partial_update(ctx: Ctx) -> Judgement:
    """5.6.4: a partial update of value keeps unitCode and observedAt."""
    allowed(ctx)
    with own(ctx, "partial") as (entity_id, _):
        done = ctx.observation.send("PATCH", attribute_path(entity_id, NS + "level"), {"value": 13}, headers=PLAIN)
        findings = status_finding(done, m("phrase.partial-update"), 204)
        back = read(ctx, entity_id)
        level = back.member(NS + "level")
        level = level if isinstance(level, dict) else {}
        findings += _differs(back, "level", "value", 13, level.get("value"))
        findings += _differs(back, "level", "unitCode", "MTR", level.get("unitCode"))
    return _judge(ctx, findings)


def delete_attribute(ctx: Ctx) -> Judgement:
    """5.6.5: deleting an absent attribute is 404; deleting a present one is 204 and removes it."""
    allowed(ctx)
    with own(ctx, "attr-delete") as (entity_id, _):
        absent = ctx.observation.send("DELETE", attribute_path(entity_id, ABSENT), headers={"Accept": JSON})
        findings = error_findings(absent, m("phrase.delete-absent"), "ResourceNotFound", 404)
        gone = ctx.observation.send("DELETE", attribute_path(entity_id, NS + "note"), headers={"Accept": JSON})
        findings += status_finding(gone, m("phrase.delete-attribute"), 204)
        back = read(ctx, entity_id)
        if isinstance(back.body, dict) and NS + "note" in back.body:
            findings.append(Violation(m("still-there", what=NS + "note"), locator=back.at(), exchange=back.exchange))
    return _judge(ctx, findings, 2)


def delete_entity(ctx: Ctx) -> Judgement:
    """5.6.6: Delete Entity answers 204 and the entity is then unknown (404)."""
    allowed(ctx)
    with own(ctx, "delete") as (entity_id, _):
        done = delete(ctx, entity_id)
        findings = status_finding(done, m("phrase.delete-entity"), 204)
        back = read(ctx, entity_id)
        if back.status != 404:
            findings.append(
                Violation(
                    m("still-there", what=entity_id),
                    locator=back.at(),
                    expected=404,
                    actual=back.status,
                    exchange=back.exchange,
                )
            )
    return _judge(ctx, findings)


def _batch(ctx: Ctx, ids: list[str]) -> Doc:
    return post(ctx, "/entityOperations/create", [probe(i) for i in ids])


def _remove(ctx: Ctx, ids: list[str]) -> None:
    for entity_id in ids:
        delete(ctx, entity_id)


def batch_create(ctx: Ctx) -> Judgement:
    """5.6.7: a batch creation where every entity succeeds answers 201 with the created ids."""
    allowed(ctx)
    ids = [new_id(ctx, "batch"), new_id(ctx, "batch")]
    try:
        done = _batch(ctx, ids)
        findings = status_finding(done, m("phrase.batch-create"), 201)
        if not findings and sorted(map(str, done.body or [])) != sorted(ids):
            findings.append(
                Violation(
                    m("batch-ids", url=done.url),
                    locator=done.at(),
                    expected=ids,
                    actual=done.body,
                    exchange=done.exchange,
                )
            )
    finally:
        _remove(ctx, ids)
    return _judge(ctx, findings, len(ids))


def batch_partial(ctx: Ctx) -> Judgement:
    """5.6.7: a batch creation with one existing id answers 207 with success and errors naming it."""
    allowed(ctx)
    with own(ctx, "batch-old") as (existing, _):
        fresh = new_id(ctx, "batch-new")
        try:
            done = _batch(ctx, [existing, fresh])
            findings = status_finding(done, m("phrase.batch-partial"), 207)
            errors = done.member("errors") or []
            if not findings and not any(isinstance(e, dict) and e.get("entityId") == existing for e in errors):
                findings.append(
                    Violation(
                        m("batch-error-missing", id=existing),
                        locator=done.at("/errors"),
                        expected=existing,
                        actual=errors,
                        exchange=done.exchange,
                    )
                )
        finally:
            _remove(ctx, [fresh])
    return _judge(ctx, findings, 2)
