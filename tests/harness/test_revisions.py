"""Every change of a check changes the suite version written into results, and the version has one source."""

from __future__ import annotations

import re
import tomllib
from importlib.metadata import version

from conformance import __version__
from tests.harness.revisions import current, recorded
from tests.harness.test_readme import ROOT

HOW = "record them with `python -m tests.harness.revisions`"


def test_the_recorded_revisions_are_those_of_this_version() -> None:
    record, now = recorded(), current()
    if record["checks"] != now:
        assert __version__ != record["version"], (
            f"check revisions changed since {record['version']}: bump conformance.__version__, add its CHANGELOG "
            f"release, then {HOW}"
        )
    assert record == {"version": __version__, "checks": now}, f"the version or the revisions are new: {HOW}"


def test_the_version_is_single_sourced_and_released_in_the_changelog() -> None:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    assert "version" not in project["project"] and "version" in project["project"]["dynamic"]
    assert project["tool"]["setuptools"]["dynamic"]["version"] == {"attr": "conformance.__version__"}
    assert version("wechselbar") == __version__, "the installed metadata is older: pip install -e . again"
    headings = re.findall(r"^## \[([^\]]+)\]", (ROOT / "CHANGELOG.md").read_text(encoding="utf-8"), flags=re.M)
    assert headings[:2] == ["Unreleased", __version__], headings[:3]
