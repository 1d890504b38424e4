"""Writes ``requirements.json``, the catalogue's data, from the shapes of the packs: one row per named shape that is
reached from a target, active and carries a constraint. Run ``python -m conformance.suites.dcat_ap_de.build``
after a pack update; a test compares the file with the packs."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from conformance.suites.dcat_ap_de.rdf import SH
from conformance.suites.dcat_ap_de.shapes import SEVERITIES, Shape, compiled, schemes

TARGET = Path(__file__).with_name("requirements.json")
PREFIXES = {
    "http://www.w3.org/ns/dcat#": "dcat:",
    "http://purl.org/dc/terms/": "dcterms:",
    "http://xmlns.com/foaf/0.1/": "foaf:",
    "http://www.w3.org/2006/vcard/ns#": "vcard:",
    "http://www.w3.org/ns/adms#": "adms:",
    "http://data.europa.eu/r5r/": "dcatap:",
    "http://data.europa.eu/r5r#": "dcatap:",
    "http://dcat-ap.de/def/dcatde/": "dcatde:",
    "http://www.w3.org/2004/02/skos/core#": "skos:",
    "http://spdx.org/rdf/terms#": "spdx:",
    "http://www.w3.org/ns/prov#": "prov:",
    "http://www.w3.org/ns/locn#": "locn:",
    "http://www.w3.org/ns/odrl/2/": "odrl:",
    "http://www.w3.org/2000/01/rdf-schema#": "rdfs:",
    "http://www.w3.org/1999/02/22-rdf-syntax-ns#": "rdf:",
    "http://www.w3.org/2001/XMLSchema#": "xsd:",
    "http://www.w3.org/2006/time#": "time:",
    "http://www.w3.org/ns/shacl#": "sh:",
    "http://data.europa.eu/eli/ontology#": "eli:",
    "http://www.w3.org/ns/org#": "org:",
    "http://www.w3.org/2002/07/owl#": "owl:",
    "http://www.w3.org/2008/05/skos-xl#": "skosxl:",
}
CLASSES = {
    "dcat-ap-SHACL.ttl": "dcat-ap",
    "dcat-ap-SHACL-DE.ttl": "dcat-ap-de",
    "dcat-ap-spec-german-additions.ttl": "dcat-ap-de",
    "dcat-ap-de-controlledvocabularies.ttl": "vokabulare",
    "dcat-ap-de-deprecated.ttl": "veraltet",
}


def curie(iri: str) -> str:
    """An IRI with a well-known prefix shortened."""
    for namespace, prefix in PREFIXES.items():
        if iri.startswith(namespace):
            return prefix + iri[len(namespace) :]
    return iri


def subtree(shape: Shape) -> Iterator[Shape]:
    """A shape and its unnamed property shapes (and theirs)."""
    yield shape
    for child in shape.properties:
        if not child.named:
            yield from subtree(child)


def rows() -> list[dict[str, Any]]:
    """The catalogue rows, by shape IRI."""
    found: dict[str, dict[str, Any]] = {}
    for root in compiled():
        targets = [f"{'' if kind == 'targetClass' else 'subjectsOf '}{curie(iri)}" for kind, iri in root.targets]
        collect(root, targets, found)
    return [found[k] for k in sorted(found)]


def collect(shape: Shape, targets: list[str], found: dict[str, dict[str, Any]]) -> None:
    """Add the rows of a shape and of the named shapes below it."""
    if shape.named:
        parts = [s for s in subtree(shape) if s.constraints]
        if parts and shape.iri not in found:
            found[shape.iri] = row(shape, parts, targets)
        elif shape.iri in found:
            found[shape.iri]["targets"] = sorted(set(found[shape.iri]["targets"]) | set(targets))
    for child in shape.properties:
        collect(child, targets, found)


def row(shape: Shape, parts: list[Shape], targets: list[str]) -> dict[str, Any]:
    """One requirement's row."""
    severity = max((p.severity for p in parts), key=lambda s: SEVERITIES.get(s, 3))
    message = next((p.message for p in (shape, *parts) if p.message), "")
    path = " | ".join(curie(p) for p in constrained_path(shape, parts))
    constraints = ", ".join(f"sh:{c.kind} {shown(c.value)}" for p in parts for c in p.constraints)
    return {
        "uri": shape.iri,
        "class": CLASSES.get(shape.source, "dcat-ap-de"),
        "severity": severity.removeprefix(SH),
        "statement": message or f"{' / '.join(targets)}: {path or '(Knoten)'} – {constraints}",
        "targets": sorted(set(targets)),
        "path": path,
        "schemes": list(schemes(shape)),
    }


def constrained_path(shape: Shape, parts: list[Shape]) -> tuple[str, ...]:
    """The path a requirement judges: its shape's own, or for a node shape the paths of its constrained parts."""
    if shape.path:
        return shape.path
    return tuple(dict.fromkeys(p for part in parts for p in part.path or ()))


def shown(value: object) -> str:
    """A constraint parameter as the statement shows it."""
    text = getattr(value, "value", value)
    if isinstance(text, tuple):
        return " ".join(str(t) for t in text)
    return curie(str(text)) if not isinstance(value, Shape) else "[…]"


def main() -> None:
    """Write the catalogue data."""
    TARGET.write_text(json.dumps(rows(), indent=1, ensure_ascii=False) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
