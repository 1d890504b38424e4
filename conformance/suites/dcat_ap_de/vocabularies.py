"""The controlled vocabularies and ontologies available offline, from the packs.

The vocabularies go into the data graph (the kv-* shapes follow ``skos:inScheme`` from the value node); FOAF,
vCard and ORG are the ontology for the RDFS entailments. A vocabulary the packs lack, or a value missing from an
older or trimmed offline copy, cannot be judged: such values are *not checked*, never violations.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

import pyoxigraph as ox

from conformance.core.packs import default_store
from conformance.suites.dcat_ap_de.rdf import SKOS, Index, read_file

VOCAB_PACK, DE_PACK = "dcat-ap-vocabularies", "dcat-ap-de-shacl"
EU_TABLES = ("language", "file-type", "frequency", "datatheme", "access-right", "distribution-status")
VOCABULARY_FILES = (
    *((VOCAB_PACK, f"resources/thesauri/theme/{name}.rdf") for name in (*EU_TABLES, "publisher-type")),
    (DE_PACK, "validator/resources/dashboard-live/shapes/dcat-ap-de-contributors.rdf"),
    (DE_PACK, "validator/resources/dashboard-live/shapes/dcat-ap-de-licenses-open.rdf"),
)
ONTOLOGY_FILES = tuple(
    (DE_PACK, f"validator/resources/mirror/{name}") for name in ("foaf_0_1.rdf", "vcard.ttl", "org.ttl")
)


@dataclass(frozen=True)
class Vocabularies:
    """The offline vocabulary triples, the concepts by scheme, and the ontology."""

    triples: tuple[ox.Quad, ...]
    concepts: dict[str, frozenset[str]]
    ontology: Index

    def offline(self, scheme: str) -> bool:
        """Whether the packs hold concepts of a scheme."""
        return bool(self.concepts.get(scheme))

    def unchecked(self, scheme: str, value: str) -> bool:
        """Whether a value of a scheme cannot be judged offline: it lies in the scheme's namespace but the offline
        copy (missing, older or trimmed) does not list it."""
        return value.startswith(scheme.rstrip("/") + "/") and value not in self.concepts.get(scheme, frozenset())


@cache
def vocabularies() -> Vocabularies:
    """The vocabularies and ontologies of the packs, read once per process."""
    store = default_store()
    triples = [q for pack, path in VOCABULARY_FILES for q in read_file(store.path(pack, path))]
    by_scheme: dict[str, set[str]] = {}
    for quad in triples:
        concept, scheme = quad.subject, quad.object
        if quad.predicate.value == SKOS + "inScheme" and isinstance(scheme, ox.NamedNode):
            by_scheme.setdefault(scheme.value, set()).update(c.value for c in (concept,) if isinstance(c, ox.NamedNode))
    ontology = Index()
    for pack, path in ONTOLOGY_FILES:
        ontology.add(read_file(store.path(pack, path)))
    return Vocabularies(tuple(triples), {k: frozenset(v) for k, v in by_scheme.items()}, ontology)
