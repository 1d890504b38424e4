"""Target options are declared by each standard: a vendors file is checked against them before anything runs."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest
from click.testing import CliRunner

from conformance.cli import main
from conformance.core.config import ConfigError
from conformance.core.http import SafeSession
from conformance.core.model import Option
from conformance.core.vendors import load_vendors
from conformance.harness.registry import standards, suite_module
from conformance.harness.runconfig import load_run_config
from conformance.harness.target import TargetContext

ROOT = Path(__file__).resolve().parents[2]
VENDORS = """
[[vendors]]
id = "acme"
name = "ACME Geo"
version = "4.2"

[[vendors.targets]]
standard = "{standard}"
{where}
options = {options}
"""
WHERE = {
    "ogcapi-features-1": 'url = "https://geo.acme.test/ogc"',
    "oparl-1.1": 'url = "https://ris.acme.test/oparl"',
    "xrechnung-3.0": 'paths = ["exports"]',
    "openapi-3": 'url = "https://api.acme.test/openapi.json"',
}


def vendors(tmp_path: Path, standard: str, options: str) -> Path:
    path = tmp_path / "vendors.toml"
    path.write_text(VENDORS.format(standard=standard, where=WHERE[standard], options=options), encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("standard", "options"),
    [
        ("ogcapi-features-1", '{ max_pages = 3, temporal_properties = { schools = "opened" } }'),
        ("oparl-1.1", "{ max_objects = 500, cache_ttl = 3600, crawl_deadline = 60.5 }"),
        ("xrechnung-3.0", "{ max_zip_entries = 10, max_compression_ratio = 50 }"),
        ("openapi-3", '{ base_url = "https://api.acme.test/v1", path_parameters = { id = "7" } }'),
    ],
)
def test_declared_options_of_the_right_kind_load(tmp_path: Path, standard: str, options: str) -> None:
    loaded = load_run_config(vendors(tmp_path, standard, options)).vendors.vendors[0].targets[0].options
    assert loaded and all(standards()[standard].option(name) for name in loaded)


@pytest.mark.parametrize(
    ("standard", "options", "message"),
    [
        (
            "ogcapi-features-1",
            "{ max_page = 3 }",
            r"targets\[0\]\.options\.max_page: ogcapi-features-1 has no option 'max_page' \(known: max_collections, .*",
        ),
        ("oparl-1.1", '{ max_objects = "500" }', r"options\.max_objects: expected a whole number ≥ 0, found '500'"),
        ("oparl-1.1", "{ max_pages = -1 }", r"options\.max_pages: expected a whole number ≥ 0, found -1"),
        ("oparl-1.1", "{ max_bodies = 2.5 }", r"options\.max_bodies: expected a whole number ≥ 0, found 2.5"),
        ("xrechnung-3.0", "{ workers = true }", r"options\.workers: expected a whole number ≥ 0, found True"),
        ("openapi-3", "{ path_parameters = 5 }", r"options\.path_parameters: expected a table, found 5"),
    ],
)
def test_unknown_options_and_wrong_kinds_name_the_file_and_key(
    tmp_path: Path, standard: str, options: str, message: str
) -> None:
    with pytest.raises(ConfigError, match=message) as raised:
        load_run_config(vendors(tmp_path, standard, options))
    assert "vendors.toml" in str(raised.value)


def test_the_run_command_exits_2_on_an_unknown_option(tmp_path: Path) -> None:
    done = CliRunner().invoke(
        main,
        ["run", "--vendors", str(vendors(tmp_path, "oparl-1.1", "{ max_object = 5 }")), "--out", str(tmp_path / "out")],
    )
    assert done.exit_code == 2 and "max_object" in done.output and not (tmp_path / "out").exists()


def test_a_float_option_takes_whole_numbers_and_a_string_option_only_strings() -> None:
    assert Option("t", 0.0, "").problem(3) is None and Option("t", 0.0, "").problem(True)
    assert Option("s", "", "").problem("x") is None and Option("s", "", "").problem(1)


def test_a_suite_reading_an_undeclared_option_is_a_harness_fault(tmp_path: Path) -> None:
    loaded = load_vendors(vendors(tmp_path, "oparl-1.1", "{}"))
    vendor = loaded.vendors[0]
    context = TargetContext(vendor, vendor.targets[0], SafeSession(vendor, loaded.redactor))
    assert context.option("max_pages", 50) == 50
    with pytest.raises(KeyError, match="no option 'max_pagez'"):
        context.option("max_pagez", 50)


def _literal_defaults(package: Path) -> list[tuple[str, object, str]]:
    found = []
    for path in package.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Attribute)
                and node.func.attr == "option"
                and len(node.args) == 2
                and all(isinstance(a, ast.Constant) for a in node.args)
            ):
                name, default = (a.value for a in node.args if isinstance(a, ast.Constant))
                found.append((str(name), default, f"{path.name}:{node.lineno}"))
    return found


@pytest.mark.parametrize("standard", sorted(standards()))
def test_every_literal_default_in_a_suite_is_the_declared_one(standard: str) -> None:
    found = _literal_defaults(ROOT / suite_module(standard).replace(".", "/"))
    assert found or standard not in ("ogcapi-features-1", "openapi-3")
    for name, default, where in found:
        assert standards()[standard].option(name).default == default, where


KIND = VENDORS.replace("options = {options}\n", "")


@pytest.mark.parametrize(
    ("standard", "where", "message"),
    [
        ("oparl-1.1", 'paths = ["ris-dump"]', r"targets\[0\]: oparl-1.1 does not read path targets \(it reads: url\)"),
        ("xdomea-3.0.0", 'url = "https://dms.acme.test/0503"', r"xdomea-3.0.0 does not read url targets"),
    ],
)
def test_a_target_kind_the_standard_does_not_read_is_refused(
    tmp_path: Path, standard: str, where: str, message: str
) -> None:
    path = tmp_path / "vendors.toml"
    path.write_text(KIND.format(standard=standard, where=where), encoding="utf-8")
    with pytest.raises(ConfigError, match=message):
        load_run_config(path)


def test_every_standard_declares_only_known_target_kinds() -> None:
    declared = {s.id: set(s.target_kinds) for s in standards().values()}
    assert all(kinds <= {"url", "path"} for kinds in declared.values()), declared
    assert declared["xrechnung-3.0"] == {"path", "url"} and declared["xdomea-3.0.0"] == {"path"}
