"""Error situations of the documented Features operations and the responses the definition documents for them.

Probes, each sent only to an operation the definition documents: an invalid ``limit`` on the items of a
collection, an unknown feature id, and, where the definition documents a path template for it, an unknown
collection (its metadata and its items). An error answer (4xx/5xx) must have a status code the operation covers
(the code, its range such as ``4XX``, or ``default``). Where the covering response object documents content,
the body must come in a documented media type and, where its JSON schema can be resolved offline (the
definition itself or the published OGC API Features building blocks), validate against it.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from urllib.parse import quote

from referencing.exceptions import Unresolvable

from conformance.core.evidence import MediaTypeViolation, MissingMember, ParseViolation, Violation
from conformance.core.jsonschemas import compile_validator, violations
from conformance.harness.target import TargetContext
from conformance.suites.ogcapi_features.openapi import Definition, Located, escape
from conformance.suites.ogcapi_features.operations import Call, calls
from conformance.suites.ogcapi_features.schemas import MAX_ERRORS, OasSchemas, openapi_folder
from conformance.suites.ogcapi_features.service import UNKNOWN, Doc, probe

PUBLISHED = ("https://schemas.opengis.net/ogcapi/features/part1/1.0/openapi",
             "http://schemas.opengis.net/ogcapi/features/part1/1.0/openapi")


def error_probes(target: TargetContext, api: Definition) -> list[tuple[str, str, Doc]]:
    """(what, concrete path, response) of the error situations of documented operations, one per kind."""
    out: list[tuple[str, str, Doc]] = []
    firsts: dict[str, Call] = {}
    for call in calls(target, api):
        firsts.setdefault(call.kind, call)
    for kind, call in firsts.items():
        out += _probes(target, kind, call)
    return out


def _probes(target: TargetContext, kind: str, call: Call) -> list[tuple[str, str, Doc]]:
    base, unknown = target.base_url, quote(UNKNOWN)
    if kind == "items":
        found = [("invalid limit=abc", call.path, probe(target, base + call.path, {"limit": "abc"}))]
        if call.template.split("/")[2].startswith("{"):
            path = f"/collections/{unknown}/items"
            found.append(("items of an unknown collection", path, probe(target, base + path)))
        return found
    if kind == "feature":
        path = call.path.rsplit("/", 1)[0] + "/" + unknown
        return [("unknown feature", path, probe(target, base + path))]
    if kind == "collection" and call.template.split("/")[2].startswith("{"):
        return [("unknown collection", f"/collections/{unknown}", probe(target, f"{base}/collections/{unknown}"))]
    return []


Note = Callable[[str], None]


def covered(api: Definition, path: str, doc: Doc, note: Note) -> Iterator[Violation]:
    """The error status is covered by the operation; the body matches the documented response object."""
    found = api.operation(path)
    responses = found[1]["get"].get("responses") if found else None
    if found is None or not isinstance(responses, dict):
        return
    code = str(doc.status)
    key = next((k for k in (code, f"{code[0]}XX", f"{code[0]}xx", "default") if k in responses), None)
    if key is None:
        yield MissingMember(f"GET {path} answered {code}, a status its operation does not document",
                            locator=doc.at(), expected=sorted(responses), actual=doc.status, exchange=doc.exchange)
        return
    located = api.locate(responses[key], api.doc.url, f"{found[0]}/responses/{escape(key)}")
    if located is not None and isinstance(located.node, dict):
        yield from _body(api, path, doc, located, note)


def _body(api: Definition, path: str, doc: Doc, response: Located, note: Note) -> Iterator[Violation]:
    content = response.node.get("content")
    if not isinstance(content, dict) or not content or not doc.response.content:
        return
    served = doc.response.media_type
    keys = {str(k).split(";")[0].strip().lower(): str(k) for k in content}
    if served not in keys:
        yield MediaTypeViolation(f"GET {path} answered {doc.status} as {served or 'no media type'}, which its "
                                 "response object does not document", locator=doc.at(), expected=sorted(keys),
                                 actual=doc.response.headers.get("Content-Type"), exchange=doc.exchange)
    elif served.endswith("json") and isinstance(content[keys[served]], dict) and "schema" in content[keys[served]]:
        pointer = f"{response.pointer}/content/{escape(keys[served])}/schema"
        yield from _schema(api, doc, response.uri, pointer, note)


def _schema(api: Definition, doc: Doc, uri: str, pointer: str, note: Note) -> Iterator[Violation]:
    if doc.body is None:
        yield ParseViolation(f"the {doc.status} body is not JSON ({doc.error})", locator=doc.at(),
                             expected=doc.response.media_type, actual=doc.response.text[:200], exchange=doc.exchange)
        return
    registry = OasSchemas(contents={api.doc.url: api.raw})
    for prefix in PUBLISHED:
        registry.add_tree(prefix, openapi_folder())
    validator = compile_validator({"$ref": f"{uri}#{quote(pointer, safe='/~')}"}, registry)
    try:
        yield from list(violations(validator, doc.body, doc.url, exchange=doc.exchange))[:MAX_ERRORS]
    except Unresolvable as exc:
        note(f"the schema of the {doc.status} response of {doc.url} refers to {exc} which is not resolved "
             "offline: its body was not validated")
