"""The GeoJSON suite end to end: a vendors file with export folders, a ZIP and a URL served on 127.0.0.1, run by the
harness; and ``conformance validate --standard geojson`` on files."""

from __future__ import annotations

import json
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from conformance.core.outcomes import Outcome
from conformance.core.results import Result
from conformance.suites.geojson.catalogue import BY_KEY, RULES
from tests.samples import geojson as samples
from tests.suites.document_support import run_suite
from tests.targets.servers import LOCALHOST, free_port, running

VENDORS = """
[[vendors]]
id = "reference"
name = "Reference export"
version = "1"
[[vendors.targets]]
standard = "geojson"
paths = ["reference/valid.geojson", "reference/export.zip"]

[[vendors]]
id = "broken"
name = "One broken file per requirement"
version = "1"
[[vendors.targets]]
standard = "geojson"
paths = ["broken"]

[[vendors]]
id = "download"
name = "Export by URL"
version = "1"
[[vendors.targets]]
standard = "geojson"
urls = ["{url}", "{missing}", "{zipped}"]

[[vendors]]
id = "empty"
name = "An export folder without GeoJSON"
version = "1"
[[vendors.targets]]
standard = "geojson"
paths = ["empty"]
"""


def _exports(folder: Path) -> None:
    (folder / "reference").mkdir()
    (folder / "reference" / "valid.geojson").write_bytes(samples.text(samples.valid()))
    with zipfile.ZipFile(folder / "reference" / "export.zip", "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("layer/valid.json", samples.text(samples.valid()))
    (folder / "broken").mkdir()
    for key in samples.BREAKS:
        (folder / "broken" / f"{key}.geojson").write_bytes(samples.text(samples.broken(key)))
    (folder / "empty").mkdir()
    (folder / "empty" / "readme.txt").write_text("nothing to judge")
    (folder / "served").mkdir()
    (folder / "served" / "winding.geojson").write_bytes(samples.text(samples.broken("winding")))
    with zipfile.ZipFile(folder / "served" / "export.zip", "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("layer/bbox.geojson", samples.text(samples.broken("bbox")))


@pytest.fixture(scope="module")
def results(tmp_path_factory: pytest.TempPathFactory) -> dict[tuple[str, str], Result]:
    folder = tmp_path_factory.mktemp("geojson-suite")
    _exports(folder)
    port = free_port()
    url, missing = f"http://{LOCALHOST}:{port}/winding.geojson", f"http://{LOCALHOST}:{port}/missing.geojson"
    zipped = f"http://{LOCALHOST}:{port}/export.zip"
    (folder / "vendors.toml").write_text(VENDORS.format(url=url, missing=missing, zipped=zipped), encoding="utf-8")
    server = [
        sys.executable,
        "-m",
        "http.server",
        str(port),
        "--bind",
        LOCALHOST,
        "--directory",
        str(folder / "served"),
    ]
    with running(server, url, folder / "server.log"):
        run = run_suite("geojson", folder)
    keys = {row.uri: row.key for row in RULES}
    return {(r.vendor, keys[r.requirement]): r for r in run.results}


def test_the_reference_export_passes_every_requirement(results: dict[tuple[str, str], Result]) -> None:
    for row in RULES:
        assert results[("reference", row.key)].outcome is Outcome.PASS, row.key
    assert results[("reference", "feature")].examined[0].count == 8


def test_every_requirement_fails_on_its_broken_file_with_file_and_pointer(
    results: dict[tuple[str, str], Result],
) -> None:
    for row in RULES:
        result = results[("broken", row.key)]
        assert result.outcome is Outcome.FAIL and result.obligation == row.obligation.value, row.key
        wheres = {v.locator.where.rpartition("/")[2] for v in result.findings}
        assert f"{row.key}.geojson" in wheres, row.key


def test_urls_of_a_text_and_a_zip_are_graded_like_files_and_a_missing_one_is_reported(
    results: dict[tuple[str, str], Result],
) -> None:
    winding = results[("download", "winding")]
    assert winding.outcome is Outcome.FAIL
    assert winding.findings[0].locator.where.endswith("/winding.geojson")
    schema = results[("download", "schema")]
    assert schema.outcome is Outcome.FAIL and "HTTP status 404" in schema.findings[0].text
    [bbox] = results[("download", "bbox")].findings
    assert bbox.locator.where.endswith("/export.zip!layer/bbox.geojson")
    assert results[("download", "feature")].examined[0].count == 8


def test_an_export_without_geojson_reaches_no_verdict(results: dict[tuple[str, str], Result]) -> None:
    assert {results[("empty", row.key)].outcome for row in RULES} == {Outcome.NOT_APPLICABLE}


def test_validate_grades_files_and_words_findings_in_german(tmp_path: Path) -> None:
    good, bad = tmp_path / "good.geojson", tmp_path / "bad.geojson"
    good.write_bytes(samples.text(samples.valid()))
    bad.write_bytes(samples.text(samples.broken("ring")))
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "conformance",
            "validate",
            "--standard",
            "geojson",
            "--format",
            "json",
            "--lang",
            "de",
            str(good),
            str(bad),
        ],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert done.returncode == 1, done.stderr
    lines = [json.loads(line) for line in done.stdout.splitlines()]
    assert [(d["file"], d["accepted"]) for d in lines] == [(str(good), True), (str(bad), False)]
    [finding] = lines[1]["findings"]
    assert finding["rule"] == "ring" and finding["location"] == "/features/0/geometry/coordinates/0/4"
    assert finding["message"].startswith("RFC 7946 §3.1.6 (MUSS): der lineare Ring ist nicht geschlossen")
    assert BY_KEY["ring"].obligation.value == "MUSS"
