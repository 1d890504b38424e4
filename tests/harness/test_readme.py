"""README gives a fresh machine two commands; CI runs exactly the test command."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def readme_commands() -> dict[str, str]:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    found = re.findall(r"(Run the demo|Run the tests).*?```\n(.+?)\n```", text, flags=re.S)
    return dict(found)


def test_readme_has_demo_and_test_commands() -> None:
    commands = readme_commands()
    assert commands["Run the demo"].endswith("conformance demo")
    assert "pip install" in commands["Run the demo"] and "pip install" in commands["Run the tests"]
    assert "pytest" in commands["Run the tests"]


def test_both_commands_install_into_a_venv_and_use_it() -> None:
    for command in readme_commands().values():
        steps = [step.strip() for step in command.split("&&")]
        assert "python3 -m venv .venv" in steps, command
        installs = [step for step in steps if "pip install" in step]
        assert installs and all(step.startswith(".venv/bin/pip install") for step in installs), command
        runs = [step for step in steps if "conformance demo" in step or "pytest" in step]
        assert runs and all(".venv/bin/" in step for step in runs), command
        assert steps.index("python3 -m venv .venv") < steps.index(installs[0]) < steps.index(runs[0])


def test_venv_is_installed_before_the_test_command_creates_one() -> None:
    steps = [step.strip() for step in readme_commands()["Run the tests"].split("&&")]
    assert steps.index("bash .ci/install-targets.sh") < steps.index("python3 -m venv .venv")
    script = (ROOT / ".ci" / "install-targets.sh").read_text(encoding="utf-8")
    assert "python3-venv" in script and "import ensurepip, venv" in script


def test_ci_runs_exactly_the_readme_test_command() -> None:
    lines = [line.strip() for line in (ROOT / ".ci" / "run").read_text(encoding="utf-8").splitlines()]
    assert lines[-2] == '# README.md, "Run the tests" (keep this line identical to the README):'
    assert lines[-1] == readme_commands()["Run the tests"]


def test_the_test_command_lists_skip_reasons() -> None:
    pytest_step = next(s for s in readme_commands()["Run the tests"].split("&&") if "pytest" in s)
    assert re.search(r"(^|\s)-r\w*s", pytest_step), pytest_step
