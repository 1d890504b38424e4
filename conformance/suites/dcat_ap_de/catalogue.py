"""DCAT-AP.de 3.0 as data: one requirement per named SHACL shape of the GovData validator (the SEMIC DCAT-AP 3.0.0
shapes with the German overlay), the requirement's id the shape's IRI, its obligation the shape's severity
(sh:Violation → MUSS, sh:Warning → SOLL, sh:Info → KANN). The rows are generated from the packs into
``requirements.json`` (:mod:`.build`), so listing the suite reads no pack. One more requirement of the suite's own:
every document of the export is readable RDF.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from conformance.core.model import ConformanceClass, Option, Requirement, Standard
from conformance.core.outcomes import Obligation
from conformance.xml.limits import EXPORT_OPTIONS

ID = "dcat-ap-de-3.0"
VERSION = "3.0"
SPEC = "https://www.dcat-ap.de/def/dcatde/3.0/spec/"
SEMIC = "https://semiceu.github.io/DCAT-AP/releases/3.0.0/"
RDF_SYNTAX = "https://www.w3.org/TR/rdf11-concepts/#section-rdf-graph"
OBLIGATIONS = {"Violation": Obligation.MUSS, "Warning": Obligation.SOLL, "Info": Obligation.KANN}
CLASSES = (
    ConformanceClass(f"{SPEC}#conf/rdf", "rdf", "Lesbares RDF (RDF/XML, Turtle, JSON-LD)", "Readable RDF", RDF_SYNTAX),
    ConformanceClass(
        f"{SEMIC}#conf/shacl", "dcat-ap", "DCAT-AP 3.0.0 (SHACL der SEMIC)", "DCAT-AP 3.0.0 (SEMIC SHACL)", SEMIC
    ),
    ConformanceClass(
        f"{SPEC}#conf/shacl", "dcat-ap-de", "DCAT-AP.de-Ergänzungen (SHACL)", "DCAT-AP.de additions (SHACL)", SPEC
    ),
    ConformanceClass(
        f"{SPEC}#conf/vokabulare", "vokabulare", "Kontrollierte Vokabulare", "Controlled vocabularies", SPEC
    ),
    ConformanceClass(
        f"{SPEC}#conf/veraltet", "veraltet", "Veraltete Angaben (Hinweise)", "Deprecated terms (warnings)", SPEC
    ),
)
READABLE = f"{SPEC}#conf/rdf/readable"
OPTIONS = (
    *(o for o in EXPORT_OPTIONS if o.name != "workers"),
    Option("max_pages", 1000, "pages of a paged catalogue endpoint (hydra:next) read at most"),
)


@dataclass(frozen=True)
class Row:
    """One requirement: shape IRI, class, obligation, statement, the targets of its node shape, path, vocabularies."""

    uri: str
    cls: str
    obligation: Obligation
    statement: str
    targets: tuple[str, ...]
    path: str
    schemes: tuple[str, ...]


@cache
def rows() -> tuple[Row, ...]:
    """The generated rows, by shape IRI."""
    raw = json.loads(Path(__file__).with_name("requirements.json").read_text(encoding="utf-8"))
    return tuple(
        Row(
            r["uri"],
            r["class"],
            OBLIGATIONS[r["severity"]],
            r["statement"],
            tuple(r["targets"]),
            r["path"],
            tuple(r["schemes"]),
        )
        for r in raw
    )


def _requirement(row: Row) -> Requirement:
    cls = next(c.uri for c in CLASSES if c.short == row.cls)
    return Requirement(
        row.uri, cls, ID, VERSION, row.obligation, row.statement, SEMIC if row.cls == "dcat-ap" else SPEC
    )


READABLE_REQUIREMENT = Requirement(
    READABLE,
    CLASSES[0].uri,
    ID,
    VERSION,
    Obligation.MUSS,
    "Jedes Dokument des Exports (Datei, ZIP-Eintrag, URL, Seite eines Katalogendpunkts) ist ein lesbarer RDF-Graph "
    "in RDF/XML, Turtle oder JSON-LD; Folgeseiten (hydra:next) sind erreichbar und wiederholen sich nicht.",
    RDF_SYNTAX,
)

STANDARD = Standard(
    id=ID,
    title="DCAT-AP.de 3.0 – metadata catalogue exports (SHACL)",
    title_de="DCAT-AP.de 3.0 – Metadatenkataloge (SHACL-Prüfung)",
    version=VERSION,
    classes=CLASSES,
    spec_url=SPEC,
    target_kinds=("path", "url"),
    requirements=(READABLE_REQUIREMENT, *(_requirement(r) for r in rows())),
    packs=("dcat-ap-de-shacl", "dcat-ap-3.0-shacl", "dcat-ap-vocabularies"),
    options=OPTIONS,
)
