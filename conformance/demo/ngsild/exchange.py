"""TEST DOUBLE: a request to the NGSI-LD broker double and its reply, independent of HTTP plumbing."""

from __future__ import annotations

from dataclasses import dataclass, field
from email.message import Message
from typing import Any


@dataclass(frozen=True)
class Request:
    """One HTTP request below ``/ngsi-ld/v1``: method, path segments, query, headers, body, API root path."""

    method: str
    route: list[str]
    params: dict[str, str]
    headers: Message
    body: bytes
    root: str


@dataclass
class Reply:
    """An answer: status, body (JSON data or an NgsiError), headers; ``context`` marks a JSON-LD body.

    For a JSON-LD body ``context`` is the @context to name (in a Link header for application/json, in the
    body for application/ld+json, clause 6.3.5); ``links`` are further Link header values (paging).
    """

    status: int
    body: Any = None
    headers: dict[str, str] = field(default_factory=dict)
    context: str | None = None
    links: list[str] = field(default_factory=list)
