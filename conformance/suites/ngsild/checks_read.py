"""Checks of retrieving single entities, their representations and the errors of clause 5.5.2."""

from __future__ import annotations

from conformance.core.evidence import NotApplicable, Violation
from conformance.core.judgement import Judgement
from conformance.suites.ngsild.messages import m
from conformance.suites.ngsild.problems import ERRORS, bad_id, entity_path, error_findings, not_found
from conformance.suites.ngsild.sampling import attributes, label, sample
from conformance.suites.ngsild.service import Ctx, Doc, Entity


def _retrieve(ctx: Ctx, entity: Entity, **params: str) -> Doc:
    return ctx.observation.get(entity_path(str(entity.get("id"))), params or None)


def _unusable(doc: Doc, entity: Entity) -> list[Violation]:
    if doc.status == 200 and isinstance(doc.body, dict):
        return []
    return [
        Violation(
            m("retrieve-failed", entity=label(entity), status=doc.status), locator=doc.at(), exchange=doc.exchange
        )
    ]


def retrieve(ctx: Ctx) -> Judgement:
    """5.7.1: each sampled entity by its id: 200, the same id and type."""
    entities, findings = sample(ctx), []
    for entity in entities:
        doc = _retrieve(ctx, entity)
        unusable = _unusable(doc, entity)
        findings += unusable
        if not unusable and (doc.body.get("id"), doc.body.get("type")) != (entity.get("id"), entity.get("type")):
            findings.append(
                Violation(
                    m("other-entity", entity=label(entity)),
                    locator=doc.at(),
                    expected=[entity.get("id"), entity.get("type")],
                    actual=[doc.body.get("id"), doc.body.get("type")],
                    exchange=doc.exchange,
                )
            )
    return ctx.judge(findings, ctx.examined(len(entities), "ngsi.examined.entities"))


def retrieve_attrs(ctx: Ctx) -> Judgement:
    """5.7.1: attrs=a on an entity with several attributes returns only a."""
    chosen = [e for e in sample(ctx) if len(attributes(e)) >= 2]
    findings: list[Violation] = []
    for entity in chosen:
        name = sorted(attributes(entity))[0]
        doc = _retrieve(ctx, entity, attrs=name)
        bad = _unusable(doc, entity)
        extra = sorted(set(attributes(doc.body)) - {name}) if not bad else []
        findings += bad + [
            Violation(
                m("attrs-extra", entity=label(entity), attrs=name, extra=", ".join(extra)),
                locator=doc.at(),
                expected=[name],
                actual=extra,
                exchange=doc.exchange,
            )
        ] * bool(extra)
    return ctx.judge(
        findings, ctx.examined(len(chosen), "ngsi.examined.entities-with", what=m("phrase.two-attributes"))
    )


def not_found_error(ctx: Ctx) -> Judgement:
    """5.7.1: an unknown entity is 404 ResourceNotFound."""
    doc = not_found(ctx)
    findings = error_findings(doc, m("phrase.unknown-entity"), "ResourceNotFound", 404)
    return ctx.judge(findings, ctx.examined(1, "ngsi.examined.requests"))


def bad_id_error(ctx: Ctx) -> Judgement:
    """5.2.4: an id that is not a URI is 400 BadRequestData."""
    doc = bad_id(ctx)
    findings = error_findings(doc, m("phrase.non-uri-id"), "BadRequestData", 400)
    return ctx.judge(findings, ctx.examined(1, "ngsi.examined.requests"))


def problem_details(ctx: Ctx) -> Judgement:
    """5.5.2: the provoked errors are ProblemDetails whose type is an ETSI error type URI."""
    docs = [d for d in (not_found(ctx), bad_id(ctx)) if d.status >= 400]
    findings = []
    for doc in docs:
        body = doc.body if isinstance(doc.body, dict) else {}
        missing = [k for k in ("type",) if not str(body.get(k, "")).startswith(ERRORS)]
        if missing:
            findings.append(
                Violation(
                    m("problem-members", url=doc.url, missing=", ".join(missing)),
                    locator=doc.at(),
                    expected=m("phrase.problem"),
                    actual=doc.response.media_type or "-",
                    exchange=doc.exchange,
                )
            )
    return ctx.judge(findings, ctx.examined(len(docs), "ngsi.examined.errors"))


def _plain(instance: dict[str, object]) -> object:
    return instance.get("object") if instance.get("type") == "Relationship" else instance.get("value")


def key_values(ctx: Ctx) -> Judgement:
    """6.3.7, 4.5.4: options=keyValues gives each single-instance attribute as its bare value."""
    entities, findings, judged = sample(ctx), [], 0
    for entity in entities:
        doc = _retrieve(ctx, entity, options="keyValues")
        findings += _unusable(doc, entity)
        if not isinstance(doc.body, dict):
            continue
        for name, instances in attributes(entity).items():
            if len(instances) != 1:
                continue
            judged += 1
            if doc.body.get(name) != _plain(instances[0]):
                findings.append(
                    Violation(
                        m("key-values-wrong", entity=label(entity), attribute=name),
                        locator=doc.at(f"/{name}"),
                        expected=_plain(instances[0]),
                        actual=doc.body.get(name),
                        exchange=doc.exchange,
                    )
                )
    return ctx.judge(findings, ctx.examined(judged, "ngsi.examined.attributes"))


def sys_attrs(ctx: Ctx) -> Judgement:
    """6.3.11, 4.8: options=sysAttrs adds createdAt and modifiedAt to the entity and each attribute."""
    entities, findings, judged = sample(ctx), [], 0
    for entity in entities:
        doc = _retrieve(ctx, entity, options="sysAttrs")
        findings += _unusable(doc, entity)
        if not isinstance(doc.body, dict):
            continue
        places = [("", doc.body)] + [(f"/{n}", i) for n, ins in attributes(doc.body).items() for i in ins]
        judged += len(places)
        for pointer, node in places:
            missing = [k for k in ("createdAt", "modifiedAt") if not isinstance(node.get(k), str)]
            if missing:
                findings.append(
                    Violation(
                        m("sys-attrs-missing", entity=label(entity), where=pointer or "/", missing=", ".join(missing)),
                        locator=doc.at(pointer),
                        exchange=doc.exchange,
                    )
                )
    if not entities:
        raise NotApplicable(m("nothing-sampled"))
    return ctx.judge(findings, ctx.examined(judged, "ngsi.examined.sys-places"))
