"""Calling the documented operations: a run the deadline cut before any answer judges nothing."""

from __future__ import annotations

from types import SimpleNamespace
from typing import Any

import pytest

from conformance.core.evidence import Exchange
from conformance.core.http import DeadlineExceeded, Response
from conformance.suites.openapi import exercise


def _planned(url: str) -> Any:
    return SimpleNamespace(key=("GET /items", url, ()), url=url, headers={})


def _target(answers: list[Response | None]) -> Any:
    def get(url: str, headers: dict[str, str]) -> Response:
        answer = answers.pop(0)
        if answer is None:
            raise DeadlineExceeded("the test deadline ran out during GET " + url)
        return answer

    return SimpleNamespace(http=SimpleNamespace(get=get), option=lambda name, default: default)


def test_a_deadline_before_the_first_answer_is_no_verdict_and_nothing_is_kept() -> None:
    with pytest.raises(DeadlineExceeded):
        exercise._send(_target([None]), exercise.Exercise(), iter([_planned("http://x/a"), _planned("http://x/b")]))


def test_a_deadline_after_some_answers_keeps_them_with_a_note() -> None:
    answer = Response("http://x/a", 200, {}, b"{}", Exchange("GET", "http://x/a", 200))
    run = exercise.Exercise()
    exercise._send(_target([answer, None]), run, iter([_planned("http://x/a"), _planned("http://x/b")]))
    assert len(run.calls) == 1
    assert [str(n) for n in run.notes] == ["the test deadline cut the run after 1 of 2 requests"]
