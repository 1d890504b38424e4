"""Part 3 checks: queryables, queryables as parameters, filter, filter-lang, filter-crs and their answers."""

from __future__ import annotations

from collections.abc import Iterator

from conformance.core.evidence import LinkViolation, SchemaViolation, Violation
from conformance.core.judgement import Judgement
from conformance.suites.ogcapi_features.responses import features, media_type, status
from conformance.suites.ogcapi_features.service import Entry
from conformance.suites.ogcapi_features_query.catalogue import FILTER_STANDARD
from conformance.suites.ogcapi_features_query.messages import q
from conformance.suites.ogcapi_features_query.probe import Ctx, claim, collections, items, metadata
from conformance.suites.ogcapi_features_query.schemas import schema_problems
from conformance.suites.ogcapi_features_query.sending import (
    SCHEMA_JSON,
    probes,
    queryables,
    send,
    unsatisfied,
    with_queryables,
)

REL = "http://www.opengis.net/def/rel/ogc/1.0/queryables"


def _entries(ctx: Ctx, cls: str) -> list[Entry]:
    claim(ctx, FILTER_STANDARD, cls)
    return collections(ctx)


def _probed(ctx: Ctx, cls: str) -> list[Entry]:
    return with_queryables(ctx, _entries(ctx, cls))


def queryables_op(ctx: Ctx) -> Judgement:
    """Each collection serves its queryables as application/schema+json and links to them."""
    entries = _entries(ctx, "queryables")
    findings: list[Violation] = []
    for entry in entries:
        doc = queryables(ctx, entry)
        what = q("what.queryables", collection=entry["id"])
        findings += status(doc, what) if doc.status != 200 else media_type(doc, SCHEMA_JSON, what)
        findings += _linked(ctx, entry)
    return ctx.judge(findings, ctx.examined(len(entries), "query.examined.collections"))


def _linked(ctx: Ctx, entry: Entry) -> Iterator[Violation]:
    doc = metadata(ctx, entry)
    links = doc.member("links", [])
    if not (isinstance(links, list) and any(isinstance(x, dict) and x.get("rel") == REL for x in links)):
        yield LinkViolation(
            q("no-queryables-link", collection=entry["id"]),
            locator=doc.at("/links"),
            expected=REL,
            actual=None,
            exchange=doc.exchange,
        )


def queryables_response(ctx: Ctx) -> Judgement:
    """The queryables are a JSON Schema with $schema, $id, type object and properties."""
    docs = [queryables(ctx, e) for e in _entries(ctx, "queryables")]
    docs = [d for d in docs if d.ok]
    findings = [
        SchemaViolation(problem, locator=doc.at(), exchange=doc.exchange)
        for doc in docs
        for problem in schema_problems(doc)
    ]
    return ctx.judge(findings, ctx.examined(len(docs), "query.examined.queryables"))


def query_parameters(ctx: Ctx) -> Judgement:
    """A simple queryable as a query parameter selects only features with that value."""
    findings: list[Violation] = []
    count = 0
    for entry in _probed(ctx, "queryables-query-parameters"):
        for probe in probes(ctx, entry, "="):
            name = probe.text.split(" = ", 1)[0]
            raw = probe.seed["properties"][name]
            doc = items(ctx, entry, {name: str(raw).lower() if isinstance(raw, bool) else str(raw)})
            count += 1
            findings += status(doc, q("what.parameter", collection=entry["id"], parameter=f"{name}={raw}"))
            findings += unsatisfied(doc, probe) if doc.ok else []
    return ctx.judge(findings, ctx.examined(count, "query.examined.parameter-requests"))


def filter_param(ctx: Ctx) -> Judgement:
    """filter with an equality on an observed value is accepted (200)."""
    findings: list[Violation] = []
    count = 0
    for entry in _probed(ctx, "filter"):
        for probe in probes(ctx, entry, "=")[:1]:
            count += 1
            findings += status(send(ctx, entry, probe), q("what.filter", collection=entry["id"], filter=probe.text))
    return ctx.judge(findings, ctx.examined(count, "query.examined.filter-requests"))


def filter_lang_param(ctx: Ctx) -> Judgement:
    """filter-lang=cql2-text (and cql2-json where declared) is accepted (200)."""
    declared = ctx.observation.declared() or frozenset()
    langs = ["cql2-text"] + (["cql2-json"] if "http://www.opengis.net/spec/cql2/1.0/conf/cql2-json" in declared else [])
    findings: list[Violation] = []
    count = 0
    for entry in _probed(ctx, "filter"):
        for probe in probes(ctx, entry, "=")[:1]:
            for lang in langs:
                count += 1
                doc = send(ctx, entry, probe, lang)
                findings += status(doc, q("what.filter-lang", collection=entry["id"], lang=lang, filter=probe.text))
    return ctx.judge(findings, ctx.examined(count, "query.examined.filter-requests"))


def filter_response(ctx: Ctx) -> Judgement:
    """Every feature returned for an accepted filter satisfies it, and the seed it was built from is returned."""
    findings: list[Violation] = []
    sent: list[str] = []
    count = 0
    for entry in _probed(ctx, "filter"):
        for kind in ("=", ">=", "like", "s_intersects"):
            for probe in probes(ctx, entry, kind):
                sent.append(probe.text)
                doc = send(ctx, entry, probe)
                if doc.ok and features(doc):
                    count += len(features(doc))
                    findings += unsatisfied(doc, probe)
    return ctx.judge(findings, ctx.examined(count, "query.examined.filtered-features", filters=_named(sent)))


def _named(filters: list[str]) -> str:
    return "; ".join(filters[:6]) + (f" (+{len(filters) - 6})" if len(filters) > 6 else "") if filters else "-"
