"""JSON-Ausgabe (§2.4): JSON, UTF-8 without BOM, no HTML escaping, null values, empty lists and strings."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from typing import Any

from conformance.core.evidence import (
    Locator,
    MediaTypeViolation,
    ParseViolation,
    ValueViolation,
)
from conformance.core.judgement import Examined
from conformance.suites.oparl.messages import m
from conformance.suites.oparl.objects import Seen, escape
from conformance.suites.oparl.run import Found, OParlRun, cached, counted
from conformance.suites.oparl.schemas import validator

BOM = b"\xef\xbb\xbf"
ENTITY = re.compile(r"&(?:amp|lt|gt|quot|apos|nbsp|#\d+|#x[0-9a-fA-F]+);")


def check_json(run: OParlRun) -> Found:
    """Every document of the crawl with HTTP 200 is JSON, served as JSON."""
    docs = [doc for doc in run.documents() if doc.status == 200]
    for doc in docs:
        if doc.parse_error:
            yield ParseViolation(
                cached(m("not-json", error=doc.parse_error), doc),
                locator=doc.url,
                expected="JSON",
                actual=doc.content[:80].decode("utf-8", "replace"),
                exchange=doc.exchange,
            )
        elif doc.media_type != "application/json" and not doc.media_type.endswith("+json"):
            served = doc.media_type or m("phrase.no-media-type")
            yield MediaTypeViolation(
                cached(m("served-as", type=served), doc),
                locator=doc.url,
                expected="application/json",
                actual=doc.media_type,
                exchange=doc.exchange,
            )
    return counted(len(docs), "documents-200")


def check_utf8(run: OParlRun) -> Found:
    """Every JSON document is UTF-8 and starts without a byte order mark."""
    docs = [doc for doc in run.documents() if doc.status is not None and doc.content]
    for doc in docs:
        if doc.content.startswith(BOM):
            yield ValueViolation(
                cached(m("bom"), doc),
                locator=Locator(where=doc.url, line=1, column=1),
                expected=m("phrase.no-bom"),
                actual="EF BB BF",
                exchange=doc.exchange,
            )
            continue
        try:
            doc.content.decode("utf-8")
        except UnicodeDecodeError as exc:
            yield ValueViolation(
                cached(m("not-utf8", error=str(exc)), doc),
                locator=doc.url,
                expected="UTF-8",
                actual=m("phrase.byte", at=exc.start),
                exchange=doc.exchange,
            )
    return counted(len(docs), "documents")


def _strings(seen: Seen) -> Iterator[tuple[str, str]]:
    for key, value in seen.obj.items():
        if isinstance(value, str):
            yield escape(key), value
        elif isinstance(value, list):
            yield from ((f"{escape(key)}/{i}", v) for i, v in enumerate(value) if isinstance(v, str))


def check_html_escape(run: OParlRun) -> Found:
    """No string value uses XML/HTML entities."""
    for seen in run.crawl.objects:
        for pointer, value in _strings(seen):
            match = ENTITY.search(value)
            if match:
                yield ValueViolation(
                    cached(m("html-entity", entity=match.group()), seen.source),
                    locator=Locator(where=seen.where, pointer=f"{seen.pointer}/{pointer}"),
                    expected=m("phrase.plain-text"),
                    actual=value[:120],
                    exchange=seen.exchange,
                )
    return objects_examined(run.crawl.objects)


def objects_examined(objects: list[Seen]) -> Examined:
    """The objects a check judged, and of how many types."""
    return counted(len(objects), "objects", types=len({s.kind for s in objects}))


def _required(run: OParlRun, seen: Seen) -> frozenset[str]:
    return validator(run.version.number, seen.kind).required()


def check_null_optional(run: OParlRun) -> Found:
    """Optional properties are not output with the value null."""
    return _members(
        run,
        lambda seen, key, value: value is None and key not in _required(run, seen),
        "null-optional",
        "phrase.omitted",
    )


def check_null_mandatory(run: OParlRun) -> Found:
    """Mandatory properties never have the value null."""
    return _members(
        run, lambda seen, key, value: value is None and key in _required(run, seen), "null-mandatory", "phrase.a-value"
    )


def check_empty_list(run: OParlRun) -> Found:
    """Optional properties are not output as []."""
    return _members(
        run, lambda seen, key, value: value == [] and key not in _required(run, seen), "empty-list", "phrase.omitted"
    )


def check_empty_string(run: OParlRun) -> Found:
    """A property without a value is omitted, not given as an empty string."""
    return _members(
        run,
        lambda seen, key, value: isinstance(value, str) and not value.strip(),
        "empty-string",
        "phrase.omitted-or-text",
    )


def _members(run: OParlRun, bad: Callable[[Seen, str, Any], bool], code: str, expected: str) -> Found:
    for seen in run.crawl.objects:
        for key, value in seen.obj.items():
            if bad(seen, key, value):
                yield ValueViolation(
                    cached(m(code), seen.source),
                    locator=seen.at(key),
                    expected=m(expected),
                    actual=value,
                    exchange=seen.exchange,
                )
    return objects_examined(run.crawl.objects)
