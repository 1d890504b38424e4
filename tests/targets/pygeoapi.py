"""A real pygeoapi 0.21.0 (from PyPI) on 127.0.0.1 for the tests: session fixture ``pygeoapi_url``.

The server gets a config written here: the Natural Earth lakes and populated places from the ``geodata``
corpus pack, plus one generated collection with a time stamp and a temporal extent (building sites, from
conformance.demo.features_data). It runs under gunicorn with its own control socket and is stopped by its PID.
The venv comes from $WECHSELBAR_PYGEOAPI_VENV or <repo>/.targets/pygeoapi (see .ci/install-targets.sh).
"""

from __future__ import annotations

import datetime as dt
import json
import os
import shutil
import subprocess
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest
import yaml

from conformance.core.packs import default_store
from conformance.demo.features_data import collections
from tests.targets.servers import free_port, running

ROOT = Path(__file__).resolve().parents[2]
VENV_ENV = "WECHSELBAR_PYGEOAPI_VENV"
CRS84 = "http://www.opengis.net/def/crs/OGC/1.3/CRS84"
NATURAL_EARTH = {"lakes": "ne_110m_lakes.geojson", "places": "ne_110m_populated_places_simple.geojson"}


def venv() -> Path | None:
    """The pygeoapi virtualenv, if it is installed."""
    folder = Path(os.environ.get(VENV_ENV) or ROOT / ".targets" / "pygeoapi")
    wanted = [folder / "bin" / "pygeoapi", folder / "bin" / "gunicorn"]
    return folder if all(p.exists() for p in wanted) else None


def _collection(title: str, data: Path, extents: dict[str, Any], time_field: str | None = None) -> dict[str, Any]:
    provider: dict[str, Any] = {
        "type": "feature",
        "name": "GeoJSON",
        "data": str(data),
        "id_field": "id",
        "title_field": "name",
    }
    if time_field:
        provider["time_field"] = time_field
    return {
        "type": "collection",
        "title": title,
        "description": title,
        "keywords": ["test"],
        "links": [],
        "extents": extents,
        "providers": [provider],
    }


def _resources(workdir: Path) -> dict[str, Any]:
    spatial = {"bbox": [-180, -90, 180, 90], "crs": CRS84}
    out = {
        name: _collection(
            f"Natural Earth {name}", default_store().path("geodata", f"tests/data/{file}"), {"spatial": spatial}
        )
        for name, file in NATURAL_EARTH.items()
    }
    sites = next(c for c in collections() if c.time_property)
    data = workdir / "baustellen.geojson"
    data.write_text(json.dumps({"type": "FeatureCollection", "features": list(sites.features)}), encoding="utf-8")
    begin, end = (dt.datetime.fromisoformat(t) for t in sites.temporal_extent() or [])
    extents = {"spatial": {"bbox": sites.spatial_extent(), "crs": CRS84}, "temporal": {"begin": begin, "end": end}}
    out["baustellen"] = _collection(sites.title, data, extents, sites.time_property)
    return out


def records(workdir: Path) -> dict[str, Any]:
    """The one resource of the records target: a TinyDB catalogue of 3 records (files/pygeoapi-postgis)."""
    data = workdir / "records.tinydb"
    shutil.copy(Path(__file__).resolve().parent / "files" / "pygeoapi-postgis" / "records.tinydb", data)
    provider = {
        "type": "record",
        "name": "TinyDBCatalogue",
        "data": str(data),
        "id_field": "externalId",
        "time_field": "recordUpdated",
        "title_field": "title",
    }
    spatial = {"bbox": [-180, -90, 180, 90], "crs": CRS84}
    catalogue = _collection("Test catalogue (TinyDB)", data, {"spatial": spatial})
    return {"records": {**catalogue, "providers": [provider]}}


def config(workdir: Path, port: int, catalogue: bool = False) -> dict[str, Any]:
    """A pygeoapi configuration with local file providers only (``catalogue``: only the TinyDB records)."""
    (workdir / "jobs").mkdir(exist_ok=True)
    server = {
        "bind": {"host": "127.0.0.1", "port": port},
        "url": f"http://127.0.0.1:{port}",
        "mimetype": "application/json; charset=UTF-8",
        "encoding": "utf-8",
        "languages": ["en-US"],
        "limits": {"default_items": 10, "max_items": 50},
        "map": {"url": "https://tile.openstreetmap.org/{z}/{x}/{y}.png", "attribution": "OpenStreetMap"},
        "manager": {"name": "TinyDB", "connection": str(workdir / "jobs.db"), "output_dir": str(workdir / "jobs")},
    }
    contact = {"name": "Test", "url": "https://example.org"}
    metadata = {
        "identification": {
            "title": "wechselbar test target",
            "description": "pygeoapi for the test suite",
            "keywords": ["test"],
            "url": "https://example.org",
            "terms_of_service": "none",
        },
        "license": {"name": "CC0", "url": "https://creativecommons.org/publicdomain/zero/1.0/"},
        "provider": contact,
        "contact": contact,
    }
    resources = records(workdir) if catalogue else _resources(workdir)
    return {"server": server, "logging": {"level": "ERROR"}, "metadata": metadata, "resources": resources}


def environment(workdir: Path) -> dict[str, str]:
    """The environment pygeoapi runs in: its config and OpenAPI document in ``workdir``."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("PYGEOAPI")}
    env.update(
        PYGEOAPI_CONFIG=str(workdir / "pygeoapi.yml"), PYGEOAPI_OPENAPI=str(workdir / "openapi.yml"), HOME=str(workdir)
    )
    return env


def generate_openapi(bin_dir: Path, workdir: Path, env: dict[str, str]) -> None:
    """Run ``pygeoapi openapi generate`` for the config in ``env`` (it must run before the server starts)."""
    result = subprocess.run(
        [
            str(bin_dir / "pygeoapi"),
            "openapi",
            "generate",
            env["PYGEOAPI_CONFIG"],
            "--output-file",
            env["PYGEOAPI_OPENAPI"],
        ],
        env=env,
        cwd=workdir,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    if result.returncode != 0:
        raise RuntimeError(f"pygeoapi openapi generate failed:\n{result.stdout}\n{result.stderr}")


@contextmanager
def serve(folder: Path, workdir: Path, access_log: Path | None = None, catalogue: bool = False) -> Iterator[str]:
    """Configure and run pygeoapi from the venv ``folder`` in ``workdir``; yields its base URL."""
    port = free_port()
    text = yaml.safe_dump(config(workdir, port, catalogue), sort_keys=False)
    (workdir / "pygeoapi.yml").write_text(text, encoding="utf-8")
    env = environment(workdir)
    generate_openapi(folder / "bin", workdir, env)
    argv = [
        str(folder / "bin" / "gunicorn"),
        "-w",
        "2",
        "-b",
        f"127.0.0.1:{port}",
        "--control-socket",
        str(workdir / "gunicorn.ctl"),
        "pygeoapi.flask_app:APP",
    ]
    if access_log is not None:
        argv[1:1] = ["--access-logfile", str(access_log)]
    url = f"http://127.0.0.1:{port}"
    with running(argv, url + "/", workdir / "server.log", env=env, cwd=workdir, timeout=60):
        yield url


@pytest.fixture(scope="session")
def pygeoapi_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The base URL of a running pygeoapi; skips when its venv is not installed."""
    folder = venv()
    if folder is None:
        pytest.skip(f"pygeoapi is not installed: run .ci/install-targets.sh or set {VENV_ENV}")
    with serve(folder, tmp_path_factory.mktemp("pygeoapi")) as url:
        yield url


@pytest.fixture(scope="session")
def pygeoapi_records_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The base URL of a running pygeoapi serving only the TinyDB records catalogue at /collections/records."""
    folder = venv()
    if folder is None:
        pytest.skip(f"pygeoapi is not installed: run .ci/install-targets.sh or set {VENV_ENV}")
    with serve(folder, tmp_path_factory.mktemp("pygeoapi-records"), catalogue=True) as url:
        yield url
