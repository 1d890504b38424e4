"""Part 3 checks of filter-crs and of the Features Filter response: 400 for invalid filters, bbox together."""

from __future__ import annotations

from conformance.core.evidence import Violation
from conformance.core.judgement import Judgement
from conformance.suites.ogcapi_features.responses import status
from conformance.suites.ogcapi_features.service import Entry
from conformance.suites.ogcapi_features_query.boxes import SeedBox, judge_box, seed_boxes
from conformance.suites.ogcapi_features_query.catalogue import CRS84, FILTER_STANDARD
from conformance.suites.ogcapi_features_query.crs_requests import UNLISTED
from conformance.suites.ogcapi_features_query.filters import Probe, geometry_queryable
from conformance.suites.ogcapi_features_query.messages import q
from conformance.suites.ogcapi_features_query.probe import Ctx, claim, collections, items
from conformance.suites.ogcapi_features_query.sending import probes, queryables, send, unsatisfied, with_queryables

UNKNOWN = "wechselbar_unknown_7f3a"


def filter_crs_param(ctx: Ctx) -> Judgement:
    """Geometries in a filter are read in filter-crs; an unsupported filter-crs is an error (400)."""
    claim(ctx, FILTER_STANDARD, "filter")
    findings: list[Violation] = []
    count = 0
    for entry in with_queryables(ctx, collections(ctx)):
        name = geometry_queryable(queryables(ctx, entry).body)
        for box in seed_boxes(ctx, entry) if name else []:
            text = f"S_INTERSECTS({name}, BBOX({box.text}))"
            doc = items(ctx, entry, {"filter": text, "filter-crs": box.crs})
            wrong = items(ctx, entry, {"filter": text, "filter-crs": UNLISTED[-1]})
            count += 1
            findings += status(doc, q("what.filter-crs", collection=entry["id"], crs=box.crs, filter=text))
            findings += judge_box(doc, box, "filter-crs") if doc.ok else []
            findings += status(wrong, q("what.filter-crs-unlisted", collection=entry["id"], crs=UNLISTED[-1]), 400)
    return ctx.judge(findings, ctx.examined(count, "query.examined.filter-crs-requests"))


def invalid_filters(ctx: Ctx) -> Judgement:
    """Malformed filters, unknown properties and unknown filter-lang values are answered with 400; a filter
    and a bbox together select only features satisfying both."""
    claim(ctx, FILTER_STANDARD, "features-filter")
    findings: list[Violation] = []
    count = 0
    for entry in with_queryables(ctx, collections(ctx)):
        for probe in probes(ctx, entry, "=")[:1]:
            count += 1
            findings += _rejections(ctx, entry, probe)
            findings += _with_bbox(ctx, entry, probe)
    return ctx.judge(findings, ctx.examined(count, "query.examined.features-filter-probes"))


def _rejections(ctx: Ctx, entry: Entry, probe: Probe) -> list[Violation]:
    name = probe.text.split(" ", 1)[0]
    cases = {
        "malformed": {"filter": f"{name} = "},
        "unknown-property": {"filter": f"{UNKNOWN} = 1"},
        "unknown-lang": {"filter": probe.text, "filter-lang": "wechselbar-unknown"},
    }
    out: list[Violation] = []
    for case, params in cases.items():
        doc = items(ctx, entry, params)
        out += status(doc, q(f"what.invalid-{case}", collection=entry["id"], filter=params["filter"]), 400)
    return out


def _with_bbox(ctx: Ctx, entry: Entry, probe: Probe) -> list[Violation]:
    from conformance.suites.ogcapi_features_query.boxes import around  # noqa: PLC0415

    box = around(probe.seed, CRS84)
    if box is None:
        return []
    plain = SeedBox(box.seed, box.crs84, CRS84, box.crs84)
    doc = send(ctx, entry, probe, bbox=plain.text)
    out = list(status(doc, q("what.filter-bbox", collection=entry["id"], filter=probe.text, box=plain.text)))
    return out + (list(unsatisfied(doc, probe)) + list(judge_box(doc, plain, "bbox")) if doc.ok else [])
