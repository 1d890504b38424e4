"""The messages of a results file in the report's language, rendered from the catalogue in the file's header.

A report needs no suite installed: the header holds every code's English and German template. A message with
the code ``legacy`` (format 1 files, suites that still word plain English) is shown as written, in German where
:mod:`reasons` still knows the wording.
"""

from __future__ import annotations

from conformance.core.evidence import LEGACY
from conformance.core.messages import Catalogue, Message
from conformance.reporting.reasons import localise


class Localised(Catalogue):
    """A run's catalogue, rendering legacy messages through the remaining legacy wordings."""

    @classmethod
    def from_catalogue(cls, catalogue: Catalogue) -> Localised:
        """The catalogue of a results header."""
        return cls(catalogue.templates.values())

    def render(self, message: Message, lang: str) -> str:
        """The message in ``lang``; nested messages alike."""
        if message.code == LEGACY:
            return localise(message.text, lang)
        return super().render(message, lang)
