"""The HTML encoding: /req/html/definition and /req/html/content.

Content is judged against the JSON representation of the same resource: the HTML page must be an HTML 5
document whose body has an ``<a>`` element for every link of the JSON representation (compared without the
format parameter ``f``) and shows its information (the landing page title, every collection's id or title,
every feature id).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

import lxml.html
from lxml import etree

from conformance.core.evidence import MissingMember, ParseViolation, Skipped, Violation
from conformance.core.judgement import Judgement
from conformance.core.messages import Message, Param
from conformance.harness.suite import CheckContext
from conformance.suites.ogcapi_features.catalogue import HTML as HTML_CLASS
from conformance.suites.ogcapi_features.links import links, normalise
from conformance.suites.ogcapi_features.messages import m
from conformance.suites.ogcapi_features.responses import HTML, Doc, features, media_type, status
from conformance.suites.ogcapi_features.service import Ctx, claim, collections, sampled

DOCTYPE = re.compile(rb"^\s*(<!--.*?-->\s*)*<!doctype\s+html\s*>", re.IGNORECASE | re.DOTALL)


def _pages(ctx: Ctx) -> list[tuple[Message, Doc]]:
    """(name, JSON representation) of the resources whose HTML pages are checked."""
    svc = ctx.observation
    first = collections(ctx)[0]["id"]
    return [
        (m("phrase.landing-page"), svc.landing),
        (m("phrase.collections"), svc.collections()),
        (m("phrase.items", collection=first), svc.items(first)),
    ]


def media_type_html(ctx: Ctx) -> Judgement:
    """Landing page, conformance, collections, a collection, its items and a feature are served as text/html."""
    claim(ctx, HTML_CLASS)
    svc = ctx.observation
    first = collections(ctx)[0]["id"]
    urls = [
        svc.base_url + "/",
        f"{svc.base_url}/conformance",
        f"{svc.base_url}/collections",
        svc.collection_url(first),
        svc.items_url(first),
    ]
    urls += [svc.single(cid, fid).url for cid, fid in sampled(ctx)[:1]]
    found: list[Violation] = []
    for url in urls:
        doc = svc.fetch(url, accept=HTML)
        what = m("phrase.as-html", url=url)
        problems = list(status(doc, what))
        found += problems or media_type(doc, HTML, what)
    return ctx.judge(found, ctx.examined(len(urls), "features.examined.html-requests"))


def html_content(ctx: Ctx) -> Judgement:
    """Each HTML page is an HTML 5 document showing the links and the facts of its JSON representation."""
    claim(ctx, HTML_CLASS)
    fetch = ctx.observation.fetch
    pages = [(name, source, fetch(source.url, accept=HTML) if source.ok else None) for name, source in _pages(ctx)]
    return html_judgement(ctx, pages, m("skip.no-html-pages"), "features.examined.html-pages")


def html_judgement(
    ctx: CheckContext[Any], pages: list[tuple[Message, Doc, Doc | None]], skip: Message, examined: str
) -> Judgement:
    """Judge each (name, JSON representation, HTML page) whose page answered 200; skip when none did."""
    judged = [(name, source, page) for name, source, page in pages if page is not None and page.status == 200]
    if not judged:
        raise Skipped(skip)
    found = [v for name, source, page in judged for v in page_violations(name, source, page)]
    return ctx.judge(found, ctx.examined(len(judged), examined))


def page_violations(name: Message, source: Doc, page: Doc) -> list[Violation]:
    """How an HTML page misses HTML 5, a body, an <a> for each link of its JSON representation, or its facts."""
    if not DOCTYPE.match(page.response.content[:2048]):
        return [
            ParseViolation(
                m("no-doctype", what=name),
                locator=page.at(),
                expected=m("phrase.html5"),
                actual=page.response.text[:120],
                exchange=page.exchange,
            )
        ]
    body, error = _body(page)
    if body is None:
        return [
            ParseViolation(
                m("no-body", what=name), locator=page.at(), expected="<body>", actual=error, exchange=page.exchange
            )
        ]
    return [*_anchors(name, source, page, body), *_shown(name, source, page, body)]


def _body(page: Doc) -> tuple[lxml.html.HtmlElement | None, Param]:
    try:
        root = lxml.html.document_fromstring(page.response.content, parser=lxml.html.HTMLParser(no_network=True))
    except (etree.ParserError, ValueError) as exc:
        return None, str(exc)
    body = root.find("body")
    return body, "" if body is not None else m("phrase.no-body-element")


def _anchors(name: Message, source: Doc, page: Doc, body: lxml.html.HtmlElement) -> Iterator[Violation]:
    present = {normalise(lxml.html.urljoin(page.url, href)) for href in body.xpath(".//a/@href")}
    for link in links(source):
        if normalise(link.href(source.url)) not in present:
            yield MissingMember(
                m("no-anchor", what=name, rel=link.rel, href=link.href(source.url)),
                locator=page.at(),
                expected=link.href(source.url),
                actual=m("phrase.anchors", count=len(present)),
                exchange=page.exchange,
            )


def _shown(name: Message, source: Doc, page: Doc, body: lxml.html.HtmlElement) -> Iterator[Violation]:
    text = " ".join(body.itertext()) + " " + " ".join(body.xpath(".//a/@href"))
    for value in _facts(source):
        if value not in text:
            yield MissingMember(
                m("not-shown", what=name, value=repr(value)),
                locator=page.at(),
                expected=value,
                actual=None,
                exchange=page.exchange,
            )


def _facts(source: Doc) -> list[str]:
    if isinstance(source.member("collections"), list):
        return [str(c.get("title") or c.get("id")) for c in source.member("collections") if isinstance(c, dict)]
    if source.member("type") == "FeatureCollection":
        return [str(f["id"]) for f in features(source) if "id" in f]
    return [str(source.member("title"))] if source.member("title") else []
