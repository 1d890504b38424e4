"""Packs load from a mirror or a download, are always checked against the lock, and fail loudly."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from conformance.core.packs import PackError, PackStore, lock
from tests.conftest import SHARED

MIRROR = SHARED / "packs"
needs_mirror = pytest.mark.skipif(not (MIRROR / "geojson-schema").is_dir(), reason="pack mirror not present")


def test_lock_lists_every_pack_with_licence_and_hashes() -> None:
    packs = lock()
    assert {"ubl-2.1", "en16931-cen", "geojson-schema", "xrechnung-testsuite"} <= set(packs)
    for pack in packs.values():
        assert pack.license and pack.version and len(pack.commit) == 40
        assert all(len(f.sha256) == 64 for f in pack.files)


@needs_mirror
def test_fill_from_mirror_and_verify(tmp_path: Path) -> None:
    store = PackStore(tmp_path / "cache", [MIRROR], allow_download=False)
    path = store.path("geojson-schema", "FeatureCollection.json")
    expected = lock()["geojson-schema"].file("FeatureCollection.json").sha256
    assert hashlib.sha256(path.read_bytes()).hexdigest() == expected
    assert store.verify("geojson-schema") == []
    path.write_text("{}", encoding="utf-8")
    assert store.verify("geojson-schema") == ["geojson-schema/FeatureCollection.json: sha256 mismatch"]


@needs_mirror
def test_tampered_mirror_is_refused(tmp_path: Path) -> None:
    fake = tmp_path / "mirror" / "geojson-schema"
    for item in lock()["geojson-schema"].files:
        (fake / item.path).parent.mkdir(parents=True, exist_ok=True)
        (fake / item.path).write_bytes((MIRROR / "geojson-schema" / item.path).read_bytes())
    (fake / "Point.json").write_text('{"evil": true}', encoding="utf-8")
    store = PackStore(tmp_path / "cache", [tmp_path / "mirror"], allow_download=False)
    with pytest.raises(PackError, match=r"Point\.json: sha256 does not match the pack lock"):
        store.pack_dir("geojson-schema")


def test_missing_file_without_download_is_a_clear_error(tmp_path: Path) -> None:
    store = PackStore(tmp_path / "cache", [tmp_path / "empty"], allow_download=False)
    with pytest.raises(PackError, match=r"not in any mirror .* and downloads are off"):
        store.pack_dir("geojson-schema")
    with pytest.raises(PackError, match="unknown pack"):
        store.pack_dir("no-such-pack")


@needs_mirror
def test_export_builds_a_mirror_for_air_gapped_machines(tmp_path: Path) -> None:
    store = PackStore(tmp_path / "cache", [MIRROR], allow_download=False)
    store.export("geojson-schema", tmp_path / "usb")
    again = PackStore(tmp_path / "cache2", [tmp_path / "usb"], allow_download=False)
    assert again.path("geojson-schema", "Point.json").is_file()
