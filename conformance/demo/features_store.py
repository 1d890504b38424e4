"""TEST DOUBLE: a writable OGC API – Features server (Part 1 reading, Part 4 Create/Replace/Delete) for the round trip.

It is not a vendor implementation and proves nothing about any real product. Each tenant holds collections in
memory (empty ones named like the demo's, or seeded); POST, PUT and DELETE on ``/collections/{id}/items`` change
them. Each name in DEFECTS (from features_losses) makes the tenant lose or change data in one known way when a
feature is written, so the round trip can be shown to report every loss as what it is.
"""

from __future__ import annotations

import json
import threading
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from conformance.demo.features_data import collections as demo_collections
from conformance.demo.features_losses import DEFECTS, DHDN, LOSSES
from conformance.demo.testserver import JsonHandler, TenantServer

CORE = "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/core"
GEOJSON_CLASS = "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/geojson"
CRD = "http://www.opengis.net/spec/ogcapi-features-4/1.0/conf/create-replace-delete"
GEOJSON = "application/geo+json"
__all__ = ["DEFECTS", "FeaturesStore", "Store"]


@dataclass
class Store:
    """One tenant: its defects and its collections (id → feature id → feature)."""

    defects: frozenset[str]
    data: dict[str, dict[str, dict[str, Any]]] = field(default_factory=dict)
    created: int = 0
    lock: threading.Lock = field(default_factory=threading.Lock)

    def written(self, feature: Mapping[str, Any], fid: str | None = None) -> dict[str, Any]:
        """The feature as this tenant stores it (its defects applied)."""
        stored: dict[str, Any] = json.loads(json.dumps(feature))
        for name in sorted(self.defects & LOSSES.keys()):
            LOSSES[name](stored)
        if fid is None and ("renames-ids" in self.defects or stored.get("id") is None):
            self.created += 1
            fid = f"item-{self.created}"
        stored["id"] = fid if fid is not None else str(stored["id"])
        return stored


class StoreHandler(JsonHandler):
    """Routes /{tenant}/, /conformance, /collections[/{id}[/items[/{featureId}]]] for GET, POST, PUT, DELETE."""

    def do_GET(self) -> None:
        store, route, _ = self.tenant()
        if store is None:
            self.send_json(404, {"code": "NotFound"})
        elif not route:
            self.send_json(200, {"title": "Round-trip store (test double)", "links": []})
        elif route == ["conformance"]:
            declared = [CORE, GEOJSON_CLASS] + ([] if "no-writes" in store.defects else [CRD])
            self.send_json(200, {"conformsTo": declared})
        else:
            self._read(store, route)

    def _read(self, store: Store, route: list[str]) -> None:
        if route == ["collections"]:
            self.send_json(200, {"collections": [{"id": c, "links": []} for c in store.data], "links": []})
            return
        features = store.data.get(route[1]) if len(route) > 1 and route[0] == "collections" else None
        if features is None or len(route) > 4 or (len(route) > 2 and route[2] != "items"):
            self.send_json(404, {"code": "NotFound"})
        elif len(route) == 2:
            self.send_json(200, {"id": route[1], "links": []} | _storage(store))
        elif len(route) == 3:
            page = {"type": "FeatureCollection", "features": list(features.values()), "links": []}
            self.send_json(200, page, GEOJSON)
        elif route[3] in features:
            declared = {"Content-Crs": f"<{DHDN}>"} if "reprojects" in store.defects else {}
            self.send_json(200, features[route[3]], GEOJSON, declared)
        else:
            self.send_json(404, {"code": "NotFound"})

    def do_POST(self) -> None:
        store, route, feature = self._write_target()
        if store is None or len(route) != 3 or feature is None:
            return
        if "refuses-writes" in store.defects:
            self.send_json(400, {"code": "InvalidParameterValue", "description": "refused (test double)"})
            return
        with store.lock:
            stored = store.written(feature)
            store.data[route[1]][stored["id"]] = stored
        self._created(route, stored["id"])

    def do_PUT(self) -> None:
        store, route, feature = self._write_target()
        if store is None or len(route) != 4 or feature is None:
            return
        with store.lock:
            store.data[route[1]][route[3]] = store.written(feature, route[3])
        self.send_json(200, {"id": route[3]})

    def do_DELETE(self) -> None:
        store, route, _ = self.tenant()
        features = store.data.get(route[1]) if store is not None and len(route) == 4 else None
        if features is None or features.pop(route[3], None) is None:
            self.send_json(404, {"code": "NotFound"})
            return
        self.send_response(204)
        self.send_header("Content-Length", "0")
        self.end_headers()

    def _write_target(self) -> tuple[Store | None, list[str], dict[str, Any] | None]:
        body = self.rfile.read(int(self.headers.get("Content-Length", "0") or 0))
        store, route, _ = self.tenant()
        if store is None or len(route) < 3 or route[1] not in store.data or route[2] != "items":
            self.send_json(404, {"code": "NotFound"})
            return None, route, None
        try:
            feature = json.loads(body)
        except ValueError:
            feature = None
        if not isinstance(feature, dict) or feature.get("type") != "Feature":
            self.send_json(400, {"code": "InvalidParameterValue", "description": "not a GeoJSON Feature"})
            return store, route, None
        return store, route, feature

    def _created(self, route: list[str], fid: str) -> None:
        self.send_response(201)
        self.send_header("Location", f"/{self.path.strip('/').split('/')[0]}/collections/{route[1]}/items/{fid}")
        self.send_header("Content-Length", "0")
        self.end_headers()


def _storage(store: Store) -> dict[str, str]:
    """The collection's storageCrs (OGC 18-058 Part 2) where the tenant stores positions in DHDN."""
    return {"storageCrs": DHDN} if store.defects & {"reprojects", "reprojects-unlabelled"} else {}


class FeaturesStore(TenantServer):
    """The test double: tenants name → defects, each with the demo's collections (empty) or the seeded ones."""

    def __init__(
        self,
        tenants: Mapping[str, frozenset[str]],
        seed: Mapping[str, Sequence[Mapping[str, Any]]] | None = None,
        port: int = 0,
    ) -> None:
        unknown = sorted({d for defects in tenants.values() for d in defects} - set(DEFECTS))
        if unknown:
            raise ValueError(f"unknown defects: {', '.join(unknown)}; known: {', '.join(sorted(DEFECTS))}")
        super().__init__(StoreHandler, port)
        names = list(seed) if seed is not None else [c.id for c in demo_collections()]
        self.serve_views({t: Store(frozenset(d), {c: {} for c in names}) for t, d in tenants.items()})

    def fill(self, tenant: str, seed: Mapping[str, Sequence[Mapping[str, Any]]]) -> None:
        """Put features into a tenant's collections as they are (no defect applied)."""
        store: Store = self.views[tenant]
        for collection, features in seed.items():
            store.data[collection] = {str(f["id"]): json.loads(json.dumps(f)) for f in features}

    def url(self, tenant: str) -> str:
        """The landing page of one tenant."""
        return f"http://127.0.0.1:{self.port}/{tenant}"
