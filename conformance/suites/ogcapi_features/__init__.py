"""OGC API – Features – Part 1: Core (OGC 17-069r4): catalogue of classes and requirements."""

from __future__ import annotations

from conformance.core.model import ConformanceClass, Requirement, Standard
from conformance.core.outcomes import Obligation

SPEC = "https://docs.ogc.org/is/17-069r4/17-069r4.html"
BASE = "http://www.opengis.net/spec/ogcapi-features-1/1.0"
CORE = f"{BASE}/conf/core"


def _req(path: str, cls: str, obligation: Obligation, statement: str, anchor: str) -> Requirement:
    return Requirement(f"{BASE}/req/{path}", cls, "ogcapi-features-1", "1.0", obligation, statement,
                       f"{SPEC}#{anchor}")


CLASSES = (
    ConformanceClass(CORE, "core", "Kern", "Core", f"{SPEC}#_requirements_class_core"),
)

REQUIREMENTS = (
    _req("core/root-op", CORE, Obligation.MUSS,
         "The server SHALL support the HTTP GET operation at the path /.", "_api_landing_page"),
    _req("core/root-success", CORE, Obligation.MUSS,
         "The landing page response SHALL be HTTP 200 with links to the API definition, conformance "
         "and collections.", "_api_landing_page"),
)

STANDARD = Standard(
    id="ogcapi-features-1", title="OGC API – Features – Part 1: Core", title_de="OGC API – Features – Teil 1: Kern",
    version="1.0", classes=CLASSES, spec_url=SPEC, requirements=REQUIREMENTS,
    packs=("geojson-schema", "ogcapi-features"),
)
