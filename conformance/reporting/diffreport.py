"""The comparison of two runs as Markdown (fits a CI job summary) or JSON (everything, for tools)."""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterator

from conformance.core.outcomes import Outcome
from conformance.core.results import Header
from conformance.reporting.diff import Change, Delta, RunDiff
from conformance.reporting.header import vendor_name
from conformance.reporting.i18n import Labels
from conformance.reporting.markdown import md
from conformance.reporting.text import short_requirement

MAX_ROWS = 50
SECTIONS = (Change.REGRESSED, Change.FIXED, Change.NEW_ERROR, Change.CHECK_CHANGED, Change.CHANGED)


def render_diff_markdown(diff: RunDiff, lang: str = "de", max_rows: int = MAX_ROWS) -> str:
    """What changed, most important first: caveats, verdicts, regressions, fixes, errors, the rest, coverage."""
    t = Labels(lang, diff.messages)
    lines = [
        f"## {t('diff.title')}",
        "",
        _runs(diff, t),
        "",
        *_caveats(diff, t),
        _counts(diff, t),
        "",
        *_verdicts(diff, t),
    ]
    for change in SECTIONS:
        lines += _section(diff, change, t, max_rows)
    lines += _coverage(diff, t)
    return "\n".join(lines).rstrip() + "\n"


def render_diff_json(diff: RunDiff) -> str:
    """Every change, the verdicts and the caveats as one JSON document."""
    data = {
        "format": "wechselbar-diff/1",
        "before": _run_json(diff.before),
        "after": _run_json(diff.after),
        "regressed": diff.regressed,
        "unchanged": diff.unchanged,
        "caveats": [c.__dict__ for c in diff.caveats],
        "verdicts": [v.__dict__ for v in diff.verdicts if v.before != v.after],
        "changes": [
            {
                **d.__dict__,
                "before": _value(d.before),
                "after": _value(d.after),
                "change": d.change.value,
                "reason": d.reason.text if d.reason else "",
                "revisions": list(d.revisions),
            }
            for d in diff.deltas
        ],
    }
    return json.dumps(data, ensure_ascii=False, indent=1) + "\n"


def _run_json(header: Header) -> dict[str, object]:
    return {"run_id": header.run_id, "started": header.started, "suite_version": header.suite_version}


def _value(outcome: Outcome | None) -> str | None:
    return outcome.value if outcome else None


def _runs(diff: RunDiff, t: Labels) -> str:
    def run(header: Header) -> str:
        return t("diff.run", id=header.run_id[:8], started=header.started[:16].replace("T", " "))

    return f"{t('diff.before')}: {run(diff.before)} · {t('diff.after')}: {run(diff.after)}"


def _caveats(diff: RunDiff, t: Labels) -> list[str]:
    if not diff.caveats:
        return []
    items = [
        t(f"diff.caveat.{c.kind}", subject=md(c.subject), before=md(c.before), after=md(c.after)) for c in diff.caveats
    ]
    return [f"> **⚠ {t('diff.caveats')}:** " + "; ".join(items), ""]


def _counts(diff: RunDiff, t: Labels) -> str:
    counts = Counter(d.change for d in diff.deltas)
    parts = [f"{t('diff.' + c.value)}: {counts.get(c, 0)}" for c in Change]
    return " · ".join([*parts, f"{t('diff.unchanged')}: {diff.unchanged}"])


def _verdicts(diff: RunDiff, t: Labels) -> list[str]:
    changed = [v for v in diff.verdicts if v.before != v.after]
    if not changed:
        return [f"### {t('diff.verdicts')}", "", t("diff.verdicts.same"), ""]
    rows = [
        f"| {_vendor(diff, v.vendor)} | {_verdict(v.before, t)} | {'**⚠** ' if v.lost else ''}{_verdict(v.after, t)} |"
        for v in changed
    ]
    head = [f"| {t('vendor')} | {t('diff.before')} | {t('diff.after')} |", "|---|---|---|"]
    return [f"### {t('diff.verdicts')}", "", *head, *rows, ""]


def _verdict(state: str | None, t: Labels) -> str:
    return t(f"verdict.{state}") if state else t("diff.absent")


def _section(diff: RunDiff, change: Change, t: Labels, max_rows: int) -> list[str]:
    found = diff.of(change)
    if not found:
        return []
    head = [
        f"| {t('vendor')} | {t('standard')} | {t('requirement')} | {t('diff.before')} | {t('diff.after')} "
        f"| {t('reason')} |",
        "|---|---|---|---|---|---|",
    ]
    rows = [_row(diff, d, t) for d in found[:max_rows]]
    cut = [f"_{t('diff.cut', n=len(found) - max_rows)}_"] if len(found) > max_rows else []
    return [f"### {t('diff.' + change.value)} ({len(found)})", "", *head, *rows, *cut, ""]


def _row(diff: RunDiff, delta: Delta, t: Labels) -> str:
    target = f" ({md(delta.target)})" if delta.target else ""
    cells = [
        _vendor(diff, delta.vendor) + target,
        md(delta.standard),
        f"{t(f'obl.{delta.obligation}')} {md(short_requirement(delta.requirement))}",
        _outcome(delta.before, t),
        _outcome(delta.after, t),
        _reason(delta, t),
    ]
    return "| " + " | ".join(cells) + " |"


def _reason(delta: Delta, t: Labels) -> str:
    revised = (
        t("diff.revision", before=delta.revisions[0], after=delta.revisions[1]) + " · "
        if delta.change is Change.CHECK_CHANGED
        else ""
    )
    return md(revised + t.msg(delta.reason))[:300]


def _outcome(outcome: Outcome | None, t: Labels) -> str:
    return t(f"outcome.{outcome.value}") if outcome else "–"


def _coverage(diff: RunDiff, t: Labels) -> list[str]:
    rows = sorted(_coverage_rows(diff))
    if not rows:
        return []
    head = [
        f"| {t('vendor')} | {t('standard')} | {t('diff.added')} | {t('diff.added_failing')} | {t('diff.removed')} |",
        "|---|---|---:|---:|---:|",
    ]
    body = [f"| {_vendor(diff, v)} | {md(s)} | {a} | {f} | {r} |" for (v, s), (a, f, r) in rows]
    return [f"### {t('diff.added')} / {t('diff.removed')}", "", *head, *body, ""]


def _coverage_rows(diff: RunDiff) -> Iterator[tuple[tuple[str, str], tuple[int, int, int]]]:
    added = Counter((d.vendor, d.standard) for d in diff.of(Change.ADDED))
    failing = Counter((d.vendor, d.standard) for d in diff.of(Change.ADDED) if d.after is Outcome.FAIL)
    removed = Counter((d.vendor, d.standard) for d in diff.of(Change.REMOVED))
    for key in added.keys() | removed.keys():
        yield key, (added[key], failing[key], removed[key])


def _vendor(diff: RunDiff, vendor: str) -> str:
    for header in (diff.after, diff.before):
        for entry in header.vendors:
            if entry.get("id") == vendor:
                return md(vendor_name(entry).short)
    return md(vendor)
