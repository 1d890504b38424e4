"""The round trip A → B against the writable Features double: each switchable loss is reported as its kind."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import lxml.html
import pytest
from click.testing import CliRunner

from conformance.cli import main
from conformance.core.journal import JOURNAL, Journal, leftovers
from conformance.core.results import write_run
from conformance.core.secrets import Redactor
from conformance.core.transfer import MAX_VALUE, Example, Problem, Transfer
from conformance.core.transferdiff import KINDS
from conformance.core.transferfile import read_transfers, write_transfers
from conformance.demo.features_losses import DHDN, to_dhdn
from conformance.demo.features_store import DEFECTS, FeaturesStore
from conformance.reporting.html import render_html
from conformance.reporting.jsonmatrix import render_json
from conformance.reporting.markdown import render_markdown
from conformance.reporting.model import build_report
from tests.reporting.samples import sample_run
from tests.reporting.test_commands import per_vendor
from tests.roundtrip.vendors import write_vendors

NOTE = "Öffnungszeiten nach Vereinbarung, Zugang über den Hof"
PLACES = [
    {
        "type": "Feature",
        "id": f"p{n}",
        "geometry": {"type": "Point", "coordinates": [7.123456 + n / 1000, 50.734567, 112.5]},
        "properties": {"aname": f"Ort {n}", "height": 12.5, "note": NOTE, "opened": "2026-03-01T10:00:00+01:00"},
        "links": [
            {"rel": "describedby", "href": f"https://example.org/ort/{n}", "type": "text/html", "title": f"Ort {n}"}
        ],
    }
    for n in range(4)
]
FIRST = PLACES[0]
IN_DHDN = to_dhdn(FIRST["geometry"]["coordinates"])
POINT = "Point"
# defect: (attribute, status, kind, B's value of p0); A's value is the attribute of PLACES[0]
CASES = {
    "drops-property": ("properties.aname", "lost", "", None),
    "truncates-coordinates": (
        "geometry",
        "changed",
        "precision",
        {"type": POINT, "coordinates": [7.123, 50.734, 112.5]},
    ),
    "times-to-utc": ("properties.opened", "changed", "timezone", "2026-03-01T09:00:00Z"),
    "renames-ids": ("id", "changed", "id", "item-1"),
    "numbers-as-text": ("properties.height", "changed", "type", "12.5"),
    "swaps-axes": ("geometry", "changed", "axis-order", {"type": POINT, "coordinates": [50.734567, 7.123456, 112.5]}),
    "drops-z": ("geometry", "changed", "dimension", {"type": POINT, "coordinates": [7.123456, 50.734567]}),
    "web-mercator": ("geometry", "changed", "crs", {"type": POINT, "coordinates": [792979.4946, 6574475.3250, 112.5]}),
    "reprojects": ("geometry", "changed", "crs", {"type": POINT, "coordinates": IN_DHDN}),
    "reprojects-unlabelled": ("geometry", "changed", "crs", {"type": POINT, "coordinates": IN_DHDN}),
    "drops-links": ("links", "lost", "links", None),
    "strips-link-titles": ("links", "changed", "links", [{"rel": "describedby", "href": "https://example.org/ort/0"}]),
    "cuts-long-text": ("properties.note", "changed", "value", NOTE[:32]),
    "refuses-writes": ("item", "lost", "item", None),
}
PAIRS = ["clean", *(d for d in DEFECTS if d != "no-writes"), "no-writes", "closed"]


@pytest.fixture(scope="module")
def trips(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[dict[str, Transfer], dict[str, int], Any]]:
    folder = tmp_path_factory.mktemp("roundtrip")
    tenants = {"source": frozenset(), **{d: frozenset({d}) for d in DEFECTS}, "clean": frozenset()}
    store = FeaturesStore(tenants, {"orte": []}).start()
    store.fill("source", {"orte": PLACES})
    targets = {name: (store.url("clean" if name == "closed" else name), name != "closed") for name in PAIRS}
    vendors = write_vendors(folder, "ogcapi-features-1", store.url("source"), targets)
    codes = {}
    for name in PAIRS:
        args = ["roundtrip", "--vendors", str(vendors), "--from", "a", "--to", name, "--out", str(folder)]
        codes[name] = CliRunner().invoke(main, args).exit_code
    yield {t.target: t for t in read_transfers(folder)}, codes, (store, folder)
    store.stop()


def _kinds(transfer: Transfer, name: str) -> dict[str, int]:
    return transfer.attributes[("orte", name)].kinds


def test_a_lossless_pair_is_lossless_and_everything_written_is_removed(trips: Any) -> None:
    transfers, codes, (store, folder) = trips
    clean = transfers["clean"]
    assert clean.verdict == "lossless" and codes["clean"] == 0
    assert clean.read == clean.written == clean.compared == clean.removed == len(PLACES)
    assert {a.status for a in clean.attributes.values()} == {"unchanged"}
    assert {name for _, name in clean.attributes} >= {"id", "geometry", "links", "properties.opened"}
    assert store.views["clean"].data["orte"] == {}
    assert not (folder / JOURNAL).exists()


def _before(attribute: str) -> Any:
    if attribute in ("id", "item"):
        return FIRST["id"]
    if attribute.startswith("properties."):
        return FIRST["properties"][attribute.removeprefix("properties.")]
    return FIRST[attribute]


def _same(found: Any, expected: Any) -> bool:
    if isinstance(expected, dict) and isinstance(found, dict):
        return found.keys() == expected.keys() and all(_same(found[k], v) for k, v in expected.items())
    if isinstance(expected, list) and isinstance(found, list):
        return len(found) == len(expected) and all(_same(f, e) for f, e in zip(found, expected, strict=True))
    if isinstance(expected, float) and type(found) is float:
        return found == pytest.approx(expected, abs=1e-3)
    return type(found) is type(expected) and bool(found == expected)


def test_every_defect_and_every_kind_of_change_is_covered() -> None:
    assert set(CASES) == set(DEFECTS) - {"no-writes"}
    assert {kind for _, _, kind, _ in CASES.values()} - {""} == set(KINDS)


@pytest.mark.parametrize("defect", sorted(CASES))
def test_each_loss_of_the_double_is_reported_as_its_kind(trips: Any, defect: str) -> None:
    attribute, status, kind, after = CASES[defect]
    transfers, codes, _ = trips
    found = transfers[defect]
    tally = found.attributes[("orte", attribute)]
    assert tally.status == status and tally.counts == {status: len(PLACES)}
    assert _kinds(found, attribute) == ({kind: len(PLACES)} if kind else {})
    assert found.verdict == ("with-loss" if status == "lost" else "with-changes") and codes[defect] == 1
    others = {n for (_, n), a in found.attributes.items() if a.status != "unchanged"}
    assert others == {attribute}
    example = tally.examples[0]
    assert example.item == "p0" and example.before == _before(attribute) and _same(example.after, after)
    assert example.source_url.startswith("http://127.0.0.1") and "/" + defect + "/" in example.target_url


@pytest.mark.parametrize("defect", ["reprojects", "reprojects-unlabelled"])
def test_a_crs_change_names_both_crs_whether_content_crs_or_storage_crs_declares_it(trips: Any, defect: str) -> None:
    example = trips[0][defect].attributes[("orte", "geometry")].examples[0]
    assert example.note == f"OGC:CRS84 → {DHDN}"
    assert example.to_json()["note"] == example.note


def test_a_crs_change_without_a_declared_crs_names_none(trips: Any) -> None:
    example = trips[0]["web-mercator"].attributes[("orte", "geometry")].examples[0]
    assert example.note == "" and "note" not in example.to_json()


def test_a_refused_write_is_a_lost_item_with_the_refusal_as_its_problem(trips: Any) -> None:
    refused = trips[0]["refuses-writes"]
    assert refused.written == refused.compared == 0 and refused.read == len(PLACES)
    assert {(p.code, p.status) for p in refused.problems} == {("write-failed", 400)}
    assert list(refused.attributes) == [("orte", "item")]
    assert leftovers(trips[2][1])[1] == []  # a refused write leaves nothing to clean up


def test_no_declared_writes_and_no_opt_in_write_nothing(trips: Any) -> None:
    transfers, codes, (store, _) = trips
    for name, code in (("no-writes", "no-writes"), ("closed", "not-opted-in")):
        found = transfers[name]
        assert found.verdict == "no-verdict" and codes[name] == 3
        assert [p.code for p in found.problems] == [code] and found.written == 0
    assert store.views["no-writes"].data["orte"] == {}


def test_the_file_is_schema_checked_on_reading(trips: Any, tmp_path: Path) -> None:
    _, _, (_, folder) = trips
    lines = (folder / "roundtrip.jsonl").read_text(encoding="utf-8").splitlines()
    broken = json.loads(lines[1]) | {"verdict": "fine"}
    (tmp_path / "roundtrip.jsonl").write_text(lines[0] + "\n" + json.dumps(broken) + "\n", encoding="utf-8")
    with pytest.raises(ValueError, match="line 2"):
        read_transfers(tmp_path)


def test_cleanup_removes_what_a_killed_run_left(trips: Any, tmp_path: Path) -> None:
    _, _, (store, folder) = trips
    store.fill("clean", {"orte": PLACES[:2]})
    journal = Journal(tmp_path, Redactor())
    journal.note("start", vendors=str(folder / "vendors.toml"), vendor="clean", standard="ogcapi-features-1")
    base = f"{store.url('clean')}/collections/orte/items"
    intent = journal.note("intent", collection_url=base, item_url=f"{base}/p0", absent_before=True)
    journal.note("created", intent=intent, url=f"{base}/p0")
    journal.note("intent", collection_url=base, item_url=f"{base}/p1", absent_before=True)
    journal.handle.close()  # killed here
    assert [leftover.certain for leftover in leftovers(tmp_path)[1]] == [True, False]
    result = CliRunner().invoke(main, ["roundtrip", "--cleanup", str(tmp_path)])
    assert result.exit_code == 0, result.output
    assert store.views["clean"].data["orte"] == {} and not (tmp_path / JOURNAL).exists()


@pytest.mark.parametrize(
    ("lang", "title", "lossless", "loss", "changes"),
    [
        ("de", "Datenübernahme", "verlustfrei", "mit Verlust", "mit Änderungen"),
        ("en", "Data transfer", "lossless", "with loss", "with changes"),
    ],
)
def test_the_matrix_shows_the_data_transfer_after_the_decision(
    trips: Any, lang: str, title: str, lossless: str, loss: str, changes: str
) -> None:
    transfers, _, _ = trips
    report = build_report(sample_run(), tuple(transfers.values()))
    doc = lxml.html.fromstring(render_html(report, lang))
    assert doc.xpath("//main/section/@id")[:2] == ["decision", "transfer"]
    assert "transfer" in [a.get("href")[1:] for a in doc.xpath("//nav[@class='toc']//a")]
    section = doc.xpath("//section[@id='transfer']")[0]
    rows = {
        r.xpath("th")[0].text_content(): r.xpath("td")[1].text_content()
        for r in section.xpath("table[@class='transfer']/tbody/tr")
    }
    assert lossless in rows["a → clean"] and loss in rows["a → drops-property"]
    for defect, (_, status, _, _) in CASES.items():
        assert (loss if status == "lost" else changes) in rows[f"a → {defect}"]
    dropped = section.xpath(".//details[contains(summary, 'drops-property')]//table//tr[td]")
    assert dropped and "properties.aname" in dropped[0].text_content()
    assert dropped[0].xpath(".//a[text()='B']/@href")[0].endswith("/drops-property/collections/orte/items/p0")
    moved = section.xpath(".//details[contains(summary, 'reprojects-unlabelled')]//table//tr[td]")
    assert f"(OGC:CRS84 → {DHDN})" in moved[0].text_content()
    summary = render_markdown(report, lang)
    assert f"### {title}" in summary and f"**{lossless}**" in summary
    assert f"(OGC:CRS84 → {DHDN})" in summary
    data = json.loads(render_json(report, lang))
    assert {t["target"]: t["verdict"] for t in data["transfers"]}["times-to-utc"] == "with-changes"


def test_a_run_without_round_trips_has_no_transfer_section() -> None:
    doc = lxml.html.fromstring(render_html(build_report(sample_run()), "de"))
    assert not doc.xpath("//section[@id='transfer']") and "Datenübernahme" not in doc.text_content()


def test_huge_values_are_cut_in_the_evidence() -> None:
    stored = Example("x", {"coordinates": list(range(10_000))}, None, "", "").to_json()
    assert isinstance(stored["before"], str) and len(stored["before"]) == MAX_VALUE and stored["after"] is None


def test_a_broken_round_trip_file_stops_the_report(tmp_path: Path) -> None:
    write_run(tmp_path / "results.jsonl", sample_run())
    (tmp_path / "roundtrip.jsonl").write_text("not json\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["report", str(tmp_path), "--format", "md"])
    assert result.exit_code == 2 and "line 1 is not JSON" in result.output


def test_items_not_tried_keep_an_unchanged_transfer_from_being_lossless(trips: Any) -> None:
    transfers, _, _ = trips
    clean = Transfer.from_json(transfers["clean"].to_json())
    clean.problems.append(Problem("write-failed", "http://b.example/items", None, "connection refused"))
    assert clean.verdict == "no-verdict"
    clean.problems[-1] = Problem("write-failed", "http://b.example/items", 400, "refused")
    assert clean.verdict == "lossless"  # a refused write is no gap: the round trip tallies its item as lost
    changed = Transfer.from_json(transfers["truncates-coordinates"].to_json())
    changed.problems.append(Problem("conflict", "http://b.example/items/p9"))
    assert changed.verdict == "with-changes"


def test_a_new_round_trip_refuses_to_start_over_leftovers_of_a_killed_one(trips: Any, tmp_path: Path) -> None:
    _, _, (store, folder) = trips
    journal = Journal(tmp_path, Redactor())
    journal.note("start", vendors=str(folder / "vendors.toml"), vendor="clean", standard="ogcapi-features-1")
    journal.note("created", intent=0, url=f"{store.url('clean')}/collections/orte/items/gone")
    journal.handle.close()
    args = ["roundtrip", "--vendors", str(folder / "vendors.toml"), "--from", "a", "--to", "clean"]
    result = CliRunner().invoke(main, [*args, "--out", str(tmp_path)])
    assert result.exit_code == 2 and f"--cleanup {tmp_path}" in result.output
    assert not (tmp_path / "roundtrip.jsonl").exists()
    assert CliRunner().invoke(main, ["roundtrip", "--help"]).exit_code == 0


def _jobs(tmp_path: Path, *transfers: tuple[Transfer, ...]) -> list[Path]:
    paths = []
    for path, stored in zip(per_vendor(tmp_path), transfers, strict=False):
        job = tmp_path / path.stem
        job.mkdir()
        paths.append(path.rename(job / "results.jsonl"))
        write_transfers(job, stored, Redactor())
    return paths


def test_merge_carries_the_round_trips_of_its_inputs_the_latest_per_pair(trips: Any, tmp_path: Path) -> None:
    transfers = trips[0]
    again = Transfer.from_json(transfers["clean"].to_json())
    again.finished, again.problems = "2099-01-01T00:00:00+00:00", [Problem("write-failed", "http://b.example", 400)]
    jobs = _jobs(
        tmp_path, (again, transfers["drops-property"]), (transfers["truncates-coordinates"], transfers["clean"])
    )
    out = tmp_path / "merged"
    result = CliRunner().invoke(main, ["merge", *map(str, jobs), "-o", str(out), "--lang", "de"])
    assert result.exit_code in (0, 1, 3), result.output
    merged = {t.target: t for t in read_transfers(out)}
    assert set(merged) == {"clean", "drops-property", "truncates-coordinates"}
    assert merged["clean"].problems == again.problems and merged["drops-property"].verdict == "with-loss"
    assert "Datenübernahme" in (out / "summary.md").read_text(encoding="utf-8")


def test_merge_refuses_a_broken_round_trip_file(tmp_path: Path) -> None:
    jobs = _jobs(tmp_path, ())
    (jobs[0].parent / "roundtrip.jsonl").write_text("not json\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["merge", *map(str, jobs), "-o", str(tmp_path / "merged")])
    assert result.exit_code == 2 and "line 1 is not JSON" in result.output
    assert not (tmp_path / "merged").exists()
