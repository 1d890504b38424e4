"""Part 2 checks of requests with crs and bbox-crs: reprojection (compared with PROJ), Content-Crs and 400s."""

from __future__ import annotations

from collections.abc import Iterator

from conformance.core.evidence import HeaderViolation, ValueViolation, Violation
from conformance.core.judgement import Judgement
from conformance.suites.ogcapi_features.responses import Doc, features, status
from conformance.suites.ogcapi_features.service import Entry
from conformance.suites.ogcapi_features_query import reproject
from conformance.suites.ogcapi_features_query.catalogue import CRS84, CRS_STANDARD
from conformance.suites.ogcapi_features_query.messages import q
from conformance.suites.ogcapi_features_query.probe import (
    CRS84_NAMES,
    Ctx,
    Feature,
    claim,
    collections,
    crs_list,
    items,
    other_crss,
)

EPSG = "http://www.opengis.net/def/crs/EPSG/0/"
UNLISTED = tuple(EPSG + code for code in ("3035", "2056", "27700", "32633"))


def _entries(ctx: Ctx) -> list[Entry]:
    claim(ctx, CRS_STANDARD, "crs")
    return collections(ctx)


def _unlisted(ctx: Ctx, entry: Entry) -> str:
    listed = set(crs_list(ctx, entry) or [])
    return next(c for c in UNLISTED if c not in listed)


def _rejected(ctx: Ctx, params: dict[str, str], code: str) -> Judgement:
    findings: list[Violation] = []
    entries = _entries(ctx)
    for entry in entries:
        asked = {k: v.replace("{unlisted}", _unlisted(ctx, entry)) for k, v in params.items()}
        doc = items(ctx, entry, asked)
        findings += status(doc, q(code, collection=entry["id"], crs=_unlisted(ctx, entry)), 400)
    return ctx.judge(findings, ctx.examined(len(entries), "query.examined.unlisted-crs-requests"))


def crs_unlisted(ctx: Ctx) -> Judgement:
    """crs naming a CRS the collection does not list is answered with 400."""
    return _rejected(ctx, {"crs": "{unlisted}"}, "what.crs-unlisted")


def bbox_crs_unlisted(ctx: Ctx) -> Judgement:
    """bbox-crs naming a CRS the collection does not list is answered with 400."""
    return _rejected(ctx, {"bbox": "0,0,1,1", "bbox-crs": "{unlisted}"}, "what.bbox-crs-unlisted")


def _pairs(ctx: Ctx) -> Iterator[tuple[Entry, str, Doc]]:
    """(collection, CRS, items answer in that CRS) for every declared CRS besides CRS84 that PROJ knows."""
    for entry in _entries(ctx):
        for crs in other_crss(ctx, entry):
            if reproject.usable(crs):
                yield entry, crs, items(ctx, entry, {"crs": crs})
            else:
                ctx.note(q("note.crs-unknown-to-proj", crs=crs, collection=entry["id"]))


def crs_action(ctx: Ctx) -> Judgement:
    """Features asked for in a declared CRS have the CRS84 coordinates reprojected with PROJ, in its axis order."""
    findings: list[Violation] = []
    count = 0
    for entry, crs, doc in _pairs(ctx):
        findings += status(doc, q("what.items-in-crs", collection=entry["id"], crs=crs))
        if not doc.ok:
            continue
        base = {str(f.get("id")): f for f in features(items(ctx, entry, {}))}
        cap = ctx.target.option("max_features", 3)
        pairs = [(base[str(f.get("id"))], f) for f in features(doc) if str(f.get("id")) in base][:cap]
        count += len(pairs)
        findings += [v for plain, moved in pairs for v in _compare(doc, crs, plain, moved)]
    return ctx.judge(findings, ctx.examined(count, "query.examined.reprojected-features"))


def _compare(doc: Doc, crs: str, plain: Feature, moved: Feature) -> Iterator[Violation]:
    source, found = list(reproject.positions(plain.get("geometry"))), list(reproject.positions(moved.get("geometry")))
    expected = [reproject.forward(crs, p) for p in source]
    if len(found) != len(expected):
        yield ValueViolation(
            q("crs-positions-count", feature=str(plain.get("id")), crs=crs, found=len(found), expected=len(expected)),
            locator=doc.at("/features"),
            expected=len(expected),
            actual=len(found),
            exchange=doc.exchange,
        )
        return
    wrong = next((i for i, (a, b) in enumerate(zip(found, expected, strict=True)) if not reproject.near(a, b)), None)
    if wrong is not None:
        yield ValueViolation(
            q("crs-position-wrong", feature=str(plain.get("id")), crs=crs, index=wrong, source=str(source[wrong])),
            locator=doc.at("/features"),
            expected=[round(v, 6) for v in expected[wrong]],
            actual=list(found[wrong]),
            exchange=doc.exchange,
        )


def _answers(ctx: Ctx) -> list[tuple[Doc, str]]:
    """The items answers with features, each with the CRS it should be in (CRS84 without a crs parameter)."""
    out = [(items(ctx, entry, {}), CRS84) for entry in _entries(ctx)]
    out += [(doc, crs) for _, crs, doc in _pairs(ctx)]
    return [(doc, crs) for doc, crs in out if doc.ok]


def crs_header(ctx: Ctx) -> Judgement:
    """Items answers carry the Content-Crs header."""
    answers = _answers(ctx)
    findings = [
        HeaderViolation(
            q("no-content-crs", url=doc.url),
            locator=doc.at(),
            expected=q("phrase.content-crs"),
            actual=None,
            exchange=doc.exchange,
        )
        for doc, _ in answers
        if doc.response.headers.get("Content-Crs") is None
    ]
    return ctx.judge(findings, ctx.examined(len(answers), "query.examined.items-answers"))


def crs_header_value(ctx: Ctx) -> Judgement:
    """Content-Crs is the URI of the CRS of the coordinates, in angle brackets."""
    answers = [(d, c) for d, c in _answers(ctx) if d.response.headers.get("Content-Crs") is not None]
    findings = []
    for doc, crs in answers:
        value = str(doc.response.headers.get("Content-Crs")).strip()
        allowed = CRS84_NAMES if crs == CRS84 else {crs}
        if not (value.startswith("<") and value.endswith(">") and value[1:-1] in allowed):
            findings.append(
                HeaderViolation(
                    q("content-crs-wrong", url=doc.url, value=value, crs=crs),
                    locator=doc.at(),
                    expected=f"<{crs}>",
                    actual=value,
                    exchange=doc.exchange,
                )
            )
    return ctx.judge(findings, ctx.examined(len(answers), "query.examined.content-crs"))


def bbox_crs_action(ctx: Ctx) -> Judgement:
    """A bbox given in a declared projected CRS (bbox-crs) selects the features in that box."""
    from conformance.suites.ogcapi_features_query.boxes import judge_box, seed_boxes  # noqa: PLC0415

    findings: list[Violation] = []
    count = 0
    for entry in _entries(ctx):
        for box in seed_boxes(ctx, entry):
            doc = items(ctx, entry, {"bbox": box.text, "bbox-crs": box.crs})
            what = q("what.bbox-crs", collection=entry["id"])
            findings += status(doc, what)
            count += 1
            findings += judge_box(doc, box, "bbox") if doc.ok else []
    return ctx.judge(findings, ctx.examined(count, "query.examined.bbox-crs-requests"))
