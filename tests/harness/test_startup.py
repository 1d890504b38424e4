"""Start-up: help, usage and configuration errors import only what they need (timing is in bench/bench_startup.py)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from conformance.cli import COMMANDS, main
from conformance.commands import diff, report
from conformance.reporting import diffreport, files

HEAVY = frozenset(
    {
        "pytest",
        "requests",
        "urllib3",
        "lxml",
        "jinja2",
        "schemathesis",
        "hypothesis",
        "saxonche",
        "xmlschema",
        "jsonschema",
        "yaml",
        "rich",
        "openapi_spec_validator",
    }
)
PROBE = """
import json, os, sys
from conformance.cli import main
try:
    main(sys.argv[1:])
except SystemExit:
    pass
with open(os.environ["MODULES_OUT"], "w") as out:
    json.dump(sorted(sys.modules), out)
"""


def imported(tmp_path: Path, *args: str) -> tuple[set[str], subprocess.CompletedProcess[str]]:
    """The top-level packages a command imported, and its process."""
    modules, done = loaded(tmp_path, *args)
    return {name.split(".")[0] for name in modules}, done


def loaded(tmp_path: Path, *args: str) -> tuple[set[str], subprocess.CompletedProcess[str]]:
    """Every module a command imported, and its process."""
    out = tmp_path / "modules.json"
    done = subprocess.run(
        [sys.executable, "-c", PROBE, *args],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        env={**os.environ, "MODULES_OUT": str(out)},
        timeout=300,
        check=False,
    )
    return set(json.loads(out.read_text(encoding="utf-8"))), done


@pytest.mark.parametrize(
    "args",
    [
        ("--help",),
        *((name, "--help") for name in COMMANDS),
        ("packs", "list", "--help"),
        ("run", "--no-such-option"),
        ("no-such-command",),
    ],
)
def test_help_and_usage_errors_load_no_heavy_library(tmp_path: Path, args: tuple[str, ...]) -> None:
    modules, done = imported(tmp_path, *args)
    assert done.returncode == 0 or "Usage:" in done.stderr, done.stderr
    assert modules & HEAVY == set(), args


def test_an_unreadable_vendors_file_is_reported_before_any_library_loads(tmp_path: Path) -> None:
    modules, done = imported(tmp_path, "run", "--vendors", "missing.toml")
    assert "missing.toml" in done.stderr and "cannot read file" in done.stderr
    assert modules & HEAVY == set()


def test_an_invalid_vendors_file_loads_only_the_schema_validator(tmp_path: Path) -> None:
    (tmp_path / "vendors.toml").write_text('[[vendors]]\nid = "x"\n', encoding="utf-8")
    modules, done = imported(tmp_path, "run", "--vendors", "vendors.toml")
    assert "'version' is a required property" in done.stderr
    assert modules & HEAVY == {"jsonschema"}


def test_the_overall_help_lists_every_command_with_its_own_summary() -> None:
    text = main.get_help(main.make_context("conformance", ["--help"], resilient_parsing=True))
    for name in COMMANDS:
        command = main.get_command(None, name)  # type: ignore[arg-type]
        assert command is not None
        assert f"  {name} " in text and command.get_short_help_str(limit=45)[:30] in text


def test_names_repeated_for_help_match_their_sources() -> None:
    assert (*files.FORMATS, *files.EXPORTS, "badges") == report.FORMATS
    assert diff.MAX_ROWS == diffreport.MAX_ROWS


def suites_loaded(modules: set[str]) -> set[str]:
    return {name.split(".")[2] for name in modules if name.startswith("conformance.suites.") and name.count(".") >= 2}


CLAIM = (
    '[[vendors]]\nid = "x"\nname = "X"\nversion = "1"\n[[vendors.targets]]\nstandard = "{standard}"\n'
    'url = "http://127.0.0.1:9"\nclaims = ["no-such-class"]\n'
)


@pytest.mark.parametrize(("standard", "package"), [("ogcapi-features-1", "ogcapi_features"), ("oparl-1.0", "oparl")])
def test_an_unknown_class_loads_only_the_suite_that_declares_the_standard(
    tmp_path: Path, standard: str, package: str
) -> None:
    (tmp_path / "vendors.toml").write_text(CLAIM.format(standard=standard), encoding="utf-8")
    modules, done = loaded(tmp_path, "run", "--vendors", "vendors.toml")
    assert "no conformance class 'no-such-class'" in done.stderr, done.stderr
    assert suites_loaded(modules) - {"ows", "documents"} == {package}
    assert {name.split(".")[0] for name in modules} & HEAVY == set()


def test_an_unknown_standard_loads_no_suite(tmp_path: Path) -> None:
    (tmp_path / "vendors.toml").write_text(CLAIM.format(standard="no-such-standard"), encoding="utf-8")
    modules, done = loaded(tmp_path, "run", "--vendors", "vendors.toml")
    assert "unknown standard 'no-such-standard'" in done.stderr and "ogcapi-features-1" in done.stderr, done.stderr
    assert suites_loaded(modules) == set()


def test_listing_one_standard_loads_only_its_suite(tmp_path: Path) -> None:
    modules, done = loaded(tmp_path, "list", "--standard", "openapi-3")
    assert done.returncode == 0 and "urn:wechselbar:openapi-3/req/server-errors/none" in done.stdout, done.stderr
    assert suites_loaded(modules) == {"openapi"}


def test_every_built_in_suite_names_its_standards_in_the_metadata() -> None:
    from conformance.harness import registry  # noqa: PLC0415

    assert [r.name for r in registry.unlisted() if r.module.startswith("conformance.")] == []
    assert set(registry.standard_ids()) == {s.id for r in registry.registered() for s in r.standards}


def test_validating_against_a_standard_id_loads_only_its_suite(tmp_path: Path) -> None:
    (tmp_path / "doc.xml").write_text("<x/>", encoding="utf-8")
    modules, done = loaded(tmp_path, "validate", "--standard", "xdomea-3.0.0", "--lang", "en", "doc.xml")
    assert "doc.xml" in done.stdout + done.stderr, done.stderr
    assert suites_loaded(modules) - {"documents"} == {"xdomea"}
