"""A real MapServer 8 (Debian cgi-mapserver) behind lighttpd on 127.0.0.1: session fixture ``mapserver_url``.

It serves the same Natural Earth lakes and places as the pygeoapi target (``geodata`` corpus pack): lakes as a
UTF-8 shapefile written by ogr2ogr, places as GeoJSON with an integer ``pid`` (MapServer's OGC API needs a
feature id). The mapfiles, MapServer's config file and the lighttpd config are written here: vendor.map for the
OGC API (``…/cgi-bin/mapserv/VENDOR/ogcapi``), ows.map (mapserver_ows.py) as the default map for WMS and WFS
(``…/cgi-bin/mapserv?``, see ``ows_url``). lighttpd runs in
the foreground as a child process and is stopped by its PID. Skipped when the Debian packages are absent
(.ci/install-targets.sh installs them where apt-get can run).
"""

from __future__ import annotations

import json
import shutil
import subprocess
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from conformance.core.packs import default_store
from tests.targets import mapserver_ows
from tests.targets.servers import free_port, running

CGI = Path("/usr/lib/cgi-bin/mapserv")
TEMPLATES = "/usr/share/mapserver/ogcapi/templates/html-plain/"  # the trailing slash matters
LAYER = """  LAYER
    NAME "{name}"
    TYPE {kind}
    STATUS ON
{source}
    PROJECTION "init=epsg:4326" END
    METADATA
      "ows_title" "{title}"
      "ows_extent" "-180 -90 180 90"
      "gml_featureid" "{key}"
      "gml_include_items" "all"
      "gml_types" "auto"
    END
    TEMPLATE "ttt"
    CLASS NAME "{name}" STYLE COLOR 120 170 230 END END
  END
"""


def installed() -> bool:
    """MapServer's CGI, lighttpd and ogr2ogr are present."""
    return CGI.exists() and shutil.which("lighttpd") is not None and shutil.which("ogr2ogr") is not None


def _mapfile(workdir: Path, port: int) -> str:
    base = f"http://127.0.0.1:{port}/cgi-bin/mapserv"
    layers = LAYER.format(
        name="lakes", kind="POLYGON", source='    DATA "lakes"', title="Lakes", key="id"
    ) + LAYER.format(
        name="places",
        kind="POINT",
        title="Populated places",
        key="pid",
        source='    CONNECTIONTYPE OGR\n    CONNECTION "places.geojson"',
    )
    return f"""MAP
  NAME "vendor"
  EXTENT -180 -90 180 90
  UNITS DD
  SIZE 800 400
  SHAPEPATH "{workdir}/data"
  PROJECTION "init=epsg:4326" END
  WEB
    METADATA
      "ows_title" "wechselbar MapServer target"
      "ows_onlineresource" "{base}?"
      "ows_srs" "EPSG:4326 CRS:84"
      "ows_enable_request" "*"
      "oga_onlineresource" "{base}/VENDOR/ogcapi"
      "oga_html_template_directory" "{TEMPLATES}"
    END
  END
{layers}END
"""


def _configs(workdir: Path, port: int, access_log: Path | None = None) -> None:
    (workdir / "www").mkdir(exist_ok=True)
    logging = f'server.modules += ( "mod_accesslog" )\naccesslog.filename = "{access_log}"\n' if access_log else ""
    (workdir / "vendor.map").write_text(_mapfile(workdir, port), encoding="utf-8")
    (workdir / "ows.map").write_text(mapserver_ows.mapfile(workdir, port), encoding="utf-8")
    (workdir / "mapserver.conf").write_text(
        f'CONFIG\n  ENV\n    MS_MAP_PATTERN "^{workdir}"\n    MS_ERRORFILE "{workdir}/ms_error.txt"\n'
        f'    MS_MAPFILE "{workdir}/ows.map"\n  END\n'
        f'  MAPS\n    VENDOR "{workdir}/vendor.map"\n  END\nEND\n',
        encoding="utf-8",
    )
    (workdir / "lighttpd.conf").write_text(
        'server.modules = ( "mod_cgi", "mod_alias", "mod_setenv" )\n'
        f'server.bind = "127.0.0.1"\nserver.port = {port}\nserver.document-root = "{workdir}/www"\n'
        f'server.errorlog = "{workdir}/lighttpd-error.log"\n'
        'alias.url = ( "/cgi-bin/" => "/usr/lib/cgi-bin/" )\ncgi.assign = ( "" => "" )\n'
        f'setenv.add-environment = ( "MAPSERVER_CONFIG_FILE" => "{workdir}/mapserver.conf" )\n{logging}',
        encoding="utf-8",
    )


def _data(workdir: Path) -> None:
    data = workdir / "data"
    data.mkdir(exist_ok=True)
    store = default_store()
    subprocess.run(
        [
            "ogr2ogr",
            "-f",
            "ESRI Shapefile",
            "-lco",
            "ENCODING=UTF-8",
            str(data / "lakes.shp"),
            str(store.path("geodata", "tests/data/ne_110m_lakes.geojson")),
        ],
        check=True,
        capture_output=True,
        timeout=120,
    )
    places = json.loads(store.path("geodata", "tests/data/ne_110m_populated_places_simple.geojson").read_text("utf-8"))
    features = [
        {
            "type": "Feature",
            "id": index,
            "geometry": feature["geometry"],
            "properties": {"pid": index, "name": feature["properties"].get("name")},
        }
        for index, feature in enumerate(places["features"])
    ]
    (data / "places.geojson").write_text(
        json.dumps({"type": "FeatureCollection", "features": features}), encoding="utf-8"
    )


@contextmanager
def serve(workdir: Path, access_log: Path | None = None) -> Iterator[str]:
    """Write data and configs, run lighttpd with MapServer (optionally logging requests); yields the base URL."""
    port = free_port()
    _data(workdir)
    _configs(workdir, port, access_log)
    url = f"http://127.0.0.1:{port}/cgi-bin/mapserv/VENDOR/ogcapi"
    argv = ["lighttpd", "-D", "-f", str(workdir / "lighttpd.conf")]
    with running(argv, url + "?f=json", workdir / "server.log", cwd=workdir, timeout=30):
        yield url


def ows_url(ogcapi_url: str) -> str:
    """The WMS and WFS endpoint of a running target (its default map), from the OGC API base URL."""
    return ogcapi_url.split("/VENDOR/", 1)[0]


@pytest.fixture(scope="session")
def mapserver_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The OGC API base URL of a running MapServer; skips when it is not installed."""
    if not installed():
        pytest.skip(
            "MapServer is not installed (Debian cgi-mapserver, lighttpd, gdal-bin): run .ci/install-targets.sh as root"
        )
    with serve(tmp_path_factory.mktemp("mapserver")) as url:
        yield url
