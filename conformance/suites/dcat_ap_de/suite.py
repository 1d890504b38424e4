"""The DCAT-AP.de suite on the harness contract. Only the catalogue (read from ``requirements.json``) and the
messages load with the suite; the shapes, vocabularies and the engine load when a run needs them."""

from __future__ import annotations

from typing import TYPE_CHECKING

from conformance.core.model import Standard
from conformance.suites.dcat_ap_de.messages import MESSAGES
from conformance.suites.documents import DocumentSuite

if TYPE_CHECKING:
    from conformance.suites.dcat_ap_de.export import Export  # noqa: F401  (the type argument of the base class)
    from conformance.xml.report import Validator


class DcatApDeSuite(DocumentSuite["Export"]):
    """DCAT-AP.de 3.0 catalogue exports (RDF/XML, Turtle, JSON-LD; files, folders, ZIPs, URLs, paged endpoints),
    validated against the SHACL shapes of the GovData validator."""

    def __init__(self, standard: Standard) -> None:
        super().__init__(standard, MESSAGES, "conformance.suites.dcat_ap_de")

    @property
    def validator(self) -> Validator:
        """The validator for ``conformance validate --standard dcat-ap-de-3.0``: each document on its own."""
        from conformance.suites.dcat_ap_de.validator import VALIDATOR  # noqa: PLC0415

        return VALIDATOR
