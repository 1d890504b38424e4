"""The JSON matrix: the aggregated view (lanes, cells, verdicts, switchability) for other tools; evidence stays in
the results file.

Format 2: each vendor has ``lanes`` (one per target of a standard) and its ``cells`` carry their ``target``, so a
vendor with two targets for one standard has two cells per class, never one merged cell. Each requirement says
what its checks examined (``examined``: count and text, e.g. "12 features on 3 pages") and, where it has one,
its reason; texts are in the report's language.
"""

from __future__ import annotations

import json
from typing import Any

from conformance.core.outcomes import Outcome
from conformance.core.results import ResultsFile
from conformance.reporting.i18n import Labels
from conformance.reporting.matrix import OBLIGATIONS, Cell, Counts, ReqOutcome, Row
from conformance.reporting.model import Report
from conformance.reporting.text import banner, cell_text, deep_clean, examined
from conformance.reporting.transfers import transfer_json

FORMAT = "wechselbar-matrix/2"


def render_json(report: Report, lang: str = "de") -> str:
    """The JSON matrix of a run."""
    run, t = report.run, report.words(lang)
    profile = run.header.profile
    data = {
        "format": FORMAT,
        "lang": lang,
        "run": run_info(run, lang),
        "profile": profile.to_json() if profile else None,
        "exit_code": report.exit_code,
        "columns": [
            {
                "standard": c.standard,
                "version": c.standard_version,
                "class": c.uri,
                "short": c.short,
                "title": dict(c.title),
                "spec_url": c.spec_url,
            }
            for c in report.matrix.columns
        ],
        "vendors": [_vendor(report, row, t) for row in report.matrix.rows],
        "switchability": _switch(report, t),
        "transfers": transfer_json(report, t),
        "waivers": [
            {"vendor": r.vendor, "requirement": r.requirement, "test_id": r.test_id, **r.waiver.to_json()}
            for r in report.waivers
            if r.waiver
        ],
        "notes": [{"vendor": n.vendor, "requirement": n.requirement, "text": t.msg(n.message)} for n in report.notes],
    }
    return json.dumps(deep_clean(data), ensure_ascii=False, indent=1) + "\n"


def run_info(run: ResultsFile, lang: str = "de") -> dict[str, Any]:
    """The run's metadata, as every machine-readable format carries it; ``banner`` is the incomplete-run text."""
    head = run.header
    stop = banner(run, lang)
    return {
        "run_id": head.run_id,
        "suite_version": head.suite_version,
        "started": head.started,
        "finished": head.finished,
        "complete": run.complete,
        "interrupted": head.interrupted,
        "banner": f"{stop[0]}: {stop[1]}" if stop else None,
        "merged_from": list(head.merged_from),
        "platform": head.platform,
        "config": head.config,
        "packs": list(head.packs),
        "problems": list(run.problems),
    }


def counts_json(counts: Counts) -> dict[str, dict[str, int]]:
    """Counts as {obligation: {outcome: n}}, only obligations that occur."""
    return {
        o: {x.value: counts.get(o, x) for x in Outcome} for o in OBLIGATIONS if any(counts.get(o, x) for x in Outcome)
    }


def _vendor(report: Report, row: Row, t: Labels) -> dict[str, Any]:
    verdict = report.verdict(row.id)
    return {
        **dict(row.vendor),
        "label": report.labels[row.id],
        "verdict": {
            "state": verdict.state.value,
            "missing": [m.to_json(t.msg) for m in verdict.missing],
            "recommended": [m.to_json(t.msg) for m in verdict.recommended],
            "waived": list(verdict.waived),
        },
        "lanes": [
            {"standard": lane.standard, "target": lane.target, **_counts(row.lane_counts(lane), t.lang)}
            for lane in row.lanes
        ],
        "cells": [
            _cell(c.standard, c.uri, lane.target, row.cell(c, lane.target), t)
            for lane in row.lanes
            for c in report.matrix.columns_of(lane.standard)
        ],
    }


def _counts(counts: Counts, lang: str) -> dict[str, Any]:
    return {"state": counts.state.value, "text": cell_text(counts, lang), "counts": counts_json(counts)}


def _cell(standard: str, cls: str, target: str, cell: Cell, t: Labels) -> dict[str, Any]:
    return {
        "standard": standard,
        "class": cls,
        "target": target,
        **_counts(cell.counts, t.lang),
        "notes": [t.msg(n) for n in cell.notes],
        "requirements": [_requirement(r, t) for r in cell.requirements],
    }


def _requirement(outcome: ReqOutcome, t: Labels) -> dict[str, Any]:
    reason = outcome.first.reason
    return {
        "requirement": outcome.requirement,
        "obligation": outcome.obligation,
        "profile_obligation": outcome.profile_obligation,
        "outcome": outcome.outcome.value,
        "examined": [{"count": e.count, "text": t.msg(e.message)} for e in examined(outcome)],
        **({"reason": t.msg(reason)} if reason else {}),
    }


def _switch(report: Report, t: Labels) -> dict[str, Any]:
    switch = report.switch
    return {
        "rule": "profile" if switch.with_profile else "passes",
        "groups": [list(g) for g in switch.groups],
        "pairs": [
            {
                "current": p.current,
                "replacement": p.replacement,
                "ok": p.ok,
                "blockers": [b.to_json(t.msg) for b in p.blockers],
            }
            for p in switch.pairs
        ],
    }
