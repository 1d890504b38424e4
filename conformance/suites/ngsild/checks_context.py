"""Checks of JSON-LD content negotiation (clause 6.3.6), @context handling (6.3.5) and discovery (5.7.5, 5.7.8)."""

from __future__ import annotations

from conformance.core.evidence import NotApplicable, Violation
from conformance.core.judgement import Judgement
from conformance.suites.ngsild.contexts import ContextRefused
from conformance.suites.ngsild.messages import m
from conformance.suites.ngsild.problems import entity_path, error_findings
from conformance.suites.ngsild.sampling import attributes, label, sample
from conformance.suites.ngsild.service import CONTEXT_REL, JSON, JSON_LD, Ctx, Doc

ABSENT_CONTEXT = "/wechselbar-absent/context.jsonld"
UNAVAILABLE = (503, 504)  # 6.3.2: 504 in V1.9.1 (Table 6.3.2-1), 503 in the ETSI test suite (043_01)


def _first(ctx: Ctx) -> list[str]:
    return [str(e.get("id")) for e in sample(ctx)[:1]]


def _media(doc: Doc, wanted: str) -> list[Violation]:
    if doc.response.media_type == wanted:
        return []
    return [
        Violation(
            m("media-type", url=doc.url, media=doc.response.media_type or "-"),
            locator=doc.at(),
            expected=wanted,
            actual=doc.response.media_type or None,
            exchange=doc.exchange,
        )
    ]


def json_link(ctx: Ctx) -> Judgement:
    """6.3.6: an entity in application/json carries a JSON-LD Link header."""
    findings, judged = [], 0
    for entity_id in _first(ctx):
        doc = ctx.observation.get(entity_path(entity_id), headers={"Accept": JSON})
        judged += 1
        findings += _media(doc, JSON)
        if f'rel="{CONTEXT_REL}"' not in doc.header("Link").replace("'", '"'):
            findings.append(
                Violation(
                    m("no-link-header", url=doc.url),
                    locator=doc.at(),
                    expected=m("phrase.link-header"),
                    actual=doc.header("Link") or None,
                    exchange=doc.exchange,
                )
            )
    return ctx.judge(findings, ctx.examined(judged, "ngsi.examined.responses"))


def ld_context(ctx: Ctx) -> Judgement:
    """6.3.6: Accept: application/ld+json gives application/ld+json with @context (in every entity of a list)."""
    findings, judged = [], 0
    broker = ctx.observation
    for entity_id in _first(ctx):
        single = broker.get(entity_path(entity_id), headers={"Accept": JSON_LD})
        listed = broker.get("/entities", {"id": entity_id}, headers={"Accept": JSON_LD})
        for doc in (single, listed):
            judged += 1
            findings += _media(doc, JSON_LD)
            bodies = doc.body if isinstance(doc.body, list) else [doc.body]
            if not bodies or not all(isinstance(b, dict) and "@context" in b for b in bodies):
                findings.append(Violation(m("no-context-member", url=doc.url), locator=doc.at(), exchange=doc.exchange))
    return ctx.judge(findings, ctx.examined(judged, "ngsi.examined.responses"))


def _user(ctx: Ctx) -> str:
    user = ctx.observation.contexts.user
    if user is None:
        raise NotApplicable(m("no-user-context"))
    return user


def user_term(ctx: Ctx) -> str:
    """A term of the user @context that it maps to an IRI of its own (not a core term); not applicable if none."""
    contexts = ctx.observation.contexts
    document = contexts.documents[_user(ctx)]
    local = document.get("@context") if isinstance(document, dict) else None
    for item in local if isinstance(local, list) else [local]:
        for term in sorted(item) if isinstance(item, dict) else []:
            if not term.startswith("@") and contexts.iri(term) != contexts.iri(term, []):
                return str(term)
    raise NotApplicable(m("no-user-term"))


def compaction(ctx: Ctx) -> Judgement:
    """6.3.5: an entity asked for with the user @context comes compacted with it (PyLD gives the expectation)."""
    _user(ctx)
    broker, findings, judged = ctx.observation, [], 0
    for entity_id in _first(ctx):
        plain = broker.get(entity_path(entity_id), headers={"Accept": JSON})
        linked = broker.get(entity_path(entity_id))
        if not (isinstance(plain.body, dict) and isinstance(linked.body, dict)):
            continue
        try:
            wanted = broker.contexts.compact(broker.contexts.expand(plain.body, []), None)
        except ContextRefused as exc:
            ctx.note(m("note.context-refused", reason=str(exc)))
            continue
        judged += 1
        if sorted(wanted) != sorted(k for k in linked.body if k != "@context"):
            findings.append(
                Violation(
                    m("not-compacted", url=linked.url),
                    locator=linked.at(),
                    expected=sorted(wanted),
                    actual=sorted(linked.body),
                    exchange=linked.exchange,
                )
            )
    return ctx.judge(findings, ctx.examined(judged, "ngsi.examined.entities"))


def context_unavailable(ctx: Ctx) -> Judgement:
    """6.3.5, 5.5.2, 6.3.2: a query whose Link header names a @context that cannot be retrieved gives
    LdContextNotAvailable."""
    broker = ctx.observation
    url = ctx.target.base_url + ABSENT_CONTEXT
    for entity_type in broker.types[:1]:
        sent = {"Accept": JSON, **broker.link(url)}
        doc = broker.get("/entities", {"type": entity_type, "limit": 1}, headers=sent, expected=UNAVAILABLE)
        findings = error_findings(doc, m("phrase.absent-context"), "LdContextNotAvailable", UNAVAILABLE)
        return ctx.judge(findings, ctx.examined(1, "ngsi.examined.requests"))
    return ctx.judge([], ctx.examined(0, "ngsi.examined.types"))


def types(ctx: Ctx) -> Judgement:
    """5.7.5: /types with the user @context lists short names (the core-only listing gives the IRIs)."""
    _user(ctx)
    broker = ctx.observation
    linked = broker.get("/types")
    plain = broker.get("/types", headers={"Accept": JSON})
    names = plain.member("typeList")
    if not isinstance(names, list) or not isinstance(linked.member("typeList"), list):
        return ctx.judge([], ctx.examined(0, "ngsi.examined.types"))
    wanted = sorted(broker.contexts.term(broker.contexts.iri(str(n), []), None) for n in names)
    found = sorted(str(n) for n in linked.member("typeList"))
    findings = (
        []
        if wanted == found
        else [
            Violation(
                m("types-not-short", url=linked.url),
                locator=linked.at("/typeList"),
                expected=wanted,
                actual=found,
                exchange=linked.exchange,
            )
        ]
    )
    return ctx.judge(findings, ctx.examined(len(names), "ngsi.examined.types"))


def attribute_list(ctx: Ctx) -> Judgement:
    """5.7.8: /attributes lists every attribute of the sampled entities, Relationships included."""
    doc = ctx.observation.get("/attributes")
    listed = doc.member("attributeList")
    entities = sample(ctx)
    if doc.status != 200 or not isinstance(listed, list):
        findings = [
            Violation(
                m("retrieve-failed", entity="/attributes", status=doc.status), locator=doc.at(), exchange=doc.exchange
            )
        ]
        return ctx.judge(findings, ctx.examined(1, "ngsi.examined.requests"))
    findings, judged = [], 0
    for entity in entities:
        for name in attributes(entity):
            judged += 1
            if name not in listed:
                findings.append(
                    Violation(
                        m("attribute-unlisted", attribute=name, entity=label(entity)),
                        locator=doc.at("/attributeList"),
                        exchange=doc.exchange,
                    )
                )
    return ctx.judge(findings, ctx.examined(judged, "ngsi.examined.attributes"))
