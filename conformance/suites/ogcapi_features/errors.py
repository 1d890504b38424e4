"""Error situations of the documented Features operations and the responses the definition documents for them.

Probes, each sent only to an operation the definition documents: an invalid ``limit`` on the items of a
collection, an unknown feature id, and, where the definition documents a path template for it, an unknown
collection (its metadata and its items). An error answer (4xx/5xx) must have a status code the operation covers
(the code, its range such as ``4XX``, or ``default``, as ``conformance.core.openapi.responses`` reads the
Responses Object). Where the covering response object documents content, the body must come in a documented
media type and, where its JSON schema can be resolved offline (the definition itself or the published OGC API
Features building blocks), validate against it.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from urllib.parse import quote

from referencing.exceptions import Unresolvable

from conformance.core.evidence import MediaTypeViolation, MissingMember, ParseViolation, Violation
from conformance.core.jsonschemas import compile_validator, violations
from conformance.core.messages import Message
from conformance.core.openapi.refs import Located, escape
from conformance.core.openapi.responses import entry
from conformance.suites.ogcapi_features.messages import m
from conformance.suites.ogcapi_features.openapi import Definition
from conformance.suites.ogcapi_features.operations import Call, calls
from conformance.suites.ogcapi_features.responses import UNKNOWN, Doc
from conformance.suites.ogcapi_features.schemas import OasSchemas, openapi_folder, worded
from conformance.suites.ogcapi_features.service import Ctx, Service

PUBLISHED = (
    "https://schemas.opengis.net/ogcapi/features/part1/1.0/openapi",
    "http://schemas.opengis.net/ogcapi/features/part1/1.0/openapi",
)


def error_probes(ctx: Ctx) -> list[tuple[str, Doc]]:
    """(concrete path, response) of the error situations of documented operations, one per kind."""
    out: list[tuple[str, Doc]] = []
    firsts: dict[str, Call] = {}
    for call in calls(ctx):
        firsts.setdefault(call.kind, call)
    for kind, call in firsts.items():
        out += _probes(ctx.observation, kind, call)
    return out


def _probes(svc: Service, kind: str, call: Call) -> list[tuple[str, Doc]]:
    base, unknown = svc.base_url, quote(UNKNOWN)
    if kind == "items":
        found = [(call.path, svc.once(base + call.path, {"limit": "abc"}))]
        if call.template.split("/")[2].startswith("{"):
            path = f"/collections/{unknown}/items"
            found.append((path, svc.once(base + path)))
        return found
    if kind == "feature":
        path = call.path.rsplit("/", 1)[0] + "/" + unknown
        return [(path, svc.once(base + path))]
    if kind == "collection" and call.template.split("/")[2].startswith("{"):
        return [(f"/collections/{unknown}", svc.once(f"{base}/collections/{unknown}"))]
    return []


Note = Callable[[Message], None]


def covered(api: Definition, path: str, doc: Doc, note: Note) -> Iterator[Violation]:
    """The error status is covered by the operation; the body matches the documented response object."""
    found = api.operation(path)
    responses = found[1]["get"].get("responses") if found else None
    if found is None or not isinstance(responses, dict):
        return
    documented = entry(responses, doc.status)
    if documented is None:
        yield MissingMember(
            m("error-undocumented", path=path, status=str(doc.status)),
            locator=doc.at(),
            expected=sorted(str(key) for key in responses),
            actual=doc.status,
            exchange=doc.exchange,
        )
        return
    key, response = documented
    located = api.locate(response, api.doc.url, f"{found[0]}/responses/{escape(key)}")
    if located is not None and isinstance(located.node, dict):
        yield from _body(api, path, doc, located, note)


def _body(api: Definition, path: str, doc: Doc, response: Located, note: Note) -> Iterator[Violation]:
    content = response.node.get("content")
    if not isinstance(content, dict) or not content or not doc.response.content:
        return
    served = doc.response.media_type
    keys = {str(k).split(";")[0].strip().lower(): str(k) for k in content}
    if served not in keys:
        yield MediaTypeViolation(
            m("error-type-undocumented", path=path, status=doc.status, type=served or m("phrase.no-media-type")),
            locator=doc.at(),
            expected=sorted(keys),
            actual=doc.response.headers.get("Content-Type"),
            exchange=doc.exchange,
        )
    elif served.endswith("json") and isinstance(content[keys[served]], dict) and "schema" in content[keys[served]]:
        pointer = f"{response.pointer}/content/{escape(keys[served])}/schema"
        yield from _schema(api, doc, response.uri, pointer, note)


def _schema(api: Definition, doc: Doc, uri: str, pointer: str, note: Note) -> Iterator[Violation]:
    if doc.body is None:
        yield ParseViolation(
            m("error-not-json", status=doc.status, error=doc.problem),
            locator=doc.at(),
            expected=doc.response.media_type,
            actual=doc.response.text[:200],
            exchange=doc.exchange,
        )
        return
    registry = OasSchemas(contents={api.doc.url: api.raw})
    for prefix in PUBLISHED:
        registry.add_tree(prefix, openapi_folder())
    validator = compile_validator({"$ref": f"{uri}#{quote(pointer, safe='/~')}"}, registry)
    try:
        yield from list(worded(violations(validator, doc.body, doc.url, exchange=doc.exchange)))
    except Unresolvable as exc:
        note(m("note.schema-unresolved", status=doc.status, url=doc.url, ref=str(exc)))
