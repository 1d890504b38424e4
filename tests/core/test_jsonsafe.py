"""Hostile JSON nesting is a finding of the response or an error without verdict, never a harness crash."""

from __future__ import annotations

from types import SimpleNamespace
from typing import Any

import pytest

from conformance.core import jsonsafe
from conformance.core.evidence import Exchange
from conformance.core.harnessmessages import HARNESS
from conformance.core.http import Response
from conformance.core.outcomes import Outcome
from conformance.harness.outcome import DEEP, classify
from conformance.reporting.i18n import Labels
from conformance.suites.ogcapi_features.responses import ensure, fetch

DEEP_BODY = b"[" * 200_000 + b"]" * 200_000
URL = "https://geo.example/collections"


def _response(body: bytes) -> Response:
    exchange = Exchange("GET", URL, 200, body_excerpt=body[:100].decode(), body_bytes=len(body))
    return Response(URL, 200, {"Content-Type": "application/json"}, body, exchange)


def test_deep_nesting_is_a_value_error_and_ordinary_json_parses() -> None:
    with pytest.raises(ValueError, match="nested too deeply"):
        jsonsafe.loads(DEEP_BODY)
    with pytest.raises(ValueError, match="nested too deeply"):
        _response(DEEP_BODY).json()
    assert jsonsafe.loads(b'{"a": [1, {"b": null}]}') == {"a": [1, {"b": None}]}
    with pytest.raises(ValueError):
        jsonsafe.loads(b"{not json")


def test_a_deeply_nested_body_fails_the_check_that_needs_json_with_evidence() -> None:
    http: Any = SimpleNamespace(get=lambda url, **_: _response(DEEP_BODY))
    doc = fetch(http, URL)
    assert doc.body is None and doc.error.startswith("the JSON is nested too deeply")
    assert str(doc.problem).startswith("not JSON: the JSON is nested too deeply")
    [violation] = list(ensure(doc, "/collections"))
    assert violation.exchange is not None and violation.exchange.url == URL


def test_recursion_in_a_check_is_an_error_without_verdict_not_a_harness_fault() -> None:
    try:
        raise RecursionError("maximum recursion depth exceeded")
    except RecursionError:
        excinfo = pytest.ExceptionInfo.from_current()
    verdict = classify(excinfo)
    assert (verdict.outcome, verdict.reason_text, verdict.violations) == (Outcome.ERROR, DEEP, ())
    german = Labels("de", HARNESS).msg(verdict.reason)
    assert german.startswith("kein Urteil: eine Antwort oder ein Dokument ist zu tief")
