"""Text shared by the formats: cell texts, value rendering and removal of characters no format can carry."""

from __future__ import annotations

import json
import re
from typing import Any

from conformance.core.evidence import Exchange, Locator
from conformance.core.judgement import Examined
from conformance.core.messages import Message
from conformance.core.outcomes import Obligation, Outcome
from conformance.core.records import Finding, Result
from conformance.core.results import ResultsFile
from conformance.reporting.i18n import Labels, counted, label
from conformance.reporting.matrix import OBLIGATIONS, Counts, ReqOutcome

_INVALID = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ud800-\udfff\ufffe\uffff]")
EXTRA = (Outcome.ERROR, Outcome.WAIVED, Outcome.SKIP, Outcome.NOT_VERIFIED)
UNJUDGED = (Outcome.SKIP, Outcome.NOT_VERIFIED, Outcome.NOT_APPLICABLE)
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


def banner(run: ResultsFile, lang: str) -> tuple[str, str] | None:
    """The incomplete-run banner every format shows (title, text; who stopped the run and when), or None."""
    if run.complete:
        return None
    t, stop = Labels(lang), run.header.interrupted
    text = t("incomplete.text")
    if stop:
        text += " " + t("interrupted.text", by=clean(stop.get("by", "")), at=clean(stop.get("at", "")))
    return t("incomplete"), text


MUSS, SOLL, KANN = Obligation.MUSS, Obligation.SOLL, Obligation.KANN


def ratio(counts: Counts, obligation: Obligation, lang: str) -> str:
    """``12/14 MUSS``: passed of judged requirements of one obligation."""
    return f"{counts.passed(obligation)}/{counts.judged(obligation)} {label('obl.' + obligation, lang)}"


def headline(counts: Counts, lang: str) -> str:
    """``348/348 MUSS · 15/15 SOLL``: the judged MUSS and SOLL ratios (KANN if nothing else was judged).

    A cell with nothing judged says what its requirements are instead (``2 nicht anwendbar``); never a percentage.
    """
    shown = _headline_obligations(counts)
    if shown:
        return " · ".join(ratio(counts, o, lang) for o in shown)
    if not counts.total:
        return label("no_results", lang)
    return " · ".join(counted(o.value, counts.outcome(o), lang) for o in UNJUDGED if counts.outcome(o))


def _headline_obligations(counts: Counts) -> tuple[Obligation, ...]:
    shown = tuple(o for o in (MUSS, SOLL) if counts.judged(o))
    return shown or ((KANN,) if counts.judged(KANN) else ())


def secondary(counts: Counts, lang: str) -> str:
    """``1/1 KANN · 2 Fehler ohne Urteil · 1 übersprungen``: what the headline leaves out, except not applicable."""
    parts = [ratio(counts, KANN, lang)] if counts.judged(KANN) and KANN not in _headline_obligations(counts) else []
    if _headline_obligations(counts):
        parts += [counted(o.value, counts.outcome(o), lang) for o in EXTRA if counts.outcome(o)]
    return " · ".join(parts)


def cell_text(counts: Counts, lang: str) -> str:
    """Headline and secondary counts in one line (not applicable requirements are left to :func:`exact`)."""
    return " · ".join(part for part in (headline(counts, lang), secondary(counts, lang)) if part)


def exact(counts: Counts, lang: str) -> str:
    """Every count of the cell: ``MUSS: 346 erfüllt, 2 nicht erfüllt, 2500 nicht anwendbar · SOLL: …``."""
    parts = []
    for obligation in OBLIGATIONS:
        found = [counted(o.value, counts.get(obligation, o), lang) for o in Outcome if counts.get(obligation, o)]
        if found:
            parts.append(f"{label('obl.' + obligation, lang)}: {', '.join(found)}")
    return " · ".join(parts) or label("no_results", lang)


def examined(outcome: ReqOutcome) -> tuple[Examined, ...]:
    """What the checks of a requirement examined, each kind once per count."""
    return tuple(dict.fromkeys(e for result in outcome.results for e in result.examined))


def examined_text(items: tuple[Examined, ...], t: Labels) -> str:
    """``12 features · 3 pages``: what was examined, in the report's language."""
    return clean(" · ".join(f"{e.count} {t.msg(e.message)}" for e in items))


def value(data: Any, t: Labels) -> str:
    """An expected or actual value for display: a phrase (a message) in the report's language, a string as it
    is, anything else as indented JSON."""
    if data is None:
        return ""
    if isinstance(data, Message):
        return clean(t.msg(data))
    if isinstance(data, str):
        return clean(data)
    return clean(json.dumps(data, ensure_ascii=False, indent=2, sort_keys=True, default=str))


def duration(ms: float) -> str:
    """``< 1 ms``, ``12 ms``, ``2.4 s``: how long a check took, never a bare ``0 ms``."""
    if ms < 1:
        return "< 1 ms"
    return f"{ms:.0f} ms" if ms < 1000 else f"{ms / 1000:.1f} s"


def locator(where: Locator) -> str:
    """``where#pointer xpath :line:column`` from a stored locator."""
    text = where.where
    if where.pointer:  # the empty pointer is the whole document: no bare "#" after the URL
        text += f"#{where.pointer}"
    if where.xpath:
        text += f" {where.xpath}"
    if where.line is not None:
        text += f":{where.line}:{where.column or 0}"
    return clean(text)


def redirect_target(ex: Exchange) -> str:
    """The Location a redirect answer (3xx) sent, empty for any other answer."""
    if ex.status is None or not 300 <= ex.status < 400:
        return ""
    return clean(next((v for k, v in ex.response_headers.items() if k.lower() == "location"), ""))


def exchange_line(ex: Exchange, arrow: str = "→") -> str:
    """``METHOD URL → status``, with the Location of a redirect."""
    line = clean(f"{ex.method} {ex.url} {arrow} {ex.status}")
    target = redirect_target(ex)
    return f"{line} (Location: {target})" if target else line


def finding_exchanges(result: Result, finding: Finding) -> list[Exchange]:
    """The exchanges a finding points at: each redirect that led to its exchange, in order, then the exchange."""
    wanted = [*finding.redirects, *([] if finding.exchange is None else [finding.exchange])]
    return [result.exchanges[i] for i in wanted if 0 <= i < len(result.exchanges)]


def safe_url(url: object) -> str:
    """The URL if it is http(s) (a link to a standard's text), else an empty string: no javascript: links."""
    text = clean(url).strip()
    return text if re.match(r"^https?://[^\s\"'<>]+$", text) else ""


_VERSION_IN_TITLE = re.compile(r"(?<![\w.])\d+(?:\.\d+)+(?![\w.])")


def titled(title: str, version: str) -> str:
    """A standard's title with its version, named once: ``OParl 1.1 – …`` (version 1.1) stays as it is,
    ``XRechnung 3.0`` (version 3.0.2) becomes ``XRechnung 3.0.2``, ``… OpenAPI 3.0/3.1 …`` (version 3.x) stays."""
    if not version:
        return title
    stem = version.removesuffix(".x") + "."
    for found in _VERSION_IN_TITLE.finditer(title):
        number = found.group()
        if number == version or (version.endswith(".x") and number.startswith(stem)):
            return title
        if version.startswith(number + "."):
            return title[: found.start()] + version + title[found.end() :]
    return f"{title} {version}"


def short_requirement(uri: str) -> str:
    """The readable tail of a requirement URI: ``/req/core/root-op``, or the section of a section id
    (``§2.3 URLs/stateless``); the full URI is shown beside it."""
    if "§" in uri and "://" not in uri:
        return uri[uri.index("§") :]
    for marker in ("/req/", "/rec/", "/per/", "/conf/"):
        if marker in uri:
            return marker + uri.split(marker, 1)[1]
    return uri.rstrip("/").rsplit("/", 1)[-1] or uri
