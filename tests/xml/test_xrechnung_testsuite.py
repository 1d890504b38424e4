"""The 86 XRechnung test-suite instances: every one is accepted, by the scenario of its kind."""

from __future__ import annotations

from pathlib import Path

import pytest

from conformance.xml import pipeline
from conformance.xml.report import Source
from tests.xml.corpora import suite_instances


def _kind(path: Path) -> str:
    if "extension" in path.parts:
        return "Extension"
    return "CVD" if "cvd" in path.parts else ""


def test_all_86_instances_are_there() -> None:
    assert len(suite_instances()) == 86


@pytest.mark.parametrize("path", suite_instances(), ids=lambda p: f"{p.parent.name}/{p.name}")
def test_instance_is_accepted(path: Path) -> None:
    report = pipeline.validate(Source(path.name, data=path.read_bytes()))
    assert report.accepted, [f.to_json() for f in report.findings if f.is_error] or report.error
    assert report.standard == "xrechnung-3.0"
    assert report.scenario is not None and report.scenario.startswith("EN16931 XRechnung")
    kind = _kind(path)
    assert (
        (f"XRechnung {kind} (" in report.scenario)
        if kind
        else ("Extension" not in report.scenario and "CVD" not in report.scenario)
    )
