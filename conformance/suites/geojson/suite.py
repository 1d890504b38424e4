"""The GeoJSON suite on the harness contract: catalogue, messages, observation, checks and document validator.

Only the catalogue and the messages load with the suite; reading and grading an export (ijson, shapely, the
schemas) loads when a run or ``conformance validate`` needs it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from conformance.core.model import Standard
from conformance.suites.documents import DocumentSuite
from conformance.suites.geojson.messages import MESSAGES

if TYPE_CHECKING:
    from conformance.suites.geojson.export import Export  # noqa: F401  (the type argument of the base class)
    from conformance.xml.report import Validator


class GeoJSONSuite(DocumentSuite["Export"]):
    """GeoJSON exports (RFC 7946): schema, positions, rings, polygons, bbox, ids and precision, streamed."""

    def __init__(self, standard: Standard) -> None:
        super().__init__(standard, MESSAGES, "conformance.suites.geojson")

    @property
    def validator(self) -> Validator:
        """The GeoJSON validator for ``conformance validate --standard geojson``."""
        from conformance.suites.geojson.validator import VALIDATOR  # noqa: PLC0415

        return VALIDATOR
