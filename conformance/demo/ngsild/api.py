"""TEST DOUBLE: the NGSI-LD operations of the broker double on parsed HTTP requests (clause 6, V1.6.1).

Routes below ``{apiRoot}/ngsi-ld/v1`` (Table 6.2-1): ``/entities`` (POST create 5.6.1, GET query 5.7.2),
``/entities/{id}`` (GET 5.7.1, DELETE 5.6.6), ``/entities/{id}/attrs`` (POST append 5.6.3, PATCH update
5.6.2), ``/entities/{id}/attrs/{attrId}`` (PATCH 5.6.4, DELETE 5.6.5), ``/entityOperations/{create,upsert,
update,delete}`` (5.6.7-5.6.10, see ``batch``), ``/types`` and ``/attributes`` (5.7.5-5.7.10). The other
V1.6.1 resources (merge, replace, subscriptions, registrations, temporal, @context API) answer 422
OperationNotSupported.
"""

from __future__ import annotations

import json
from functools import partial
from typing import Any
from urllib.parse import quote, urlencode

from conformance.demo.ngsild import batch, discovery
from conformance.demo.ngsild.broker import Broker, NotUpdated
from conformance.demo.ngsild.contexts import ContextStore, with_core
from conformance.demo.ngsild.entities import Node
from conformance.demo.ngsild.exchange import Reply, Request
from conformance.demo.ngsild.negotiation import body_kind, input_context, link_context
from conformance.demo.ngsild.render import Representation, options, render
from conformance.demo.ngsild.selection import selection
from conformance.demo.ngsild.spec import CORE_URL, NgsiError, is_uri

UNSUPPORTED = {"subscriptions", "csourceRegistrations", "csourceSubscriptions", "temporal", "jsonldContexts"}


class Api:
    """The operations of one tenant."""

    def __init__(self, broker: Broker, contexts: ContextStore) -> None:
        self.broker = broker
        self.contexts = contexts
        self.defects = broker.defects

    def handle(self, request: Request) -> Reply:
        """Route one request; NGSI-LD errors become ProblemDetails replies."""
        try:
            return self._route(request)
        except NgsiError as error:
            return Reply(error.status, error)

    def _route(self, r: Request) -> Reply:
        match r.method, r.route:
            case "POST", ["entities"]:
                return self.create(r)
            case "GET", ["entities"]:
                return self.query(r)
            case "GET", ["entities", entity_id]:
                return self.retrieve(r, entity_id)
            case "DELETE", ["entities", entity_id]:
                return self.delete(r, entity_id)
            case ("POST" | "PATCH") as method, ["entities", entity_id, "attrs"]:
                return self.change(r, entity_id, append=method == "POST")
            case "PATCH", ["entities", entity_id, "attrs", name]:
                return self.partial(r, entity_id, name)
            case "DELETE", ["entities", entity_id, "attrs", name]:
                return self.delete_attribute(r, entity_id, name)
            case "POST", ["entityOperations", operation] if operation in batch.OPERATIONS:
                return batch.run(self, r, operation)
            case "GET", ["types" | "attributes" as what, *rest] if len(rest) <= 1:
                return self.discover(r, what, rest[0] if rest else None)
        return self._unsupported(r)

    def _unsupported(self, r: Request) -> Reply:
        known = r.route and (r.route[0] in UNSUPPORTED or r.route[0] in ("entities", "entityOperations"))
        if known and len(r.route) <= 4:
            raise NgsiError("OperationNotSupported", f"{r.method} /{'/'.join(r.route)} is not offered")
        raise NgsiError("ResourceNotFound", f"no resource /{'/'.join(r.route)}")

    def link(self, r: Request) -> str | None:
        """The JSON-LD Link header's @context URL."""
        return link_context(r.headers, self.contexts.documents, self.defects)

    def expand_term(self, r: Request) -> Any:
        """Expansion of terms in the query string (GET, DELETE: the Link header's @context)."""
        context = with_core(self.link(r))
        return lambda term: self.contexts.expand_iri(term, context)

    def documents(self, r: Request) -> tuple[str, Any]:
        """The body's kind (JSON or JSON-LD) and parsed JSON (InvalidRequest if it is none)."""
        kind = body_kind(r.method, r.headers, self.defects)
        try:
            return kind, json.loads(r.body or b"null")
        except ValueError as exc:
            raise NgsiError("InvalidRequest", f"the body is no JSON: {exc}") from None

    def expanded(self, kind: str, document: Any, link: str | None, entity: bool = True) -> Node:
        """One body object expanded with its effective @context (an entity or an entity fragment)."""
        if not isinstance(document, dict):
            raise NgsiError("BadRequestData", "the body must be a JSON object")
        context = input_context(kind, document, link, self.defects)
        body = {k: v for k, v in document.items() if k != "@context"}
        nodes = self.contexts.expand({"@context": context, **body}) if body else [{}]
        if len(nodes) != 1 or (entity and "@id" not in nodes[0]):
            raise NgsiError("BadRequestData", "the body must describe exactly one entity (with id and type)")
        return nodes[0]

    def create(self, r: Request) -> Reply:
        """Create Entity (5.6.1, 6.4.3.1): 201 with Location."""
        kind, document = self.documents(r)
        entity = self.expanded(kind, document, self.link(r))
        self.broker.create(entity)
        location = (
            {}
            if "create-no-location" in self.defects
            else {"Location": f"{r.root}/entities/{quote(entity['@id'], safe=':')}"}
        )
        return Reply(200 if "create-200" in self.defects else 201, None, location)

    def retrieve(self, r: Request, entity_id: str) -> Reply:
        """Retrieve Entity (5.7.1, 6.5.3.1) with attrs and options."""
        _check_id(entity_id)
        expand, link = self.expand_term(r), self.link(r)
        entity = self._entity(entity_id)
        attrs = () if "retrieve-attrs-ignored" in self.defects else _attrs(r, expand)
        if attrs and not any(a in entity for a in attrs):
            raise NgsiError("ResourceNotFound", f"entity {entity_id} has none of the attributes asked for")
        body = render(entity, self._how(r, link, attrs), self.contexts)
        if "retrieve-without-type" in self.defects and not r.params:
            body.pop("type", None)
        return Reply(200, body, context=link or CORE_URL)

    def _entity(self, entity_id: str) -> Node:
        try:
            return self.broker.entity(entity_id)
        except NgsiError as error:
            if "missing-entity-500" in self.defects:
                raise NgsiError("InternalError", f"lookup of {entity_id} failed") from error
            raise

    def _how(self, r: Request, link: str | None, attrs: tuple[str, ...]) -> Representation:
        key_values, sys_attrs = options(r.params.get("options"))
        return Representation(with_core(link), key_values, sys_attrs, attrs, self.defects)

    def query(self, r: Request) -> Reply:
        """Query Entities (5.7.2, 6.4.3.2) with paging (6.3.10) and count (6.3.13)."""
        link = self.link(r)
        chosen = selection(r.params, self.expand_term(r), self.defects)
        found = self.broker.select(chosen)
        page = found[chosen.offset : chosen.offset + chosen.limit]
        attrs = () if "query-attrs-ignored" in self.defects else chosen.attrs
        bodies = [render(e, self._how(r, link, attrs), self.contexts) for e in page]
        reply = Reply(200, bodies, context=link or CORE_URL, links=_paging(r, chosen.offset, chosen.limit, len(found)))
        if chosen.count and "count-missing" not in self.defects:
            reply.headers["NGSILD-Results-Count"] = str(len(page) if "count-wrong" in self.defects else len(found))
        return reply

    def delete(self, r: Request, entity_id: str) -> Reply:
        """Delete Entity (5.6.6, 6.5.3.2): 204."""
        _check_id(entity_id)
        self.broker.delete(entity_id)
        return Reply(204)

    def change(self, r: Request, entity_id: str, append: bool) -> Reply:
        """Append (5.6.3, 6.6.3.1) or Update (5.6.2, 6.6.3.2) Entity Attributes: 204, or 207 with UpdateResult."""
        _check_id(entity_id)
        kind, document = self.documents(r)
        link = self.link(r)
        fragment = self.expanded(kind, document, link, entity=False)
        if append:
            overwrite = "noOverwrite" not in (r.params.get("options") or "").split(",")
            not_updated = self.broker.append(entity_id, fragment, overwrite)
        else:
            not_updated = self.broker.update(entity_id, fragment)
        return self._update_result(fragment, not_updated, input_context(kind, document, link, frozenset()))

    def _update_result(self, fragment: Node, not_updated: NotUpdated, context: list[Any]) -> Reply:
        if not not_updated:
            return Reply(204)
        short = [self.contexts.compact_iri(name, context) for name, _ in not_updated]
        failed = {name for name, _ in not_updated}
        updated = [self.contexts.compact_iri(n, context) for n in fragment if not n.startswith("@") and n not in failed]
        return Reply(
            207,
            {
                "updated": updated,
                "notUpdated": [
                    {"attributeName": name, "reason": reason}
                    for name, (_, reason) in zip(short, not_updated, strict=True)
                ],
            },
        )

    def partial(self, r: Request, entity_id: str, name: str) -> Reply:
        """Partial Attribute Update (5.6.4, 6.7.3.1): 204."""
        _check_id(entity_id)
        kind, document = self.documents(r)
        if not isinstance(document, dict):
            raise NgsiError("BadRequestData", "the body must be an attribute fragment (a JSON object)")
        body = {k: v for k, v in document.items() if k != "@context"}
        wrapper = {"@context": document["@context"]} if "@context" in document else {}
        node = self.expanded(kind, {**wrapper, name: body}, self.link(r), entity=False)
        iri, instances = next(((k, v) for k, v in node.items() if not k.startswith("@")), (name, [{}]))
        self.broker.partial(entity_id, iri, instances[0])
        return Reply(204)

    def delete_attribute(self, r: Request, entity_id: str, name: str) -> Reply:
        """Delete Entity Attribute (5.6.5, 6.7.3.2): 204."""
        _check_id(entity_id)
        iri = self.expand_term(r)(name)
        self.broker.delete_attribute(entity_id, iri, r.params.get("datasetId"), r.params.get("deleteAll") == "true")
        return Reply(204)

    def discover(self, r: Request, what: str, name: str | None) -> Reply:
        """Retrieve available entity types or attributes (5.7.5-5.7.10)."""
        link = self.link(r)
        context = with_core(link)
        short = partial(self.contexts.compact_iri, context=context)
        entities, details = self.broker.snapshot(), r.params.get("details") == "true"
        iri = self.contexts.expand_iri(name, context) if name else None
        if what == "types":
            body: Any = (
                discovery.type_info(entities, iri, short)
                if iri
                else (
                    discovery.type_details(entities, short)
                    if details
                    else discovery.type_list(entities, short, self.defects)
                )
            )
        else:
            body = (
                discovery.attribute_info(entities, iri, short)
                if iri
                else (
                    discovery.attribute_details(entities, short)
                    if details
                    else discovery.attribute_list(entities, short, self.defects)
                )
            )
        return Reply(200, body, context=link or CORE_URL)


def _check_id(entity_id: str) -> None:
    if not is_uri(entity_id):
        raise NgsiError("BadRequestData", f"entity id {entity_id!r} is not a URI")


def _attrs(r: Request, expand: Any) -> tuple[str, ...]:
    return tuple(expand(a.strip()) for a in (r.params.get("attrs") or "").split(",") if a.strip())


def _paging(r: Request, offset: int, limit: int, total: int) -> list[str]:
    links = []
    if offset + limit < total and limit:
        links.append(_page(r, offset + limit, limit, "next"))
    if offset > 0 and limit:
        links.append(_page(r, max(0, offset - limit), limit, "prev"))
    return links


def _page(r: Request, offset: int, limit: int, rel: str) -> str:
    query = urlencode({**r.params, "offset": offset, "limit": limit})
    return f'<{r.root}/entities?{query}>; rel="{rel}"; type="application/json"'
