"""TEST DOUBLE: MIME types and ``@context`` resolution of requests to the NGSI-LD broker double.

Clause 6.3.4: bodies are ``application/json`` or ``application/ld+json`` (PATCH also
``application/merge-patch+json``), anything else is 415; responses are ``application/json`` (default) or
``application/ld+json`` as the Accept header asks, anything else is 406. Clause 6.3.5: with
``application/ld+json`` the ``@context`` is in the body and a JSON-LD Link header is an error; otherwise it is
the Link header (rel ``http://www.w3.org/ns/json-ld#context``, at most one) or the core context.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from email.message import Message
from typing import Any

from conformance.demo.ngsild.contexts import with_core
from conformance.demo.ngsild.spec import CONTEXT_REL, JSON, JSON_LD, MERGE_PATCH, NgsiError

LINK = re.compile(r"<([^>]*)>((?:\s*;\s*[^;,]+)*)")
PARAMETER = re.compile(r"""(\w+)\s*=\s*"?([^";,]*)"?""")


def media_type(value: str | None) -> str:
    """The bare media type of a Content-Type or Accept item (no parameters, lower case)."""
    return (value or "").split(";", 1)[0].strip().lower()


def link_context(headers: Message, known: Mapping[str, Any], defects: frozenset[str]) -> str | None:
    """The URL of the request's JSON-LD Link header (None without one; BadRequestData for several)."""
    urls = [
        url
        for value in headers.get_all("Link") or []
        for url, params in LINK.findall(value)
        if dict(PARAMETER.findall(params)).get("rel") == CONTEXT_REL
    ]
    if len(urls) > 1:
        raise NgsiError("BadRequestData", "a request may carry only one JSON-LD Link header")
    if urls and urls[0] not in known and "unavailable-context-ignored" in defects:
        return None
    return urls[0] if urls else None


def body_kind(method: str, headers: Message, defects: frozenset[str]) -> str:
    """JSON or JSON_LD for a request body; 415 for any other Content-Type."""
    found = media_type(headers.get("Content-Type"))
    if found in (JSON_LD, JSON) or (method == "PATCH" and found == MERGE_PATCH):
        return JSON_LD if found == JSON_LD else JSON
    if "content-type-ignored" in defects:
        return JSON
    raise NgsiError("InvalidRequest", f"unsupported Content-Type {found or '(none)'}", status=415)


def accepted(headers: Message, defects: frozenset[str]) -> str:
    """JSON or JSON_LD, whichever the Accept header prefers (JSON for */*); 406 if it allows neither."""
    offers = _accept(headers.get("Accept"))
    best = max(((q, -n, media) for n, (media, q) in enumerate(offers) if q > 0 and _offered(media)), default=None)
    if best is None:
        raise NgsiError("InvalidRequest", f"none of {headers.get('Accept')!r} can be served", status=406)
    media = best[2]
    return JSON_LD if media == JSON_LD and "accept-ignored" not in defects else JSON


def _accept(value: str | None) -> list[tuple[str, float]]:
    offers = []
    for item in (value or "*/*").split(","):
        quality = re.search(r";\s*q=([0-9.]+)", item)
        offers.append((media_type(item), float(quality[1]) if quality else 1.0))
    return offers


def _offered(media: str) -> bool:
    return media in (JSON, JSON_LD, "*/*", "application/*")


def input_context(kind: str, document: dict[str, Any], link: str | None, defects: frozenset[str]) -> list[Any]:
    """The effective @context for expanding one body document (6.3.5)."""
    if kind == JSON_LD:
        if link and "mixed-context-accepted" not in defects:
            raise NgsiError("BadRequestData", "application/ld+json bodies carry their @context; no Link header")
        if "@context" not in document and "ld-without-context-accepted" not in defects:
            raise NgsiError("BadRequestData", "an application/ld+json body needs an @context")
        return with_core(None if "body-context-ignored" in defects else document.get("@context"))
    if "@context" in document:
        raise NgsiError("BadRequestData", "an application/json body carries no @context; send application/ld+json")
    return with_core(None if "link-context-ignored" in defects else link)
