"""A real django-ogc-sensorthings 1.2.0 (PyPI, SensorThings API 1.1) on 127.0.0.1: session fixture ``sensorthings_url``.

A minimal Django project (files/sta/: settings template and urls) on SQLite, migrated with ``django-admin
migrate``, served by uvicorn (``--factory django.core.asgi:get_asgi_application``), and seeded through the API:
each Thing of files/sta/things.json is POSTed as one deep insert (Locations, Datastreams with Sensor,
ObservedProperty and Observations; ``SEED`` counts what that creates). uvicorn is stopped by its PID. The venv
comes from $WECHSELBAR_STA_VENV or <repo>/.targets/sensorthings (see .ci/install-targets.sh); it has its own
venv because it brings Django 5.2 and pydantic 2. Django and uvicorn run as ``<venv>/bin/python -m …``, so a venv
that was moved (its scripts' ``#!`` lines point at the old place) still works.

The service root is ``/sensorthings/v1.1/`` and answers only **with** the trailing slash (without it: 404), so
the fixture yields that form. Ids are UUIDs, quoted in paths: ``Things('<uuid>')``.
"""

from __future__ import annotations

import json
import os
import subprocess
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest

from tests.targets.servers import free_port, installed_venv, running

VENV_ENV = "WECHSELBAR_STA_VENV"
FILES = Path(__file__).resolve().parent / "files" / "sta"


def things() -> list[dict[str, Any]]:
    """The Things of the seed (files/sta/things.json), each a deep insert."""
    return list(json.loads((FILES / "things.json").read_text(encoding="utf-8")))


def _count(things: list[dict[str, Any]]) -> dict[str, int]:
    streams = [d for t in things for d in t["Datastreams"]]
    return {
        "Things": len(things),
        "Locations": sum(len(t["Locations"]) for t in things),
        "Datastreams": len(streams),
        "Observations": sum(len(d["Observations"]) for d in streams),
    }


SEED: dict[str, int] = _count(things())  # entities created per entity set by the seed


def venv() -> Path | None:
    """The django-ogc-sensorthings virtualenv, if it is installed."""
    return installed_venv(VENV_ENV, "sensorthings", "django-admin", "uvicorn")


def _project(workdir: Path, port: int) -> None:
    package = workdir / "staproj"
    package.mkdir(exist_ok=True)
    (package / "__init__.py").write_text("", encoding="utf-8")
    (package / "urls.py").write_text((FILES / "urls.py").read_text(encoding="utf-8"), encoding="utf-8")
    settings = (FILES / "settings.py").read_text(encoding="utf-8")
    settings = settings.replace("@WORKDIR@", str(workdir)).replace("@PORT@", str(port))
    (package / "settings.py").write_text(settings, encoding="utf-8")


def _environment(workdir: Path) -> dict[str, str]:
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "staproj.settings",
        "PYTHONPATH": str(workdir),
        "HOME": str(workdir),
    }


def _migrate(folder: Path, workdir: Path, env: dict[str, str]) -> None:
    argv = [str(folder / "bin" / "python"), "-m", "django", "migrate", "--no-input"]
    result = subprocess.run(argv, env=env, cwd=workdir, capture_output=True, text=True, timeout=300, check=False)
    if result.returncode != 0:
        raise RuntimeError(f"django-admin migrate failed:\n{result.stdout}\n{result.stderr}")


def seed(root: str) -> list[str]:
    """POST every Thing of things.json as a deep insert; returns the Location headers of the created Things."""
    return [post(root + "Things", thing) for thing in things()]


def post(url: str, entity: dict[str, Any]) -> str:
    """POST one entity (a deep insert) and return its Location; anything but 201 is an error."""
    request = urllib.request.Request(
        url, data=json.dumps(entity).encode("utf-8"), method="POST", headers={"Content-Type": "application/json"}
    )
    with urllib.request.urlopen(request, timeout=60) as response:
        if int(response.status) != 201:
            raise RuntimeError(f"seeding {entity['name']!r}: HTTP {response.status}")
        return str(response.headers.get("Location", ""))


@contextmanager
def serve(folder: Path, workdir: Path) -> Iterator[str]:
    """Write the project, migrate, run uvicorn and seed; yields the service root (ending in /v1.1/)."""
    port = free_port()
    _project(workdir, port)
    env = _environment(workdir)
    _migrate(folder, workdir, env)
    argv = [
        str(folder / "bin" / "python"),
        "-m",
        "uvicorn",
        "--factory",
        "django.core.asgi:get_asgi_application",
        "--host",
        "127.0.0.1",
        "--port",
        str(port),
        "--no-access-log",
    ]
    root = f"http://127.0.0.1:{port}/sensorthings/v1.1/"
    with running(argv, root, workdir / "server.log", env=env, cwd=workdir, timeout=60):
        seed(root)
        yield root


@pytest.fixture(scope="session")
def sensorthings_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The service root (``http://127.0.0.1:<port>/sensorthings/v1.1/``) of a seeded django-ogc-sensorthings."""
    folder = venv()
    if folder is None:
        pytest.skip(f"django-ogc-sensorthings 1.2.0 is not installed: run .ci/install-targets.sh or set {VENV_ENV}")
    with serve(folder, tmp_path_factory.mktemp("sensorthings")) as root:
        yield root
