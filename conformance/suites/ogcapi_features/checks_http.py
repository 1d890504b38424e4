"""HTTP 1.1: /req/core/http (MUSS), /rec/core/head and /rec/core/etag (SOLL); what each judges is in http11.py."""

from __future__ import annotations

from collections.abc import Iterator

from conformance.core.evidence import MissingMember, Violation
from conformance.core.judgement import Judgement
from conformance.core.messages import Message
from conformance.suites.ogcapi_features.catalogue import CORE
from conformance.suites.ogcapi_features.http11 import (
    Resource,
    date_and_allow,
    etag_syntax,
    head_violations,
    protocol_versions,
    resources,
    revalidation_violations,
    tls_note,
)
from conformance.suites.ogcapi_features.messages import m
from conformance.suites.ogcapi_features.responses import UNKNOWN, Doc, status
from conformance.suites.ogcapi_features.service import Ctx, claim, collections


def http_1_1(ctx: Ctx) -> Judgement:
    """404 for unknown resources, HTTP/1.1 status lines, Date and Allow headers, entity-tags and conditional GET."""
    claim(ctx, CORE)
    svc = ctx.observation
    unknown = _unknown(ctx)
    found: list[Violation] = [v for doc, what in unknown for v in status(doc, what, 404)]
    again = svc.revalidations.get()
    responses = [d.response for d, _ in unknown] + [r.doc.response for r in resources(svc)]
    responses += [head for _, head in svc.heads.get()] + [answer for _, answer in again]
    found += date_and_allow(responses)
    found += protocol_versions(responses)
    found += [v for res in resources(svc) for v in etag_syntax(res)]
    found += [v for res, answer in again for v in revalidation_violations(res, answer)]
    if not again:
        ctx.note(m("note.no-etags"))
    ctx.note(tls_note(ctx.target))
    return ctx.judge(found, ctx.examined(len(responses), "features.examined.http-responses"))


def _unknown(ctx: Ctx) -> list[tuple[Doc, Message]]:
    svc = ctx.observation
    known = collections(ctx)[0]["id"]
    probes = [
        (svc.collection_url(UNKNOWN), m("phrase.unknown-collection")),
        (svc.items_url(UNKNOWN), m("phrase.unknown-items")),
        (f"{svc.items_url(known)}/{UNKNOWN}", m("phrase.unknown-feature", collection=known)),
    ]
    return [(svc.once(url), what) for url, what in probes]


def head(ctx: Ctx) -> Judgement:
    """HEAD to the landing page, conformance, collections, a collection, its items and a feature answers as GET."""
    claim(ctx, CORE)
    heads = ctx.observation.heads.get()
    found = [v for res, answer in heads for v in head_violations(res, answer)]
    return ctx.judge(found, ctx.examined(len(heads), "features.examined.head"))


def etag(ctx: Ctx) -> Judgement:
    """Every 200 response of the sampled resources carries an entity-tag."""
    claim(ctx, CORE)
    answered = [res for res in resources(ctx.observation) if res.doc.status == 200]
    found = [v for res in answered for v in _tagged(res)]
    return ctx.judge(found, ctx.examined(len(answered), "features.examined.etag"))


def _tagged(res: Resource) -> Iterator[Violation]:
    if not res.etag:
        yield MissingMember(
            m("no-etag", what=res.what),
            locator=res.doc.at(),
            expected=m("phrase.etag-header"),
            actual=None,
            exchange=res.doc.exchange,
        )
