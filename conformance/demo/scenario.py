"""The demo scenario: three fictional vendors served by local test doubles, described by fixtures/demo."""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from pathlib import Path

from conformance.core.paths import fixtures_dir
from conformance.demo.csw_server import CswTestServer
from conformance.demo.features_server import KARTOLIGHT_DEFECTS, FeaturesTestServer
from conformance.demo.oparl_cli import Tenant
from conformance.demo.oparl_server import OParlTestServer
from conformance.demo.wfs_server import WfsTestServer
from conformance.demo.wms_server import WmsTestServer

FIXTURES = fixtures_dir() / "demo"
DEMO_TOKEN = "demo-token-geomax-7f3a9c"
FEATURES = {
    "kartenwerk": frozenset(),
    "geomax": frozenset({"wrong-items-media-type"}),
    "kartolight": KARTOLIGHT_DEFECTS,
}
OPARL = {
    "kartenwerk": frozenset(),
    "geomax": frozenset({"ignored-modified-since", "missing-deleted"}),
    "kartolight": frozenset({"pagination-cycle", "date-order", "dangling-references", "empty-strings"}),
}
OPARL_SIZE = 120
CSW = {
    "kartenwerk": frozenset(),
    "kartolight": frozenset({"paging-overlap", "unknown-operation-code"}),
}
WMS = {
    "kartenwerk": frozenset(),
    "kartolight": frozenset({"axis-order-swapped", "invalid-crs-code"}),
}
WFS = {
    "kartenwerk": frozenset(),
    "kartolight": frozenset({"not-found-ignored", "number-returned-matched"}),
}


@contextmanager
def running(out: Path) -> Iterator[Path]:
    """Start the demo servers, write the filled-in vendors file into ``out``, stop them afterwards."""
    os.environ.setdefault("GEOMAX_DEMO_TOKEN", DEMO_TOKEN)
    with ExitStack() as stack:
        features = FeaturesTestServer(FEATURES).start()
        stack.callback(features.stop)
        oparl = OParlTestServer([Tenant(v, "1.1", d, size=OPARL_SIZE) for v, d in OPARL.items()]).start()
        stack.callback(oparl.stop)
        csw = CswTestServer(CSW).start()
        stack.callback(csw.stop)
        wms = WmsTestServer(WMS).start()
        stack.callback(wms.stop)
        wfs = WfsTestServer(WFS).start()
        stack.callback(wfs.stop)
        places = {"@EXPORTS@": (FIXTURES / "exports").resolve().as_posix()}
        places |= {f"@{vendor.upper()}_CSW@": csw.url(vendor) for vendor in CSW}
        places |= {f"@{vendor.upper()}_WMS@": wms.url(vendor) for vendor in WMS}
        places |= {f"@{vendor.upper()}_WFS@": wfs.url(vendor) for vendor in WFS}
        for vendor in FEATURES:
            places[f"@{vendor.upper()}_FEATURES@"] = features.url(vendor)
            places[f"@{vendor.upper()}_OPARL@"] = oparl.system_url(vendor)
        yield write_vendors(out, places)


def write_vendors(out: Path, places: dict[str, str], template: str = "vendors.toml") -> Path:
    """The vendors file of ``fixtures/demo`` with its placeholders filled in, written as ``out/vendors.toml``."""
    text = (FIXTURES / template).read_text(encoding="utf-8")
    for placeholder, value in places.items():
        text = text.replace(placeholder, value)
    out.mkdir(parents=True, exist_ok=True)
    vendors = out / "vendors.toml"
    vendors.write_text(text, encoding="utf-8")
    return vendors
