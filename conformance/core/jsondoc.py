"""An HTTP response with its JSON body parsed, as the checks of the HTTP suites read it."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from conformance.core.evidence import Exchange, Locator
from conformance.core.http import Response


@dataclass(frozen=True)
class JsonDoc:
    """A response with its JSON body parsed (``body`` is None when it is not JSON)."""

    response: Response
    body: Any

    @property
    def url(self) -> str:
        """The URL that answered."""
        return self.response.url

    @property
    def status(self) -> int:
        """The HTTP status code."""
        return self.response.status

    @property
    def exchange(self) -> Exchange:
        """The captured exchange (evidence)."""
        return self.response.exchange

    @property
    def ok(self) -> bool:
        """200 with a JSON object as body."""
        return self.status == 200 and isinstance(self.body, dict)

    def at(self, pointer: str = "") -> Locator:
        """A locator for a JSON pointer in this document."""
        return Locator(where=self.url, pointer=pointer)

    def member(self, name: str, default: Any = None) -> Any:
        """A top-level member of a JSON object body."""
        return self.body.get(name, default) if isinstance(self.body, dict) else default
