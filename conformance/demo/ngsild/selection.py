"""TEST DOUBLE: the parameters of Query Entities (clauses 5.7.2, 6.4.3.2) and which entities they select.

``id``, ``idPattern``, ``type`` (4.17: ``,``/``|`` or, ``;`` and), ``attrs`` (entities with at least one of
them), ``q`` (4.9), geo-queries (4.10, ``geoproperty`` defaulting to ``location``), ``limit``/``offset``
(5.5.9, 6.3.10; default 20, at most 1000, 0 only with ``count``) and ``count`` (6.3.13). A query naming
none of id, idPattern, type, attrs, q or a geo-query is too broad (BadRequestData), as in Orion-LD.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from conformance.demo.ngsild import geo, query
from conformance.demo.ngsild.entities import Node, geometry
from conformance.demo.ngsild.spec import LOCATION, NgsiError

DEFAULT_LIMIT = 20
MAX_LIMIT = 1000
FILTERS = ("id", "idPattern", "type", "attrs", "q", "georel")


@dataclass(frozen=True)
class Selection:
    """A parsed entity query; ``expand`` turns the request's terms into IRIs."""

    expand: Callable[[str], str]
    defects: frozenset[str]
    ids: tuple[str, ...] = ()
    pattern: re.Pattern[str] | None = None
    types: tuple[frozenset[str], ...] = ()
    attrs: tuple[str, ...] = ()
    q: Any = None
    geo: geo.GeoQuery | None = None
    geoproperty: str = LOCATION
    limit: int = DEFAULT_LIMIT
    offset: int = 0
    count: bool = False

    def matches(self, entity: Node) -> bool:
        """Whether an entity is selected by every given filter."""
        return all(test(entity) for test in (self._id, self._type, self._attrs, self._q, self._geo))

    def _id(self, entity: Node) -> bool:
        pattern = None if "idpattern-ignored" in self.defects else self.pattern
        return (not self.ids or entity["@id"] in self.ids) and (pattern is None or bool(pattern.search(entity["@id"])))

    def _type(self, entity: Node) -> bool:
        if not self.types or "type-filter-ignored" in self.defects:
            return True
        return any(required <= set(entity["@type"]) for required in self.types)

    def _attrs(self, entity: Node) -> bool:
        return not self.attrs or "query-attrs-ignored" in self.defects or any(a in entity for a in self.attrs)

    def _q(self, entity: Node) -> bool:
        if self.q is None or "q-ignored" in self.defects:
            return True
        return query.holds(self.q, entity, self.expand, "q-numbers-as-text" in self.defects)

    def _geo(self, entity: Node) -> bool:
        if self.geo is None:
            return True
        shapes = [g for i in entity.get(self.geoproperty, ()) if (g := geometry(i)) is not None]
        if self.geo.georel == "within" and "within-ignored" in self.defects:
            return bool(shapes)
        return any(self.geo.matches(g, "near-in-kilometres" in self.defects) for g in shapes)


def selection(params: Mapping[str, str], expand: Callable[[str], str], defects: frozenset[str]) -> Selection:
    """The Selection of Query Entities parameters (BadRequestData for invalid or missing filters)."""
    if not any(params.get(name) for name in FILTERS) and "geometry" not in params:
        raise NgsiError("BadRequestData", "too broad query: give id, idPattern, type, attrs, q or a geo-query")
    count = _flag(params.get("count"))
    limit, offset = _paging(params, count)
    return Selection(
        expand,
        defects,
        _list(params.get("id")),
        _pattern(params.get("idPattern")),
        _types(params.get("type"), expand),
        tuple(expand(a) for a in _list(params.get("attrs"))),
        query.parse(params["q"], "q-or-as-and" in defects) if params.get("q") else None,
        geo.parse(params.get("georel"), params.get("geometry"), params.get("coordinates")),
        _geoproperty(params.get("geoproperty"), expand, defects),
        DEFAULT_LIMIT if "limit-ignored" in defects else limit,
        0 if "offset-ignored" in defects else offset,
        count,
    )


def _list(text: str | None) -> tuple[str, ...]:
    return tuple(item.strip() for item in (text or "").split(",") if item.strip())


def _pattern(text: str | None) -> re.Pattern[str] | None:
    try:
        return re.compile(text) if text else None
    except re.error as exc:
        raise NgsiError("BadRequestData", f"idPattern {text!r} is no regular expression: {exc}") from None


def _types(text: str | None, expand: Callable[[str], str]) -> tuple[frozenset[str], ...]:
    alternatives = re.split(r"[,|]", (text or "").replace("(", "").replace(")", ""))
    return tuple(frozenset(expand(t.strip()) for t in alt.split(";")) for alt in alternatives if alt.strip())


def _geoproperty(text: str | None, expand: Callable[[str], str], defects: frozenset[str]) -> str:
    return LOCATION if not text or "geoproperty-ignored" in defects else expand(text)


def _flag(text: str | None) -> bool:
    if text not in (None, "true", "false"):
        raise NgsiError("BadRequestData", f"count must be true or false, not {text!r}")
    return text == "true"


def _paging(params: Mapping[str, str], count: bool) -> tuple[int, int]:
    limit = _integer(params, "limit", DEFAULT_LIMIT, MAX_LIMIT)
    offset = _integer(params, "offset", 0, None)
    if limit == 0 and not count:
        raise NgsiError("BadRequestData", "limit=0 is only allowed together with count=true")
    return limit, offset


def _integer(params: Mapping[str, str], name: str, default: int, maximum: int | None) -> int:
    text = params.get(name)
    if text is None:
        return default
    if not text.isdigit() or (maximum is not None and int(text) > maximum):
        raise NgsiError("BadRequestData", f"{name} must be an integer from 0 to {maximum or 'any'}, not {text!r}")
    return int(text)
