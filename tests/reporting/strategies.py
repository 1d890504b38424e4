"""Hypothesis strategies: runs with random vendors, targets (several per standard), claims per target, profiles,
outcomes, requirements checked by several tests, and results of targets the header does not list."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from hypothesis import strategies as st

from conformance.core.outcomes import Outcome
from conformance.core.results import Result, ResultsFile
from tests.reporting.samples import CLASSES, REQUIREMENTS, header, profile_obligation, result

VENDOR_IDS = ("alpha", "beta", "gamma", "delta")
ALL_CLASSES = [(sid, c[0]) for sid, classes in CLASSES.items() for c in classes]
UNLISTED = "https://archived.example/"


@st.composite
def profiles(draw: st.DrawFn) -> dict[str, Any] | None:
    """No profile, or a profile of random items (whole standards or some classes, MUSS or SOLL)."""
    if draw(st.booleans()):
        return None
    items = []
    for standard, classes in CLASSES.items():
        if draw(st.booleans()):
            chosen = draw(st.lists(st.sampled_from([c[0] for c in classes]), unique=True, max_size=len(classes)))
            obligation = draw(st.sampled_from(["MUSS", "SOLL"]))
            items.append({"standard": standard, "classes": chosen, "obligation": obligation})
    return {"id": "p", "name": "Profil", "items": items}


@st.composite
def vendors(draw: st.DrawFn, vid: str) -> dict[str, Any]:
    """A header vendor: some standards, each with one or two targets, each target with its own claims."""
    standards = draw(st.lists(st.sampled_from(list(CLASSES)), min_size=1, unique=True))
    targets = []
    for standard in standards:
        for k in range(draw(st.integers(1, 2))):
            claims = draw(
                st.none() | st.lists(st.sampled_from([c for s, c in ALL_CLASSES if s == standard]), unique=True)
            )
            targets.append({"standard": standard, "target": f"https://{vid}.example/{standard}/{k}", "claims": claims})
    return {"id": vid, "name": vid.title(), "version": "1.0", "product": f"{vid.title()} Portal", "targets": targets}


@st.composite
def vendor_results(draw: st.DrawFn, vendor: dict[str, Any], profile: dict[str, Any] | None) -> list[Result]:
    """Results of one vendor: any subset of requirements on some of its targets, some by two tests; rarely on a
    target the header does not list (an archived or merged file)."""
    vid, found = vendor["id"], []
    for index in draw(st.lists(st.integers(0, len(REQUIREMENTS) - 1), unique=True)):
        standard = REQUIREMENTS[index][0]
        listed = [t["target"] for t in vendor["targets"] if t["standard"] == standard]
        chosen = draw(st.lists(st.sampled_from([*listed, UNLISTED]), min_size=1, max_size=2, unique=True))
        for target in chosen:
            for copy in range(draw(st.integers(1, 2))):
                item = result(
                    vid,
                    index,
                    draw(st.sampled_from(list(Outcome))),
                    target=target,
                    test_id=f"suite/test_{index}.py::test_{index}[{vid}-{target}-{copy}]",
                )
                if profile is not None:
                    item = replace(item, profile_obligation=profile_obligation(profile, item.standard, item.cls))
                found.append(item)
    return found


@st.composite
def runs(draw: st.DrawFn) -> ResultsFile:
    """A whole run: 1–4 vendors with random targets and claims, a random profile, finished or killed."""
    profile = draw(profiles())
    ids = draw(st.lists(st.sampled_from(VENDOR_IDS), min_size=1, max_size=4, unique=True))
    found, results = [], []
    for vid in ids:
        found.append(draw(vendors(vid)))
        results += draw(vendor_results(found[-1], profile))
    finished = draw(st.sampled_from(["2026-03-02T10:05:00+00:00", None]))
    return ResultsFile(header(found, profile, finished), tuple(results))
