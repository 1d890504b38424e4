"""The classes a server declares beside the core: /req/sorting/get-sortables-op and get-sortables-success (Sorting),
/req/json/record-response and collection-response (JSON), /req/html/definition and /req/html/content (HTML).

Each is judged only where the conformance declaration lists its class (else not applicable, or a fail where a
profile requires it). The HTML pages are the sampled catalogs and one record of each; their content is judged
against the JSON representation of the same resource as for OGC API – Features (HTML 5, an ``<a>`` element for
every link of the JSON representation, the title shown).
"""

from __future__ import annotations

from conformance.core.evidence import LinkViolation, Violation
from conformance.core.judgement import Judgement
from conformance.core.messages import Message
from conformance.suites.ogcapi_features.checks_html import html_judgement
from conformance.suites.ogcapi_features.links import links
from conformance.suites.ogcapi_features.responses import GEOJSON, HTML, Doc, ensure, media_type, status
from conformance.suites.ogcapi_records import sortables
from conformance.suites.ogcapi_records.catalogue import HTML_CLASS, ID, JSON_CLASS, SORTING
from conformance.suites.ogcapi_records.messages import r
from conformance.suites.ogcapi_records.record import missing
from conformance.suites.ogcapi_records.service import Ctx, catalogs, record_id, records

SORTABLES_REL = "http://www.opengis.net/def/rel/ogc/1.0/sortables"
SCHEMA_JSON = "application/schema+json"
CATALOG_JSON = "application/ogc-catalog+json"


def _claimed(ctx: Ctx, cls: str) -> None:
    ctx.target.require_claim(ID, cls, ctx.observation.declared())


def get_sortables(ctx: Ctx) -> Judgement:
    """Each catalog links its sortables (rel .../ogc/1.0/sortables), which answer 200 application/schema+json."""
    _claimed(ctx, SORTING)
    found: list[Violation] = []
    sample = catalogs(ctx)
    for entry in sample:
        doc, linked, answer = _sortables(ctx, entry["id"])
        if not linked:
            found.append(_no_link(doc, entry["id"]))
        what = r("phrase.sortables", id=entry["id"])
        found += list(status(answer, what)) or list(media_type(answer, SCHEMA_JSON, what))
    return ctx.judge(found, ctx.examined(len(sample), "records.examined.catalogs"))


def get_sortables_success(ctx: Ctx) -> Judgement:
    """Each catalog's sortables answer 200; a schema+json answer is a JSON Schema of sortables (parts B–F)."""
    _claimed(ctx, SORTING)
    found: list[Violation] = []
    sample = catalogs(ctx)
    for entry in sample:
        answer = _sortables(ctx, entry["id"])[2]
        what = r("phrase.sortables", id=entry["id"])
        problems = list(status(answer, what))
        if not problems and answer.response.media_type == SCHEMA_JSON:
            problems = list(ensure(answer, what)) or list(sortables.judge(answer, entry["id"]))
        found += problems
    return ctx.judge(found, ctx.examined(len(sample), "records.examined.sortables"))


def _sortables(ctx: Ctx, catalog: str) -> tuple[Doc, bool, Doc]:
    """The catalog, whether it links its sortables, and their answer (at /sortables below it when unlinked)."""
    doc = ctx.observation.collection(catalog)
    linked = [link.href(doc.url) for link in links(doc) if link.rel == SORTABLES_REL]
    href = linked[0] if linked else f"{ctx.observation.collection_url(catalog)}/sortables"
    return doc, bool(linked), ctx.observation.once(href, None, SCHEMA_JSON)


def _no_link(doc: Doc, catalog: str) -> Violation:
    return LinkViolation(
        r("no-sortables-link", id=catalog, rel=SORTABLES_REL),
        locator=doc.at("/links"),
        expected=SORTABLES_REL,
        exchange=doc.exchange,
    )


def record_response(ctx: Ctx) -> Judgement:
    """Items pages and single records answer application/geo+json, every record with a geometry member."""
    _claimed(ctx, JSON_CLASS)
    found: list[Violation] = []
    docs = [ctx.observation.items(entry["id"]) for entry in catalogs(ctx)]
    docs += [ctx.observation.single(catalog, record_id(rec)) for catalog, rec in records(ctx)[:1]]
    for doc in (d for d in docs if d.status == 200):
        found += media_type(doc, GEOJSON, doc.url)
        for pointer, record in _records_of(doc):
            if "geometry" not in record:
                found.append(missing(doc, pointer, r("phrase.record", id=record_id(record)), "geometry"))
    return ctx.judge(found, ctx.examined(sum(d.status == 200 for d in docs), "records.examined.record-documents"))


def collection_response(ctx: Ctx) -> Judgement:
    """Each catalog asked for as application/ogc-catalog+json answers 200 with that media type and a JSON object."""
    _claimed(ctx, JSON_CLASS)
    found: list[Violation] = []
    sample = catalogs(ctx)
    for entry in sample:
        answer = ctx.observation.once(ctx.observation.collection_url(entry["id"]), None, CATALOG_JSON)
        what = r("phrase.catalog", id=entry["id"])
        found += list(ensure(answer, what)) or list(media_type(answer, CATALOG_JSON, what))
    return ctx.judge(found, ctx.examined(len(sample), "records.examined.catalogs"))


def _records_of(doc: Doc) -> list[tuple[str, dict[str, object]]]:
    listed = doc.member("features")
    if isinstance(listed, list):
        return [(f"/features/{i}", rec) for i, rec in enumerate(listed) if isinstance(rec, dict)]
    return [("", doc.body)] if isinstance(doc.body, dict) else []


def _html_pages(ctx: Ctx) -> list[tuple[Message, Doc]]:
    """(name, JSON representation) of the sampled catalogs and of one record of each."""
    svc = ctx.observation
    pages = [(r("phrase.catalog", id=entry["id"]), svc.collection(entry["id"])) for entry in catalogs(ctx)]
    seen: set[str] = set()
    for catalog, rec in records(ctx):
        if catalog not in seen:
            seen.add(catalog)
            pages.append((r("phrase.record", id=record_id(rec)), svc.single(catalog, record_id(rec))))
    return pages


def html_definition(ctx: Ctx) -> Judgement:
    """The catalog and record pages are served as text/html when asked for."""
    _claimed(ctx, HTML_CLASS)
    found: list[Violation] = []
    pages = _html_pages(ctx)
    for name, source in pages:
        page = ctx.observation.once(source.url, None, HTML)
        found += list(status(page, name)) or list(media_type(page, HTML, name))
    return ctx.judge(found, ctx.examined(len(pages), "records.examined.html-pages"))


def html_content(ctx: Ctx) -> Judgement:
    """Each HTML page is an HTML 5 document with an <a> for every link of its JSON representation."""
    _claimed(ctx, HTML_CLASS)
    pages = [(name, source, _html(ctx, source)) for name, source in _html_pages(ctx)]
    return html_judgement(ctx, pages, r("skip.no-html-pages"), "records.examined.html-pages")


def _html(ctx: Ctx, source: Doc) -> Doc | None:
    """The HTML page of a resource, if it was served as text/html."""
    page = ctx.observation.once(source.url, None, HTML) if source.ok else None
    return page if page is not None and page.response.media_type == HTML else None
