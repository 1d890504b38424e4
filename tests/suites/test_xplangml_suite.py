"""The XPlanGML suite end to end: a vendors file with 6.0 and 5.4 export folders and a ZIP, run once by the
harness; every requirement passes on the valid plans and fails on its broken one, in both versions."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

from conformance.core.outcomes import Outcome
from conformance.core.results import Result
from conformance.suites.xplangml.catalogue import ID_54, ID_60, RULES
from tests.samples import xplangml as samples
from tests.suites.document_support import run_suite

VENDORS = """
[[vendors]]
id = "office"
name = "Planning office"
version = "1"
[[vendors.targets]]
standard = "xplangml-6.0"
paths = ["valid-6.0"]
[[vendors.targets]]
standard = "xplangml-5.4"
paths = ["valid-5.4/plans.zip"]

[[vendors]]
id = "broken"
name = "One broken plan per requirement"
version = "1"
[[vendors.targets]]
standard = "xplangml-6.0"
paths = ["broken-6.0"]
[[vendors.targets]]
standard = "xplangml-5.4"
paths = ["broken-5.4"]
"""


def _exports(folder: Path) -> None:
    for version in ("6.0", "5.4"):
        (folder / f"valid-{version}").mkdir()
        (folder / f"broken-{version}").mkdir()
        for key, make in samples.BREAKS.items():
            (folder / f"broken-{version}" / f"{key}.gml").write_bytes(make(version))
    (folder / "valid-6.0" / "plan.gml").write_bytes(samples.valid("6.0"))
    with zipfile.ZipFile(folder / "valid-5.4" / "plans.zip", "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("plan.gml", samples.valid("5.4"))


@pytest.fixture(scope="module")
def results(tmp_path_factory: pytest.TempPathFactory) -> dict[tuple[str, str, str], Result]:
    folder = tmp_path_factory.mktemp("xplangml-suite")
    _exports(folder)
    (folder / "vendors.toml").write_text(VENDORS, encoding="utf-8")
    keys = {row.uri(standard): row.key for row in RULES for standard in row.versions}
    return {(r.vendor, r.standard, keys[r.requirement]): r for r in run_suite("xplangml", folder).results}


@pytest.mark.parametrize("standard", [ID_60, ID_54])
def test_the_valid_plans_pass_every_requirement(results: dict[tuple[str, str, str], Result], standard: str) -> None:
    for row in (r for r in RULES if standard in r.versions):
        assert results[("office", standard, row.key)].outcome is Outcome.PASS, row.key


@pytest.mark.parametrize("standard", [ID_60, ID_54])
def test_every_requirement_fails_on_its_broken_plan_with_file_and_line(
    results: dict[tuple[str, str, str], Result], standard: str
) -> None:
    for row in (r for r in RULES if standard in r.versions):
        result = results[("broken", standard, row.key)]
        assert result.outcome is Outcome.FAIL and result.obligation == row.obligation.value, row.key
        located = {(v.locator.where.rpartition("/")[2], v.locator.line is not None) for v in result.findings}
        assert (f"{row.key}.gml", True) in located, row.key
