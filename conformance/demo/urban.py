"""The fourth demo vendor, Stadtpuls: a fictional urban data platform, judged in a run of its own against the
profile "Urbane Datenplattform". Its sensor API is the SensorThings test double, its context broker the NGSI-LD
reference double, its geodata API the Features double (Parts 1 to 3), its catalogue API the Records double; its
DCAT-AP.de export is written by :mod:`conformance.demo.dcat_catalogue` into the output folder, with one
deliberate defect: a distribution without a licence (a MUSS of DCAT-AP.de), so the vendor misses the profile."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from pathlib import Path

from conformance.core.paths import fixtures_dir
from conformance.demo.dcat_catalogue import catalogue
from conformance.demo.features_server import FeaturesTestServer
from conformance.demo.ngsild.server import NgsiLdTestServer
from conformance.demo.records_server import RecordsServer
from conformance.demo.scenario import write_vendors
from conformance.demo.sensorthings_server import SensorThingsTestServer

FIXTURES = fixtures_dir() / "demo"
VENDOR = "stadtpuls"
FOLDER = "urbane-datenplattform"
PROFILE = FIXTURES / "urbane-datenplattform.toml"
DCAT_DEFECTS = ("no-license",)
DATASETS = 12


@contextmanager
def running(out: Path) -> Iterator[Path]:
    """Start Stadtpuls's servers, write its DCAT-AP.de export and filled-in vendors file into ``out``, stop the
    servers afterwards."""
    tenants = {VENDOR: frozenset[str]()}
    with ExitStack() as stack:
        broker = NgsiLdTestServer(tenants)
        places = {"@STADTPULS_DCAT@": export(out).as_posix(), "@STADTPULS_CONTEXT@": broker.context_url}
        for name, server in (
            ("SENSORTHINGS", SensorThingsTestServer(tenants)),
            ("NGSILD", broker),
            ("FEATURES", FeaturesTestServer(tenants)),
            ("RECORDS", RecordsServer(tenants)),
        ):
            stack.callback(server.start().stop)
            places[f"@STADTPULS_{name}@"] = server.url(VENDOR)
        yield write_vendors(out, places, "urban-vendors.toml")


def export(out: Path) -> Path:
    """Stadtpuls's catalogue export (Turtle) in the output folder."""
    folder = out / "exports"
    folder.mkdir(parents=True, exist_ok=True)
    text = catalogue(DATASETS, DCAT_DEFECTS, "Offene Daten Stadtpuls", "https://daten.stadtpuls.example/")
    (folder / "stadtpuls-katalog.ttl").write_text(text, encoding="utf-8")
    return (folder / "stadtpuls-katalog.ttl").resolve()
