"""The XPlanGML checks on generated plans (6.0 and 5.4): the valid plan passes every requirement, each broken
variant fails exactly its own, a plan of the other version fails only the schema requirement, nothing examined is
not applicable; ``conformance validate`` and hostile input."""

from __future__ import annotations

import json
import subprocess
import sys
import zipfile
from pathlib import Path
from typing import Any, cast

import pytest
from click.testing import CliRunner

from conformance.cli import main
from conformance.core.judgement import Judgement
from conformance.core.outcomes import Obligation, Outcome
from conformance.core.profile import load_profile
from conformance.harness.registry import standards
from conformance.harness.suite import CheckContext, checks_of
from conformance.suites.xplangml import SUITE
from conformance.suites.xplangml.catalogue import BY_KEY, ID_54, ID_60, RULES, STANDARD_54, STANDARD_60
from conformance.suites.xplangml.export import Export
from conformance.suites.xplangml.messages import MESSAGES
from conformance.suites.xplangml.validator import validate_bytes
from conformance.xml.exports import validate_export
from tests.samples import xplangml as samples

STANDARDS = {"6.0": STANDARD_60, "5.4": STANDARD_54}
GEOMETRIES_PER_VALID_PLAN = 7  # the plan's and the Bereich's Geltungsbereich, four tiles, one overlay


def graded(version: str, *paths: Path) -> Export:
    return Export(tuple(validate_export([str(p) for p in paths], STANDARDS[version].id, workers=1)))


def judge(version: str, key: str, export: Export) -> Judgement:
    standard = STANDARDS[version]
    uri = BY_KEY[key].uri(standard.id)
    requirement = next(r for r in standard.requirements if r.uri == uri)
    ctx = CheckContext(cast(Any, None), standard, requirement, MESSAGES, lambda: export)
    return checks_of(SUITE, standard)[uri].run(ctx)


def rules(version: str) -> list[str]:
    return [row.key for row in RULES if STANDARDS[version].id in row.versions]


def outcomes(version: str, export: Export) -> dict[str, Outcome]:
    return {key: judge(version, key, export).outcome for key in rules(version)}


def write(folder: Path, name: str, data: bytes) -> Path:
    path = folder / name
    path.write_bytes(data)
    return path


@pytest.mark.parametrize("version", ["6.0", "5.4"])
def test_the_valid_plan_passes_every_requirement_and_examines_something_of_each(tmp_path: Path, version: str) -> None:
    export = graded(version, write(tmp_path, "plan.gml", samples.valid(version)))
    assert outcomes(version, export) == dict.fromkeys(rules(version), Outcome.PASS)
    judged = judge(version, "geometry", export)
    assert [(e.count, e.message.text) for e in judged.examined] == [
        (GEOMETRIES_PER_VALID_PLAN, "GML geometries in 1 document(s)")
    ]
    assert MESSAGES.render(judged.examined[0].message, "de") == "GML-Geometrien in 1 Dokument(en)"


@pytest.mark.parametrize(
    ("version", "key"), [(v, k) for v in ("6.0", "5.4") for k in sorted(samples.BREAKS) if k in rules(v)]
)
def test_each_broken_plan_fails_its_requirement(tmp_path: Path, version: str, key: str) -> None:
    export = graded(version, write(tmp_path, f"{key}.gml", samples.BREAKS[key](version)))
    failed = {k for k, outcome in outcomes(version, export).items() if outcome is Outcome.FAIL}
    # libxml2 checks xs:ID too: a gml:id used twice is also a schema violation
    assert failed == ({"schema", "gml-id"} if key == "gml-id" else {key})
    [finding, *_] = judge(version, key, export).findings
    assert finding.requirement == BY_KEY[key].uri(STANDARDS[version].id)
    assert finding.locator.where.endswith(f"{key}.gml") and finding.locator.line


def test_every_requirement_has_a_broken_sample() -> None:
    assert set(samples.BREAKS) == set(BY_KEY)
    for standard in SUITE.standards:
        broken = {BY_KEY[key].uri(standard.id) for key in samples.BREAKS}
        assert {r.uri for r in standard.requirements} <= broken, standard.id


def test_the_doppelbelegung_is_a_rule_of_6_0_only(tmp_path: Path) -> None:
    assert "doppelbelegung" not in rules("5.4")
    export = graded("5.4", write(tmp_path, "twice.gml", samples.BREAKS["doppelbelegung"]("5.4")))
    assert set(outcomes("5.4", export).values()) == {Outcome.PASS}
    judged = judge("6.0", "doppelbelegung", graded("6.0", write(tmp_path, "ok.gml", samples.valid("6.0"))))
    assert judged.outcome is Outcome.PASS and judged.examined[0].count == 1


def test_findings_name_the_gml_id_and_the_reason(tmp_path: Path) -> None:
    export = graded(
        "6.0",
        write(tmp_path, "a.gml", samples.UNCLOSED("6.0")),
        write(tmp_path, "b.gml", samples.BREAKS["geometry"]("6.0")),
    )
    texts = [f.message.text for f in judge("6.0", "geometry", export).findings]
    assert texts == [
        "2.2.2.1: the geometry GML_obj4_geom is not valid: ring not closed: (500600 5700600) != (500601 5700600)",
        "2.2.2.1: the geometry GML_obj4_geom is not valid: Self-intersection[500650 5700650]",
    ]
    outside = judge(
        "6.0", "geltungsbereich", graded("6.0", write(tmp_path, "c.gml", samples.BREAKS["geltungsbereich"]("6.0")))
    )
    assert [f.message.text for f in outside.findings] == [
        "2.2.3.1: BP_BaugebietsTeilFlaeche GML_obj4 reaches beyond the Geltungsbereich of GML_bereich "
        "(e.g. at (501025.005 5700650))",
        "2.2.3.1: BP_BaugebietsTeilFlaeche GML_obj4 reaches beyond the Geltungsbereich of GML_plan "
        "(e.g. at (501025.005 5700650))",
    ]
    assert MESSAGES.render(outside.findings[0].message, "de").startswith(
        "2.2.3.1: BP_BaugebietsTeilFlaeche GML_obj4 ragt"
    )


def test_overlaps_and_gaps_of_the_flaechenschluss_are_found_and_slivers_within_the_tolerance_pass(
    tmp_path: Path,
) -> None:
    broken = graded("6.0", write(tmp_path, "gap.gml", samples.gap("6.0")))
    [finding] = judge("6.0", "flaechenschluss", broken).findings
    assert finding.message.text == (
        "2.2.1.1: the Flächenschlussobjekte leave part of the Geltungsbereich of GML_bereich uncovered "
        "(e.g. at (500495 5700250))"
    )
    rings = samples.grid(4)
    rings[0] = [(x - 0.005 if x > samples.X0 else x, y) for x, y in rings[0]]
    rings[1] = [(x - 0.004 if x > samples.X0 + 500 else x, y) for x, y in rings[1]]
    members = [samples.obj("6.0", i, r) for i, r in enumerate(rings)]
    sliver = samples.document("6.0", [samples.plan("6.0"), samples.bereich("6.0", 4), *members])
    judged = judge("6.0", "flaechenschluss", graded("6.0", write(tmp_path, "sliver.gml", sliver)))
    assert judged.outcome is Outcome.PASS and judged.examined[0].count == 4


def test_an_object_within_the_tolerance_passes(tmp_path: Path) -> None:
    near = samples.document(
        "6.0",
        [
            samples.plan("6.0"),
            samples.bereich("6.0", 1),
            samples.obj("6.0", 0, samples.square(samples.X0 - 0.005, samples.Y0, 10)),
        ],
    )
    export = graded("6.0", write(tmp_path, "near.gml", near))
    assert judge("6.0", "geltungsbereich", export).outcome is Outcome.PASS


@pytest.mark.parametrize("version", ["6.0", "5.4"])
def test_a_plan_with_an_arc_boundary_passes_and_its_object_is_judged(tmp_path: Path, version: str) -> None:
    export = graded(version, write(tmp_path, "arcs.gml", samples.arcs(version)))
    found = outcomes(version, export)
    assert found.pop("doppelbelegung", Outcome.NOT_APPLICABLE) is Outcome.NOT_APPLICABLE  # no overlay in it
    assert found == dict.fromkeys(found, Outcome.PASS)
    report = export.reports[0]
    assert not [f for f in report.findings if f.rule == "geometry"]  # no note that a geometry was not read
    assert judge(version, "geltungsbereich", export).examined[0].count == 5  # four tiles and the arc object


@pytest.mark.parametrize(("version", "key"), [(v, k) for v in ("6.0", "5.4") for k in sorted(samples.ARC_BREAKS)])
def test_a_broken_plan_with_an_arc_fails_exactly_its_requirement(tmp_path: Path, version: str, key: str) -> None:
    export = graded(version, write(tmp_path, f"arc-{key}.gml", samples.ARC_BREAKS[key](version)))
    failed = {k for k, outcome in outcomes(version, export).items() if outcome is Outcome.FAIL}
    assert failed == {key}
    [finding, *_] = judge(version, key, export).findings
    assert "GML_obj4" in finding.message.text


@pytest.mark.parametrize(("version", "other"), [("6.0", "5.4"), ("5.4", "6.0")])
def test_a_plan_of_the_other_version_fails_only_the_schema(tmp_path: Path, version: str, other: str) -> None:
    export = graded(version, write(tmp_path, "plan.gml", samples.valid(other)))
    judged = judge(version, "schema", export)
    assert judged.outcome is Outcome.FAIL
    assert judged.findings[0].message.text == f"the document is XPlanGML {other}, not {version}"
    rest = {k: o for k, o in outcomes(version, export).items() if k != "schema"}
    assert rest == dict.fromkeys(rest, Outcome.NOT_APPLICABLE)


def test_a_plan_without_references_or_objects_examines_nothing_there(tmp_path: Path) -> None:
    bare = samples.document("6.0", [samples.plan("6.0").replace('<xplan:bereich xlink:href="#GML_bereich"/>', "")])
    export = graded("6.0", write(tmp_path, "bare.gml", bare))
    found = outcomes("6.0", export)
    assert found["xlink"] is Outcome.NOT_APPLICABLE and found["geltungsbereich"] is Outcome.NOT_APPLICABLE
    assert found["flaechenschluss"] is Outcome.NOT_APPLICABLE
    assert found["schema"] is Outcome.PASS and found["geometry"] is Outcome.PASS


def test_a_dtd_or_entity_is_refused_unread() -> None:
    hostile = b'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]>' + samples.valid()[39:]
    report = validate_bytes("evil.gml", hostile, "xplangml")
    assert not report.valid and report.findings[0].source == "parse"
    assert "passwd" not in json.dumps(report.to_json())


def test_a_document_in_another_namespace_is_not_xplangml() -> None:
    report = validate_bytes("x.gml", samples.valid().replace(b"xplangml/6/0", b"xplangml/4/1"), "xplangml-6.0")
    assert not report.valid and report.findings[0].code == "xplangml.not-xplangml"


def test_conformance_validate_reads_folders_and_zips_in_both_languages(tmp_path: Path) -> None:
    write(tmp_path, "ok.gml", samples.valid("6.0"))
    with zipfile.ZipFile(tmp_path / "plans.zip", "w") as archive:
        archive.writestr("outside.gml", samples.BREAKS["geltungsbereich"]("6.0"))
    runner = CliRunner()
    result = runner.invoke(main, ["validate", "--standard", ID_60, "--format", "json", str(tmp_path)])
    lines = [json.loads(line) for line in result.output.splitlines() if line.startswith("{")]
    assert {(Path(d["file"]).name, d["accepted"]) for d in lines} == {
        ("ok.gml", True),
        ("plans.zip!outside.gml", False),
    }
    german = runner.invoke(main, ["validate", "--standard", ID_54, "--lang", "de", str(tmp_path / "ok.gml")])
    assert "XPlanGML 6.0, nicht 5.4" in german.output


def test_the_bauleitplanung_profile_requires_every_class_of_xplangml_6_0() -> None:
    profile = load_profile(Path(__file__).resolve().parents[2] / "profiles" / "bauleitplanung.toml", standards())
    assert {cls.uri: profile.obligation(ID_60, cls.uri) for cls in STANDARD_60.classes} == {
        cls.uri: Obligation.MUSS for cls in STANDARD_60.classes
    }
    assert profile.waiver_policy


def test_validating_by_a_standard_id_loads_only_the_suite_that_declares_it() -> None:
    code = (
        "import sys; from conformance.xml.report import validator_for; v = validator_for('xplangml-5.4'); "
        "print(v.standard, sorted({m.split('.')[2] for m in sys.modules if m.startswith('conformance.suites.')}))"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120, check=True)
    assert done.stdout.split() == ["xplangml", "['xplangml']"]
