"""The OpenAPI suite defers to OGC API – Features where the vendor claims it for the same API.

The OGC API Features TEST DOUBLE documents ``limit`` with ``maximum: 100`` and, as 17-069r4
/req/core/fc-limit-response-1 requires, answers a larger limit with at most 100 features. Checked against its own
description only, that is invalid data accepted; for a vendor whose vendors file lists an ``ogcapi-features-1``
target for the same API it is no finding, and the results say why.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from conformance.demo.features_server import FeaturesTestServer
from tests.suites.test_openapi_double import ALL, Results, run_suite

OPTIONS = 'options = { positive_cases = 1, negative_cases = 0, path_parameters = { collectionId = "haltestellen" } }'


def _vendor(ident: str, targets: str) -> str:
    return f'[[vendors]]\nid = "{ident}"\nname = "{ident}"\nversion = "1"\n{targets}'


def _target(standard: str, url: str, options: str = "") -> str:
    return f'[[vendors.targets]]\nstandard = "{standard}"\nurl = "{url}"\n{options}\n'


@pytest.fixture(scope="module")
def results(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Results]:
    folder: Path = tmp_path_factory.mktemp("openapi-deference")
    server = FeaturesTestServer({"ok": frozenset()}).start()
    try:
        url = server.url("ok")
        api = _target("openapi-3", f"{url}/api", OPTIONS)
        vendors = folder / "vendors.toml"
        vendors.write_text(
            "\n".join(
                [_vendor("claims-features", _target("ogcapi-features-1", url) + api), _vendor("openapi-only", api)]
            ),
            encoding="utf-8",
        )
        yield run_suite(vendors, folder / "results.jsonl")
    finally:
        server.stop()


def test_a_limit_above_the_maximum_is_invalid_data_against_the_description_alone(results: Results) -> None:
    record = results[("openapi-only", "negative-data/rejected")]
    assert record["outcome"] == "fail"
    assert [v["text"] for v in record["findings"]] == [
        "GET /collections/{collectionId}/items: limit=101 (above the maximum 100) was answered with HTTP 200, not a 4xx"
    ]
    assert not any("not sent as invalid data" in n["text"] for n in record["notes"])


def test_a_vendor_claiming_features_for_the_api_gets_a_note_not_a_finding(results: Results) -> None:
    outcomes = {name: results[("claims-features", name)]["outcome"] for name in ALL}
    assert outcomes == dict.fromkeys(ALL, "pass"), outcomes
    notes = [n["text"] for n in results[("claims-features", "negative-data/rejected")]["notes"]]
    assert any(
        n.startswith(
            "a limit above its documented maximum was not sent as invalid data to 1 items "
            "operations: OGC API – Features – Part 1 (17-069r4 /req/core/fc-limit-response-1)"
        )
        for n in notes
    ), notes
    assert results[("claims-features", "negative-data/rejected")]["examined"][0]["count"] > 0
