"""Which deadline binds what: the shared crawl runs under ``crawl_deadline``, every check under ``test_deadline``.

The test double answers each request after 200 ms and the target allows one request at a time, so the crawl
needs more than a second, and the probe that fetches listed objects again by id (about 30 requests) needs
more than six. With a ``test_deadline`` of one second the crawl still completes and its checks pass, while
every check that needs the by-id probe ends as an error because its own deadline ran out. Load only makes the
requests slower, never faster.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from tests.suites.test_oparl_support import double, results_by, run_suite, shared, text, vendors_file

TENANT = [{"name": "slow", "version": "1.1", "size": 60, "page_size": 100}]
CHECKS = ("json", "utf8", "list-page", "no-duplicates", "next", "id-consistent", "cors-origin")


def _run(folder: Path) -> list[dict[str, Any]]:
    with double(folder / "double", TENANT, "--latency-ms", "200") as info:
        target = {
            "id": "slow",
            "version": "1.1",
            "url": info["systems"]["slow"],
            "http": {"test_deadline": 1},
            "options": {"concurrency": 1, "crawl_deadline": 600},
        }
        only = " or ".join(key.replace("-", "_") for key in CHECKS)
        return run_suite(vendors_file(folder / "vendors.toml", [target]), folder / "results.jsonl", "-k", only)


@pytest.fixture(scope="module")
def results(tmp_path_factory: pytest.TempPathFactory) -> dict[str, dict[str, Any]]:
    return results_by(shared(tmp_path_factory.getbasetemp(), "oparl-deadlines", _run))["slow"]


def test_the_crawl_is_bound_by_the_crawl_deadline_not_by_the_check_that_starts_it(
    results: dict[str, dict[str, Any]],
) -> None:
    for key in ("json", "utf8", "list-page", "no-duplicates", "next"):
        assert results[key]["outcome"] == "pass", (key, text(results[key]["reason"]))


def test_a_probe_is_bound_by_the_deadline_of_the_check_that_needs_it(results: dict[str, dict[str, Any]]) -> None:
    for key in ("id-consistent", "cors-origin"):
        record = results[key]
        assert record["outcome"] == "error", (key, record["outcome"], text(record["reason"]))
        assert "DeadlineExceeded" in text(record["reason"]), text(record["reason"])
