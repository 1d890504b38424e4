"""README's two commands from a clean clone, with the stock Debian interpreter (PEP 668: no pip outside a venv).

The clone is of the committed HEAD, with ``../shared`` beside it as README assumes. The test command runs as
written; ``PYTEST_ADDOPTS`` narrows the inner suite to the README tests (the whole suite would run this test again).
"""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

from tests.harness.test_readme import ROOT, readme_commands

STOCK = Path("/usr/bin/python3")
INNER = "tests/harness/test_readme.py"


def _stock_python_usable() -> bool:
    if not STOCK.exists():
        return False
    probe = subprocess.run(
        [str(STOCK), "-c", "import ensurepip, venv, sys; sys.exit(sys.version_info < (3, 11))"],
        capture_output=True,
        check=False,
    )
    return probe.returncode == 0


pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(not _stock_python_usable(), reason=f"no stock {STOCK} ≥ 3.11 with venv on this machine"),
    pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed"),
    pytest.mark.skipif(not (ROOT.parent / "shared").is_dir(), reason="no ../shared mirror beside the checkout"),
]


def _clone(tmp_path: Path) -> Path:
    subprocess.run(["git", "clone", "--quiet", str(ROOT), str(tmp_path / "repo")], check=True, timeout=120)
    (tmp_path / "shared").symlink_to((ROOT.parent / "shared").resolve())
    if (ROOT / ".targets").exists():
        (tmp_path / "repo" / ".targets").symlink_to((ROOT / ".targets").resolve())
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    (bin_dir / "python3").symlink_to(STOCK)
    return tmp_path / "repo"


def _shell(command: str, repo: Path, **extra: str) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k not in {"VIRTUAL_ENV", "PYTHONPATH", "WECHSELBAR_PACK_MIRROR"}}
    env |= {
        "PATH": f"{repo.parent / 'bin'}{os.pathsep}{env.get('PATH', '')}",
        "WECHSELBAR_CACHE": str(repo.parent / "cache"),
        **extra,
    }
    return subprocess.run(
        ["bash", "-c", command], cwd=repo, env=env, capture_output=True, text=True, timeout=1200, check=False
    )


def test_readme_commands_pass_from_a_clean_clone_with_stock_python(tmp_path: Path) -> None:
    repo = _clone(tmp_path)
    commands = readme_commands()
    demo = _shell(commands["Run the demo"], repo)
    assert demo.returncode == 0, demo.stdout[-3000:] + demo.stderr[-3000:]
    matrix = Path(demo.stdout.strip().splitlines()[-1])
    assert matrix.name == "matrix.html" and matrix.is_file() and matrix.is_relative_to(repo)
    assert (repo / ".venv" / "bin" / "python").resolve().is_relative_to(STOCK.resolve().parent)
    tests = _shell(commands["Run the tests"], repo, PYTEST_ADDOPTS=INNER)
    assert tests.returncode == 0, tests.stdout[-3000:] + tests.stderr[-3000:]
    assert " passed" in tests.stdout and " failed" not in tests.stdout
