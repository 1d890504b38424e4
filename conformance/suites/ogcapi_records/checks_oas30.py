"""The OpenAPI 3.0 class: /req/oas30/oas-common.

The API definition the landing page links (service-desc) is read with the project's OpenAPI reader (as for
OGC API – Features) and judged as Features' OpenAPI 3.0 class asks: an OpenAPI 3.0 document valid against its
schema, and documenting GET on the records paths of every sampled catalog (items and a record of each).
"""

from __future__ import annotations

from conformance.core.evidence import MissingMember, Violation
from conformance.core.judgement import Judgement
from conformance.suites.ogcapi_features.checks_oas30 import openapi30_findings
from conformance.suites.ogcapi_features.openapi import Definition, undescribed
from conformance.suites.ogcapi_features.params import items_path
from conformance.suites.ogcapi_records.catalogue import ID, OAS30_CLASS
from conformance.suites.ogcapi_records.messages import r
from conformance.suites.ogcapi_records.service import Ctx, catalogs, record_id, records


def oas_common(ctx: Ctx) -> Judgement:
    """The API definition is OpenAPI 3.0 and documents the items and record paths of the sampled catalogs."""
    ctx.target.require_claim(ID, OAS30_CLASS, ctx.observation.declared())
    api: Definition | None = ctx.observation.api.get()
    if api is None:
        landing = ctx.observation.landing
        missing = MissingMember(
            r("no-definition"), locator=landing.at("/links"), expected="service-desc", exchange=landing.exchange
        )
        return ctx.judge([missing], ctx.examined(1, "records.examined.definition"))
    paths = _paths(ctx)
    found: list[Violation] = openapi30_findings(api)
    found += [undescribed(api, path, api.doc.exchange) for path in paths if api.responses(path) is None]
    return ctx.judge(found, ctx.examined(len(paths), "records.examined.documented-paths"))


def _paths(ctx: Ctx) -> list[str]:
    """The items path of each sampled catalog and the path of its first record."""
    paths = [items_path(entry["id"]) for entry in catalogs(ctx)]
    seen: set[str] = set()
    for catalog, record in records(ctx):
        if catalog not in seen:
            seen.add(catalog)
            paths.append(f"{items_path(catalog)}/{record_id(record)}")
    return paths
