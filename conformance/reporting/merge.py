"""Combine runs from several machines or CI jobs (e.g. one per vendor) into one run.

The result does not depend on the order of the inputs: runs are ranked by start time and run id, and when two runs
hold a result for the same vendor and test, the later run's result is kept and the clash is reported.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from conformance.core.messages import Catalogue
from conformance.core.profile import Profile
from conformance.core.results import Header, Result, ResultsFile


class MergeError(ValueError):
    """Runs that cannot be combined: different profiles, or one vendor or standard described differently."""


@dataclass(frozen=True)
class Duplicate:
    """A vendor × test found in more than one run, and which result was kept."""

    vendor: str
    test_id: str
    kept: tuple[str, str]
    dropped: tuple[tuple[str, str], ...]


@dataclass(frozen=True)
class Merged:
    """The merged run and every duplicate that was resolved."""

    run: ResultsFile
    duplicates: tuple[Duplicate, ...]


def _rank(run: ResultsFile) -> tuple[str, str]:
    return run.header.started, run.header.run_id


def _order(run: ResultsFile) -> tuple[str, str, str, str]:
    return (*_rank(run), _canon(run.header.to_json()), _canon([r.to_json() for r in run.results]))


def _canon(data: Any) -> str:
    return json.dumps(data, sort_keys=True, ensure_ascii=False)


def merge_runs(runs: Sequence[ResultsFile]) -> Merged:
    """Merge runs; raises MergeError when their profiles or descriptions disagree."""
    if not runs:
        raise MergeError("nothing to merge: give at least one results file")
    ordered = sorted(runs, key=_order)
    results, duplicates = _results(ordered)
    problems = tuple(f"{r.header.run_id}: {p}" for r in ordered for p in r.problems)
    return Merged(ResultsFile(_header(ordered), results, problems), duplicates)


def _results(ordered: Sequence[ResultsFile]) -> tuple[tuple[Result, ...], tuple[Duplicate, ...]]:
    found: dict[tuple[str, str, str, str], list[tuple[str, Result]]] = {}
    for run in ordered:
        for result in sorted(run.results, key=lambda r: _canon(r.to_json())):
            key = (result.vendor, result.test_id, result.requirement, result.target)
            found.setdefault(key, []).append((run.header.run_id, result))
    kept = [entries[-1][1] for entries in found.values()]
    duplicates = tuple(
        Duplicate(key[0], key[1], _tag(entries[-1]), tuple(_tag(e) for e in entries[:-1]))
        for key, entries in sorted(found.items())
        if len(entries) > 1
    )
    return tuple(sorted(kept, key=lambda r: (r.vendor, r.standard, r.cls, r.requirement, r.test_id))), duplicates


def _tag(entry: tuple[str, Result]) -> tuple[str, str]:
    return entry[0], entry[1].outcome.value


def _header(ordered: Sequence[ResultsFile]) -> Header:
    heads = [r.header for r in ordered]
    merged_from = tuple(sorted({i for h in heads for i in (h.merged_from or (h.run_id,))}))
    finished = [h.finished for h in heads]
    return Header(
        run_id="merged-" + hashlib.sha256("\n".join(merged_from).encode()).hexdigest()[:16],
        suite_version=" + ".join(sorted({h.suite_version for h in heads})),
        started=min(h.started for h in heads),
        finished=None if None in finished else max(f for f in finished if f is not None),
        interrupted=next((h.interrupted for h in reversed(heads) if h.interrupted), None),
        platform=_platform(heads),
        config=_config(heads),
        packs=tuple(sorted({_canon(p): p for h in heads for p in h.packs}.values(), key=_canon)),
        vendors=_vendors(heads),
        standards=_standards(heads),
        profile=_profile(heads),
        merged_from=merged_from,
        messages=_messages(heads),
    )


def _messages(heads: Sequence[Header]) -> Catalogue:
    """Every run's catalogue; where two runs word a code differently, the later run's wording counts (a message
    whose parameters no longer fit it is shown in its stored English)."""
    templates = {code: template for head in heads for code, template in head.messages.templates.items()}
    return Catalogue(templates.values())


def _profile(heads: Sequence[Header]) -> Profile | None:
    variants = {_canon(_profile_key(h.profile)): h for h in heads}
    if len(variants) > 1:
        names = "; ".join(f"{h.run_id}: {h.profile.name if h.profile else 'no profile'}" for h in variants.values())
        raise MergeError(f"the runs were made with different profiles ({names}); merge only runs of one profile")
    return heads[-1].profile


def _profile_key(profile: Profile | None) -> Any:
    if profile is None:
        return None
    items = sorted(
        _canon({"standard": i.standard, "classes": sorted(i.classes), "obligation": i.obligation})
        for i in profile.items
    )
    return {"id": profile.id, "name": profile.name, "items": items}


def _vendors(heads: Sequence[Header]) -> tuple[dict[str, Any], ...]:
    merged: dict[str, dict[str, Any]] = {}
    for head in heads:
        for vendor in head.vendors:
            known = merged.setdefault(str(vendor["id"]), {**vendor, "targets": []})
            _same(known, vendor, ("name", "version", "product"), f"vendor {vendor['id']!r}")
            known["targets"] = _union(known["targets"], vendor.get("targets", ()))
    return tuple(merged.values())


def _standards(heads: Sequence[Header]) -> tuple[dict[str, Any], ...]:
    merged: dict[str, dict[str, Any]] = {}
    for head in heads:
        for std in head.standards:
            known = merged.setdefault(str(std["id"]), {**std, "classes": []})
            _same(known, std, ("version",), f"standard {std['id']!r}")
            known["classes"] = _union(known["classes"], std.get("classes", ()), key="uri")
            if std.get("revisions") or known.get("revisions"):
                known["revisions"] = {**known.get("revisions", {}), **std.get("revisions", {})}
    return tuple(merged.values())


def _same(known: Mapping[str, Any], other: Mapping[str, Any], fields: Iterable[str], what: str) -> None:
    for name in fields:
        if known.get(name) != other.get(name):
            raise MergeError(
                f"{what} has {name} {known.get(name)!r} in one run and {other.get(name)!r} in "
                "another; merge only runs of the same product versions and catalogues"
            )


def _union(first: Iterable[Mapping[str, Any]], more: Iterable[Mapping[str, Any]], key: str = "") -> list[Any]:
    out = {(str(i[key]) if key else _canon(i)): dict(i) for i in first}
    for item in more:
        out.setdefault(str(item[key]) if key else _canon(item), dict(item))
    return list(out.values())


def _platform(heads: Sequence[Header]) -> dict[str, str]:
    keys = sorted({k for h in heads for k in h.platform})
    return {k: " | ".join(sorted({h.platform[k] for h in heads if k in h.platform})) for k in keys}


def _config(heads: Sequence[Header]) -> dict[str, Any]:
    roles: dict[str, dict[str, Any]] = {}
    for head in heads:
        for role, item in head.config.items():
            roles.setdefault(role, {})[_canon(item)] = (head.run_id, item)
    out: dict[str, Any] = {}
    for role, variants in sorted(roles.items()):
        if len(variants) == 1:
            out[role] = next(iter(variants.values()))[1]
        else:
            out.update({f"{role}@{run_id[:12]}": item for run_id, item in sorted(variants.values(), key=_canon)})
    return out
