"""TEST DOUBLE: the batch operations of the NGSI-LD broker double (clauses 5.6.7-5.6.10, V1.6.1 binding).

Create: 201 with the created ids; upsert (``options=replace`` default, or ``update``): 201 with the created
ids, 204 if all existed; update (append semantics, ``options=noOverwrite``) and delete: 204. Whenever an
entity fails, 207 with a BatchOperationResult (``success``: ids, ``errors``: entityId and ProblemDetails).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from conformance.demo.ngsild.exchange import Reply, Request
from conformance.demo.ngsild.spec import NgsiError, is_uri

if TYPE_CHECKING:
    from conformance.demo.ngsild.api import Api

OPERATIONS = ("create", "upsert", "update", "delete")


@dataclass
class Outcome:
    """What a batch did: ids that succeeded, ids created, and the errors per entity."""

    success: list[str] = field(default_factory=list)
    created: list[str] = field(default_factory=list)
    errors: list[dict[str, Any]] = field(default_factory=list)


def run(api: Api, r: Request, operation: str) -> Reply:
    """Run one batch operation over the JSON array of the body."""
    kind, document = api.documents(r)
    if not isinstance(document, list):
        raise NgsiError("BadRequestData", "the body of a batch operation is a JSON array")
    link, outcome = api.link(r), Outcome()
    for item in document:
        try:
            outcome.success.append(STEPS[operation](api, r, kind, item, link, outcome))
        except NgsiError as error:
            outcome.errors.append({"entityId": _id_of(item), "error": error.problem()})
    return _reply(api, operation, outcome)


def _create(api: Api, r: Request, kind: str, item: Any, link: str | None, outcome: Outcome) -> str:
    entity = api.expanded(kind, item, link)
    api.broker.create(entity)
    outcome.created.append(entity["@id"])
    return str(entity["@id"])


def _upsert(api: Api, r: Request, kind: str, item: Any, link: str | None, outcome: Outcome) -> str:
    entity = api.expanded(kind, item, link)
    if entity["@id"] not in api.broker.entities:
        return _create(api, r, kind, item, link, outcome)
    if "update" in (r.params.get("options") or "").split(","):
        api.broker.append(entity["@id"], entity)
    else:
        api.broker.replace(entity)
    return str(entity["@id"])


def _update(api: Api, r: Request, kind: str, item: Any, link: str | None, outcome: Outcome) -> str:
    entity = api.expanded(kind, item, link)
    overwrite = "noOverwrite" not in (r.params.get("options") or "").split(",")
    api.broker.append(entity["@id"], entity, overwrite)
    return str(entity["@id"])


def _delete(api: Api, r: Request, kind: str, item: Any, link: str | None, outcome: Outcome) -> str:
    if not is_uri(item):
        raise NgsiError("BadRequestData", f"{item!r} is no entity id (URI)")
    api.broker.delete(item)
    return str(item)


STEPS = {"create": _create, "upsert": _upsert, "update": _update, "delete": _delete}


def _id_of(item: Any) -> str | None:
    value = item.get("id", item.get("@id")) if isinstance(item, dict) else item
    return value if isinstance(value, str) else None


def _reply(api: Api, operation: str, outcome: Outcome) -> Reply:
    failed = outcome.errors and "batch-partial-success" not in api.defects
    if failed:
        return Reply(207, {"success": outcome.success, "errors": outcome.errors})
    if operation == "create" and "batch-create-200" in api.defects and not outcome.errors:
        return Reply(200, {"success": outcome.success, "errors": []})
    if operation == "create" or (operation == "upsert" and outcome.created):
        return Reply(201, outcome.created)
    return Reply(204)
