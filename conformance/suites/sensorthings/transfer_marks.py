"""How the SensorThings round trip marks what it creates in B, and finds it again after a killed run.

B names the ids, so a creation cut off before B's answer leaves no URL in the journal. Each entity the round trip
creates therefore carries the run's id as ``RUN_PROPERTY`` in its ``properties`` (Observations, which have none,
in their ``parameters``; OGC 18-088, clause 8.2), the mark the SensorThings write checks use too
(:mod:`writes`). The journal notes the entity set and the mark before each POST; ``--cleanup`` finds what carries
the mark by ``$filter`` (clause 9.3.3.5.1), checks the mark on every entity it got, and deletes them. The mark is
left out of the comparison: B's ``properties.wechselbarRun`` is the round trip's, not A's. An entity of A that
carries a ``wechselbarRun`` of its own keeps it and goes unmarked.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any
from urllib.parse import quote, urljoin

from conformance.core.http import SafeSession
from conformance.suites.sensorthings.writes import JSON, RUN_PROPERTY, entity_link

MAX_PAGES = 10


def member(collection: str) -> str:
    """The object member of an entity type that holds the mark."""
    return "parameters" if collection == "Observations" else "properties"


def markable(collection: str, document: Mapping[str, Any]) -> bool:
    """Whether the mark can be added without replacing a value of A (the member is absent, or an object without
    ``RUN_PROPERTY``)."""
    value = document.get(member(collection))
    return value is None or (isinstance(value, Mapping) and RUN_PROPERTY not in value)


def marked(collection: str, document: Mapping[str, Any], run: str) -> dict[str, Any]:
    """The document with the run's mark added to its object member."""
    name = member(collection)
    return {**document, name: {**(document.get(name) or {}), RUN_PROPERTY: run}}


def unmarked(collection: str, found: Mapping[str, Any], run: str) -> dict[str, Any]:
    """Attributes read back from B without the run's mark (``properties.wechselbarRun``); another value stays."""
    name = f"{member(collection)}.{RUN_PROPERTY}"
    return {k: v for k, v in found.items() if k != name or v != run}


def search_url(collection_url: str, collection: str, run: str) -> str:
    """The URL that lists the entities of ``collection`` carrying the run's mark."""
    expression = f"{member(collection)}/{RUN_PROPERTY} eq '{run}'"
    return f"{collection_url}?$filter={quote(expression, safe='/')}"


def find(session: SafeSession, url: str, run: str) -> list[str]:
    """The URLs of the entities ``url`` lists that carry the run's mark (a service that ignores the filter lists
    others too: they are left alone); LookupError when ``url`` does not answer with an entity collection."""
    path = url.split("?", 1)[0]
    root, collection = path.rsplit("/", 1)
    found: list[str] = []
    next_url: str | None = url
    for _ in range(MAX_PAGES):
        if next_url is None:
            break
        page = _page(session, next_url)
        found += [entity_link(root + "/", collection, row) for row in page["value"] if _carries(row, collection, run)]
        link = page.get("@iot.nextLink")
        next_url = urljoin(next_url, link) if isinstance(link, str) else None
    return found


def _page(session: SafeSession, url: str) -> dict[str, Any]:
    answer = session.get(url, headers={"Accept": JSON})
    if answer.status != 200:
        raise LookupError(f"{url}: HTTP {answer.status}")
    try:
        page = answer.json()
    except ValueError as exc:
        raise LookupError(f"{url}: {exc}") from None
    if not isinstance(page, dict) or not isinstance(page.get("value"), list):
        raise LookupError(f"{url}: not an entity collection")
    return page


def _carries(row: Any, collection: str, run: str) -> bool:
    if not isinstance(row, dict) or row.get("@iot.id") is None:
        return False
    holder = row.get(member(collection))
    return isinstance(holder, dict) and holder.get(RUN_PROPERTY) == run
