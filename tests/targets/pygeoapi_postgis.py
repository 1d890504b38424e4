"""pygeoapi 0.21.0 with a PostgreSQL/PostGIS provider on 127.0.0.1: session fixture ``pygeoapi_postgis_url``.

For OGC API – Features Part 2 (crs, bbox-crs, Content-Crs), Part 3 (queryables, ``filter`` on the PostgreSQL
provider) and OGC API – Records (TinyDB catalogue). Database ``geo`` in the private cluster of the ``postgis``
fixture holds the Natural Earth populated places (table ``places``, 243 points, FID ``pid``, geometry ``geom``,
loaded with ogr2ogr) and lakes (``lakes``, 25 multipolygons). The config is files/pygeoapi-postgis/pygeoapi.yml
(collections ``lakes``: GeoJSON file with crs list; ``places``: PostgreSQL with CRS84, EPSG:4326, 3857, 25832;
``records``: TinyDBCatalogue on files/pygeoapi-postgis/records.tinydb, 3 records). It uses the pygeoapi venv of
the ``pygeoapi_url`` target, which needs psycopg2-binary and GeoAlchemy2 for this provider (install-targets.sh).
"""

from __future__ import annotations

import shutil
import subprocess
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from conformance.core.packs import default_store
from tests.targets import pygeoapi
from tests.targets.postgis import PostgisCluster
from tests.targets.servers import free_port, gunicorn, running

FILES = Path(__file__).resolve().parent / "files" / "pygeoapi-postgis"
LAYERS = {
    "places": ("ne_110m_populated_places_simple.geojson", "pid", []),
    "lakes": ("ne_110m_lakes.geojson", "lid", ["-nlt", "PROMOTE_TO_MULTI"]),
}


def venv() -> Path | None:
    """The pygeoapi venv, if it is installed together with the PostgreSQL provider's drivers."""
    folder = pygeoapi.venv()
    if folder is None:
        return None
    check = [str(folder / "bin" / "python"), "-c", "import psycopg2, geoalchemy2"]
    return folder if subprocess.run(check, capture_output=True, timeout=120, check=False).returncode == 0 else None


def load(database: PostgisCluster) -> str:
    """Create database ``geo`` and load the Natural Earth places and lakes with ogr2ogr; returns its DSN."""
    dsn = database.create_database("geo")
    for table, (file, fid, options) in LAYERS.items():
        source = default_store().path("geodata", f"tests/data/{file}")
        argv = [
            "ogr2ogr",
            "-overwrite",
            "-f",
            "PostgreSQL",
            f"PG:{dsn}",
            str(source),
            "-nln",
            table,
            "-lco",
            "GEOMETRY_NAME=geom",
            "-lco",
            f"FID={fid}",
            *options,
        ]
        result = subprocess.run(argv, capture_output=True, text=True, timeout=300, check=False)
        if result.returncode != 0:
            raise RuntimeError(f"ogr2ogr {table} failed:\n{result.stderr}")
    return dsn


def write_config(workdir: Path, port: int, pgport: int) -> None:
    """Render pygeoapi.yml into ``workdir`` and copy the lakes file and the records catalogue beside it."""
    shutil.copy(default_store().path("geodata", "tests/data/ne_110m_lakes.geojson"), workdir / "ne_110m_lakes.geojson")
    shutil.copy(FILES / "records.tinydb", workdir / "records.tinydb")
    text = (FILES / "pygeoapi.yml").read_text(encoding="utf-8")
    for key, value in {"@WORKDIR@": str(workdir), "@PGPORT@": str(pgport), "@PORT@": str(port)}.items():
        text = text.replace(key, value)
    (workdir / "pygeoapi.yml").write_text(text, encoding="utf-8")


@contextmanager
def serve(folder: Path, workdir: Path, database: PostgisCluster) -> Iterator[str]:
    """Load the data, configure and run pygeoapi under gunicorn; yields its base URL."""
    load(database)
    port = free_port()
    write_config(workdir, port, database.port)
    env = pygeoapi.environment(workdir)
    pygeoapi.generate_openapi(folder / "bin", workdir, env)
    url = f"http://127.0.0.1:{port}"
    argv = gunicorn(folder, port, workdir, "pygeoapi.flask_app:APP")
    with running(
        argv, url + "/collections/places/items?limit=1", workdir / "server.log", env=env, cwd=workdir, timeout=60
    ):
        yield url


@pytest.fixture(scope="session")
def pygeoapi_postgis_url(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The base URL (``http://127.0.0.1:<port>``) of pygeoapi serving places from PostGIS, lakes and records."""
    folder = venv()
    if folder is None:
        pytest.skip(
            "pygeoapi 0.21.0 with psycopg2 and GeoAlchemy2 is not installed: run .ci/install-targets.sh "
            f"or set {pygeoapi.VENV_ENV}"
        )
    database: PostgisCluster = request.getfixturevalue("postgis")
    with serve(folder, tmp_path_factory.mktemp("pygeoapi-postgis"), database) as url:
        yield url
