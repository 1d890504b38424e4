"""CSV: one row per vendor × requirement (one per result record), with the evidence in a few columns."""

from __future__ import annotations

import csv
import io
from collections.abc import Mapping
from typing import Any

from conformance.core.records import Finding
from conformance.core.results import Result, ResultsFile
from conformance.reporting.header import columns, vendors
from conformance.reporting.i18n import Labels
from conformance.reporting.model import Report
from conformance.reporting.text import banner, clean, examined_text, exchange_line, finding_exchanges, locator, value

FIELDS = (
    "vendor",
    "vendor_name",
    "product",
    "vendor_version",
    "standard",
    "standard_version",
    "class",
    "class_uri",
    "requirement",
    "obligation",
    "profile_obligation",
    "outcome",
    "outcome_label",
    "reason",
    "target",
    "test_id",
    "duration_ms",
    "examined",
    "findings",
    "findings_omitted",
    "expected",
    "actual",
    "locator",
    "http",
    "waiver_status",
    "waiver_expires",
    "notes",
    "spec_url",
    "revision",
    "run_id",
    "run_complete",
)
FORMULA = ("=", "+", "-", "@", "\t", "\r")


def render_csv(report: Report, lang: str = "de") -> str:
    """Every result as a CSV row, sorted by vendor, standard, class and requirement."""
    run, t = report.run, report.words(lang)
    out = io.StringIO()
    writer = csv.DictWriter(out, FIELDS, lineterminator="\r\n")
    writer.writeheader()
    stop = banner(run, lang)
    if stop:
        writer.writerow({k: cell(v) for k, v in _banner_row(run, *stop).items()})
    people = {str(v["id"]): v for v in vendors(run)}
    short = {(c.standard, c.uri): c.short for c in columns(run)}
    for result in sorted(run.results, key=lambda r: (r.vendor, r.standard, r.cls, r.requirement, r.test_id)):
        row = _row(run, result, people.get(result.vendor, {}), short.get((result.standard, result.cls), ""), t)
        writer.writerow({k: cell(v) for k, v in row.items()})
    return out.getvalue()


def cell(data: object) -> object:
    """A CSV cell: cleaned, and a leading formula character defused so spreadsheets show text, not run it."""
    if isinstance(data, int | float) and not isinstance(data, bool):
        return data
    text = clean("" if data is None else data)
    return "'" + text if text.startswith(FORMULA) else text


def _row(run: ResultsFile, result: Result, vendor: Mapping[str, Any], short: str, t: Labels) -> dict[str, object]:
    waiver = result.waiver
    return {
        "vendor": result.vendor,
        "vendor_name": vendor.get("name", ""),
        "product": vendor.get("product", ""),
        "vendor_version": vendor.get("version", ""),
        "standard": result.standard,
        "standard_version": result.standard_version,
        "class": short,
        "class_uri": result.cls,
        "requirement": result.requirement,
        "obligation": result.obligation,
        "profile_obligation": result.profile_obligation or "",
        "outcome": result.outcome.value,
        "outcome_label": t(f"outcome.{result.outcome}"),
        "reason": t.msg(result.reason),
        "target": result.target,
        "test_id": result.test_id,
        "duration_ms": result.duration_ms,
        "examined": examined_text(result.examined, t),
        **_evidence(result, t),
        "findings_omitted": result.findings_omitted,
        "waiver_status": waiver.status if waiver else "",
        "waiver_expires": waiver.expires if waiver else "",
        "notes": " | ".join(t.msg(n) for n in result.notes),
        "spec_url": result.spec_url,
        "revision": result.revision or "",
        "run_id": run.header.run_id,
        "run_complete": "yes" if run.complete else "no",
    }


def _banner_row(run: ResultsFile, title: str, text: str) -> dict[str, object]:
    """The first row of an incomplete run: not a result, the banner every format shows."""
    return {
        "outcome": "incomplete",
        "outcome_label": title,
        "reason": text,
        "run_id": run.header.run_id,
        "run_complete": "no",
    }


def _evidence(result: Result, t: Labels) -> dict[str, str]:
    found = result.findings
    return {
        "findings": " | ".join(t.msg(f.message) for f in found),
        "expected": " | ".join(value(f.expected, t) for f in found),
        "actual": " | ".join(value(f.actual, t) for f in found),
        "locator": " | ".join(locator(f.locator) for f in found),
        "http": " | ".join(_chain(result, f) for f in found if f.exchange is not None or f.redirects),
    }


def _chain(result: Result, finding: Finding) -> str:
    """A finding's exchange, after the redirects that led to it (``⇒`` between the hops)."""
    return " ⇒ ".join(exchange_line(ex) for ex in finding_exchanges(result, finding))
