"""An OpenAPI target with nothing to call: no check passes without having examined something.

A description with ``paths: {}`` whose server is a closed port leaves every response check with nothing to
judge (not applicable, naming what was looked for) and ``conformance run`` without a verdict; a description
with an operation on that closed port ends the response checks as errors; an unreachable description ends
every check as an error.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml

from conformance.core.results import read_run
from conformance.reporting.verdict import EXIT_ERROR
from tests.suites.test_openapi_double import ALL

CLOSED = "http://127.0.0.1:9"
DESCRIPTION = ("description/parse", "description/version", "description/valid")
REFERENCES = ("description/refs", "description/self-contained")
RESPONSES = tuple(n for n in ALL if not n.startswith("description/"))


def description(paths: dict[str, Any]) -> str:
    return yaml.safe_dump(
        {"openapi": "3.0.3", "info": {"title": "empty", "version": "1"}, "servers": [{"url": CLOSED}], "paths": paths}
    )


VENDORS = {
    "empty": 'paths = ["empty.yaml"]',
    "closed": 'paths = ["closed.yaml"]',
    "unreachable": f'url = "{CLOSED}/openapi.json"',
}


def run(folder: Path, vendor: str) -> tuple[int, dict[str, dict[str, Any]]]:
    (folder / "empty.yaml").write_text(description({}), encoding="utf-8")
    ping = {"get": {"responses": {"200": {"description": "ok"}}}}
    (folder / "closed.yaml").write_text(description({"/ping": ping}), encoding="utf-8")
    (folder / "vendors.toml").write_text(
        f'[[vendors]]\nid = "{vendor}"\nname = "{vendor}"\nversion = "1"\n'
        'http = { connect_timeout = 0.5, retries = 0, allowed_hosts = ["127.0.0.1"] }\n'
        f'[[vendors.targets]]\nstandard = "openapi-3"\n{VENDORS[vendor]}\n',
        encoding="utf-8",
    )
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "conformance",
            "run",
            "--vendors",
            "vendors.toml",
            "--out",
            "out",
            "--quiet",
            "--lang",
            "en",
        ],
        cwd=folder,
        capture_output=True,
        text=True,
        timeout=600,
        env=dict(os.environ),
        check=False,
    )
    assert (folder / "out" / "results.jsonl").exists(), done.stdout + done.stderr
    results = read_run(folder / "out" / "results.jsonl").results
    return done.returncode, {r.requirement.split("/req/", 1)[1]: r.to_json() for r in results}


@pytest.fixture(scope="module", params=sorted(VENDORS))
def outcome(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> tuple[str, int, Any]:
    vendor = str(request.param)
    code, records = run(tmp_path_factory.mktemp(vendor), vendor)
    return vendor, code, records


def test_nothing_called_is_never_a_pass(outcome: tuple[str, int, dict[str, dict[str, Any]]]) -> None:
    vendor, code, records = outcome
    assert code == EXIT_ERROR, json.dumps(records, indent=1)[:3000]
    got = {name: records[name]["outcome"] for name in ALL}
    if vendor == "empty":
        assert got == {n: "pass" if n in DESCRIPTION else "not_applicable" for n in ALL}
        looked_for = {records[n]["reason"]["text"] for n in RESPONSES}
        assert "nothing examined: looked for responses to 0 documented GET operations" in looked_for
        refs = records["description/refs"]["reason"]["text"]
        assert refs == "nothing examined: looked for $ref references in the description"
    elif vendor == "closed":
        assert got == {n: "pass" if n in DESCRIPTION else "not_applicable" if n in REFERENCES else "error" for n in ALL}
        assert {records[n]["reason"]["text"].split(":")[0] for n in RESPONSES} == {"TargetUnreachable"}
    else:
        assert set(got.values()) == {"error"}
