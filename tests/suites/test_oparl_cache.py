"""The response cache: cheap re-runs, TTL, and results that say when their evidence came from the cache."""

from __future__ import annotations

import base64
import json
from pathlib import Path
from types import SimpleNamespace
from typing import cast
from urllib.parse import quote, quote_plus

import pytest

from conformance.core.evidence import Exchange
from conformance.core.http import Response
from conformance.harness.target import TargetContext
from conformance.suites.oparl.cache import ResponseCache
from conformance.suites.oparl.fetch import Fetcher
from tests.suites.test_oparl_support import double, results_by, run_suite, texts, vendors_file

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
    vendors = vendors_file(
        folder / "vendors.toml", [{"id": "v", "version": "1.1", "url": url, "options": {"cache_ttl": ttl}}]
    )
    records = run_suite(vendors, folder / "results.jsonl", env={"WECHSELBAR_CACHE": str(cache)})
    return results_by(records)["v"]


class _Redirected:
    """A session whose one answer was reached through a 301 from HTTPS to HTTP."""

    def get(self, url: str, **_: object) -> Response:
        hop = Exchange("GET", url, 301, response_headers={"Location": "http://x.example/system"})
        final = Exchange("GET", "http://x.example/system", 200)
        return Response("http://x.example/system", 200, {}, b"{}", final, (hop,))


def test_an_answer_reached_through_a_redirect_is_not_cached(tmp_path: Path) -> None:
    """A cached answer has no redirect chain: a rerun from the cache would lose the downgrade no-downgrade judges."""
    target = cast(TargetContext, SimpleNamespace(http=_Redirected()))
    fetcher = Fetcher(target, "https://x.example/system", ResponseCache("v", 3600, tmp_path), 1)
    assert fetcher.get("https://x.example/system").history
    assert ResponseCache("v", 3600, tmp_path).get("https://x.example/system", None) is None


def test_a_cached_rerun_says_so_and_fresh_samples_still_see_a_vendor_change(tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    tenant = [{"name": "c", "version": "1.1", "size": 200, "page_size": 10}]
    with double(tmp_path / "d1", tenant) as first:
        port = first["port"]
        url = first["systems"]["c"]
        before = _run(tmp_path / "r1", url, 3600, cache)
    assert {k for k, r in before.items() if r["outcome"] != "pass"} == {"https", "no-downgrade"}
    assert not any("response cache" in n for r in before.values() for n in texts(r["notes"]))
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
    assert all(any("came from the response cache" in n for n in texts(r["notes"])) for r in cached.values())
    assert cached["cors-origin"]["outcome"] == "fail"
    assert all("stored" not in v["locator"].get("where", "") for v in cached["cors-origin"]["findings"])
    assert live["cors-origin"]["outcome"] == "fail"
    assert not any("response cache" in n for r in live.values() for n in texts(r["notes"]))


SECRET = "Geheim/Pass+wort 42"
AUTH = {"type": "basic", "username": "ratsinfo", "password": "${OPARL_CACHE_SECRET}"}


def _forms(user: str, password: str) -> set[str]:
    pair = f"{user}:{password}".encode()
    coded = {base64.b64encode(pair).decode(), base64.urlsafe_b64encode(pair).decode()}
    return {password, quote(password, safe=""), quote_plus(password), *coded, *(c.rstrip("=") for c in coded)}


def test_nothing_in_the_response_cache_holds_a_secret_in_any_form(tmp_path: Path) -> None:
    """One tenant echoes the request headers (Authorization: Basic …) into every JSON body and a header, as many
    error pages do; another does not. Both vendors authenticate with the same secret. The cache keeps the answers
    of the quiet tenant and none of the echoing one, and no cache file holds the secret: not as written, not
    URL-encoded, not as base64 of user:password."""
    cache = tmp_path / "cache"
    tenants = [
        {"name": "quiet", "version": "1.1", "size": 80},
        {"name": "echo", "version": "1.1", "size": 80, "echo": True},
    ]
    with double(tmp_path / "d", tenants) as info:
        targets = [
            {"id": name, "version": "1.1", "url": info["systems"][name], "auth": AUTH, "options": {"cache_ttl": 3600}}
            for name in ("quiet", "echo")
        ]
        vendors = vendors_file(tmp_path / "vendors.toml", targets)
        run_suite(
            vendors, tmp_path / "results.jsonl", env={"WECHSELBAR_CACHE": str(cache), "OPARL_CACHE_SECRET": SECRET}
        )
    responses = cache / "oparl-responses"
    files = [p for p in responses.rglob("*") if p.is_file()]
    kinds = {
        (
            p.relative_to(responses).parts[0],
            json.loads(p.read_text(encoding="utf-8"))["headers"].get("Content-Type", "").split(";")[0],
        )
        for p in files
    }
    assert ("quiet", "application/json") in kinds
    assert ("echo", "application/json") not in kinds, "the echoing answers hold the secret and are not stored"
    forms = _forms("ratsinfo", SECRET)
    leaks = sorted({(str(p), f) for p in files for f in forms if f in p.read_text(encoding="utf-8", errors="replace")})
    assert len(files) > 10 and leaks == []
