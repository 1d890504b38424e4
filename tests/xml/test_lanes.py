"""Lanes: documents of one kind stay with one worker unless the kind is large; every document is planned once."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from conformance.xml.lanes import lanes


def _plan(kinds: list[str], workers: int, split_at: int = 4) -> list[list[tuple[int, str]]]:
    items = list(enumerate(kinds))
    return lanes(items, workers, lambda i: i[1], lambda i: 1000, lambda i: split_at)


def test_each_kind_stays_in_one_lane_and_unkinded_documents_are_spread() -> None:
    plan = _plan(["ubl", "cii", "", "ubl", "", "cii", "", "ubl", ""], workers=2)
    assert len(plan) == 2
    for kind in ("ubl", "cii"):
        assert sum(any(k == kind for _, k in lane) for lane in plan) == 1
    assert all(any(k == "" for _, k in lane) for lane in plan)


def test_a_large_kind_is_shared_among_the_lanes() -> None:
    plan = _plan(["ubl"] * 9, workers=2)
    assert [len(lane) for lane in plan] == [5, 4]


def test_one_worker_gets_everything_in_order() -> None:
    assert _plan(["a", "b", "", "a"], workers=1) == [[(0, "a"), (1, "b"), (2, ""), (3, "a")]]


@given(st.lists(st.sampled_from(["", "a", "b", "c"]), max_size=40), st.integers(1, 4))
def test_every_document_is_planned_once_and_small_kinds_are_not_split(kinds: list[str], workers: int) -> None:
    plan = _plan(kinds, workers)
    planned = [item for lane in plan for item in lane]
    assert sorted(planned) == list(enumerate(kinds)) and len(plan) <= workers and all(plan)
    assert all(lane == sorted(lane) for lane in plan)
    for kind in {k for k in kinds if k and kinds.count(k) < 4}:
        assert sum(any(k == kind for _, k in lane) for lane in plan) == 1
