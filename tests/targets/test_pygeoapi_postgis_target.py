"""Smoke test of pygeoapi with PostGIS: Features Part 2 crs, Part 3 filter and the Records catalogue answer."""

from __future__ import annotations

import json
import urllib.parse
import urllib.request
from typing import Any

import pytest

from tests.targets.pygeoapi_postgis import FILES

EPSG = "http://www.opengis.net/def/crs/EPSG/0/"


def _get(url: str) -> tuple[dict[str, str], Any]:
    with urllib.request.urlopen(url, timeout=60) as response:
        return dict(response.headers), json.loads(response.read())


def test_pygeoapi_serves_postgis_places_and_records(pygeoapi_postgis_url: str) -> None:
    """One test, so that one worker starts the servers: Part 2 crs, Part 3 filter and the Records catalogue."""
    _crs(pygeoapi_postgis_url)
    _filter(pygeoapi_postgis_url)
    _records(pygeoapi_postgis_url)


def _crs(pygeoapi_postgis_url: str) -> None:
    headers, page = _get(f"{pygeoapi_postgis_url}/collections/places/items?name=Vaduz&crs={EPSG}25832")
    assert headers["Content-Crs"] == f"<{EPSG}25832>"
    assert page["numberMatched"] == 1
    easting, northing = page["features"][0]["geometry"]["coordinates"]
    assert (easting, northing) == pytest.approx((539181.94, 5220154.01), abs=1.0)  # Vaduz in UTM zone 32N


def _filter(pygeoapi_postgis_url: str) -> None:
    query = urllib.parse.quote("adm0name='Germany'")
    _, page = _get(f"{pygeoapi_postgis_url}/collections/places/items?filter={query}")
    assert page["numberMatched"] == 1
    assert [f["properties"]["name"] for f in page["features"]] == ["Berlin"]


def _records(pygeoapi_postgis_url: str) -> None:
    records = json.loads((FILES / "records.tinydb").read_text(encoding="utf-8"))["_default"].values()
    _, page = _get(f"{pygeoapi_postgis_url}/collections/records/items")
    assert page["numberMatched"] == len(records)
    assert sorted(f["id"] for f in page["features"]) == sorted(r["id"] for r in records)
