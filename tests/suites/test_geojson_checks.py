"""The GeoJSON checks on generated files: the valid collection passes every requirement, each broken variant
fails exactly its own, nothing examined is not applicable; archives, the Natural Earth corpus and big counts."""

from __future__ import annotations

import json
import zipfile
from pathlib import Path
from typing import Any, cast

import pytest

from conformance.core.judgement import Judgement
from conformance.core.outcomes import Outcome
from conformance.core.packs import default_store
from conformance.harness.suite import CheckContext
from conformance.suites.geojson import STANDARD
from conformance.suites.geojson.catalogue import BY_KEY, RULES
from conformance.suites.geojson.checks import CHECKS
from conformance.suites.geojson.document import KEEP
from conformance.suites.geojson.export import Export
from conformance.suites.geojson.messages import MESSAGES
from conformance.xml.exports import validate_export
from tests.samples import geojson as samples

NATURAL_EARTH = ("tests/data/ne_110m_lakes.geojson", "tests/data/ne_110m_populated_places_simple.geojson")


def graded(*paths: Path | str) -> Export:
    return Export(tuple(validate_export([str(p) for p in paths], STANDARD.id, workers=1)))


def context(key: str, export: Export) -> CheckContext[Export]:
    requirement = next(r for r in STANDARD.requirements if r.uri == BY_KEY[key].uri)
    return CheckContext(cast(Any, None), STANDARD, requirement, MESSAGES, lambda: export)


def judge(key: str, export: Export) -> Judgement:
    return CHECKS[BY_KEY[key].uri].run(context(key, export))


def outcomes(export: Export) -> dict[str, Outcome]:
    return {row.key: judge(row.key, export).outcome for row in RULES}


def write(folder: Path, name: str, doc: Any) -> Path:
    path = folder / name
    path.write_bytes(samples.text(doc))
    return path


def test_the_valid_collection_passes_every_requirement_and_examines_something_of_each(tmp_path: Path) -> None:
    export = graded(write(tmp_path, "valid.geojson", samples.valid()))
    assert outcomes(export) == {row.key: Outcome.PASS for row in RULES}
    judged = judge("ring", export)
    assert [(e.count, e.message.text) for e in judged.examined] == [(2, "linear rings in 1 file(s)")]
    assert MESSAGES.render(judged.examined[0].message, "de") == "lineare Ringe in 1 Datei(en)"


@pytest.mark.parametrize("key", sorted(samples.BREAKS))
def test_each_broken_file_fails_exactly_its_requirement(tmp_path: Path, key: str) -> None:
    export = graded(write(tmp_path, f"{key}.geojson", samples.broken(key)))
    failed = {k for k, outcome in outcomes(export).items() if outcome is Outcome.FAIL}
    assert failed == {key}
    [finding, *_] = judge(key, export).findings
    assert finding.requirement == BY_KEY[key].uri and finding.locator.where.endswith(f"{key}.geojson")
    assert finding.locator.pointer.startswith(("/features/", "/crs", "/bbox"))


def test_every_requirement_has_a_broken_sample() -> None:
    assert set(samples.BREAKS) == set(BY_KEY)
    assert {BY_KEY[key].uri for key in samples.BREAKS} == {r.uri for r in STANDARD.requirements}


def test_a_text_that_is_no_json_or_no_object_fails_the_schema_requirement(tmp_path: Path) -> None:
    (tmp_path / "cut.geojson").write_bytes(samples.text(samples.valid())[:-20])
    (tmp_path / "list.geojson").write_text("[1, 2]")
    export = graded(tmp_path)
    messages = [f.message.text for f in judge("schema", export).findings]
    assert messages[0].startswith("RFC 7946 §2 (MUST): not a JSON text: parse error")
    assert messages[1] == "RFC 7946 §2 (MUST): the GeoJSON text is an array, not a JSON object"
    assert judge("position", export).outcome is Outcome.NOT_APPLICABLE


def test_nothing_of_a_kind_is_not_applicable_never_passed(tmp_path: Path) -> None:
    doc = {
        "type": "FeatureCollection",
        "features": [{"type": "Feature", "properties": {}, "geometry": {"type": "Point", "coordinates": [7.1, 50.1]}}],
    }
    export = graded(write(tmp_path, "points.geojson", doc))
    found = outcomes(export)
    assert {k for k, o in found.items() if o is Outcome.NOT_APPLICABLE} == {
        "id",
        "line",
        "ring",
        "winding",
        "validity",
        "bbox",
    }
    assert judge("bbox", export).examined[0].message.text == "bbox members in 0 file(s)"


def test_an_export_without_texts_examines_nothing(tmp_path: Path) -> None:
    (tmp_path / "notes.txt").write_text("no GeoJSON here")
    assert outcomes(graded(tmp_path)) == {row.key: Outcome.NOT_APPLICABLE for row in RULES}


def test_a_zip_is_read_in_place_and_an_unsafe_member_is_refused(tmp_path: Path) -> None:
    archive = tmp_path / "export.zip"
    with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED) as zipped:
        zipped.writestr("daten/valid.geojson", samples.text(samples.valid()))
        zipped.writestr("daten/winding.json", samples.text(samples.broken("winding")))
        zipped.writestr("../escape.geojson", samples.text(samples.valid()))
        zipped.writestr("readme.txt", "not judged")
    export = graded(archive)
    assert [r.file.rpartition("!")[2] for r in export.reports] == [
        "daten/valid.geojson",
        "daten/winding.json",
        "../escape.geojson",
    ]
    [winding] = judge("winding", export).findings
    assert winding.locator.where == f"{archive}!daten/winding.json"
    refused = judge("schema", export).findings
    assert len(refused) == 1 and "zip-slip" in str(refused[0].message.text)
    assert judge("ring", export).examined[0].count == 3


def test_the_natural_earth_files_hold_no_must_violation_but_wind_lakes_clockwise_and_name_a_crs() -> None:
    folder = default_store().pack_dir("geodata")
    export = graded(*(folder / name for name in NATURAL_EARTH))
    found = outcomes(export)
    assert {k for k, o in found.items() if o is Outcome.FAIL} == {"winding", "precision", "crs"}
    assert all(BY_KEY[k].obligation.value == "SOLL" for k in ("winding", "precision", "crs"))
    [crs] = judge("crs", export).findings
    assert crs.locator.where.endswith("places_simple.geojson") and crs.locator.pointer == "/crs"
    places = judge("feature", export).examined[0]
    lakes = json.loads((folder / NATURAL_EARTH[0]).read_text("utf-8"))["features"]
    towns = json.loads((folder / NATURAL_EARTH[1]).read_text("utf-8"))["features"]
    assert places.count == len(lakes) + len(towns) and places.message.text == "Features in 2 file(s)"
    ids = judge("id", export).examined[0]
    assert found["id"] is Outcome.PASS and ids.count == sum("id" in f for f in lakes + towns) > 0


def test_findings_beyond_the_kept_ones_are_counted_in_a_note(tmp_path: Path) -> None:
    doc = samples.valid()
    point = doc["features"][2]
    doc["features"] = [{**point, "id": n, "crs": {"type": "name"}} for n in range(KEEP + 7)]
    doc.pop("bbox")
    export = graded(write(tmp_path, "many.geojson", doc))
    ctx = context("crs", export)
    judged = CHECKS[BY_KEY["crs"].uri].run(ctx)
    assert judged.outcome is Outcome.FAIL and len(judged.findings) == KEEP
    assert [n.text for n in ctx.notes] == ["7 further finding(s) counted but not kept", "1 file(s) read"]
    assert judged.examined[0].count == KEEP + 8


def test_ids_beyond_the_compared_ones_are_noted(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("conformance.suites.geojson.document.MAX_IDS", 2)
    monkeypatch.setattr("conformance.suites.geojson.validator.MAX_IDS", 2)
    doc = samples.valid()
    doc["features"][3]["id"] = 3  # the same id as the third Feature, whose id is no longer kept
    export = graded(write(tmp_path, "ids.geojson", doc))
    ctx = context("id", export)
    judged = CHECKS[BY_KEY["id"].uri].run(ctx)
    assert judged.outcome is Outcome.PASS and judged.examined[0].count == 4
    assert ctx.notes[0].text == (
        "ids compared for the first 2 Features of a file; later ones were counted, not compared"
    )
