"""Hypothesis strategies: runs with random vendors, claims, profiles, outcomes, repeated requirements and targets."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from hypothesis import strategies as st

from conformance.core.outcomes import Outcome
from conformance.core.results import Result, Run
from tests.reporting.samples import CLASSES, REQUIREMENTS, header, profile_obligation, result, vendor

VENDOR_IDS = ("alpha", "beta", "gamma", "delta")
ALL_CLASSES = [(sid, c[0]) for sid, classes in CLASSES.items() for c in classes]


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
def vendor_results(draw: st.DrawFn, vid: str, profile: dict[str, Any] | None) -> list[Result]:
    """Results of one vendor: any subset of requirements, some on two targets or by two tests."""
    found = []
    for index in draw(st.lists(st.integers(0, len(REQUIREMENTS) - 1), unique=True)):
        for copy in range(draw(st.integers(1, 2))):
            outcome = draw(st.sampled_from(list(Outcome)))
            item = result(vid, index, outcome, target=f"https://{vid}.example/{copy}",
                          test_id=f"suite/test_{index}.py::test_{index}[{vid}-{copy}]")
            if profile is not None:
                item = replace(item, profile_obligation=profile_obligation(profile, item.standard, item.cls))
            found.append(item)
    return found


@st.composite
def runs(draw: st.DrawFn) -> Run:
    """A whole run: 1–4 vendors with random claims and targets, a random profile, finished or killed."""
    profile = draw(profiles())
    ids = draw(st.lists(st.sampled_from(VENDOR_IDS), min_size=1, max_size=4, unique=True))
    vendors, results = [], []
    for vid in ids:
        claims = draw(st.none() | st.lists(st.sampled_from([c for _, c in ALL_CLASSES]), unique=True))
        standards = tuple(draw(st.lists(st.sampled_from(list(CLASSES)), min_size=1, unique=True)))
        vendors.append(vendor(vid, vid.title(), claims, standards))
        results += draw(vendor_results(vid, profile))
    finished = draw(st.sampled_from(["2026-03-02T10:05:00+00:00", None]))
    return Run(header(vendors, profile, finished), tuple(results))
