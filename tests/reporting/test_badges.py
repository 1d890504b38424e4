"""Badges: a shields.io endpoint JSON and an offline SVG per vendor × standard, for passing and failing vendors."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

from click.testing import CliRunner
from lxml import etree

from conformance.cli import main
from conformance.core.outcomes import Outcome
from conformance.core.results import ResultsFile, write_run
from conformance.reporting.badges import badges, write_badges
from conformance.reporting.model import build_report
from tests.reporting.samples import header, result, sample_run, vendor

SVG = "{http://www.w3.org/2000/svg}"


def endpoint(folder: Path, stem: str) -> dict[str, object]:
    return dict(json.loads((folder / f"{stem}.json").read_text(encoding="utf-8")))


def svg(folder: Path, stem: str) -> etree._Element:
    return etree.fromstring((folder / f"{stem}.svg").read_bytes())


def test_passing_and_failing_vendor(tmp_path: Path) -> None:
    write_badges(build_report(sample_run()), tmp_path, "en")
    passing = endpoint(tmp_path, "alpha--ogcapi-features-1")
    assert passing == {
        "schemaVersion": 1,
        "label": "ogcapi-features-1",
        "message": "6/6 passed",
        "color": "brightgreen",
    }
    failing = endpoint(tmp_path, "beta--ogcapi-features-1")
    assert failing == {"schemaVersion": 1, "label": "ogcapi-features-1", "message": "3/6 passed", "color": "red"}
    for stem, fill, message in (("alpha", "#4c1", "6/6 passed"), ("beta", "#e05d44", "3/6 passed")):
        root = svg(tmp_path, f"{stem}--ogcapi-features-1")
        assert root.tag == f"{SVG}svg" and root.get("aria-label") == f"ogcapi-features-1: {message}"
        assert [r.get("fill") for r in root.iter(f"{SVG}rect")] == ["#555", fill]
        assert [t.text for t in root.iter(f"{SVG}text")] == ["ogcapi-features-1", message]


def test_every_vendor_and_standard_is_listed(tmp_path: Path) -> None:
    written = write_badges(build_report(sample_run()), tmp_path, "de")
    listing = json.loads((tmp_path / "badges.json").read_text(encoding="utf-8"))
    pairs = {(b["vendor"], b["standard"]) for b in listing}
    assert pairs == {(v, s) for v in ("alpha", "beta") for s in ("ogcapi-features-1", "oparl-1.1")} | {
        ("gamma", "ogcapi-features-1")
    }
    assert len(written) == 2 * len(listing) + 1 and all(p.parent == tmp_path for p in written)


def test_unjudged_and_errored_standards_are_not_green() -> None:
    found = {(b.vendor, b.standard): b for b in badges(build_report(sample_run()), "de")}
    assert (found[("beta", "oparl-1.1")].message, found[("beta", "oparl-1.1")].colour) == ("nicht geprüft", "lightgrey")
    assert (found[("gamma", "ogcapi-features-1")].message, found[("gamma", "ogcapi-features-1")].colour) == (
        "0/6 erfüllt",
        "yellow",
    )


def test_hostile_vendor_id_stays_inside_the_folder(tmp_path: Path) -> None:
    vid = '../../etc/<x y="1">'
    item = replace(result(vid, 0, Outcome.PASS), vendor=vid)
    run = ResultsFile(header([vendor(vid, "Evil", standards_=("ogcapi-features-1",))]), (item,))
    folder = tmp_path / "badges"
    written = write_badges(build_report(run), folder, "en")
    assert all(p.parent == folder for p in written) and len(written) == 3
    (listed,) = json.loads((folder / "badges.json").read_text(encoding="utf-8"))
    assert listed["vendor"] == vid and "/" not in listed["svg"]
    assert etree.fromstring((folder / listed["svg"]).read_bytes()).get("aria-label") == "ogcapi-features-1: 1/1 passed"


def test_report_command_writes_badges_into_a_folder(tmp_path: Path) -> None:
    path = tmp_path / "results.jsonl"
    write_run(path, sample_run())
    runner = CliRunner()
    folder = tmp_path / "out"
    done = runner.invoke(main, ["report", str(path), "--format", "badges", "-o", str(folder)], catch_exceptions=False)
    assert done.exit_code == 0 and "11 files" in done.stderr
    assert endpoint(folder, "beta--ogcapi-features-1")["color"] == "red"
    refused = runner.invoke(main, ["report", str(path), "--format", "badges"], catch_exceptions=False)
    assert refused.exit_code == 2 and "badges need -o FOLDER" in refused.stderr
    into_folder = runner.invoke(main, ["report", str(path), "-o", str(folder)], catch_exceptions=False)
    assert into_folder.exit_code == 2 and "is a folder" in into_folder.stderr
