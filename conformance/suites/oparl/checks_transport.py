"""URLs, HTTP/HTTPS and CORS (§2.3, §2.6): stateless access, host names, one scheme, HTTPS, CORS headers."""

from __future__ import annotations

import ipaddress
import itertools
import re
from collections.abc import Iterator
from urllib.parse import urlsplit

from conformance.core.evidence import (
    HeaderViolation,
    Locator,
    NotApplicable,
    StatusViolation,
    ValueViolation,
    Violation,
)
from conformance.suites.oparl.checks_lists import ids
from conformance.suites.oparl.fetch import Fetched
from conformance.suites.oparl.objects import values
from conformance.suites.oparl.run import OParlRun
from conformance.suites.oparl.samples import by_id

TECH = re.compile(r"\.(php|asp|aspx|jsp|cgi|pl|do|action)(?=/|$)|/cgi-bin/", re.IGNORECASE)


def server_urls(run: OParlRun) -> Iterator[tuple[Locator, str, Fetched]]:
    """Every URL on the System's host written in a response of the crawl, with where it is written."""
    host = urlsplit(run.system_url).hostname
    for doc in run.documents():
        for pointer, value in values(doc.obj or {}):
            if isinstance(value, str) and value.startswith(("http://", "https://")) and \
                    urlsplit(value).hostname == host:
                yield Locator(where=doc.url, pointer=pointer), value, doc


def check_one_scheme(run: OParlRun) -> Iterator[Violation]:
    """Every URL on the System's host uses the System URL's scheme."""
    scheme = urlsplit(run.system_url).scheme
    for locator, url, doc in server_urls(run):
        if urlsplit(url).scheme != scheme:
            yield ValueViolation(f"{url} uses {urlsplit(url).scheme}, the System URL {scheme}{doc.note()}",
                                 locator=locator, expected=f"{scheme}://", actual=url, exchange=doc.exchange)


def check_https(run: OParlRun) -> Iterator[Violation]:
    """The System URL and every URL on its host use HTTPS."""
    system = run.crawl.system
    if urlsplit(run.system_url).scheme != "https":
        yield ValueViolation("the OParl endpoint (System URL) is served over plain HTTP", locator=run.system_url,
                             expected="https://", actual=run.system_url, exchange=system.exchange)
    for locator, url, doc in server_urls(run):
        if url.startswith("http://"):
            yield ValueViolation(f"{url} is a plain HTTP URL{doc.note()}", locator=locator, expected="https://",
                                 actual=url, exchange=doc.exchange)


def check_no_downgrade(run: OParlRun) -> Iterator[Violation]:
    """No redirect met leads from an HTTPS URL to an HTTP URL."""
    if urlsplit(run.system_url).scheme != "https":
        raise NotApplicable("the endpoint is not served over HTTPS, so nothing can be redirected from it")
    answers = run.documents() + [s.fetched for s in by_id(run)]
    for doc in answers:
        chain = [e.url for e in doc.history] + ([doc.final_url] if doc.history else [])
        for before, after in itertools.pairwise(chain):
            if before.startswith("https://") and after.startswith("http://"):
                yield ValueViolation(f"redirect from HTTPS to HTTP{doc.note()}", locator=before, expected="https://",
                                     actual=after, exchange=doc.exchange)


def check_no_tech_path(run: OParlRun) -> Iterator[Violation]:
    """No URL path on the System's host shows the implementation (oparl.php/, .aspx, cgi-bin ...)."""
    reported: set[str] = set()
    for locator, url, doc in server_urls(run):
        match = TECH.search(urlsplit(url).path)
        prefix = url[:url.find(match.group()) + len(match.group())] if match else ""
        if match and prefix not in reported:
            reported.add(prefix)
            yield ValueViolation(f"the URL path shows the implementation ({match.group()}){doc.note()}",
                                 locator=locator, expected="a path without technical parts", actual=url,
                                 exchange=doc.exchange)


def check_host_name(run: OParlRun) -> Iterator[Violation]:
    """The System URL names a host, not an IP address."""
    host = urlsplit(run.system_url).hostname or ""
    try:
        ipaddress.ip_address(host)
    except ValueError:
        return
    yield ValueViolation("the OParl endpoint is addressed by an IP address", locator=run.system_url,
                         expected="a host name", actual=host, exchange=run.crawl.system.exchange)


def _json_answers(run: OParlRun) -> list[Fetched]:
    return [d for d in run.documents() + [s.fetched for s in by_id(run)] if d.ok]


def check_cors_origin(run: OParlRun) -> Iterator[Violation]:
    """Every JSON answer carries Access-Control-Allow-Origin: *."""
    for doc in _json_answers(run):
        value = doc.headers.get("Access-Control-Allow-Origin")
        if value != "*":
            yield HeaderViolation(f"Access-Control-Allow-Origin is {value!r}{doc.note()}", locator=doc.url,
                                  expected="Access-Control-Allow-Origin: *", actual=value, exchange=doc.exchange)


def check_cors_methods(run: OParlRun) -> Iterator[Violation]:
    """Access-Control-Allow-Methods is absent or includes GET."""
    for doc in _json_answers(run):
        value = doc.headers.get("Access-Control-Allow-Methods")
        if value is not None and "GET" not in {m.strip().upper() for m in value.split(",")} and value.strip() != "*":
            yield HeaderViolation(f"Access-Control-Allow-Methods omits GET{doc.note()}", locator=doc.url,
                                  expected="absent or including GET", actual=value, exchange=doc.exchange)


def _cookieless(run: OParlRun) -> list[tuple[Fetched, Fetched]]:
    def compute() -> list[tuple[Fetched, Fetched]]:
        docs = [run.crawl.system] + [w.pages[0].fetched for w in run.crawl.walks[:2] if w.pages]
        again = run.fetcher.map(lambda d: run.fetcher.get(d.url, headers={"Cookie": ""}, fresh=True), docs)
        return list(zip(docs, again, strict=True))
    return run.probe("stateless", compute)


def check_stateless(run: OParlRun) -> Iterator[Violation]:
    """The System and the first list pages answer the same without any cookie."""
    for first, again in _cookieless(run):
        if again.failure or first.status is None:
            continue
        if again.status != first.status:
            yield StatusViolation(f"without cookies the request answers HTTP {again.status}", locator=again.url,
                                  expected=first.status, actual=again.status, exchange=again.exchange)
        elif first.obj and again.obj and ids(first.obj.get("data")) != ids(again.obj.get("data")):
            yield ValueViolation("without cookies the list page holds other objects", locator=again.url,
                                 expected=ids(first.obj.get("data"))[:5], actual=ids(again.obj.get("data"))[:5],
                                 exchange=again.exchange)
