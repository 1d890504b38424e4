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
)
from conformance.suites.oparl.checks_lists import ids
from conformance.suites.oparl.fetch import Fetched
from conformance.suites.oparl.messages import m
from conformance.suites.oparl.objects import values
from conformance.suites.oparl.run import Found, OParlRun, cached, counted
from conformance.suites.oparl.samples import by_id

TECH = re.compile(r"\.(php|asp|aspx|jsp|cgi|pl|do|action)(?=/|$)|/cgi-bin/", re.IGNORECASE)


def server_urls(run: OParlRun) -> Iterator[tuple[Locator, str, Fetched]]:
    """Every URL on the System's host written in a response of the crawl, with where it is written."""
    host = urlsplit(run.system_url).hostname
    for doc in run.documents():
        for pointer, value in values(doc.obj or {}):
            if (
                isinstance(value, str)
                and value.startswith(("http://", "https://"))
                and urlsplit(value).hostname == host
            ):
                yield Locator(where=doc.url, pointer=pointer), value, doc


def check_one_scheme(run: OParlRun) -> Found:
    """Every URL on the System's host uses the System URL's scheme."""
    scheme = urlsplit(run.system_url).scheme
    urls = list(server_urls(run))
    for locator, url, doc in urls:
        if urlsplit(url).scheme != scheme:
            message = m("other-scheme", url=url, scheme=urlsplit(url).scheme, system=scheme)
            yield ValueViolation(
                cached(message, doc), locator=locator, expected=f"{scheme}://", actual=url, exchange=doc.exchange
            )
    return counted(len(urls), "server-urls")


def check_https(run: OParlRun) -> Found:
    """The System URL and every URL on its host use HTTPS."""
    system = run.crawl.system
    if urlsplit(run.system_url).scheme != "https":
        yield ValueViolation(
            m("plain-endpoint"),
            locator=run.system_url,
            expected="https://",
            actual=run.system_url,
            exchange=system.exchange,
        )
    urls = list(server_urls(run))
    for locator, url, doc in urls:
        if url.startswith("http://"):
            yield ValueViolation(
                cached(m("plain-url", url=url), doc),
                locator=locator,
                expected="https://",
                actual=url,
                exchange=doc.exchange,
            )
    return counted(1, "system-url"), counted(len(urls), "server-urls")


def check_no_downgrade(run: OParlRun) -> Found:
    """No redirect met leads from an HTTPS URL to an HTTP URL; the evidence is every hop of the chain (each
    redirect with its Location) and the answer it ended in."""
    if urlsplit(run.system_url).scheme != "https":
        raise NotApplicable(m("reason.no-https"))
    answers = [a for a in run.documents() + [s.fetched for s in by_id(run)] if a.status is not None]
    for doc in answers:
        if doc.exchange is None or not doc.history:
            continue
        chain = [e.url for e in doc.history] + [doc.exchange.url]
        for before, after in itertools.pairwise(chain):
            if before.startswith("https://") and after.startswith("http://"):
                yield ValueViolation(
                    cached(m("downgrade"), doc),
                    locator=before,
                    expected="https://",
                    actual=after,
                    exchange=doc.exchange,
                    redirects=doc.history,
                )
    return counted(len(answers), "answers")


def check_no_tech_path(run: OParlRun) -> Found:
    """No URL path on the System's host shows the implementation (oparl.php/, .aspx, cgi-bin ...)."""
    reported: set[str] = set()
    urls = list(server_urls(run))
    for locator, url, doc in urls:
        match = TECH.search(urlsplit(url).path)
        prefix = url[: url.find(match.group()) + len(match.group())] if match else ""
        if match and prefix not in reported:
            reported.add(prefix)
            yield ValueViolation(
                cached(m("tech-path", part=match.group()), doc),
                locator=locator,
                expected=m("phrase.plain-path"),
                actual=url,
                exchange=doc.exchange,
            )
    return counted(len(urls), "server-urls")


def check_host_name(run: OParlRun) -> Found:
    """The System URL names a host, not an IP address."""
    host = urlsplit(run.system_url).hostname or ""
    try:
        ipaddress.ip_address(host)
    except ValueError:
        return counted(1, "system-url")
    yield ValueViolation(
        m("ip-host"),
        locator=run.system_url,
        expected=m("phrase.host-name"),
        actual=host,
        exchange=run.crawl.system.exchange,
    )
    return counted(1, "system-url")


def _json_answers(run: OParlRun) -> list[Fetched]:
    return [d for d in run.documents() + [s.fetched for s in by_id(run)] if d.ok]


def check_cors_origin(run: OParlRun) -> Found:
    """Every JSON answer carries Access-Control-Allow-Origin: *."""
    answers = _json_answers(run)
    for doc in answers:
        value = doc.headers.get("Access-Control-Allow-Origin")
        if value != "*":
            yield HeaderViolation(
                cached(m("cors-origin", value=repr(value)), doc),
                locator=doc.url,
                expected="Access-Control-Allow-Origin: *",
                actual=value,
                exchange=doc.exchange,
            )
    return counted(len(answers), "json-answers")


def check_cors_methods(run: OParlRun) -> Found:
    """Access-Control-Allow-Methods is absent or includes GET."""
    answers = _json_answers(run)
    for doc in answers:
        value = doc.headers.get("Access-Control-Allow-Methods")
        if value is not None and "GET" not in {v.strip().upper() for v in value.split(",")} and value.strip() != "*":
            yield HeaderViolation(
                cached(m("cors-methods"), doc),
                locator=doc.url,
                expected=m("phrase.get-allowed"),
                actual=value,
                exchange=doc.exchange,
            )
    return counted(len(answers), "json-answers")


def _cookieless(run: OParlRun) -> list[tuple[Fetched, Fetched]]:
    def compute() -> list[tuple[Fetched, Fetched]]:
        docs = [run.crawl.system] + [w.pages[0].fetched for w in run.crawl.walks[:2] if w.pages]
        again = run.fetcher.map(lambda d: run.fetcher.get(d.url, headers={"Cookie": ""}, fresh=True), docs)
        return list(zip(docs, again, strict=True))

    return run.probe("stateless", compute)


def check_stateless(run: OParlRun) -> Found:
    """The System and the first list pages answer the same without any cookie (the same objects; their order is
    the rule stable-order's)."""
    pairs = [(first, again) for first, again in _cookieless(run) if not again.failure and first.status is not None]
    for first, again in pairs:
        if again.status != first.status:
            yield StatusViolation(
                m("cookie-status", status=again.status),
                locator=again.url,
                expected=first.status,
                actual=again.status,
                exchange=again.exchange,
            )
        elif first.obj and again.obj and sorted(ids(first.obj.get("data"))) != sorted(ids(again.obj.get("data"))):
            yield ValueViolation(
                m("cookie-data"),
                locator=again.url,
                expected=ids(first.obj.get("data"))[:5],
                actual=ids(again.obj.get("data"))[:5],
                exchange=again.exchange,
            )
    return counted(len(pairs), "cookieless")
