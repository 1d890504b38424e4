"""The demo's switch: Kartenwerk's geodata moved into GeoMax's product by the round trip, losses and all.

GeoMax's writable test instance is the round-trip double (``features_store``) with two of its defects on, so the
matrix's "Datenübernahme" section shows a change (coordinates cut to three decimals) and a loss (a property
dropped). The round trip runs through the same code as ``conformance roundtrip``.
"""

from __future__ import annotations

import tomllib
from pathlib import Path

from conformance.core.transfer import Transfer
from conformance.demo.features_store import FeaturesStore
from conformance.demo.scenario import write_vendors

SOURCE, TARGET = "kartenwerk", "geomax"
DEFECTS = frozenset({"truncates-coordinates", "drops-property"})
SAMPLE = 5


def move(out: Path, lang: str) -> Transfer:
    """Move Kartenwerk's features (the URL from the demo's vendors file in ``out``) into GeoMax's test instance."""
    from conformance.commands.transfers import transfer  # noqa: PLC0415

    vendors = tomllib.loads((out / "vendors.toml").read_text(encoding="utf-8"))
    source = next(v for v in vendors["vendors"] if v["id"] == SOURCE)
    url = next(t["url"] for t in source["targets"] if t["standard"] == "ogcapi-features-1")
    store = FeaturesStore({TARGET: DEFECTS}).start()
    try:
        places = {"@KARTENWERK_FEATURES@": url, "@GEOMAX_STORE@": store.url(TARGET)}
        path = write_vendors(out / "roundtrip", places, "roundtrip.toml")
        return transfer(path, SOURCE, TARGET, "ogcapi-features-1", SAMPLE, out, lang)
    finally:
        store.stop()
