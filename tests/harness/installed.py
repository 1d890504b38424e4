"""The wheel built from the working tree, installed into a fresh virtual environment, and ``conformance demo`` run
once from it (no tests here).

``test_wheel.py`` checks the sdist, the wheel and the installed demo; ``test_demo.py`` reads the output of the same
demo run, so the demo runs once for both (the fixture name makes the two files one scheduling unit, see
tests/scheduling.py). Without git or ``../shared`` the wheel cannot be built: the demo then runs from the source
tree (and test_wheel.py skips).

The project's files (tracked and not ignored) are copied to a temporary folder; the sdist is built there with
the PEP 517 backend, and the wheel from the unpacked sdist with ``pip wheel --no-deps --no-build-isolation``.
The fresh environment has no pip of its own and reaches the dependencies through the test environment's
site-packages (a ``.pth`` line), so nothing is downloaded; its own copy of wechselbar comes first on its path.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import sysconfig
import tarfile
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SHARED = ROOT.parent / "shared"
MIRROR = f"{SHARED / 'packs'}:{SHARED / 'corpora'}"


@dataclass(frozen=True)
class Installed:
    """The sdist, the wheel and the environment it is installed in (None when not buildable), the demo's run and
    the folder it ran in (its output in ``folder / "demo"``)."""

    sdist: Path | None
    wheel: Path | None
    env: Path | None
    demo: subprocess.CompletedProcess[str]
    folder: Path


def buildable() -> bool:
    """Whether the wheel can be built here: git lists the project's files, ``../shared`` holds the packs."""
    return shutil.which("git") is not None and SHARED.is_dir()


def run(args: list[str], cwd: Path, **env: str) -> subprocess.CompletedProcess[str]:
    """A command that must succeed (its output tail in the assertion)."""
    done = subprocess.run(
        args, cwd=cwd, env={**os.environ, **env}, capture_output=True, text=True, timeout=1200, check=False
    )
    assert done.returncode == 0, " ".join(args) + "\n" + done.stdout[-3000:] + done.stderr[-3000:]
    return done


def _copy_project(folder: Path) -> Path:
    listed = run(["git", "ls-files", "-co", "--exclude-standard", "-z"], ROOT).stdout.split("\0")
    for name in filter(None, listed):
        if (ROOT / name).is_file() and not (ROOT / name).is_symlink():
            (folder / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(ROOT / name, folder / name)
    return folder


def build(tmp: Path) -> tuple[Path, Path]:
    """The sdist of the project's files and the wheel built from the unpacked sdist."""
    source = _copy_project(tmp / "source")
    backend = f"from setuptools import build_meta; print(build_meta.build_sdist({str(tmp / 'dist')!r}))"
    sdist = tmp / "dist" / run([sys.executable, "-c", backend], source).stdout.strip().splitlines()[-1]
    with tarfile.open(sdist) as archive:
        archive.extractall(tmp / "unpacked", filter="data")
    [unpacked] = (tmp / "unpacked").iterdir()
    wheel_args = ["wheel", "-q", "--no-deps", "--no-build-isolation", "--no-index", "-w", str(tmp / "dist")]
    run([sys.executable, "-m", "pip", *wheel_args, str(unpacked)], tmp)
    [wheel] = (tmp / "dist").glob("*.whl")
    return sdist, wheel


def venv(folder: Path, wheel: Path) -> Path:
    """A fresh virtual environment with the wheel installed; the dependencies come from the test environment."""
    env = folder / "venv"
    run([sys.executable, "-m", "venv", "--without-pip", str(env)], folder)
    code = "import sysconfig; print(sysconfig.get_paths()['purelib'])"
    purelib = Path(run([str(env / "bin" / "python"), "-c", code], folder).stdout.strip())
    (purelib / "beside-wechselbar.pth").write_text(
        f"import site; site.addsitedir({sysconfig.get_paths()['purelib']!r})\n", encoding="utf-8"
    )
    install = ["install", "-q", "--no-deps", "--no-index", "--ignore-installed", str(wheel)]
    run([str(env / "bin" / "python"), "-m", "pip", *install], folder)
    return env


def demo(command: list[str], folder: Path, **env: str) -> subprocess.CompletedProcess[str]:
    """``conformance demo --out demo --quiet`` (German) in ``folder``; its exit code is for the tests to judge."""
    folder.mkdir(parents=True, exist_ok=True)
    return subprocess.run(
        [*command, "demo", "--out", "demo", "--quiet"],
        cwd=folder,
        capture_output=True,
        text=True,
        timeout=1200,
        check=False,
        env={**os.environ, **env},
    )


@pytest.fixture(scope="session")
def installed_demo(tmp_path_factory: pytest.TempPathFactory) -> Installed:
    """The demo run once from the installed wheel (from the source tree where the wheel cannot be built)."""
    tmp = tmp_path_factory.mktemp("installed")
    if not buildable():
        return Installed(None, None, None, demo([sys.executable, "-m", "conformance"], tmp / "run"), tmp / "run")
    sdist, wheel = build(tmp)
    env = venv(tmp, wheel)
    cache = str(tmp / "cache")
    done = demo([str(env / "bin" / "conformance")], tmp / "run", WECHSELBAR_PACK_MIRROR=MIRROR, WECHSELBAR_CACHE=cache)
    return Installed(sdist, wheel, env, done, tmp / "run")
