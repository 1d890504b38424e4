"""Text shared by the formats: cell texts, value rendering and removal of characters no format can carry."""

from __future__ import annotations

import json
import re
from typing import Any

from conformance.core.outcomes import Outcome
from conformance.reporting.i18n import label
from conformance.reporting.matrix import OBLIGATIONS, Counts

_INVALID = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ud800-\udfff\ufffe\uffff]")
EXTRA = (Outcome.ERROR, Outcome.WAIVED, Outcome.SKIP, Outcome.NOT_APPLICABLE)
SYMBOL = {"pass": "✔", "fail": "✘", "warn": "!", "none": "–"}


def clean(value: object) -> str:
    """A string without control characters, lone surrogates or non-characters (invalid in XML, risky in HTML)."""
    return _INVALID.sub("\ufffd", str(value))


def deep_clean(value: Any) -> Any:
    """Clean every string inside a JSON-like value."""
    if isinstance(value, str):
        return clean(value)
    if isinstance(value, dict):
        return {clean(k): deep_clean(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [deep_clean(v) for v in value]
    return value


def ratios(counts: Counts, lang: str) -> str:
    """``12/14 MUSS · 3/4 SOLL``: passed of judged per obligation; never a bare percentage."""
    parts = [f"{counts.passed(o)}/{counts.judged(o)} {label('obl.' + o, lang)}"
             for o in OBLIGATIONS if any(counts.get(o, x) for x in Outcome)]
    return " · ".join(parts) or label("no_results", lang)


def extras(counts: Counts, lang: str) -> str:
    """``1 Fehler (kein Urteil) · 2 übersprungen``: every outcome the ratios do not name."""
    return " · ".join(f"{counts.outcome(o)} {label('outcome.' + o.value, lang)}" for o in EXTRA if counts.outcome(o))


def cell_text(counts: Counts, lang: str) -> str:
    """Ratios and extras in one line."""
    more = extras(counts, lang)
    return f"{ratios(counts, lang)} ({more})" if more else ratios(counts, lang)


def value(data: Any) -> str:
    """An expected or actual value for display: strings as they are, anything else as indented JSON."""
    if data is None:
        return ""
    if isinstance(data, str):
        return clean(data)
    return clean(json.dumps(data, ensure_ascii=False, indent=2, sort_keys=True, default=str))


def locator(data: dict[str, Any] | None) -> str:
    """``where#pointer xpath :line:column`` from a stored locator."""
    data = data or {}
    text = str(data.get("where", ""))
    if data.get("pointer") is not None:
        text += f"#{data['pointer']}"
    if data.get("xpath"):
        text += f" {data['xpath']}"
    if data.get("line") is not None:
        text += f":{data['line']}:{data.get('column') or 0}"
    return clean(text)


def safe_url(url: object) -> str:
    """The URL if it is http(s) (a link to a standard's text), else an empty string: no javascript: links."""
    text = clean(url).strip()
    return text if re.match(r"^https?://[^\s\"'<>]+$", text) else ""


def short_requirement(uri: str) -> str:
    """The readable tail of a requirement URI: ``/req/core/root-op`` (the full URI is shown beside it)."""
    for marker in ("/req/", "/rec/", "/per/", "/conf/"):
        if marker in uri:
            return marker + uri.split(marker, 1)[1]
    return uri.rstrip("/").rsplit("/", 1)[-1] or uri
