"""Batch requests (class batch-request): a JSON batch of 18-088 (OData JSON Format 4.01, clause 19) posted to
``$batch``, one request creating a Thing of the suite's own and one reading. Writes only as ``checks_write`` says;
judged where the service declares (or the vendors file claims) the class."""

from __future__ import annotations

from typing import Any
from urllib.parse import urljoin

from conformance.core.evidence import ValueViolation, Violation
from conformance.core.judgement import Judgement
from conformance.suites.sensorthings import probes
from conformance.suites.sensorthings.catalogue import BATCH
from conformance.suites.sensorthings.checks_write import finding, judged, status, writing
from conformance.suites.sensorthings.messages import m
from conformance.suites.sensorthings.service import Ctx, Doc
from conformance.suites.sensorthings.writes import Writer, entity_link

WANTED = {"create": 201, "read": 200}


def batch(ctx: Ctx) -> Judgement:
    """POST $batch with a create and a read: 200 with a responses array that answers each request by its id."""
    with writing(ctx, BATCH) as writer:
        thing = probes.thing(writer, "batch")
        requests = [
            {
                "id": "create",
                "method": "post",
                "url": "Things",
                "headers": {"Content-Type": "application/json"},
                "body": thing,
            },
            {"id": "read", "method": "get", "url": "Things?$top=1"},
        ]
        answer = writer.send("POST", "$batch", {"requests": requests})
        findings = status(answer, m("phrase.post", target="$batch"), (200,))
        responses = answer.member("responses")
        if answer.status == 200:
            findings += _responses(answer, responses)
        _track(writer, responses, thing["name"])
        return judged(ctx, findings, writer)


def _responses(answer: Doc, responses: Any) -> list[Violation]:
    if not isinstance(responses, list):
        return [finding(ValueViolation, m("batch-no-responses"), answer, m("phrase.responses"), None, "/responses")]
    by_id = {r.get("id"): r for r in responses if isinstance(r, dict)}
    found: list[Violation] = []
    for ident, wanted in WANTED.items():
        got = by_id.get(ident, {}).get("status")
        if got != wanted:
            message = m("batch-status", id=ident, status=got, expected=wanted)
            found.append(finding(ValueViolation, message, answer, wanted, got, "/responses"))
    return found


def _track(writer: Writer, responses: Any, name: str) -> None:
    """Track the Thing the batch created (by its Location, its body or its name) for the clean-up."""
    for response in responses if isinstance(responses, list) else []:
        if isinstance(response, dict) and response.get("id") == "create":
            headers, body = _object(response.get("headers")), _object(response.get("body"))
            found = [v for k, v in headers.items() if str(k).lower() == "location"] + [body.get("@iot.selfLink")]
            for url in (u for u in found if isinstance(u, str) and u):
                writer.track(urljoin(writer.root, url))
    named = writer.send("GET", f"Things?$filter=name eq '{name}'")
    for entity in (e for e in named.entities() if e.get("name") == name):
        writer.track(entity_link(writer.root, "Things", entity))


def _object(value: Any) -> dict[str, Any]:
    return value if isinstance(value, dict) else {}
