"""The DCAT-AP.de suite end to end: a valid catalogue as Turtle, RDF/XML in a ZIP and JSON-LD in a folder; one broken
catalogue per kind of violation (negative controls); values of vocabularies the packs lack; a paged catalogue
endpoint (hydra:next) served on 127.0.0.1, with a missing page and a JSON-LD document naming a remote @context."""

from __future__ import annotations

import json
import subprocess
import sys
import zipfile
from pathlib import Path

import pyoxigraph as ox
import pytest

from conformance.core.outcomes import Outcome
from conformance.core.results import Result, read_run
from conformance.demo.dcat_catalogue import DEFECTS, catalogue, serialised
from conformance.suites.dcat_ap_de.catalogue import READABLE, STANDARD
from tests.targets.servers import LOCALHOST, free_port, running

SEMIC = "https://semiceu.github.io/DCAT-AP/releases/3.0.0/shacl/dcat-ap-SHACL.ttl#"
DE = "http://dcat-ap.de/def/dcatde/3.0/shacl/"
TITLE = SEMIC + "dcat:DatasetShape/f8b02efd063b8089b72ce9677a1e4a3488eeb9a9"
FREQUENCY = DE + "datensatz-aktualisierungsfrequenz_Violation_List"
LEVEL = DE + "datensatz-ebene-geopolitischen-abdeckung_Warning_List"
EXPECTED = {  # defect → the shape it must make fail, and the obligation
    "no-title": (TITLE, "MUSS"),
    "two-frequencies": (SEMIC + "dcat:DatasetShape/84229f2224810ba9c70b4b27f756414cc0353324", "MUSS"),
    "accessurl-literal": (SEMIC + "dcat:DistributionShape/a490981ff58636ec8601ca500e67bd9c575eaed9", "MUSS"),
    "contact-untyped": (SEMIC + "dcat:DatasetShape/7b6713c1f4a52e964f5db57eabef294b6d04e90e", "MUSS"),
    "frequency-not-eu": (FREQUENCY, "MUSS"),
    "no-license": (DE + "DE_Distribution_dcterms_license_v_Min", "MUSS"),
    "mediatype-not-iana": (DE + "distribution-medientyp_Violation_List", "MUSS"),
    "deprecated-status": (DE + "Deprecated_adms_status", "SOLL"),
}
OFFLINE = ("geocoding-level", "frequency-newer")
PAGES = ["{base}/page1.ttl", "{base}/missing.ttl", "{base}/remote.jsonld"]
VENDORS = (  # vendor id → what it is, and its paths or URLs
    (
        "reference",
        "A valid catalogue in three syntaxes",
        "paths",
        ["reference/catalogue.ttl", "reference/export.zip", "reference/jsonld"],
    ),
    ("broken", "One broken catalogue per kind of violation", "paths", ["broken"]),
    ("offline", "Values of vocabularies not available offline", "paths", ["offline"]),
    ("endpoint", "A paged catalogue endpoint", "urls", PAGES),
    ("empty", "An export folder without RDF", "paths", ["empty"]),
)


def _vendors(base: str) -> str:
    rows = [
        f'[[vendors]]\nid = "{vid}"\nname = "{name}"\nversion = "1"\n[[vendors.targets]]\n'
        f'standard = "dcat-ap-de-3.0"\n{kind} = {json.dumps([v.format(base=base) for v in where])}\n'
        for vid, name, kind, where in VENDORS
    ]
    return "\n".join(rows)


HYDRA = "http://www.w3.org/ns/hydra/core#"
HYDRA_NEXT = f"<{{page}}> a <{HYDRA}PartialCollectionView> ; <{HYDRA}next> <{{next}}> .\n"


def _exports(folder: Path, base: str) -> None:
    for name in ("reference", "broken", "offline", "served", "empty", "reference/jsonld"):
        (folder / name).mkdir()
    (folder / "reference" / "catalogue.ttl").write_text(catalogue(3), encoding="utf-8")
    xml = serialised(catalogue(2, base="https://xml.example/"), ox.RdfFormat.RDF_XML)
    with zipfile.ZipFile(folder / "reference" / "export.zip", "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("dcat/catalogue.rdf", xml)
    jsonld = serialised(catalogue(2, base="https://json.example/"), ox.RdfFormat.JSON_LD)
    (folder / "reference" / "jsonld" / "catalogue.jsonld").write_bytes(jsonld)
    for defect in (*EXPECTED, *OFFLINE):
        where = folder / ("offline" if defect in OFFLINE else "broken") / f"{defect}.ttl"
        where.write_text(catalogue(2, (defect,), base=f"https://{defect}.example/"), encoding="utf-8")
    (folder / "empty" / "readme.txt").write_text("nothing to judge", encoding="utf-8")
    for page in (1, 2):
        text = catalogue(2, ("no-title",) if page == 2 else (), base=f"https://page{page}.example/")
        if page == 1:
            text += HYDRA_NEXT.format(page=f"{base}/page1.ttl", next=f"{base}/page2.ttl")
        (folder / "served" / f"page{page}.ttl").write_text(text, encoding="utf-8")
    remote = b'{"@context": "https://example.org/context.jsonld", "@id": "https://x.example/c", "title": "x"}'
    (folder / "served" / "remote.jsonld").write_bytes(remote)


@pytest.fixture(scope="module")
def results(tmp_path_factory: pytest.TempPathFactory) -> dict[tuple[str, str], Result]:
    folder = tmp_path_factory.mktemp("dcat-suite")
    port = free_port()
    base = f"http://{LOCALHOST}:{port}"
    _exports(folder, base)
    (folder / "vendors.toml").write_text(_vendors(base), encoding="utf-8")
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
    with running(server, f"{base}/page1.ttl", folder / "server.log"):
        done = subprocess.run(
            [
                *(sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "--pyargs"),
                "conformance.suites.dcat_ap_de",
                *("--conformance-vendors", str(folder / "vendors.toml")),
                *("--conformance-results", str(folder / "r.jsonl")),
            ],
            cwd=folder,
            capture_output=True,
            text=True,
            timeout=900,
            check=False,
        )
    assert done.returncode in (0, 1), done.stdout[-3000:] + done.stderr[-3000:]
    return {(r.vendor, r.requirement): r for r in read_run(folder / "r.jsonl").results}


def test_the_valid_catalogue_fails_no_shape_in_any_syntax(results: dict[tuple[str, str], Result]) -> None:
    outcomes = {r.outcome for (vendor, _), r in results.items() if vendor == "reference"}
    assert outcomes <= {Outcome.PASS, Outcome.NOT_APPLICABLE}, outcomes
    title = results[("reference", TITLE)]
    assert title.outcome is Outcome.PASS and title.examined[0].count == 7  # 3 + 2 (RDF/XML) + 2 (JSON-LD) datasets
    readable = results[("reference", READABLE)]
    assert readable.outcome is Outcome.PASS and readable.examined[0].count == 3


def test_every_negative_control_fails_its_shape_at_its_focus_node(results: dict[tuple[str, str], Result]) -> None:
    for defect, (shape, obligation) in EXPECTED.items():
        result = results[("broken", shape)]
        assert result.outcome is Outcome.FAIL and result.obligation == obligation, defect
        wheres = {f.locator.where for f in result.findings}
        assert any(w.startswith(f"https://{defect}.example/") for w in wheres), (defect, wheres)


def test_findings_name_focus_path_value_and_the_shapes_message(results: dict[tuple[str, str], Result]) -> None:
    [finding] = results[("broken", EXPECTED["frequency-not-eu"][0])].findings
    assert finding.locator.where == "https://frequency-not-eu.example/ds0"
    assert finding.locator.pointer == "dcterms:accrualPeriodicity"
    assert finding.actual == "http://purl.org/cld/freq/annual"
    assert "is not a concept of the vocabulary http://publications.europa.eu/resource/authority/frequency" in (
        finding.text
    )
    assert "MUSS folgendes Vokabular benutzen" in finding.text


def test_a_vocabulary_missing_offline_is_not_checked_never_violated(results: dict[tuple[str, str], Result]) -> None:
    level = results[("offline", LEVEL)]
    assert level.outcome is Outcome.SKIP and "not available offline" in level.reason.text
    frequency = results[("offline", FREQUENCY)]
    assert frequency.outcome is Outcome.PASS
    assert any("not checked" in note.text for note in frequency.notes), frequency.notes


def test_a_shape_whose_targets_never_occur_is_not_applicable(results: dict[tuple[str, str], Result]) -> None:
    record = results[("reference", SEMIC + "dcat:CatalogRecordShape/06293023d38e0a3f6d84479e2c37726cc226bcf6")]
    assert record.outcome is Outcome.NOT_APPLICABLE and "dcat:CatalogRecord" in record.reason.text


def test_a_paged_endpoint_is_read_to_the_end_and_unreadable_pages_are_reported(
    results: dict[tuple[str, str], Result],
) -> None:
    title = results[("endpoint", TITLE)]
    assert title.outcome is Outcome.FAIL and title.examined[0].count == 4
    assert {f.locator.where for f in title.findings} == {"https://page2.example/ds0"}
    readable = results[("endpoint", READABLE)]
    assert readable.outcome is Outcome.FAIL
    assert [f.locator.where.rsplit("/", 1)[-1] for f in readable.findings] == ["missing.ttl"]
    assert any("remote.jsonld" in note.text and "@context" in note.text for note in readable.notes), readable.notes


def test_an_export_without_rdf_reaches_no_verdict(results: dict[tuple[str, str], Result]) -> None:
    assert {r.outcome for (vendor, _), r in results.items() if vendor == "empty"} == {Outcome.NOT_APPLICABLE}


def test_every_shape_is_a_requirement_with_its_severity_as_obligation() -> None:
    obligations = {r.uri: r.obligation.value for r in STANDARD.requirements}
    assert len(obligations) == len(STANDARD.requirements) > 300
    assert obligations[DE + "Deprecated_dcatde_maintainer"] == "SOLL"
    assert obligations[TITLE] == "MUSS"
    assert set(DEFECTS) >= set(EXPECTED) | set(OFFLINE)
