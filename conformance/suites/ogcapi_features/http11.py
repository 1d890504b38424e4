"""HTTP 1.1 as a client can observe it: HEAD, entity tags and conditional GET, Date and Allow.

/req/core/http requires conformance to HTTP 1.1 (RFC 7230–7235). Judged under it, where the RFCs say MUST:

- an unknown resource is answered with 404 (RFC 7231 §6.5.4, and the standard's own status code table);
- every 2xx–4xx response carries Date (RFC 7231 §7.1.1.2: an origin server with a clock MUST send it);
- a 405 response carries Allow (RFC 7231 §6.5.5);
- an ETag is a valid entity-tag (RFC 7232 §2.3); a GET whose If-None-Match names the current entity-tag is
  answered with 304 (RFC 7232 §3.2), without a body and with ETag and Date (RFC 7232 §4.1).

- the status line of each response to an HTTP/1.1 request names HTTP/1.1 or later (RFC 7230 §2.6: a server
  sends the highest version it conforms to; an HTTP/1.0 status line means it does not claim HTTP/1.1).

HEAD is a recommendation of the standard only (/rec/core/head, SOLL): RFC 7231 §4.1 requires HEAD of
general-purpose servers, which a Web API need not be. Entity tags are /rec/core/etag (SOLL).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from conformance.core.evidence import HeaderViolation, Locator, StatusViolation, ValueViolation, Violation
from conformance.core.http import Response
from conformance.core.messages import Message, Param
from conformance.harness.target import TargetContext
from conformance.suites.ogcapi_features.messages import joined, m
from conformance.suites.ogcapi_features.responses import GEOJSON, JSON, Doc, feature_key, features

if TYPE_CHECKING:
    from conformance.suites.ogcapi_features.service import Service

ENTITY_TAG = re.compile(r'(W/)?"[\x21\x23-\x7e\x80-\xff]*"')
UNSUPPORTED = (405, 501)


@dataclass(frozen=True)
class Resource:
    """A resource of the API as fetched with GET, and the Accept header used."""

    what: Param
    doc: Doc
    accept: str

    @property
    def etag(self) -> str:
        """The entity-tag of the GET response ('' if none was sent)."""
        return str(self.doc.response.headers.get("ETag") or "")


def resources(svc: Service) -> list[Resource]:
    """Landing page, conformance, collections and, of the first collection, its metadata, items and a feature."""
    found = [
        Resource(m("phrase.landing-page"), svc.landing, JSON),
        Resource("/conformance", svc.conformance(), JSON),
        Resource("/collections", svc.collections(), JSON),
    ]
    entries = svc.collections().member("collections", [])
    first = (
        next((c["id"] for c in entries if isinstance(c, dict) and isinstance(c.get("id"), str)), None)
        if isinstance(entries, list)
        else None
    )
    if first is None:
        return found
    page = svc.items(first)
    found += [
        Resource(m("phrase.collection", id=first), svc.collection(first), JSON),
        Resource(m("phrase.items", collection=first), page, GEOJSON),
    ]
    ids = [feature_key(f) for f in features(page) if f.get("id") not in (None, "")]
    if not ids:
        return found
    return [*found, Resource(m("phrase.feature", feature=ids[0], collection=first), svc.single(first, ids[0]), GEOJSON)]


def send_heads(svc: Service) -> list[tuple[Resource, Response]]:
    """HEAD to each resource, with the Accept header of its GET."""
    return [
        (res, svc.target.http.request("HEAD", res.doc.url, headers={"Accept": res.accept})) for res in resources(svc)
    ]


def revalidate(svc: Service) -> list[tuple[Resource, Response]]:
    """A conditional GET (If-None-Match: its own entity-tag) to each resource whose 200 response had an ETag."""
    tagged = [res for res in resources(svc) if res.doc.status == 200 and ENTITY_TAG.fullmatch(res.etag)]
    return [
        (res, svc.target.http.get(res.doc.url, headers={"Accept": res.accept, "If-None-Match": res.etag}))
        for res in tagged
    ]


def head_violations(res: Resource, head: Response) -> Iterator[Violation]:
    """HEAD is supported and answers like GET: the same status and Content-Type."""
    where = Locator(where=head.url)
    if head.status in UNSUPPORTED:
        yield StatusViolation(
            m("head-unsupported", what=res.what, status=head.status),
            locator=where,
            expected=m("phrase.as-for-get", status=res.doc.status),
            actual=head.status,
            exchange=head.exchange,
        )
    elif head.status != res.doc.status:
        yield StatusViolation(
            m("head-status", what=res.what, head=head.status, get=res.doc.status),
            locator=where,
            expected=res.doc.status,
            actual=head.status,
            exchange=head.exchange,
        )
    elif head.media_type != res.doc.response.media_type:
        yield HeaderViolation(
            m("head-type", what=res.what),
            locator=where,
            expected=res.doc.response.headers.get("Content-Type"),
            actual=head.headers.get("Content-Type"),
            exchange=head.exchange,
        )


def date_and_allow(responses: Iterable[Response]) -> Iterator[Violation]:
    """Date on every 2xx–4xx response (RFC 7231 §7.1.1.2); Allow on every 405 (RFC 7231 §6.5.5)."""
    for response in responses:
        if 200 <= response.status < 500 and not response.headers.get("Date"):
            yield HeaderViolation(
                m("no-date", status=response.status),
                locator=Locator(where=response.url),
                expected="Date (RFC 7231 §7.1.1.2)",
                actual=None,
                exchange=response.exchange,
            )
        if response.status == 405 and "Allow" not in response.headers:
            yield HeaderViolation(
                m("no-allow"),
                locator=Locator(where=response.url),
                expected="Allow (RFC 7231 §6.5.5)",
                actual=None,
                exchange=response.exchange,
            )


def protocol_versions(responses: Iterable[Response]) -> Iterator[Violation]:
    """Each response names HTTP/1.1 (or later) in its status line; an unknown version is not judged."""
    for response in responses:
        if response.http_version == "HTTP/1.0":
            yield ValueViolation(
                m("http-1.0"),
                locator=Locator(where=response.url),
                expected="HTTP/1.1 (RFC 7230 §2.6)",
                actual=response.http_version,
                exchange=response.exchange,
            )
            return


def etag_syntax(res: Resource) -> Iterator[Violation]:
    """A sent ETag is a valid entity-tag: optional W/, then an opaque quoted string."""
    if res.etag and not ENTITY_TAG.fullmatch(res.etag):
        yield HeaderViolation(
            m("etag-invalid", what=res.what),
            locator=res.doc.at(),
            expected=m("phrase.entity-tag"),
            actual=res.etag,
            exchange=res.doc.exchange,
        )


def revalidation_violations(res: Resource, again: Response) -> Iterator[Violation]:
    """If-None-Match with the current entity-tag gives 304 (no body, ETag and Date), or 200 with a new tag."""
    where = Locator(where=again.url)
    if again.status == 304:
        yield from _not_modified(res, again)
    elif again.status != 200 or _opaque(again.headers.get("ETag")) == _opaque(res.etag):
        yield StatusViolation(
            m("etag-ignored", what=res.what, etag=res.etag, status=again.status),
            locator=where,
            expected="304 Not Modified (RFC 7232 §3.2)",
            actual=_answer(again),
            exchange=again.exchange,
        )


def _not_modified(res: Resource, again: Response) -> Iterator[Violation]:
    if again.content:
        yield ValueViolation(
            m("304-body", what=res.what),
            locator=Locator(where=again.url),
            expected=m("phrase.no-body"),
            actual=m("phrase.bytes", count=len(again.content)),
            exchange=again.exchange,
        )
    missing: list[Param] = [name for name in ("ETag", "Date") if not again.headers.get(name)]
    if missing:
        yield HeaderViolation(
            m("304-lacks", what=res.what, missing=joined(missing)),
            locator=Locator(where=again.url),
            expected=m("phrase.etag-and-date"),
            actual=dict(again.headers),
            exchange=again.exchange,
        )


def _opaque(tag: Any) -> str:
    """The opaque part of an entity-tag (weak comparison, RFC 7232 §2.3.2)."""
    return str(tag or "").removeprefix("W/")


def _answer(response: Response) -> Message:
    return m("phrase.answer", status=response.status, etag=response.headers.get("ETag") or m("phrase.none"))


def tls_note(target: TargetContext) -> Message:
    """What part B (HTTP over TLS, RFC 2818) amounts to for this target; it is not judged beyond this."""
    if not target.base_url.startswith("https://"):
        return m("note.plain-http")
    if target.vendor.http.verify_tls:
        return m("note.tls-verified")
    return m("note.tls-unverified")
