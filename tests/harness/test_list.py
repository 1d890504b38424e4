"""``conformance list`` piped: every requirement URI and statement whole, in text, JSON, CSV and Markdown."""

from __future__ import annotations

import csv
import io
import json
import os
import subprocess
import sys

import pytest

from conformance.harness.registry import standards
from conformance.reporting.text import titled


def listed(*args: str) -> str:
    done = subprocess.run(
        [sys.executable, "-m", "conformance", "list", *args],
        capture_output=True,
        text=True,
        env={**os.environ, "COLUMNS": "40"},
        timeout=300,
        check=True,
    )
    return done.stdout


@pytest.fixture(scope="module")
def catalogue() -> list[tuple[str, str, str, str]]:
    return [(s.id, r.uri, r.obligation.value, r.statement) for s in standards().values() for r in s.requirements]


def test_text_never_truncates_when_piped(catalogue: list[tuple[str, str, str, str]]) -> None:
    lines = set(listed().splitlines())
    for _, uri, obligation, statement in catalogue:
        assert f"    {obligation} {uri}" in lines
        assert f"        {statement}" in lines
    assert max(len(line) for line in lines) > 40


def test_csv_has_one_full_row_per_requirement() -> None:
    rows = list(csv.DictReader(io.StringIO(listed("--format", "csv"), newline="")))
    known = standards()
    expected = [
        (s, c.uri, r.uri, r.obligation.value, r.statement)
        for s in sorted(known)
        for c in known[s].classes
        for r in known[s].requirements
        if r.cls == c.uri
    ]
    fields = ("standard", "class_uri", "requirement", "obligation", "statement")
    assert [tuple(row[f] for f in fields) for row in rows] == expected
    assert len(rows) == sum(len(s.requirements) for s in known.values())


def test_markdown_lists_every_requirement_in_a_table(catalogue: list[tuple[str, str, str, str]]) -> None:
    text = listed("--format", "md", "--standard", "oparl-1.1", "--standard", "ogcapi-features-1")
    rows = [line for line in text.splitlines() if line.startswith("| `")]
    wanted = [c for c in catalogue if c[0] in {"oparl-1.1", "ogcapi-features-1"}]
    assert len(rows) == len(wanted)
    for _, uri, obligation, _statement in wanted:
        assert any(f"| {uri.replace('|', chr(92) + '|')} | {obligation} |" in row for row in rows), uri
    oparl = standards()["oparl-1.1"]
    assert f"## `oparl-1.1` {titled(oparl.title, oparl.version)}\n" in text


def test_json_carries_every_requirement(catalogue: list[tuple[str, str, str, str]]) -> None:
    data = json.loads(listed("--format", "json"))
    found = {(s["id"], r["uri"], r["obligation"], r["statement"]) for s in data for r in s["requirements"]}
    assert found == set(catalogue)


def test_headings_name_the_version_once() -> None:
    text = listed("--standard", "xrechnung-3.0", "--standard", "oparl-1.1", "--standard", "openapi-3")
    titles = [line.split("  ")[1] for line in text.splitlines() if line and not line.startswith(" ")]
    assert len(titles) == 3
    for title in titles:
        numbers = [w for w in title.replace("/", " ").replace("-", " ").split() if w[:1].isdigit()]
        assert len(numbers) == len(set(numbers)) <= 2, title
    assert "XRechnung 3.0.2" in text and "3.0 3.0.2" not in text


@pytest.mark.parametrize(
    ("title", "version", "expected"),
    [
        ("XRechnung 3.0", "3.0.2", "XRechnung 3.0.2"),
        (
            "OParl 1.1 – Schnittstelle für Ratsinformationssysteme",
            "1.1",
            "OParl 1.1 – Schnittstelle für Ratsinformationssysteme",
        ),
        (
            "API-Konformität zur eigenen OpenAPI-3.0/3.1-Beschreibung",
            "3.x",
            "API-Konformität zur eigenen OpenAPI-3.0/3.1-Beschreibung",
        ),
        ("OGC API – Features – Part 1: Core", "1.0", "OGC API – Features – Part 1: Core 1.0"),
        ("Release 1.10", "1.1", "Release 1.10 1.1"),
        ("xdomea", "", "xdomea"),
    ],
)
def test_titled_names_a_version_once(title: str, version: str, expected: str) -> None:
    assert titled(title, version) == expected
