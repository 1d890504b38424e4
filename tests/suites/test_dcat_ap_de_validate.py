"""``conformance validate --standard dcat-ap-de-3.0``: the valid catalogue in Turtle, RDF/XML (in a ZIP) and JSON-LD is
accepted; every broken catalogue of the suite's negative controls is graded by the shape it breaks; values of
vocabularies missing offline are notes; unreadable RDF, a remote JSON-LD @context and a file without DCAT nodes are
rejected. One folder is validated once; the tests read its JSON lines."""

from __future__ import annotations

import json
import zipfile
from pathlib import Path
from typing import Any

import pyoxigraph as ox
import pytest
from click.testing import CliRunner

from conformance.cli import main
from conformance.demo.dcat_catalogue import catalogue, serialised
from conformance.suites.dcat_ap_de.catalogue import ID, READABLE
from tests.suites.test_dcat_ap_de_suite import EXPECTED, LEVEL, OFFLINE

Lines = dict[str, dict[str, Any]]
REFERENCE = ("reference.ttl", "reference.jsonld", "export.zip!dcat/reference.rdf")
REMOTE = b'{"@context": "https://example.org/context.jsonld", "@id": "https://x.example/c", "title": "x"}'


def _folder(root: Path) -> Path:
    folder = root / "export"
    folder.mkdir()
    (folder / "reference.ttl").write_text(catalogue(3), encoding="utf-8")
    (folder / "reference.jsonld").write_bytes(serialised(catalogue(2), ox.RdfFormat.JSON_LD))
    with zipfile.ZipFile(folder / "export.zip", "w") as archive:
        archive.writestr("dcat/reference.rdf", serialised(catalogue(2), ox.RdfFormat.RDF_XML))
    for defect in (*EXPECTED, *OFFLINE):
        (folder / f"{defect}.ttl").write_text(catalogue(2, (defect,), base=f"https://{defect}.example/"), "utf-8")
    (folder / "unreadable.ttl").write_text("@prefix dcat: <http://www.w3.org/ns/dcat#> .\ndcat:x dcat:y", "utf-8")
    (folder / "remote.jsonld").write_bytes(REMOTE)
    (folder / "no-dcat.ttl").write_text("<https://a.example/x> <https://a.example/p> 1 .\n", "utf-8")
    (folder / "readme.txt").write_text("not RDF, not read", "utf-8")
    return folder


def _validate(*args: str) -> tuple[int, str]:
    done = CliRunner().invoke(main, ["validate", "--standard", ID, "--workers", "1", *args])
    return done.exit_code, done.output


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return _folder(tmp_path_factory.mktemp("dcat-validate"))


@pytest.fixture(scope="module")
def lines(folder: Path) -> Lines:
    code, output = _validate("--format", "json", "--lang", "de", str(folder))
    assert code == 1, output
    graded = [json.loads(line) for line in output.splitlines()]
    return {Path(d["file"].replace(str(folder) + "/", "")).as_posix(): d for d in graded}


def _rules(line: dict[str, Any], *severities: str) -> set[str]:
    return {f["rule"] for f in line["findings"] if f["severity"] in severities}


def test_every_document_of_the_folder_is_graded_once(lines: Lines) -> None:
    expected = {*REFERENCE, *(f"{d}.ttl" for d in (*EXPECTED, *OFFLINE)), "unreadable.ttl", "remote.jsonld"}
    assert set(lines) == expected | {"no-dcat.ttl"}
    assert {line["standard"] for line in lines.values()} == {ID}


def test_the_valid_catalogue_is_accepted_in_every_syntax(lines: Lines) -> None:
    for name in REFERENCE:
        assert (lines[name]["valid"], lines[name]["accepted"], lines[name]["findings"]) == (True, True, []), name
    assert [lines[name]["scenario"] for name in REFERENCE] == ["Turtle", "JSON-LD", "RDF/XML"]


def test_every_negative_control_is_graded_by_the_shape_it_breaks(lines: Lines) -> None:
    for defect, (shape, obligation) in EXPECTED.items():
        line = lines[f"{defect}.ttl"]
        severity = "error" if obligation == "MUSS" else "warning"
        assert shape in _rules(line, severity), (defect, line["findings"])
        assert line["accepted"] is (obligation != "MUSS" and not _rules(line, "error", "fatal")), defect
        hits = [f for f in line["findings"] if f["rule"] == shape]
        assert all(f["location"].startswith(f"https://{defect}.example/") for f in hits), hits


def test_findings_carry_code_params_and_the_message_in_german(lines: Lines) -> None:
    [finding] = [f for f in lines["frequency-not-eu.ttl"]["findings"] if f["rule"] == EXPECTED["frequency-not-eu"][0]]
    assert finding["code"] == "dcat.vocabulary"
    assert finding["params"]["value"] == "http://purl.org/cld/freq/annual"
    assert finding["location"] == "https://frequency-not-eu.example/ds0 dcterms:accrualPeriodicity"
    vocabulary = "http://publications.europa.eu/resource/authority/frequency"
    assert f"ist kein Begriff des Vokabulars {vocabulary}" in finding["message"]


def test_a_value_of_a_vocabulary_missing_offline_is_a_note_never_an_error(lines: Lines) -> None:
    line = lines["geocoding-level.ttl"]
    assert line["accepted"] is True and _rules(line, "error", "fatal") == set()
    [note] = [f for f in line["findings"] if f["rule"] == LEVEL]
    assert note["severity"] == "information" and note["code"] == "dcat.note.unchecked"
    assert "nicht geprüft" in note["message"]


@pytest.mark.parametrize(
    ("name", "rule", "code"),
    [
        ("unreadable.ttl", READABLE, "dcat.unreadable"),
        ("remote.jsonld", READABLE, "dcat.note.offline"),
        ("no-dcat.ttl", ID, "dcat.nothing-judged"),
    ],
)
def test_a_document_with_nothing_to_judge_is_rejected(lines: Lines, name: str, rule: str, code: str) -> None:
    line = lines[name]
    assert (line["valid"], line["accepted"]) == (False, False)
    [finding] = line["findings"]
    assert (finding["rule"], finding["severity"], finding["code"]) == (rule, "fatal", code)


def test_text_in_english_and_exit_0_when_every_document_is_accepted(folder: Path) -> None:
    code, output = _validate("--lang", "en", str(folder / "reference.ttl"), str(folder / "geocoding-level.ttl"))
    assert code == 0, output
    assert "accepted (valid)" in output and "accepted, with notes" in output
    assert "not checked: not in the offline copy of vocabulary" in output
    assert "2 document(s): 2 accepted, 0 rejected" in output


def test_text_names_the_failing_shape_and_exits_1(folder: Path) -> None:
    code, output = _validate(str(folder / "no-title.ttl"))
    assert code == 1
    assert "abgewiesen (ungültig)" in output and EXPECTED["no-title"][0] in output
    assert "weniger als die verlangten 1" in output
