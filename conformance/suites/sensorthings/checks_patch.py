"""Create-Update-Delete: JSON PATCH (update-entity-jsonpatch, OGC 18-088 clause 10.3). Writes only as
``checks_write`` says.

18-088 lets a service support JSON PATCH (RFC 6902) in addition to the JSON merge of a plain PATCH. A PATCH sent
as ``application/json-patch+json`` that the service refuses (400, 405, 415, 501) is therefore not applicable, unless
the service lists the requirement in serverSettings.conformance: then the refusal fails. A service that accepts it
is judged on the result: the operations applied, the untouched properties kept.
"""

from __future__ import annotations

import json
from typing import Any

from conformance.core.evidence import NotApplicable, StatusViolation, ValueViolation, Violation
from conformance.core.judgement import Judgement
from conformance.suites.sensorthings.catalogue import JSON_PATCH
from conformance.suites.sensorthings.checks_change import UPDATED, thing
from conformance.suites.sensorthings.checks_write import finding, judged, writing
from conformance.suites.sensorthings.messages import m
from conformance.suites.sensorthings.service import Ctx, Doc
from conformance.suites.sensorthings.writes import RUN_PROPERTY

MEDIA_TYPE = "application/json-patch+json"
REFUSED = (400, 405, 415, 501)
DESCRIPTION = "changed by JSON PATCH"
OPERATIONS = [
    {"op": "replace", "path": "/description", "value": DESCRIPTION},
    {"op": "add", "path": "/properties/patched", "value": True},
]
EXPECTED = {"/description": DESCRIPTION, "/properties/patched": True}


def update_jsonpatch(ctx: Ctx) -> Judgement:
    """A PATCH as application/json-patch+json replaces the description and adds a member to properties; name and
    the run mark stay."""
    with writing(ctx) as writer:
        url, before = thing(writer, "jsonpatch")
        patched = writer.send("PATCH", url, OPERATIONS, MEDIA_TYPE)
        if patched.status in REFUSED and not ctx.observation.lists(JSON_PATCH):
            raise NotApplicable(m("skip.json-patch-unsupported", status=patched.status))
        if patched.status not in UPDATED:
            message = m("patch-json-status", url=url, status=patched.status)
            return judged(ctx, [finding(StatusViolation, message, patched, "200 / 204", patched.status)], writer)
        after = writer.send("GET", url)
        findings = [f for pointer, sent in EXPECTED.items() for f in _applied(url, after, pointer, sent)]
        findings += _kept(before, after)
        return judged(ctx, findings, writer)


def _at(doc: Doc, pointer: str) -> Any:
    value: Any = doc.body
    for part in pointer.strip("/").split("/"):
        value = value.get(part) if isinstance(value, dict) else None
    return value


def _applied(url: str, after: Doc, pointer: str, sent: Any) -> list[Violation]:
    got = _at(after, pointer)
    if got == sent:
        return []
    message = m("patch-json-not-applied", url=url, pointer=pointer, got=json.dumps(got), sent=json.dumps(sent))
    return [finding(ValueViolation, message, after, sent, got, pointer)]


def _kept(before: Doc, after: Doc) -> list[Violation]:
    found = []
    for pointer in ("/name", f"/properties/{RUN_PROPERTY}"):
        was, now = _at(before, pointer), _at(after, pointer)
        if was != now:
            message = m(
                "patch-altered", property="description", other=pointer, before=json.dumps(was), after=json.dumps(now)
            )
            found.append(finding(ValueViolation, message, after, was, now, pointer))
    return found
