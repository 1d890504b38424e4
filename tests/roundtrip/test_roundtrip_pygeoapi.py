"""The round trip between real targets: two pygeoapi instances with editable TinyDB collections (Features Part 4),
and a real pygeoapi read into the defect double. The servers start once for the module."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import requests
from click.testing import CliRunner

from conformance.cli import main
from conformance.core.journal import JOURNAL, Journal
from conformance.core.secrets import Redactor
from conformance.core.transfer import Transfer
from conformance.core.transferfile import read_transfers
from conformance.demo.features_store import FeaturesStore
from tests.roundtrip.test_roundtrip_double import PLACES
from tests.targets.pygeoapi import VENV_ENV, venv
from tests.targets.pygeoapi_editable import serve_editable

TARGET = '[[vendors.targets]]\nstandard = "ogcapi-features-1"\nurl = "{url}"\n{options}'


def _vendors(path: Path, urls: dict[str, str]) -> Path:
    lines = []
    for name, url in urls.items():
        options = "" if name == "a" else "options = { writes = true }\n"
        lines += [
            f'[[vendors]]\nid = "{name}"\nname = "{name}"\nversion = "1"\n',
            TARGET.format(url=url, options=options),
        ]
    path.write_text("\n".join(lines), encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def real(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[dict[str, Transfer], dict[str, int], Any]]:
    folder = venv()
    if folder is None:
        pytest.skip(f"pygeoapi is not installed: run .ci/install-targets.sh or set {VENV_ENV}")
    work = tmp_path_factory.mktemp("pygeoapi-roundtrip")
    (work / "a").mkdir(), (work / "b").mkdir()
    store = FeaturesStore({"cut": frozenset({"truncates-coordinates"})}, {"orte": []}).start()
    with serve_editable(folder, work / "a", PLACES) as a, serve_editable(folder, work / "b", []) as b:
        vendors = _vendors(work / "vendors.toml", {"a": a, "b": b, "cut": store.url("cut")})
        codes = {}
        for target in ("b", "cut"):
            args = ["roundtrip", "--vendors", str(vendors), "--from", "a", "--to", target, "--out", str(work / "out")]
            codes[target] = CliRunner().invoke(main, args).exit_code
        yield {t.target: t for t in read_transfers(work / "out")}, codes, (b, work)
    store.stop()


def test_pygeoapi_to_pygeoapi_is_lossless_and_leaves_nothing_behind(real: Any) -> None:
    transfers, codes, (b, work) = real
    moved = transfers["b"]
    assert moved.verdict == "lossless" and codes["b"] == 0, [a.to_json() for a in moved.attributes.values()]
    assert moved.read == moved.written == moved.compared == moved.removed == len(PLACES)
    assert {n for _, n in moved.attributes} >= {"id", "geometry", "links", "properties.opened", "properties.height"}
    left = requests.get(f"{b}/collections/orte/items", params={"f": "json"}, timeout=30).json()
    assert left["features"] == [] and not (work / "out" / JOURNAL).exists()


def test_a_real_source_into_the_double_that_cuts_coordinates_reports_precision(real: Any) -> None:
    transfers, codes, _ = real
    cut = transfers["cut"]
    assert cut.verdict == "with-changes" and codes["cut"] == 1
    assert cut.attributes[("orte", "geometry")].kinds == {"precision": len(PLACES)}
    example = cut.attributes[("orte", "geometry")].examples[0]
    assert example.before["coordinates"] != example.after["coordinates"]


def test_cleanup_deletes_from_a_real_pygeoapi_what_a_killed_run_wrote(real: Any, tmp_path: Path) -> None:
    _, _, (b, work) = real
    items = f"{b}/collections/orte/items"
    feature = {**PLACES[0], "id": "left-behind"}
    journal = Journal(tmp_path, Redactor())
    journal.note("start", vendors=str(work / "vendors.toml"), vendor="b", standard="ogcapi-features-1")
    journal.note("intent", collection_url=items, item_url=f"{items}/left-behind", absent_before=True)
    answer = requests.post(
        items, data=json.dumps(feature), headers={"Content-Type": "application/geo+json"}, timeout=30
    )
    assert answer.status_code == 201
    journal.handle.close()  # killed before the Location was noted
    result = CliRunner().invoke(main, ["roundtrip", "--cleanup", str(tmp_path)])
    assert result.exit_code == 0, result.output
    assert requests.get(f"{items}/left-behind", params={"f": "json"}, timeout=30).status_code == 404
