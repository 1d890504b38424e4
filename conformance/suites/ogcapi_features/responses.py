"""Responses as the checks read them (a JSON body parsed where possible), and the small checks many share."""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from typing import Any, Protocol

from conformance.core import jsonsafe
from conformance.core.evidence import (
    MediaTypeViolation,
    ParseViolation,
    Skipped,
    StatusViolation,
    Violation,
)
from conformance.core.http import Response
from conformance.core.jsondoc import JsonDoc
from conformance.core.messages import Message, Param
from conformance.suites.ogcapi_features.messages import m

JSON = "application/json"
GEOJSON = "application/geo+json"
HTML = "text/html"
OPENAPI_JSON = "application/vnd.oai.openapi+json;version=3.0"
UNKNOWN = "wechselbar-unknown-7f3a9c"  # an id no server has: for collections and features that do not exist


class Getter(Protocol):
    """What sends a GET (the target's safe session)."""

    def get(
        self, url: str, *, params: Mapping[str, Any] | None = ..., headers: Mapping[str, str] | None = ...
    ) -> Response:
        """Send one GET request."""


@dataclass(frozen=True)
class Doc(JsonDoc):
    """A response with its JSON body parsed (``body`` is None when it is not JSON; ``error`` says why)."""

    error: str = ""

    @property
    def problem(self) -> Param:
        """Why the body is no JSON object: the parse error, or the JSON type it has."""
        return m("phrase.not-json", error=self.error) if self.error else type(self.body).__name__


def fetch(http: Getter, url: str, params: Mapping[str, Any] | None = None, accept: str = JSON) -> Doc:
    """GET a URL and parse its body as JSON where possible."""
    response = http.get(url, params=params, headers={"Accept": accept})
    try:
        return Doc(response, jsonsafe.loads(response.content))
    except ValueError as exc:
        return Doc(response, None, str(exc))


def status(doc: Doc, what: Param, expected: int = 200) -> Iterator[Violation]:
    """The response has the expected status code."""
    if doc.status != expected:
        yield StatusViolation(
            m("status", what=what, expected=expected, status=doc.status),
            locator=doc.at(),
            expected=expected,
            actual=doc.status,
            exchange=doc.exchange,
        )


def media_type(doc: Doc, expected: str, what: Param) -> Iterator[Violation]:
    """The Content-Type (without parameters) is the expected one."""
    found = doc.response.media_type
    if found != expected.split(";", maxsplit=1)[0].strip().lower():
        yield MediaTypeViolation(
            m("media-type", what=what, found=found or m("phrase.missing"), expected=expected),
            locator=doc.at(),
            expected=expected,
            actual=doc.response.headers.get("Content-Type"),
            exchange=doc.exchange,
        )


def ensure(doc: Doc, what: Param, expected: int = 200) -> Iterator[Violation]:
    """The document answered with the expected status and a JSON object."""
    if doc.status != expected:
        yield from status(doc, what, expected)
    elif not isinstance(doc.body, dict):
        yield ParseViolation(
            m("not-object", what=what, problem=doc.problem),
            locator=doc.at(),
            expected=m("phrase.json-object"),
            actual=doc.response.text[:200],
            exchange=doc.exchange,
        )


def require(doc: Doc, what: Param) -> Doc:
    """The document, or skip: a check that needs it cannot judge without it (another requirement fails)."""
    if not doc.ok:
        raise Skipped(
            m("skip.unavailable-because", what=what, status=doc.status, error=doc.problem)
            if doc.error
            else m("skip.unavailable", what=what, status=doc.status)
        )
    return doc


def judged(docs: Iterable[Doc], what: Message) -> list[Doc]:
    """The 200 JSON responses among the documents; skip when there is none (nothing can be judged)."""
    found = [doc for doc in docs if doc.ok]
    if not found:
        raise Skipped(m("skip.nothing-200", what=what))
    return found


def features(doc: Doc) -> list[dict[str, Any]]:
    """The feature objects of an items document (empty if there are none)."""
    found = doc.member("features", [])
    return [f for f in found if isinstance(f, dict)] if isinstance(found, list) else []


def label(feature: dict[str, Any]) -> str:
    """A feature as named in messages: its id and, if it has one, its name property."""
    name = (feature.get("properties") or {}).get("name")
    return f"{feature.get('id')!r}" + (f" ({name})" if isinstance(name, str) and name else "")


def feature_key(feature: dict[str, Any]) -> str:
    """The identity of a feature: its id, else its canonical JSON."""
    if "id" in feature:
        return str(feature["id"])
    return json.dumps(feature, sort_keys=True)
