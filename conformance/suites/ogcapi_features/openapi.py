"""The API definition (OpenAPI 3.0) linked from the landing page: operations, parameters and responses.

References are resolved by the shared reader (``conformance.core.openapi``) inside the document and, for the
published OGC API Features 1.0 building blocks (``https://schemas.opengis.net/ogcapi/features/part1/1.0/openapi/…``),
against the ogcapi-features pack. Every other remote reference stays unresolved; nothing is fetched.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, cached_property
from typing import Any

import yaml

from conformance.core.evidence import Exchange, MissingMember, Skipped
from conformance.core.jsonschemas import load_document
from conformance.core.openapi.refs import Located, References, escape
from conformance.suites.ogcapi_features.links import links, with_rel
from conformance.suites.ogcapi_features.messages import m
from conformance.suites.ogcapi_features.responses import OPENAPI_JSON, Doc
from conformance.suites.ogcapi_features.schemas import PUBLISHED, openapi_folder
from conformance.suites.ogcapi_features.service import Ctx, Service


@dataclass(frozen=True)
class Parameter:
    """A parameter of an operation: where it is declared and its resolved object (None if unresolvable)."""

    pointer: str
    raw: dict[str, Any] | None
    ref: str = ""

    @property
    def name(self) -> str:
        """The parameter name ('' if unresolved)."""
        return str((self.raw or {}).get("name", ""))

    @property
    def location(self) -> str:
        """query, path, header or cookie."""
        return str((self.raw or {}).get("in", ""))

    @property
    def schema(self) -> dict[str, Any]:
        """The parameter's schema object (empty if absent)."""
        found = (self.raw or {}).get("schema")
        return found if isinstance(found, dict) else {}

    @property
    def free_form(self) -> bool:
        """A query object exploded in form style: it admits query parameters of any name."""
        raw = self.raw or {}
        exploded = raw.get("explode", raw.get("style", "form") == "form")
        return (
            self.location == "query"
            and self.schema.get("type") == "object"
            and raw.get("style", "form") == "form"
            and bool(exploded)
        )


@dataclass(frozen=True)
class Definition:
    """A parsed API definition; references resolve inside it and against the published building blocks."""

    doc: Doc
    raw: dict[str, Any]

    @cached_property
    def refs(self) -> References:
        """The reader of the definition's references (the published building blocks as other documents)."""
        return References(self.doc.url if self.doc else "", self.raw, published)

    def resolve(self, node: Any) -> Any:
        """Follow ``$ref`` chains; None where a reference cannot be resolved offline."""
        return self.refs.resolve(node)

    def locate(self, node: Any, uri: str, pointer: str) -> Located | None:
        """Follow ``$ref`` chains keeping track of the document and pointer; None where one cannot be resolved."""
        return self.refs.locate(node, uri, pointer)

    def operation(self, path: str, method: str = "get") -> tuple[str, dict[str, Any]] | None:
        """The JSON pointer and object of the operation serving a concrete path, e.g. /collections/x/items."""
        for template, item in (self.raw.get("paths") or {}).items():
            if isinstance(item, dict) and _matches(str(template), path) and isinstance(item.get(method), dict):
                return f"/paths/{escape(str(template))}/{method}", item
        return None

    def parameters(self, path: str) -> list[Parameter]:
        """The parameters of the GET operation of a path (path-level ones included)."""
        found = self.operation(path)
        if found is None:
            return []
        return self._item_parameters(*found)

    def template_parameters(self, template: str) -> list[Parameter]:
        """The parameters of the GET operation of a documented path, given as written in the definition."""
        item = (self.raw.get("paths") or {}).get(template)
        if not isinstance(item, dict) or not isinstance(item.get("get"), dict):
            return []
        return self._item_parameters(f"/paths/{escape(template)}/get", item)

    def _item_parameters(self, pointer: str, item: dict[str, Any]) -> list[Parameter]:
        out = self._params(item.get("parameters"), pointer.rsplit("/", 1)[0] + "/parameters")
        own = self._params(item["get"].get("parameters"), pointer + "/parameters")
        names = {(p.name, p.location) for p in own}
        return [p for p in out if (p.name, p.location) not in names] + own

    def _params(self, nodes: Any, pointer: str) -> list[Parameter]:
        if not isinstance(nodes, list):
            return []
        out = []
        for index, node in enumerate(nodes):
            resolved = self.resolve(node)
            raw = resolved if isinstance(resolved, dict) else None
            ref = str(node.get("$ref", "")) if isinstance(node, dict) else ""
            out.append(Parameter(f"{pointer}/{index}", raw, ref))
        return out

    def responses(self, path: str) -> dict[str, Any] | None:
        """Status code → resolved response object of the GET operation (None if the path is not described)."""
        found = self.operation(path)
        if found is None:
            return None
        declared = found[1]["get"].get("responses")
        return {str(k): self.resolve(v) for k, v in declared.items()} if isinstance(declared, dict) else {}


def _matches(template: str, path: str) -> bool:
    pattern = "".join(
        "[^/]+" if part.startswith("{") else re.escape(part) for part in re.split(r"(\{[^}]*\})", template.rstrip("/"))
    )
    return re.fullmatch(pattern, path.rstrip("/")) is not None


@cache
def published(address: str) -> Any:
    """A published OGC API Features 1.0 OpenAPI document, read from the pack (None for any other address)."""
    prefix = PUBLISHED + "/"
    if not address.replace("http://", "https://").startswith(prefix):
        return None
    path = openapi_folder() / address.replace("http://", "https://")[len(prefix) :]
    return load_document(path) if path.is_file() else None


def service_desc(page: Doc) -> str | None:
    """The URL of the API definition: the service-desc link of the landing page (OpenAPI JSON first)."""
    found = with_rel(links(page), "service-desc")
    found.sort(key=lambda link: "openapi+json" not in link.type)
    return found[0].href(page.url) if found else None


def definition(ctx: Ctx) -> Definition | None:
    """The API definition, parsed from JSON or YAML; None if there is none that can be read."""
    return ctx.observation.api.get()


def required_definition(ctx: Ctx) -> Definition:
    """The API definition, or skip: a check of it cannot judge without one (oas-definition-1 fails then)."""
    api = definition(ctx)
    if api is None:
        raise Skipped(m("skip.no-definition"))
    return api


def declaring(ctx: Ctx, parameter: str) -> Definition | None:
    """The API definition to judge a parameter's declaration by; without one, a note says it went unchecked."""
    api = definition(ctx)
    if api is None:
        ctx.note(m("note.declaration-unchecked", name=parameter))
    return api


def undescribed(api: Definition, path: str, exchange: Exchange) -> MissingMember:
    """The finding for a path the API definition does not describe."""
    return MissingMember(
        m("undescribed", path=path),
        locator=api.doc.at("/paths"),
        expected=m("phrase.operation-for", path=path),
        actual=None,
        exchange=exchange,
    )


def read(svc: Service) -> Definition | None:
    """Fetch and parse the API definition the landing page links (None if there is none that can be read)."""
    url = service_desc(svc.landing)
    if url is None:
        return None
    doc = svc.fetch(url, accept=f"{OPENAPI_JSON}, application/json;q=0.9, */*;q=0.1")
    body = doc.body
    if body is None and doc.status == 200:
        try:
            body = yaml.safe_load(doc.response.text)
        except yaml.YAMLError:
            body = None
    return Definition(doc, body) if doc.status == 200 and isinstance(body, dict) else None
