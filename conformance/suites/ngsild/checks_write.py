"""Checks of creating entities and of what a broker keeps of them (clauses 5.6.1, 6.3.4, 4.5.3, 5.2.5, 4.5.5).

Each check writes only with ``writes = true`` and deletes the entities it created (see ``writes``).
"""

from __future__ import annotations

import datetime as dt
from typing import Any
from urllib.parse import urljoin

from conformance.core.evidence import Skipped, Violation
from conformance.core.judgement import Judgement
from conformance.suites.ngsild.checks_context import user_term
from conformance.suites.ngsild.messages import m
from conformance.suites.ngsild.problems import error_findings, status_finding
from conformance.suites.ngsild.service import JSON, Ctx, Doc
from conformance.suites.ngsild.writes import DATASETS, NS, OBSERVED, TARGET, allowed, new_id, own, post, probe, read


def created_ok(created: Doc) -> None:
    """Skip a check that builds on a creation the broker refused (the creation is judged by 5.6.1)."""
    if created.status not in (200, 201):
        raise Skipped(m("skip.creation-failed", status=created.status))


def _judge(ctx: Ctx, findings: list[Violation], count: int = 1) -> Judgement:
    return ctx.judge(findings, ctx.examined(count, "ngsi.examined.writes"))


def create(ctx: Ctx) -> Judgement:
    """5.6.1: 201 Created with a Location header that leads to the new entity."""
    allowed(ctx)
    with own(ctx, "create") as (entity_id, created):
        findings = status_finding(created, m("phrase.creation"), 201)
        location = created.header("Location")
        if not location:
            findings.append(
                Violation(
                    m("no-location", url=created.url),
                    locator=created.at(),
                    expected="Location",
                    exchange=created.exchange,
                )
            )
        else:
            target = ctx.target.http.get(urljoin(created.url, location), headers={"Accept": JSON})
            if target.status != 200 or f'"{entity_id}"' not in target.text:
                findings.append(
                    Violation(
                        m("location-wrong", location=location, status=target.status),
                        locator=created.at(),
                        expected=entity_id,
                        exchange=target.exchange,
                    )
                )
    return _judge(ctx, findings)


def already_exists(ctx: Ctx) -> Judgement:
    """5.6.1: creating an existing id again is 409 AlreadyExists."""
    allowed(ctx)
    with own(ctx, "duplicate") as (entity_id, _):
        again = post(ctx, "/entities", probe(entity_id))
        findings = error_findings(again, m("phrase.second-creation"), "AlreadyExists", 409)
    return _judge(ctx, findings)


def non_uri_id(ctx: Ctx) -> Judgement:
    """5.2.4, 5.6.1: an id that is not a URI is refused with 400 BadRequestData."""
    allowed(ctx)
    body = probe("WechselbarProbe-no-uri")
    with own(ctx, "no-uri", body) as (_, created):
        findings = error_findings(created, m("phrase.non-uri-creation"), "BadRequestData", 400)
    return _judge(ctx, findings)


def content_type(ctx: Ctx) -> Judgement:
    """6.3.4: a body sent as text/plain is answered with 415."""
    allowed(ctx)
    with own(ctx, "text", None, {"Accept": JSON, "Content-Type": "text/plain"}) as (_, created):
        findings = status_finding(created, m("phrase.text-body"), 415)
    return _judge(ctx, findings)


def _kept(ctx: Ctx, tag: str, name: str, holds: Any) -> Judgement:
    """Create the probe, read it back and judge one of its attributes."""
    allowed(ctx)
    with own(ctx, tag) as (entity_id, created):
        created_ok(created)
        back = read(ctx, entity_id)
        value = back.member(NS + name)
        findings = (
            []
            if holds(value)
            else [
                Violation(
                    m("not-kept", attribute=NS + name),
                    locator=back.at(),
                    expected=probe(entity_id)[NS + name],
                    actual=value,
                    exchange=back.exchange,
                )
            ]
        )
    return _judge(ctx, findings)


def relationship(ctx: Ctx) -> Judgement:
    """4.5.3: the Relationship comes back as Relationship with its object."""
    return _kept(
        ctx,
        "relationship",
        "refProbe",
        lambda v: isinstance(v, dict) and v.get("type") == "Relationship" and v.get("object") == TARGET,
    )


def instant(text: object) -> dt.datetime | None:
    """An ISO 8601 instant (Z for UTC), or None."""
    try:
        return dt.datetime.fromisoformat(str(text).replace("Z", "+00:00"))
    except ValueError:
        return None


def observed_at(ctx: Ctx) -> Judgement:
    """5.2.5: observedAt (the same instant) and unitCode of the Property are kept."""
    wanted = instant(OBSERVED)
    return _kept(
        ctx,
        "observed",
        "level",
        lambda v: isinstance(v, dict) and instant(v.get("observedAt")) == wanted and v.get("unitCode") == "MTR",
    )


def dataset_id(ctx: Ctx) -> Judgement:
    """4.5.5: the two instances with different datasetIds are both kept."""
    return _kept(
        ctx,
        "dataset",
        "reading",
        lambda v: (
            isinstance(v, list)
            and sorted(str(i.get("datasetId")) for i in v if isinstance(i, dict)) == sorted(DATASETS)
        ),
    )


def body_context(ctx: Ctx) -> Judgement:
    """6.3.5: an application/ld+json body is expanded with its own @context."""
    allowed(ctx)
    body = {
        **probe(new_id(ctx, "ld")),
        "@context": [{"wbLevel": NS + "ldLevel"}, "https://uri.etsi.org/ngsi-ld/v1/ngsi-ld-core-context-v1.4.jsonld"],
    }
    body["wbLevel"] = body.pop(NS + "level")
    with own(ctx, "ld", body, {"Accept": JSON, "Content-Type": "application/ld+json"}) as (entity_id, created):
        created_ok(created)
        findings = _has(read(ctx, entity_id), NS + "ldLevel")
    return _judge(ctx, findings)


def _has(back: Doc, iri: str) -> list[Violation]:
    if isinstance(back.body, dict) and iri in back.body:
        return []
    return [
        Violation(
            m("not-expanded", attribute=iri),
            locator=back.at(),
            expected=iri,
            actual=sorted(back.body) if isinstance(back.body, dict) else None,
            exchange=back.exchange,
        )
    ]


def ld_needs_context(ctx: Ctx) -> Judgement:
    """6.3.5: an application/ld+json body without @context is 400 BadRequestData."""
    allowed(ctx)
    with own(
        ctx, "ld-bare", probe(new_id(ctx, "ld-bare")), {"Accept": JSON, "Content-Type": "application/ld+json"}
    ) as (_, created):
        findings = error_findings(created, m("phrase.ld-without-context"), "BadRequestData", 400)
    return _judge(ctx, findings)


def mixed_context(ctx: Ctx) -> Judgement:
    """6.3.5: an application/ld+json body together with a JSON-LD Link header is 400 BadRequestData."""
    allowed(ctx)
    core = "https://uri.etsi.org/ngsi-ld/v1/ngsi-ld-core-context-v1.4.jsonld"
    body = {**probe(new_id(ctx, "mixed")), "@context": core}
    headers = {"Accept": JSON, "Content-Type": "application/ld+json", **ctx.observation.link(core)}
    with own(ctx, "mixed", body, headers) as (_, created):
        findings = error_findings(created, m("phrase.ld-with-link"), "BadRequestData", 400)
    return _judge(ctx, findings)


def link_context(ctx: Ctx) -> Judgement:
    """6.3.5: an application/json body is expanded with the user @context of its Link header."""
    allowed(ctx)
    broker = ctx.observation
    contexts = broker.contexts
    term = user_term(ctx)
    body = {"id": new_id(ctx, "link"), "type": NS + "WechselbarProbe", term: {"type": "Property", "value": "probe"}}
    with own(ctx, "link", body, {"Accept": JSON, "Content-Type": JSON, **broker.link()}) as (entity_id, created):
        created_ok(created)
        findings = _has(read(ctx, entity_id), contexts.iri(term))
    return _judge(ctx, findings)
