"""Landing page, API definition and conformance declaration: /req/core/root-*, api-definition-*, conformance-*."""

from __future__ import annotations

from collections.abc import Iterator

from conformance.core.evidence import LinkViolation, MissingMember, ParseViolation, Skipped, Violation
from conformance.core.judgement import Judgement
from conformance.suites.ogcapi_features.catalogue import CORE, ID, STANDARD
from conformance.suites.ogcapi_features.links import Link, links, relations, with_rel
from conformance.suites.ogcapi_features.messages import either, m
from conformance.suites.ogcapi_features.responses import Doc, ensure, media_type, status
from conformance.suites.ogcapi_features.schemas import core, validate
from conformance.suites.ogcapi_features.service import Ctx, claim


def root_op(ctx: Ctx) -> Judgement:
    """GET / answers 200 with a JSON object; judged even when the landing page leaves nothing else to judge."""
    svc = ctx.observation
    ctx.target.require_claim(ID, CORE, None if svc.problem else svc.declared())
    return ctx.judge(ensure(svc.landing, "GET /"), ctx.examined(1, "features.examined.landing-page"))


def root_success(ctx: Ctx) -> Judgement:
    """The landing page validates and links the API definition, /conformance and /collections."""
    claim(ctx, CORE)
    page = ctx.observation.landing
    found = list(ensure(page, m("phrase.landing-page")))
    found = found or [*validate(core("landingPage"), page), *relations(page, ("conformance", "data")), *_api_link(page)]
    return ctx.judge(found, ctx.examined(1, "features.examined.landing-page"))


def _api_link(page: Doc) -> Iterator[Violation]:
    found = {link.rel for link in links(page)}
    if not found & {"service-desc", "service-doc"}:
        yield LinkViolation(
            m("no-api-link"),
            locator=page.at("/links"),
            expected=either("service-desc", "service-doc"),
            actual=sorted(r for r in found if r),
            exchange=page.exchange,
        )


def _definitions(ctx: Ctx) -> list[Link]:
    page = ctx.observation.landing
    found = with_rel(links(page), "service-desc") + with_rel(links(page), "service-doc")
    if not found:
        raise Skipped(m("skip.no-api-link"))
    return found


def api_definition_op(ctx: Ctx) -> Judgement:
    """Every API definition the landing page links answers GET with 200."""
    claim(ctx, CORE)
    page, found = ctx.observation.landing, _definitions(ctx)
    problems = [
        v
        for link in found
        for v in status(
            ctx.observation.fetch(link.href(page.url), accept=link.type or "*/*"), m("phrase.get-link", rel=link.rel)
        )
    ]
    return ctx.judge(problems, ctx.examined(len(found), "features.examined.definition-links"))


def api_definition_success(ctx: Ctx) -> Judgement:
    """Every API definition comes in the media type its link names, and parses where it is JSON."""
    claim(ctx, CORE)
    page, found = ctx.observation.landing, _definitions(ctx)
    problems: list[Violation] = []
    for link in found:
        doc = ctx.observation.fetch(link.href(page.url), accept=str(link.raw.get("type") or "*/*"))
        bad = list(status(doc, m("phrase.link", rel=link.rel)))
        problems += bad or _consistent(doc, link)
    return ctx.judge(problems, ctx.examined(len(found), "features.examined.definition-links"))


def _consistent(doc: Doc, link: Link) -> list[Violation]:
    served = doc.response.media_type
    if link.type and served != link.type:
        return list(media_type(doc, str(link.raw["type"]), m("phrase.link", rel=link.rel)))
    if served.endswith("json") and doc.body is None:
        return [
            ParseViolation(
                m("body-unparsed", rel=link.rel, served=served, error=doc.problem),
                locator=doc.at(),
                expected=served,
                actual=doc.response.text[:200],
                exchange=doc.exchange,
            )
        ]
    return []


def conformance_op(ctx: Ctx) -> Judgement:
    """GET /conformance answers 200."""
    claim(ctx, CORE)
    found = status(ctx.observation.conformance(), "GET /conformance")
    return ctx.judge(found, ctx.examined(1, "features.examined.conformance"))


def conformance_success(ctx: Ctx) -> Judgement:
    """The declaration validates and lists Core and every class the vendors file claims."""
    claim(ctx, CORE)
    doc = ctx.observation.conformance()
    found = list(ensure(doc, m("phrase.conformance-declaration")))
    if not found:
        listed = ctx.observation.declared() or frozenset()
        _note_unclaimed(ctx, listed)
        found = [*validate(core("confClasses"), doc), *_listed(doc, listed, _expected(ctx))]
    return ctx.judge(found, ctx.examined(1, "features.examined.conformance"))


def _note_unclaimed(ctx: Ctx, listed: frozenset[str]) -> None:
    """Classes of this standard the API declares but the vendors file does not claim are said, not hidden."""
    claims = ctx.target.target.claims
    unclaimed = sorted(
        c.uri for c in STANDARD.classes if c.uri in listed and claims is not None and c.uri not in claims
    )
    if unclaimed:
        ctx.note(m("note.unclaimed", classes=", ".join(unclaimed)))


def _expected(ctx: Ctx) -> list[str]:
    claimed = list(ctx.target.target.claims or ())
    return claimed if CORE in claimed else [CORE, *claimed]


def _listed(doc: Doc, listed: frozenset[str], classes: list[str]) -> Iterator[Violation]:
    for cls in classes:
        if cls not in listed:
            yield MissingMember(
                m("class-undeclared", cls=cls),
                locator=doc.at("/conformsTo"),
                expected=cls,
                actual=sorted(listed),
                exchange=doc.exchange,
            )
