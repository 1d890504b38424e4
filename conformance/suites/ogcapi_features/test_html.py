"""The HTML encoding: /req/html/definition and /req/html/content.

Content is judged against the JSON representation of the same resource: the HTML page must be an HTML 5
document whose body has an ``<a>`` element for every link of the JSON representation (compared without the
format parameter ``f``) and shows its information (the landing page title, every collection's id or title,
every feature id).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

import lxml.html
import pytest
from lxml import etree

from conformance.core.evidence import MissingMember, ParseViolation, Violation, expect
from conformance.harness.target import TargetContext, requirement
from conformance.suites.ogcapi_features import HTML as HTML_CLASS
from conformance.suites.ogcapi_features import STANDARD
from conformance.suites.ogcapi_features.checks import capped, media_type, status
from conformance.suites.ogcapi_features.links import links, normalise
from conformance.suites.ogcapi_features.service import (
    HTML,
    Doc,
    claim,
    collection_url,
    collections,
    collections_doc,
    features,
    fetch,
    items,
    items_url,
    landing,
    sampled,
    single,
)

DOCTYPE = re.compile(rb"^\s*(<!--.*?-->\s*)*<!doctype\s+html\s*>", re.IGNORECASE | re.DOTALL)


def _pages(target: TargetContext) -> list[tuple[str, Doc]]:
    """(name, JSON representation) of the resources whose HTML pages are checked."""
    first = collections(target)[0]["id"]
    return [("landing page", landing(target)), ("collections", collections_doc(target)),
            (f"items of {first}", items(target, first))]


@requirement(STANDARD.requirement("/req/html/definition"))
def test_html_media_type(target: TargetContext) -> None:
    """Landing page, conformance, collections, a collection, its items and a feature are served as text/html."""
    claim(target, HTML_CLASS)
    first = collections(target)[0]["id"]
    urls = [target.base_url + "/", f"{target.base_url}/conformance", f"{target.base_url}/collections",
            collection_url(target, first), items_url(target, first)]
    urls += [single(target, cid, fid).url for cid, fid in sampled(target)[:1]]
    found: list[Violation] = []
    for url in urls:
        doc = fetch(target, url, accept=HTML)
        problems = list(status(doc, f"{url} as HTML"))
        found += problems or media_type(doc, HTML, f"{url} as HTML")
    expect(found)


@requirement(STANDARD.requirement("/req/html/content"))
def test_html_content(target: TargetContext) -> None:
    claim(target, HTML_CLASS)
    found: list[Violation] = []
    judged = 0
    for name, source in _pages(target):
        page = fetch(target, source.url, accept=HTML) if source.ok else None
        if page is not None and page.status == 200:
            judged += 1
            found += _html_violations(name, source, page)
    if not judged:
        pytest.skip("no resource answered both as JSON and as HTML with 200 (see /req/html/definition)")
    expect(capped(found))


def _html_violations(name: str, source: Doc, page: Doc) -> list[Violation]:
    if not DOCTYPE.match(page.response.content[:2048]):
        return [ParseViolation(f"{name}: the HTML page does not start with <!DOCTYPE html>", locator=page.at(),
                               expected="an HTML 5 document", actual=page.response.text[:120], exchange=page.exchange)]
    body, error = _body(page)
    if body is None:
        return [ParseViolation(f"{name}: the HTML page has no body", locator=page.at(), expected="<body>",
                               actual=error, exchange=page.exchange)]
    return [*_anchors(name, source, page, body), *_shown(name, source, page, body)]


def _body(page: Doc) -> tuple[lxml.html.HtmlElement | None, str]:
    try:
        root = lxml.html.document_fromstring(page.response.content, parser=lxml.html.HTMLParser(no_network=True))
    except (etree.ParserError, ValueError) as exc:
        return None, str(exc)
    body = root.find("body")
    return body, "" if body is not None else "no body element"


def _anchors(name: str, source: Doc, page: Doc, body: lxml.html.HtmlElement) -> Iterator[Violation]:
    present = {normalise(lxml.html.urljoin(page.url, href)) for href in body.xpath(".//a/@href")}
    for link in links(source):
        if normalise(link.href(source.url)) not in present:
            yield MissingMember(f"{name}: no <a> for the {link.rel} link {link.href(source.url)}",
                                locator=page.at(), expected=link.href(source.url), actual=f"{len(present)} <a> "
                                "elements", exchange=page.exchange)


def _shown(name: str, source: Doc, page: Doc, body: lxml.html.HtmlElement) -> Iterator[Violation]:
    text = " ".join(body.itertext()) + " " + " ".join(body.xpath(".//a/@href"))
    for value in _facts(source):
        if value not in text:
            yield MissingMember(f"{name}: {value!r} is not shown in the HTML body", locator=page.at(),
                                expected=value, actual=None, exchange=page.exchange)


def _facts(source: Doc) -> list[str]:
    if isinstance(source.member("collections"), list):
        return [str(c.get("title") or c.get("id")) for c in source.member("collections") if isinstance(c, dict)]
    if source.member("type") == "FeatureCollection":
        return [str(f["id"]) for f in features(source) if "id" in f]
    return [str(source.member("title"))] if source.member("title") else []
