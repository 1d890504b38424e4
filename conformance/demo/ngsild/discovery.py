"""TEST DOUBLE: discovery of entity types and attributes (clauses 5.7.5-5.7.10, data types 5.2.24-5.2.28).

Names are given as short names of the request's ``@context`` where it has a term for them.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from typing import Any

from conformance.demo.ngsild.entities import Node, attributes, kind
from conformance.demo.ngsild.spec import RELATIONSHIP, NgsiError

Short = Callable[[str], str]


def _urn(kind_name: str, names: list[str]) -> str:
    return f"urn:ngsi-ld:{kind_name}:{hashlib.sha256(' '.join(names).encode()).hexdigest()[:12]}"


def _types(entities: list[Node]) -> list[str]:
    return sorted({t for e in entities for t in e["@type"]})


def _attribute_types(entities: list[Node], name: str) -> list[str]:
    return sorted({k for e in entities for i in e.get(name, ()) if (k := kind(i))})


def _attribute_names(entities: list[Node]) -> list[str]:
    return sorted({name for e in entities for name, _ in attributes(e)})


def type_list(entities: list[Node], short: Short, defects: frozenset[str]) -> dict[str, Any]:
    """EntityTypeList (5.7.5, 5.2.24): the types of the existing entities."""
    names = _types(entities) if "types-full-iris" in defects else [short(t) for t in _types(entities)]
    return {"id": _urn("EntityTypeList", names), "type": "EntityTypeList", "typeList": names}


def type_details(entities: list[Node], short: Short) -> list[dict[str, Any]]:
    """EntityType details (5.7.6, 5.2.25): each type with the names of its entities' attributes."""
    return [
        {
            "id": t,
            "type": "EntityType",
            "typeName": short(t),
            "attributeNames": [short(a) for a in _attribute_names([e for e in entities if t in e["@type"]])],
        }
        for t in _types(entities)
    ]


def type_info(entities: list[Node], type_iri: str, short: Short) -> dict[str, Any]:
    """EntityTypeInfo (5.7.7, 5.2.26); ResourceNotFound for a type without entities."""
    members = [e for e in entities if type_iri in e["@type"]]
    if not members:
        raise NgsiError("ResourceNotFound", f"no entities of type {type_iri}")
    details = [
        {
            "id": a,
            "type": "Attribute",
            "attributeName": short(a),
            "attributeTypes": [short(k) for k in _attribute_types(members, a)],
        }
        for a in _attribute_names(members)
    ]
    return {
        "id": type_iri,
        "type": "EntityTypeInfo",
        "typeName": short(type_iri),
        "entityCount": len(members),
        "attributeDetails": details,
    }


def attribute_list(entities: list[Node], short: Short, defects: frozenset[str]) -> dict[str, Any]:
    """AttributeList (5.7.8, 5.2.27): the names of the attributes of the existing entities."""
    names = _attribute_names(entities)
    if "attributes-without-relationships" in defects:
        names = [n for n in names if _attribute_types(entities, n) != [RELATIONSHIP]]
    shorts = [short(n) for n in names]
    return {"id": _urn("AttributeList", shorts), "type": "AttributeList", "attributeList": shorts}


def attribute_details(entities: list[Node], short: Short) -> list[dict[str, Any]]:
    """Attribute details (5.7.9, 5.2.28) of every attribute."""
    return [attribute_info(entities, name, short) for name in _attribute_names(entities)]


def attribute_info(entities: list[Node], name: str, short: Short) -> dict[str, Any]:
    """Attribute (5.7.10, 5.2.28): count, types and entity types of one attribute; ResourceNotFound if none."""
    members = [e for e in entities if name in e]
    if not members:
        raise NgsiError("ResourceNotFound", f"no entities have the attribute {name}")
    return {
        "id": name,
        "type": "Attribute",
        "attributeName": short(name),
        "attributeCount": sum(len(e[name]) for e in members),
        "attributeTypes": [short(k) for k in _attribute_types(members, name)],
        "typeNames": [short(t) for t in _types(members)],
    }
