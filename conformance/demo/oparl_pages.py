"""TEST DOUBLE: one page of an external object list, with pagination, links and the paging defects."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from conformance.demo.oparl_render import View


def build_page(view: View, name: str, query: Mapping[str, str]) -> dict[str, Any]:
    """The requested page (``page``, 1-based) of a list, with ``data``, ``pagination`` and ``links``."""
    keys = _ordered(view, name, query, view.list_keys(name, query))
    size = len(keys) or 1 if name == "agendaItem" and "no-pagination" in view.defects else view.page_size
    total = view.pages(len(keys), size)
    number = min(max(1, _int(query.get("page", "1"))), total)
    start = (number - 1) * size - (2 if number > 1 and name == "person" and "duplicates" in view.defects else 0)
    omit = query.get("omit_internal") == "true"
    data = [view.render(view.data.records[k], embedded=False, omit=omit) for k in keys[start : start + size]]
    per_page = size + 5 if number == 2 and name == "paper" and "elements-per-page" in view.defects else size
    return {
        "data": data,
        "pagination": {
            "totalElements": len(keys),
            "elementsPerPage": per_page,
            "currentPage": number,
            "totalPages": total,
        },
        "links": _links(view, name, query, number, total),
    }


def _ordered(view: View, name: str, query: Mapping[str, str], keys: list[str]) -> list[str]:
    """The defect unstable-order reverses the organization list on every repeated request of the same URL."""
    if name != "organization" or "unstable-order" not in view.defects:
        return keys
    url = f"{name}?{sorted(query.items())}"
    view.hits[url] = view.hits.get(url, 0) + 1
    return keys[::-1] if view.hits[url] > 1 else keys


def _links(view: View, name: str, query: Mapping[str, str], number: int, total: int) -> dict[str, str]:
    links = {
        "first": view.link(name, query, 1),
        "self": view.link(name, query, number),
        "last": view.link(name, query, 1 if name == "paper" and "wrong-last" in view.defects else total),
    }
    if number > 1:
        links["prev"] = view.link(name, query, number - 1)
    if number < total:
        links["next"] = view.link(name, query, number + 1)
    if name == "paper" and number == 3 and "pagination-cycle" in view.defects:
        links["next"] = view.link(name, query, 2)
    if name == "paper" and number == 2 and "missing-next" in view.defects:
        links.pop("next", None)
    return links


def _int(value: str) -> int:
    try:
        return int(value)
    except ValueError:
        return 1
