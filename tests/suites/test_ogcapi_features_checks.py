"""Units of the OGC API Features checks added for HTTP 1.1, the OpenAPI class and the bbox definition.

The helpers are judged on hand-made responses and API definitions, each built to hit one branch: what HTTP 1.1
makes mandatory, the documented error responses, security schemes, the Features path shapes and bbox sizes.
"""

from __future__ import annotations

import json
from typing import Any

import pytest

from conformance.core.evidence import Exchange
from conformance.core.http import Response
from conformance.core.messages import Message
from conformance.suites.ogcapi_features import STANDARD
from conformance.suites.ogcapi_features.catalogue import BASE, SPEC
from conformance.suites.ogcapi_features.checks_geojson import rfc7946
from conformance.suites.ogcapi_features.checks_items import timestamp
from conformance.suites.ogcapi_features.errors import covered
from conformance.suites.ogcapi_features.http11 import (
    Resource,
    date_and_allow,
    etag_syntax,
    head_violations,
    protocol_versions,
    revalidation_violations,
)
from conformance.suites.ogcapi_features.openapi import Definition
from conformance.suites.ogcapi_features.operations import Call, kind_of
from conformance.suites.ogcapi_features.params import bbox_sizes
from conformance.suites.ogcapi_features.responses import Doc
from conformance.suites.ogcapi_features.security import anonymous, enforced, undefined

DATE = "Thu, 26 Nov 2026 00:38:37 GMT"
PUBLISHED = "https://schemas.opengis.net/ogcapi/features/part1/1.0/openapi/ogcapi-features-1.yaml"


def response(
    status: int,
    headers: dict[str, str] | None = None,
    body: bytes = b"",
    url: str = "http://x/a",
) -> Response:
    return Response(url, status, headers or {}, body, Exchange("GET", url, status))


def doc(status: int, headers: dict[str, str] | None = None, body: Any = None) -> Doc:
    content = b"" if body is None else (body if isinstance(body, bytes) else json.dumps(body).encode())
    parsed = body if isinstance(body, dict) else None
    return Doc(response(status, headers, content), parsed)


def messages(found: Any) -> list[str]:
    return [v.text for v in found]


def test_every_anchor_is_the_requirement_table_but_the_one_unconfirmed() -> None:
    for item in STANDARD.requirements:
        kind, cls, name = item.uri.removeprefix(f"{BASE}/").split("/")
        wanted = "_parameter_limit" if name == "fc-limit-response-1" else f"{kind}_{cls}_{name}"
        assert item.spec_url == f"{SPEC}#{wanted}", item.uri
    assert STANDARD.requirement("/rec/core/head").obligation.value == "SOLL"
    assert STANDARD.requirement("/req/oas30/security").obligation.value == "MUSS"


def test_date_is_required_on_2xx_to_4xx_and_allow_on_405() -> None:
    found = messages(
        date_and_allow(
            [
                response(200),
                response(404, {"Date": DATE}),
                response(500),
                response(405, {"Date": DATE}),
                response(405, {"Date": DATE, "Allow": "GET"}),
            ]
        )
    )
    assert found == ["HTTP 200 without a Date header", "HTTP 405 without an Allow header"]


@pytest.mark.parametrize(
    ("tag", "valid"), [('"a1"', True), ('W/"a1"', True), ("a1", False), ("W/a1", False), ('"a"b"', False)]
)
def test_entity_tag_syntax(tag: str, valid: bool) -> None:
    found = list(etag_syntax(Resource("x", doc(200, {"ETag": tag}, {}), "application/json")))
    assert (not found) == valid


@pytest.mark.parametrize(
    ("status", "headers", "body", "problems"),
    [
        (304, {"ETag": 'W/"1"', "Date": DATE}, b"", 0),
        (304, {"ETag": 'W/"1"', "Date": DATE}, b"{}", 1),
        (304, {}, b"", 1),
        (200, {"ETag": '"1"', "Date": DATE}, b"{}", 1),
        (200, {"ETag": 'W/"2"', "Date": DATE}, b"{}", 0),
        (412, {"Date": DATE}, b"", 1),
    ],
)
def test_if_none_match_with_the_current_tag(status: int, headers: dict[str, str], body: bytes, problems: int) -> None:
    res = Resource("landing page", doc(200, {"ETag": 'W/"1"'}, {}), "application/json")
    assert len(list(revalidation_violations(res, response(status, headers, body)))) == problems


def test_head_answers_like_get() -> None:
    res = Resource("items", doc(200, {"Content-Type": "application/geo+json"}, {}), "application/geo+json")
    assert messages(head_violations(res, response(405, {"Allow": "GET"}))) == [
        "items: HEAD is not supported (HTTP 405)"
    ]
    assert messages(head_violations(res, response(200, {"Content-Type": "application/json"}))) == [
        "items: HEAD and GET give different Content-Types"
    ]
    assert not list(head_violations(res, response(200, {"Content-Type": "application/geo+json; charset=utf-8"})))


@pytest.mark.parametrize(
    ("template", "kind"),
    [
        ("/", "landing"),
        ("/conformance", "conformance"),
        ("/collections", "collections"),
        ("/collections/{collectionId}", "collection"),
        ("/collections/lakes/items", "items"),
        ("/collections/lakes/items/{featureId}", "feature"),
        ("/collections/lakes/queryables", None),
        ("/api", None),
        ("/collections/lakes/items/1/x", None),
        ("/processes", None),
    ],
)
def test_features_path_shapes(template: str, kind: str | None) -> None:
    assert kind_of(template) == kind


def test_call_paths_are_quoted() -> None:
    assert Call("/collections/{c}/items/{f}", "", "feature", "a b", "1/2").path == "/collections/a%20b/items/1%2F2"


def definition(raw: dict[str, Any]) -> Definition:
    return Definition(doc(200, {}, raw), {"openapi": "3.0.3", **raw})


FEATURE = "/collections/{collectionId}/items/{featureId}"


def api_with(responses: dict[str, Any], **extra: Any) -> Definition:
    return definition({"paths": {FEATURE: {"get": {"responses": responses}}}, **extra})


def test_error_status_must_be_covered_by_code_range_or_default() -> None:
    path = "/collections/a/items/unknown"
    assert not list(covered(api_with({"4XX": {"description": "x"}}), path, doc(404), print))
    assert not list(covered(api_with({"default": {"description": "x"}}), path, doc(500), print))
    assert messages(covered(api_with({"404": {"description": "x"}}), path, doc(500), print)) == [
        f"GET {path} answered 500, a status its operation does not document"
    ]


def test_error_body_is_validated_against_the_published_exception_schema() -> None:
    api = api_with(
        {
            "400": {"$ref": f"{PUBLISHED}#/components/responses/InvalidParameter"},
            "404": {"$ref": f"{PUBLISHED}#/components/responses/NotFound"},
        }
    )
    path = "/collections/a/items/x"
    as_json = {"Content-Type": "application/json"}
    assert not list(covered(api, path, doc(400, as_json, {"code": "InvalidParameterValue"}), print))
    assert not list(covered(api, path, doc(404, as_json, {"anything": 1}), print))  # NotFound documents no content
    assert [v.kind for v in covered(api, path, doc(400, as_json, {"description": "no code"}), print)] == ["schema"]
    assert [v.kind for v in covered(api, path, doc(400, {"Content-Type": "text/plain"}, b"bad"), print)] == [
        "media-type"
    ]


def test_error_body_against_a_schema_of_the_definition_itself() -> None:
    schema = {"type": "object", "required": ["code"], "properties": {"code": {"type": "string", "nullable": True}}}
    api = api_with(
        {"404": {"$ref": "#/components/responses/e"}},
        components={
            "responses": {
                "e": {
                    "description": "x",
                    "content": {"application/json": {"schema": {"$ref": "#/components/schemas/exception"}}},
                }
            },
            "schemas": {"exception": schema},
        },
    )
    as_json = {"Content-Type": "application/json"}
    assert not list(covered(api, "/collections/a/items/x", doc(404, as_json, {"code": None}), print))
    assert [v.kind for v in covered(api, "/collections/a/items/x", doc(404, as_json, {"code": 5}), print)] == ["schema"]


def test_unresolvable_error_schema_is_noted_not_judged() -> None:
    notes: list[Message] = []
    api = api_with(
        {
            "400": {
                "description": "x",
                "content": {
                    "application/json": {"schema": {"$ref": "https://raw.githubusercontent.com/x/exception.yaml"}}
                },
            }
        }
    )
    found = covered(api, "/collections/a/items/x", doc(400, {"Content-Type": "application/json"}, {}), notes.append)
    assert not list(found) and "not resolved offline" in notes[0].text


def test_security_requirements() -> None:
    assert anonymous([]) and anonymous([{}, {"key": []}]) and not anonymous([{"key": []}])
    api = definition({"security": [{"key": [], "oauth": []}], "components": {"securitySchemes": {"key": {}}}})
    assert [v.actual for v in undefined(api, [("/paths/x/get", {"security": [{"other": []}]})])] == ["oauth", "other"]
    call = Call("/collections", "/paths/~1collections/get", "collections")
    assert messages(enforced(api, call, {}, doc(200), anonymous_client=True)) == [
        "GET /collections is documented as requiring key and oauth, but was served without credentials"
    ]
    assert not list(enforced(api, call, {}, doc(200), anonymous_client=False))
    assert not list(enforced(api, call, {}, doc(401), anonymous_client=True))
    open_op: dict[str, Any] = {"security": [{}]}
    assert messages(enforced(api, call, open_op, doc(403), anonymous_client=False)) == [
        "GET /collections is access-controlled (HTTP 403), but its operation documents no security requirement"
    ]


@pytest.mark.parametrize(
    ("schema", "sizes"),
    [
        ({"type": "array", "minItems": 4, "maxItems": 4}, {4}),
        ({"type": "array", "minItems": 4, "maxItems": 6}, {4, 6}),
        ({"type": "array"}, {4, 6}),
        ({"type": "array", "oneOf": [{"minItems": 4, "maxItems": 4}, {"minItems": 6, "maxItems": 6}]}, {4, 6}),
        ({"type": "array", "oneOf": [{"minItems": 4, "maxItems": 4}]}, {4}),
    ],
)
def test_bbox_sizes_admitted_by_a_schema(schema: dict[str, Any], sizes: set[int]) -> None:
    assert bbox_sizes(schema) == sizes


def versioned(version: str) -> Response:
    return Response("http://x/a", 200, {}, b"", Exchange("GET", "http://x/a", 200), http_version=version)


def test_status_line_must_name_http_1_1() -> None:
    found = messages(protocol_versions([versioned("HTTP/1.0"), versioned("HTTP/1.0")]))
    assert found == ["the status line says HTTP/1.0: the server does not claim HTTP/1.1"]
    assert not list(protocol_versions([response(200), versioned("HTTP/1.1"), versioned("HTTP/2")]))


@pytest.mark.parametrize(
    "date", ["Mon, 07 Dec 2026 08:00:00 -0000", "Mon, 07 Dec 2026 08:00:00 GMT, Mon, 07 Dec 2026 08:00:00 GMT"]
)
def test_a_date_header_without_a_zone_or_given_twice_is_read_as_utc(date: str) -> None:
    page = doc(200, {"Date": date}, {"timeStamp": "2026-12-07T08:00:01Z"})
    assert list(timestamp(page)) == []
    late = doc(200, {"Date": date}, {"timeStamp": "2026-12-07T09:00:00Z"})
    assert messages(timestamp(late)) == ["timeStamp is not the time the response was generated"]


def test_geojson_content_judges_what_the_schemas_cannot() -> None:
    """RFC 7946 §3.1.6: a linear ring's first and last positions are identical; §5: a bbox encloses its geometry."""
    ring = [[7.0, 50.9], [7.1, 50.9], [7.1, 51.0], [7.0, 51.0], [7.0, 50.95]]
    body = {
        "type": "FeatureCollection",
        "bbox": [8.0, 51.0, 9.0, 52.0],
        "features": [{"type": "Feature", "properties": {}, "geometry": {"type": "Polygon", "coordinates": [ring]}}],
    }
    page = Doc(response(200, {"Content-Type": "application/geo+json"}, json.dumps(body).encode()), body)
    found = {v.locator.pointer: v.text for v in rfc7946(page)}
    assert found == {
        "/features/0/geometry/coordinates/0/4": "RFC 7946 §3.1.6 (MUST): the linear ring is not closed "
        "(first and last position differ)",
        "/bbox": "RFC 7946 §5 (MUST): the bbox does not enclose every position of its geometry",
    }
    ring[-1] = ring[0]
    body["bbox"] = [7.0, 50.9, 7.1, 51.0]
    assert list(rfc7946(Doc(response(200, {}, b"{}"), body))) == []
