"""The sdist and the wheel built from it carry everything: installed into a fresh virtual environment, the wheel
runs ``conformance demo`` and ``conformance validate`` from a folder outside the source tree.

The build, the environment and the demo run are the session fixture ``installed_demo`` (tests/harness/installed.py),
whose demo output test_demo.py reads as well.
"""

from __future__ import annotations

import json
import shutil
import tarfile
import zipfile
from pathlib import Path

import pytest

from conformance import __version__
from tests.harness.installed import MIRROR, ROOT, SHARED, Installed, run

SAMPLE = "demo/exports/kartenwerk-rechnung-2026-0815.xml"

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed"),
    pytest.mark.skipif(not SHARED.is_dir(), reason="no ../shared mirror beside the checkout"),
]


@pytest.fixture(scope="module")
def built(installed_demo: Installed) -> tuple[Path, Path, Path]:
    """(sdist, wheel, fresh environment with the wheel installed)."""
    sdist, wheel, env = installed_demo.sdist, installed_demo.wheel, installed_demo.env
    assert sdist is not None and wheel is not None and env is not None
    return sdist, wheel, env


def test_sdist_and_wheel_carry_the_code_schemas_and_fixtures(built: tuple[Path, Path, Path]) -> None:
    sdist, wheel, _ = built
    tracked = run(["git", "ls-files", "conformance", "schemas", "fixtures"], ROOT).stdout.split()
    with zipfile.ZipFile(wheel) as archive:
        inside = set(archive.namelist())
    expected = {n if n.startswith("conformance/") else f"conformance/{n}" for n in tracked if not n.endswith(".md")}
    assert expected <= inside, sorted(expected - inside)
    assert "conformance/fixtures/README.md" in inside
    with tarfile.open(sdist) as archive:
        names = {n.split("/", 1)[1] for n in archive.getnames() if "/" in n}
    assert set(tracked) | {"setup.py", "pyproject.toml", "README.md"} <= names
    assert wheel.name == f"wechselbar-{__version__}-py3-none-any.whl"


def test_the_installed_wheel_reads_its_own_data(built: tuple[Path, Path, Path], tmp_path: Path) -> None:
    _, _, env = built
    code = (
        "import conformance, json; from conformance.core.paths import schemas_dir, fixtures_dir; "
        "print(json.dumps([conformance.__file__, str(schemas_dir()), str(fixtures_dir()), conformance.__version__]))"
    )
    found = json.loads(run([str(env / "bin" / "python"), "-c", code], tmp_path).stdout)
    assert all(Path(p).resolve().is_relative_to(env.resolve()) for p in found[:3]), found
    assert found[3] == __version__


def test_the_installed_wheel_runs_the_demo_and_validates_a_sample(
    built: tuple[Path, Path, Path], installed_demo: Installed, tmp_path: Path
) -> None:
    _, _, env = built
    done, out = installed_demo.demo, installed_demo.folder / "demo"
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-3000:]
    assert (out / "matrix.html").is_file(), done.stdout[-3000:]
    header = json.loads((out / "results.jsonl").read_text(encoding="utf-8").splitlines()[0])
    assert header["suite_version"] == __version__
    code = f"from conformance.core.paths import fixtures_dir; print(fixtures_dir() / {SAMPLE!r})"
    sample = Path(run([str(env / "bin" / "python"), "-c", code], tmp_path).stdout.strip())
    assert sample.is_file() and sample.resolve().is_relative_to(env.resolve())
    checked = run(
        [str(env / "bin" / "conformance"), "validate", str(sample), "--format", "json", "--lang", "en"],
        tmp_path,
        WECHSELBAR_PACK_MIRROR=MIRROR,
        WECHSELBAR_CACHE=str(tmp_path / "cache"),
    )
    [document] = [json.loads(line) for line in checked.stdout.splitlines() if line.strip()]
    assert document["standard"] == "xrechnung-3.0" and document["valid"] and document["accepted"], document
