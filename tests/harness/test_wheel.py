"""The sdist and the wheel built from it carry everything: installed into a fresh virtual environment, the wheel
runs ``conformance demo`` and ``conformance validate`` from a folder outside the source tree.

The project's files (tracked and not ignored) are copied to a temporary folder; the sdist is built there with
the PEP 517 backend, and the wheel from the unpacked sdist with ``pip wheel --no-deps --no-build-isolation``.
The fresh environment has no pip of its own and reaches the dependencies through the test environment's
site-packages (a ``.pth`` line), so nothing is downloaded; its own copy of wechselbar comes first on its path.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import sysconfig
import tarfile
import zipfile
from pathlib import Path

import pytest

from conformance import __version__
from tests.harness.test_readme import ROOT

SHARED = ROOT.parent / "shared"
SAMPLE = "demo/exports/kartenwerk-rechnung-2026-0815.xml"

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed"),
    pytest.mark.skipif(not SHARED.is_dir(), reason="no ../shared mirror beside the checkout"),
]


def _run(args: list[str], cwd: Path, **env: str) -> subprocess.CompletedProcess[str]:
    done = subprocess.run(
        args, cwd=cwd, env={**os.environ, **env}, capture_output=True, text=True, timeout=1200, check=False
    )
    assert done.returncode == 0, " ".join(args) + "\n" + done.stdout[-3000:] + done.stderr[-3000:]
    return done


def _copy_project(folder: Path) -> Path:
    listed = _run(["git", "ls-files", "-co", "--exclude-standard", "-z"], ROOT).stdout.split("\0")
    for name in filter(None, listed):
        if (ROOT / name).is_file() and not (ROOT / name).is_symlink():
            (folder / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(ROOT / name, folder / name)
    return folder


def _build(tmp: Path) -> tuple[Path, Path]:
    source = _copy_project(tmp / "source")
    backend = f"from setuptools import build_meta; print(build_meta.build_sdist({str(tmp / 'dist')!r}))"
    sdist = tmp / "dist" / _run([sys.executable, "-c", backend], source).stdout.strip().splitlines()[-1]
    with tarfile.open(sdist) as archive:
        archive.extractall(tmp / "unpacked", filter="data")
    [unpacked] = (tmp / "unpacked").iterdir()
    _run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "-q",
            "--no-deps",
            "--no-build-isolation",
            "--no-index",
            "-w",
            str(tmp / "dist"),
            str(unpacked),
        ],
        tmp,
    )
    [wheel] = (tmp / "dist").glob("*.whl")
    return sdist, wheel


def _venv(folder: Path, wheel: Path) -> Path:
    env = folder / "venv"
    _run([sys.executable, "-m", "venv", "--without-pip", str(env)], folder)
    code = "import sysconfig; print(sysconfig.get_paths()['purelib'])"
    purelib = Path(_run([str(env / "bin" / "python"), "-c", code], folder).stdout.strip())
    (purelib / "beside-wechselbar.pth").write_text(
        f"import site; site.addsitedir({sysconfig.get_paths()['purelib']!r})\n", encoding="utf-8"
    )
    _run(
        [
            str(env / "bin" / "python"),
            "-m",
            "pip",
            "install",
            "-q",
            "--no-deps",
            "--no-index",
            "--ignore-installed",
            str(wheel),
        ],
        folder,
    )
    return env


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path, Path]:
    """(sdist, wheel, fresh environment with the wheel installed)."""
    tmp = tmp_path_factory.mktemp("wheel")
    sdist, wheel = _build(tmp)
    return sdist, wheel, _venv(tmp, wheel)


def test_sdist_and_wheel_carry_the_code_schemas_and_fixtures(built: tuple[Path, Path, Path]) -> None:
    sdist, wheel, _ = built
    tracked = _run(["git", "ls-files", "conformance", "schemas", "fixtures"], ROOT).stdout.split()
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
    found = json.loads(_run([str(env / "bin" / "python"), "-c", code], tmp_path).stdout)
    assert all(Path(p).resolve().is_relative_to(env.resolve()) for p in found[:3]), found
    assert found[3] == __version__


def test_the_installed_wheel_runs_the_demo_and_validates_a_sample(
    built: tuple[Path, Path, Path], tmp_path: Path
) -> None:
    _, _, env = built
    mirror = f"{SHARED / 'packs'}:{SHARED / 'corpora'}"
    demo = _run(
        [str(env / "bin" / "conformance"), "demo", "--out", "out", "--quiet", "--lang", "en"],
        tmp_path,
        WECHSELBAR_PACK_MIRROR=mirror,
        WECHSELBAR_CACHE=str(tmp_path / "cache"),
    )
    assert (tmp_path / "out" / "matrix.html").is_file(), demo.stdout[-3000:]
    header = json.loads((tmp_path / "out" / "results.jsonl").read_text(encoding="utf-8").splitlines()[0])
    assert header["suite_version"] == __version__
    code = f"from conformance.core.paths import fixtures_dir; print(fixtures_dir() / {SAMPLE!r})"
    sample = Path(_run([str(env / "bin" / "python"), "-c", code], tmp_path).stdout.strip())
    assert sample.is_file() and sample.resolve().is_relative_to(env.resolve())
    checked = _run(
        [str(env / "bin" / "conformance"), "validate", str(sample), "--format", "json", "--lang", "en"],
        tmp_path,
        WECHSELBAR_PACK_MIRROR=mirror,
        WECHSELBAR_CACHE=str(tmp_path / "cache"),
    )
    [document] = [json.loads(line) for line in checked.stdout.splitlines() if line.strip()]
    assert document["standard"] == "xrechnung-3.0" and document["valid"] and document["accepted"], document
