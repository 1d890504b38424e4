"""The data transfer section ("Datenübernahme"): the round trips stored beside a run, for every report format."""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from conformance.core.transfer import Attribute, Example, Problem, Transfer
from conformance.reporting.i18n import Labels
from conformance.reporting.model import Report

VALUE_CHARS = 80
SYMBOLS = {"lossless": "✔", "with-changes": "◐", "with-loss": "✘", "no-verdict": "?"}
CSS = {"lossless": "s-pass", "with-changes": "s-warn", "with-loss": "s-fail", "no-verdict": "s-none"}


@dataclass(frozen=True)
class EvidenceView:
    """One example: the item, A's and B's value as short text, both URLs, a note (the CRSs of a CRS change)."""

    item: str
    before: str
    after: str
    source_url: str
    target_url: str
    note: str = ""


@dataclass(frozen=True)
class AttributeView:
    """An attribute that did not come through unchanged: its status and kinds in words, and examples."""

    collection: str
    name: str
    status: str
    status_text: str
    kinds: str
    evidence: tuple[EvidenceView, ...]


@dataclass(frozen=True)
class TransferView:
    """One pair A → B as the reports show it."""

    source: str
    target: str
    standard: str
    verdict: str
    verdict_text: str
    symbol: str
    css: str
    counts: str
    sample: str
    unchanged: int
    attributes: tuple[AttributeView, ...]
    problems: tuple[str, ...]


def transfer_views(report: Report, t: Labels) -> tuple[TransferView, ...]:
    """Every stored round trip, in the order of the file."""
    return tuple(_view(transfer, report.labels, t) for transfer in report.transfers)


def _view(transfer: Transfer, names: dict[str, str], t: Labels) -> TransferView:
    changed = [a for a in transfer.attributes.values() if a.status != "unchanged"]
    order = {"lost": 0, "changed": 1, "added": 2}
    changed.sort(key=lambda a: (order[a.status], a.collection, a.name))
    counts = t("transfer.counts", **_items(transfer))
    sample = t("transfer.sample", n=transfer.sample) if transfer.sample else t("transfer.all")
    return TransferView(
        names.get(transfer.source, transfer.source),
        names.get(transfer.target, transfer.target),
        transfer.standard,
        transfer.verdict,
        t(f"transfer.{transfer.verdict}"),
        SYMBOLS[transfer.verdict],
        CSS[transfer.verdict],
        counts,
        sample,
        len(transfer.attributes) - len(changed),
        tuple(_attribute(a, t) for a in changed),
        tuple(
            t(f"transfer.problem.{p.code}", url=p.url, status=p.status or "–", detail=p.detail)
            for p in transfer.problems
        ),
    )


def _problem(problem: Problem, t: Labels) -> str:
    return t(f"transfer.problem.{problem.code}", url=problem.url, status=problem.status or "–", detail=problem.detail)


def _items(transfer: Transfer) -> dict[str, int]:
    return {
        "read": transfer.read,
        "written": transfer.written,
        "compared": transfer.compared,
        "removed": transfer.removed,
    }


def _attribute(attribute: Attribute, t: Labels) -> AttributeView:
    kinds = ", ".join(f"{t('transfer.kind.' + k)} ({n})" for k, n in sorted(attribute.kinds.items()))
    share = t("transfer.share", n=attribute.counts.get(attribute.status, 0), total=sum(attribute.counts.values()))
    return AttributeView(
        attribute.collection,
        attribute.name,
        attribute.status,
        f"{t('transfer.status.' + attribute.status)} ({share})",
        kinds,
        tuple(_evidence(e) for e in attribute.examples),
    )


def _evidence(example: Example) -> EvidenceView:
    return EvidenceView(
        example.item,
        _short(example.before),
        _short(example.after),
        example.source_url,
        example.target_url,
        example.note,
    )


def _short(value: Any) -> str:
    text = "–" if value is None else json.dumps(value, ensure_ascii=False, sort_keys=True)
    return text if len(text) <= VALUE_CHARS else text[: VALUE_CHARS - 1] + "…"


def transfer_markdown(report: Report, t: Labels, md: Callable[[object], str]) -> list[str]:
    """The section for summary.md, every text escaped by ``md`` (nothing when the run has no round trips)."""
    views = transfer_views(report, t)
    if not views:
        return []
    lines = ["", f"### {t('transfer.title')}", ""]
    for v in views:
        pair = f"**{md(v.source)} → {md(v.target)}** ({md(v.standard)})"
        lines.append(f"- {pair}: {v.symbol} **{v.verdict_text}** · {v.counts}")
        for a in v.attributes:
            shown = "; ".join(
                f"{md(e.before)} → {md(e.after)}" + (f" ({md(e.note)})" if e.note else "") for e in a.evidence[:1]
            )
            lines.append(f"  - {md(a.collection)} · {md(a.name)}: {a.status_text} {a.kinds} {shown}".rstrip())
        lines += [f"  - ⚠ {md(p)}" for p in v.problems]
    return lines


def transfer_json(report: Report, t: Labels) -> list[dict[str, Any]]:
    """The round trips for matrix.json: the stored records with the verdict in words."""
    found = []
    for transfer in report.transfers:
        data = {k: v for k, v in transfer.to_json().items() if k != "record"}
        found.append({**data, "verdict_text": t(f"transfer.{transfer.verdict}")})
    return found
