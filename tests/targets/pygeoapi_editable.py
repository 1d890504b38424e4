"""Real pygeoapi 0.21.0 instances with an editable TinyDB collection, for the round trip (Features Part 4).

Each instance serves one collection ``orte`` from its own TinyDB file (provider ``TinyDB``, ``editable: true``, so
pygeoapi answers POST, PUT and DELETE on its items and declares create-replace-delete). The configuration is the
one of :mod:`tests.targets.pygeoapi` with the resources replaced. One worker, so that no two processes write the
file at once. Stopped by PID when the block ends.
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import yaml

from tests.targets.pygeoapi import CRS84, config, environment, generate_openapi
from tests.targets.servers import free_port, running


def _resource(data: Path) -> dict[str, Any]:
    provider = {"type": "feature", "name": "TinyDB", "data": str(data), "id_field": "id", "editable": True}
    extents = {"spatial": {"bbox": [-180, -90, 180, 90], "crs": CRS84}}
    return {
        "type": "collection",
        "title": "Orte",
        "description": "Orte (round-trip target)",
        "keywords": ["test"],
        "links": [],
        "extents": extents,
        "providers": [provider],
    }


@contextmanager
def serve_editable(folder: Path, workdir: Path, features: Sequence[Mapping[str, Any]]) -> Iterator[str]:
    """Run pygeoapi from the venv ``folder`` with ``features`` in its editable collection ``orte``; its URL."""
    data = workdir / "orte.tinydb"
    data.write_text(json.dumps({"_default": {str(n + 1): f for n, f in enumerate(features)}}), encoding="utf-8")
    port = free_port()
    settings = config(workdir, port, catalogue=True) | {"resources": {"orte": _resource(data)}}
    (workdir / "pygeoapi.yml").write_text(yaml.safe_dump(settings, sort_keys=False), encoding="utf-8")
    env = environment(workdir)
    generate_openapi(folder / "bin", workdir, env)
    argv = [str(folder / "bin" / "gunicorn"), "-w", "1", "-b", f"127.0.0.1:{port}", "pygeoapi.flask_app:APP"]
    url = f"http://127.0.0.1:{port}"
    with running(argv, url + "/", workdir / "server.log", env=env, cwd=workdir, timeout=60):
        yield url
