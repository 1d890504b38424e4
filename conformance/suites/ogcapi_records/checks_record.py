"""Records in items responses: /req/record-core/mandatory-properties-record and /req/record-core/links."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

from conformance.core.evidence import Violation
from conformance.core.judgement import Judgement
from conformance.suites.ogcapi_features.responses import Doc
from conformance.suites.ogcapi_records.record import collection_link, structure
from conformance.suites.ogcapi_records.service import Ctx, catalogs

Judge = Callable[[Doc, dict[str, Any], str], Iterator[Violation]]


def _each_record(ctx: Ctx, judge: Judge) -> Judgement:
    found: list[Violation] = []
    count = 0
    for entry in catalogs(ctx):
        doc = ctx.observation.items(entry["id"])
        listed = doc.member("features", []) if doc.ok else []
        for index, record in enumerate(listed if isinstance(listed, list) else []):
            if isinstance(record, dict):
                count += 1
                found += judge(doc, record, f"/features/{index}")
    return ctx.judge(found, ctx.examined(count, "records.examined.records"))


def mandatory_properties(ctx: Ctx) -> Judgement:
    """Every record on each catalog's first items page has the record structure."""
    return _each_record(ctx, structure)


def links(ctx: Ctx) -> Judgement:
    """Every record on each catalog's first items page links its catalog once (rel=collection)."""
    return _each_record(ctx, collection_link)
