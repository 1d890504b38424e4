"""The response cache: cheap re-runs, TTL, and results that say when their evidence came from the cache."""

from __future__ import annotations

from pathlib import Path

import pytest

from conformance.core.evidence import Exchange
from conformance.suites.oparl.cache import ResponseCache
from tests.suites.test_oparl_support import double, results_by, run_suite, vendors_file

EXCHANGE = Exchange("GET", "https://x.example/system", 200, {}, {"Content-Type": "application/json"}, "{}", 2)


def test_entries_round_trip_and_expire(tmp_path: Path) -> None:
    writer = ResponseCache("v1", ttl=60, root=tmp_path)
    assert writer.get("https://x.example/system", None) is None
    writer.put("https://x.example/system", {"page": 2}, 200, {"Content-Type": "application/json"}, b"{}", EXCHANGE)
    assert writer.get("https://x.example/system", {"page": 2}) is None, "a run never reads what it stored itself"
    cache = ResponseCache("v1", ttl=60, root=tmp_path)
    entry = cache.get("https://x.example/system", {"page": 2})
    assert entry is not None and entry.content == b"{}" and entry.exchange == EXCHANGE and entry.stored
    assert cache.get("https://x.example/system", {"page": 3}) is None
    assert ResponseCache("v1", ttl=-1, root=tmp_path).get("https://x.example/system", {"page": 2}) is None
    assert ResponseCache("v2", ttl=60, root=tmp_path).get("https://x.example/system", {"page": 2}) is None


def _run(folder: Path, url: str, ttl: float, cache: Path) -> dict[str, dict[str, object]]:
    folder.mkdir(parents=True)
    vendors = vendors_file(folder / "vendors.toml", [{"id": "v", "version": "1.1", "url": url,
                                                       "options": {"cache_ttl": ttl}}])
    records = run_suite(vendors, folder / "results.jsonl", env={"WECHSELBAR_CACHE": str(cache)})
    return results_by(records)["v"]


def test_a_cached_rerun_says_so_and_fresh_samples_still_see_a_vendor_change(tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    tenant = [{"name": "c", "version": "1.1", "size": 200, "page_size": 10}]
    with double(tmp_path / "d1", tenant) as first:
        port = first["port"]
        url = first["systems"]["c"]
        before = _run(tmp_path / "r1", url, 3600, cache)
    assert {k for k, r in before.items() if r["outcome"] != "pass"} == {"https", "no-downgrade"}
    assert not any("response cache" in n for r in before.values() for n in r["notes"])
    broken = [{**tenant[0], "defects": ["no-cors"]}]
    try:
        context = double(tmp_path / "d2", broken, "--port", str(port))
        second = context.__enter__()
    except RuntimeError:
        pytest.skip("the port of the first run was taken in between")
    try:
        assert second["systems"]["c"] == url
        cached = _run(tmp_path / "r2", url, 3600, cache)
        live = _run(tmp_path / "r3", url, 0, tmp_path / "empty")
    finally:
        context.__exit__(None, None, None)
    assert all(any("came from the response cache" in n for n in r["notes"]) for r in cached.values())
    assert cached["cors-origin"]["outcome"] == "fail"
    assert all("stored" not in v["locator"].get("where", "") for v in cached["cors-origin"]["violations"])
    assert live["cors-origin"]["outcome"] == "fail"
    assert not any("response cache" in n for r in live.values() for n in r["notes"])
