"""One catalogue validated: its triples merged with the offline vocabularies, typed, and run through the engine."""

from __future__ import annotations

from collections.abc import Iterable

import pyoxigraph as ox

from conformance.suites.dcat_ap_de.engine import Engine, Outcome, Typing
from conformance.suites.dcat_ap_de.rdf import Index
from conformance.suites.dcat_ap_de.shapes import compiled
from conformance.suites.dcat_ap_de.vocabularies import vocabularies


def data_index(quads: Iterable[ox.Quad]) -> Index:
    """The data graph: the catalogue's triples and the offline vocabularies."""
    index = Index()
    index.add(quads)
    index.add(vocabularies().triples)
    return index


def validate(quads: Iterable[ox.Quad]) -> tuple[Index, Outcome]:
    """The data graph and the engine's outcome for it."""
    index = data_index(quads)
    typing = Typing(index, vocabularies().ontology)
    return index, Engine(index, typing).run(compiled())
