"""``conformance validate``: JSON lines, text in both languages, exit codes."""

from __future__ import annotations

import json
import re
import subprocess
import sys
import zipfile
from pathlib import Path

from click.testing import CliRunner
from lxml import etree

from conformance.cli import main
from conformance.core.packs import default_store
from tests.xml.corpora import suite_instances

UBL = "01.01a-INVOICE_ubl.xml"
VARL = "http://www.xoev.de/de/validator/varl/1"


def _instance(name: str) -> Path:
    return next(p for p in suite_instances() if p.name == name)


def _broken(tmp_path: Path) -> Path:
    data = re.sub(rb"<cbc:BuyerReference>[^<]*</cbc:BuyerReference>", b"", _instance(UBL).read_bytes())
    assert b"BuyerReference" not in data
    target = tmp_path / "no-buyer-reference.xml"
    target.write_bytes(data)
    return target


def test_json_has_one_object_per_document_and_exit_1_when_one_is_rejected(tmp_path: Path) -> None:
    result = CliRunner().invoke(
        main, ["validate", "--format", "json", "--workers", "1", str(_instance(UBL)), str(_broken(tmp_path))]
    )
    assert result.exit_code == 1, result.output
    lines = [json.loads(line) for line in result.output.splitlines()]
    assert [(d["valid"], d["accepted"]) for d in lines] == [(True, True), (False, False)]
    assert all({"file", "standard", "valid", "accepted", "findings"} <= set(d) for d in lines)
    rules = {f["rule"] for f in lines[1]["findings"] if f["severity"] in ("fatal", "error")}
    assert rules == {"BR-DE-15"}
    assert lines[1]["standard"] == "xrechnung-3.0"


def test_all_accepted_exits_0_and_text_speaks_german_or_english(tmp_path: Path) -> None:
    folder = tmp_path / "export"
    folder.mkdir()
    (folder / "a.xml").write_bytes(_instance(UBL).read_bytes())
    german = CliRunner().invoke(main, ["validate", "--standard", "xrechnung", "--workers", "1", str(folder)])
    assert german.exit_code == 0, german.output
    assert "angenommen" in german.output and "1 Dokument(e)" in german.output
    english = CliRunner().invoke(main, ["validate", "--lang", "en", "--workers", "1", str(folder)])
    assert english.exit_code == 0 and "1 document(s): 1 accepted" in english.output


def test_rejection_names_rule_line_and_reason(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["validate", "--lang", "en", str(_broken(tmp_path))])
    assert result.exit_code == 1
    assert "rejected" in result.output and "BR-DE-15" in result.output and "line" in result.output


def test_unknown_document_type_is_a_rejection_in_german(tmp_path: Path) -> None:
    other = tmp_path / "order.xml"
    other.write_text("<Order xmlns='urn:example'/>")
    result = CliRunner().invoke(main, ["validate", "--standard", "xrechnung", str(other)])
    assert result.exit_code == 1 and "unbekannter Dokumenttyp" in result.output


def test_usage_errors_exit_2(tmp_path: Path) -> None:
    runner = CliRunner()
    assert runner.invoke(main, ["validate", str(tmp_path / "missing.xml")]).exit_code == 2
    assert runner.invoke(main, ["validate", "--standard", "nope", str(_instance(UBL))]).exit_code == 2
    assert runner.invoke(main, ["validate"]).exit_code == 2
    empty = tmp_path / "empty"
    empty.mkdir()
    assert runner.invoke(main, ["validate", str(empty)]).exit_code == 2


def test_the_whole_test_suite_is_accepted_through_the_command() -> None:
    folder = _instance(UBL).parents[2]
    result = CliRunner().invoke(
        main, ["validate", "--standard", "xrechnung", "--format", "json", "--workers", "1", str(folder)]
    )
    lines = [json.loads(line) for line in result.output.splitlines()]
    assert len(lines) == 86 and all(d["accepted"] for d in lines), [d["file"] for d in lines if not d["accepted"]]
    assert result.exit_code == 0


def test_kosit_reports_are_written_per_xrechnung_document_with_the_verdict(tmp_path: Path) -> None:
    archive = tmp_path / "export.zip"
    with zipfile.ZipFile(archive, "w") as zipped:
        zipped.writestr("a/rechnung.xml", _instance(UBL).read_bytes())
        zipped.writestr("b/rechnung.xml", _broken(tmp_path).read_bytes())
        zipped.writestr("order.xml", "<Order xmlns='urn:example:order'/>")
    folder = tmp_path / "varl"
    result = CliRunner().invoke(main, ["validate", "--workers", "1", "--kosit-reports", str(folder), str(archive)])
    assert result.exit_code == 1, result.output
    assert sorted(p.name for p in folder.iterdir()) == ["rechnung-2-report.xml", "rechnung-report.xml"]
    verdicts = []
    for name in ("rechnung-report.xml", "rechnung-2-report.xml"):
        report = etree.parse(str(folder / name)).getroot()
        assert report.tag == f"{{{VARL}}}report"
        verdicts.append(report.find(f"{{{VARL}}}assessment/*", None).tag.rsplit("}", 1)[1])  # type: ignore[union-attr]
    assert verdicts == ["accept", "reject"]
    assert "BR-DE-15" in (folder / "rechnung-2-report.xml").read_text(encoding="utf-8")


def test_xdomea_findings_read_in_german_with_lang_de() -> None:
    path = default_store().path(
        "xdomea-toolkit-templates", "message_generation/pattern/xdomea_3.0.0/xx_Aussonderung.Aussonderung.0503.xml"
    )
    german = CliRunner().invoke(main, ["validate", "--workers", "1", str(path)])
    english = CliRunner().invoke(main, ["validate", "--workers", "1", "--lang", "en", str(path)])
    assert german.exit_code == english.exit_code == 1
    flat = " ".join(german.output.split())
    assert "Code '002' steht nicht in der Codeliste urn:de:xoev:codeliste:erreichbarkeit Version 3" in flat
    assert "code '002' is not in code list urn:de:xoev:codeliste:erreichbarkeit version 3" in " ".join(
        english.output.split()
    )


def test_json_findings_carry_code_params_and_the_message_in_the_chosen_language() -> None:
    path = default_store().path(
        "xdomea-toolkit-templates", "message_generation/pattern/xdomea_3.0.0/xx_Aussonderung.Aussonderung.0503.xml"
    )
    found = {}
    for lang in ("de", "en"):
        result = CliRunner().invoke(main, ["validate", "--format", "json", "--lang", lang, "--workers", "1", str(path)])
        [document] = [json.loads(line) for line in result.output.splitlines()]
        found[lang] = next(f for f in document["findings"] if f["rule"] == "XOEV-CODE-MEMBER")
    assert found["de"]["code"] == found["en"]["code"] == "xoev.code-not-member"
    assert found["de"]["params"] == found["en"]["params"] and found["de"]["params"]["value"] == "002"
    assert found["en"]["message"].startswith("code '002' is not in code list")
    assert found["de"]["message"].startswith("Code '002' steht nicht in der Codeliste")


def test_json_shows_schematron_texts_as_written(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["validate", "--format", "json", "--workers", "1", str(_broken(tmp_path))])
    [document] = [json.loads(line) for line in result.output.splitlines()]
    [finding] = [f for f in document["findings"] if f["rule"] == "BR-DE-15"]
    assert finding["code"] == "xml.schematron" and finding["params"] == {"text": finding["message"]}


LOADS = """
import sys
from conformance.xml.report import validator_for
found = [validator_for(name).standard for name in sys.argv[1:]]
print(found, sorted(m for m in sys.modules if m == "pytest" or m.startswith("conformance.suites.")))
"""


def test_a_standard_named_like_its_suite_loads_that_suite_alone() -> None:
    quick = subprocess.run([sys.executable, "-c", LOADS, "xrechnung"], capture_output=True, text=True, check=True)
    assert quick.stdout.startswith("['xrechnung-3.0']") and "pytest" not in quick.stdout
    assert "conformance.suites.oparl" not in quick.stdout and "conformance.suites.xrechnung" in quick.stdout
    full = subprocess.run(
        [sys.executable, "-c", LOADS, "en16931", "xdomea-3.0.0"], capture_output=True, text=True, check=True
    )
    assert full.stdout.startswith("['xrechnung-3.0', 'xdomea-3.0.0']") and "conformance.suites.oparl" in full.stdout
