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
    Violation,
)
from conformance.suites.oparl.objects import Seen, escape
from conformance.suites.oparl.run import OParlRun
from conformance.suites.oparl.schemas import validator

BOM = b"\xef\xbb\xbf"
ENTITY = re.compile(r"&(?:amp|lt|gt|quot|apos|nbsp|#\d+|#x[0-9a-fA-F]+);")


def check_json(run: OParlRun) -> Iterator[Violation]:
    """Every document of the crawl with HTTP 200 is JSON, served as JSON."""
    for doc in run.documents():
        if doc.status != 200:
            continue
        if doc.parse_error:
            yield ParseViolation(f"the response is not JSON: {doc.parse_error}{doc.note()}", locator=doc.url,
                                 expected="JSON", actual=doc.content[:80].decode("utf-8", "replace"),
                                 exchange=doc.exchange)
        elif doc.media_type != "application/json" and not doc.media_type.endswith("+json"):
            yield MediaTypeViolation(f"JSON is served as {doc.media_type or 'no media type'}{doc.note()}",
                                     locator=doc.url, expected="application/json", actual=doc.media_type,
                                     exchange=doc.exchange)


def check_utf8(run: OParlRun) -> Iterator[Violation]:
    """Every JSON document is UTF-8 and starts without a byte order mark."""
    for doc in run.documents():
        if doc.status is None or not doc.content:
            continue
        if doc.content.startswith(BOM):
            yield ValueViolation(f"the response starts with a UTF-8 byte order mark{doc.note()}",
                                 locator=Locator(where=doc.url, line=1, column=1), expected="no BOM",
                                 actual="EF BB BF", exchange=doc.exchange)
            continue
        try:
            doc.content.decode("utf-8")
        except UnicodeDecodeError as exc:
            yield ValueViolation(f"the response is not UTF-8: {exc}{doc.note()}", locator=doc.url,
                                 expected="UTF-8", actual=f"byte {exc.start}", exchange=doc.exchange)


def _strings(seen: Seen) -> Iterator[tuple[str, str]]:
    for key, value in seen.obj.items():
        if isinstance(value, str):
            yield escape(key), value
        elif isinstance(value, list):
            yield from ((f"{escape(key)}/{i}", v) for i, v in enumerate(value) if isinstance(v, str))


def check_html_escape(run: OParlRun) -> Iterator[Violation]:
    """No string value uses XML/HTML entities."""
    for seen in run.crawl.objects:
        for pointer, value in _strings(seen):
            match = ENTITY.search(value)
            if match:
                yield ValueViolation(f"HTML entity {match.group()} in a string value{seen.source.note()}",
                                     locator=Locator(where=seen.where, pointer=f"{seen.pointer}/{pointer}"),
                                     expected="plain UTF-8 text", actual=value[:120], exchange=seen.exchange)


def _required(run: OParlRun, seen: Seen) -> frozenset[str]:
    return validator(run.version.number, seen.kind).required()


def check_null_optional(run: OParlRun) -> Iterator[Violation]:
    """Optional properties are not output with the value null."""
    yield from _members(run, lambda seen, key, value: value is None and key not in _required(run, seen),
                        "the optional property is null; omit it instead", "property omitted")


def check_null_mandatory(run: OParlRun) -> Iterator[Violation]:
    """Mandatory properties never have the value null."""
    yield from _members(run, lambda seen, key, value: value is None and key in _required(run, seen),
                        "the mandatory property is null", "a value")


def check_empty_list(run: OParlRun) -> Iterator[Violation]:
    """Optional properties are not output as []."""
    yield from _members(run, lambda seen, key, value: value == [] and key not in _required(run, seen),
                        "the optional property is an empty list; omit it instead", "property omitted")


def check_empty_string(run: OParlRun) -> Iterator[Violation]:
    """A property without a value is omitted, not given as an empty string."""
    yield from _members(run, lambda seen, key, value: isinstance(value, str) and not value.strip(),
                        "the property is an empty string; a missing value is omitted", "property omitted or text")


def _members(run: OParlRun, bad: Callable[[Seen, str, Any], bool], message: str,
             expected: str) -> Iterator[Violation]:
    for seen in run.crawl.objects:
        for key, value in seen.obj.items():
            if bad(seen, key, value):
                yield ValueViolation(message + seen.source.note(), locator=seen.at(key), expected=expected,
                                     actual=value, exchange=seen.exchange)
