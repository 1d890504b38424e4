"""A small HTTP client for the NGSI-LD broker double's tests: JSON-LD Link header and JSON bodies by default."""

from __future__ import annotations

import json
from typing import Any

import requests

REL = "http://www.w3.org/ns/json-ld#context"


def link(url: str) -> str:
    """A JSON-LD Link header value naming a @context."""
    return f'<{url}>; rel="{REL}"; type="application/ld+json"'


class Client:
    """Requests against one tenant's ``/ngsi-ld/v1``, with the user @context as Link header unless told otherwise."""

    def __init__(self, session: requests.Session, root: str, context: str | None) -> None:
        self.session, self.api, self.context = session, root + "/ngsi-ld/v1", context

    def call(
        self,
        method: str,
        path: str,
        body: Any = None,
        *,
        context: str | None = "default",
        media: str = "application/json",
        raw: bytes | None = None,
        **kwargs: Any,
    ) -> requests.Response:
        """One request; ``context=None`` sends no Link header, ``raw`` sends the bytes as they are."""
        headers = dict(kwargs.pop("headers", {}))
        chosen = self.context if context == "default" else context
        if chosen and "Link" not in headers:
            headers["Link"] = link(chosen)
        if body is not None or raw is not None:
            headers.setdefault("Content-Type", media)
        data = raw if raw is not None else (None if body is None else json.dumps(body).encode())
        return self.session.request(method, self.api + path, data=data, headers=headers, timeout=30, **kwargs)

    def get(self, path: str, **kwargs: Any) -> requests.Response:
        return self.call("GET", path, **kwargs)

    def post(self, path: str, body: Any = None, **kwargs: Any) -> requests.Response:
        return self.call("POST", path, body, **kwargs)

    def patch(self, path: str, body: Any = None, **kwargs: Any) -> requests.Response:
        return self.call("PATCH", path, body, **kwargs)

    def delete(self, path: str, **kwargs: Any) -> requests.Response:
        return self.call("DELETE", path, **kwargs)

    def ids(self, **params: Any) -> list[str]:
        """The ids a query returns (one page)."""
        response = self.get("/entities", params=params)
        assert response.status_code == 200, response.text
        return [e["id"] for e in response.json()]

    def count(self, **params: Any) -> int:
        """The NGSILD-Results-Count of a query."""
        response = self.get("/entities", params={**params, "count": "true", "limit": 0})
        assert response.status_code == 200, response.text
        return int(response.headers["NGSILD-Results-Count"])


def parking(entity_id: str, **extra: Any) -> dict[str, Any]:
    """A small car park entity in the normalized representation (terms of the Musterstadt @context)."""
    return {
        "id": entity_id,
        "type": "OffStreetParking",
        "name": {"type": "Property", "value": "Probe"},
        "totalSpotNumber": {"type": "Property", "value": 50, "unitCode": "C62"},
        "location": {"type": "GeoProperty", "value": {"type": "Point", "coordinates": [7.2, 50.9]}},
        **extra,
    }


def problem(response: requests.Response, kind: str, status: int) -> bool:
    """Whether a response is the ProblemDetails of an ETSI error type with its status."""
    return (
        response.status_code == status
        and response.headers.get("Content-Type", "").startswith("application/json")
        and response.json().get("type") == f"https://uri.etsi.org/ngsi-ld/errors/{kind}"
    )


def member(body: dict[str, Any], name: str) -> Any:
    """An attribute by its short name, also if it came as an IRI (compacted or expanded without the user @context)."""
    return next((v for k, v in body.items() if k.rsplit("/", 1)[-1] == name), None)
