"""README gives a fresh machine two commands; CI runs exactly the test command."""

from __future__ import annotations

import re

from conformance.core.paths import ROOT


def readme_commands() -> dict[str, str]:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    found = re.findall(r"(Run the demo|Run the tests).*?```\n(.+?)\n```", text, flags=re.S)
    return dict(found)


def test_readme_has_demo_and_test_commands() -> None:
    commands = readme_commands()
    assert commands["Run the demo"].endswith("conformance demo")
    assert "pip install" in commands["Run the demo"] and "pip install" in commands["Run the tests"]
    assert "pytest" in commands["Run the tests"]


def test_ci_runs_exactly_the_readme_test_command() -> None:
    lines = [line.strip() for line in (ROOT / ".ci" / "run").read_text(encoding="utf-8").splitlines()]
    assert lines[-1] == readme_commands()["Run the tests"]
