"""Part 2 checks of the collection metadata: the crs list, storageCrs and how CRSs are written."""

from __future__ import annotations

import re
from collections.abc import Iterator

from conformance.core.evidence import MissingMember, ValueViolation, Violation
from conformance.core.judgement import Judgement
from conformance.suites.ogcapi_features.service import Entry
from conformance.suites.ogcapi_features_query.catalogue import CRS_STANDARD
from conformance.suites.ogcapi_features_query.messages import q
from conformance.suites.ogcapi_features_query.probe import Ctx, claim, collections, crs_list, metadata

CRS_URI = re.compile(r"^(https?://www\.opengis\.net/def/crs/[^/\s]+/[^/\s]+/[^/\s]+|\[[A-Za-z][\w.-]*:[^\]\s]+\])$")


def _entries(ctx: Ctx) -> list[Entry]:
    claim(ctx, CRS_STANDARD, "crs")
    return collections(ctx)


def crs_uri(ctx: Ctx) -> Judgement:
    """Every CRS in a crs list and every storageCrs is an OGC CRS URI or a safe CURIE."""
    findings, count = [], 0
    for entry in _entries(ctx):
        doc = metadata(ctx, entry)
        named = [*(crs_list(ctx, entry) or []), *([doc.member("storageCrs")] if doc.member("storageCrs") else [])]
        count += len(named)
        findings += [
            ValueViolation(
                q("crs-not-uri", crs=str(crs), collection=entry["id"]),
                locator=doc.at("/crs"),
                expected=q("phrase.crs-uri"),
                actual=crs,
                exchange=doc.exchange,
            )
            for crs in named
            if not isinstance(crs, str) or not CRS_URI.match(crs)
        ]
    return ctx.judge(findings, ctx.examined(count, "query.examined.crs-names"))


def crs_list_present(ctx: Ctx) -> Judgement:
    """Each sampled collection lists its CRSs (crs: a non-empty array)."""
    entries = _entries(ctx)
    findings = [v for entry in entries for v in _listed(ctx, entry)]
    return ctx.judge(findings, ctx.examined(len(entries), "query.examined.collections"))


def _listed(ctx: Ctx, entry: Entry) -> Iterator[Violation]:
    found = crs_list(ctx, entry)
    if not found:
        doc = metadata(ctx, entry)
        yield MissingMember(
            q("no-crs-list", collection=entry["id"]),
            locator=doc.at("/crs"),
            expected=q("phrase.crs-array"),
            actual=found,
            exchange=doc.exchange,
        )


def storage_crs(ctx: Ctx) -> Judgement:
    """Each sampled collection names its storageCrs."""
    entries = _entries(ctx)
    findings = []
    for entry in entries:
        doc = metadata(ctx, entry)
        if not isinstance(doc.member("storageCrs"), str):
            findings.append(
                MissingMember(
                    q("no-storage-crs", collection=entry["id"]),
                    locator=doc.at("/storageCrs"),
                    expected=q("phrase.storage-crs"),
                    actual=doc.member("storageCrs"),
                    exchange=doc.exchange,
                )
            )
    return ctx.judge(findings, ctx.examined(len(entries), "query.examined.collections"))


def storage_crs_listed(ctx: Ctx) -> Judgement:
    """A storageCrs is one of the collection's crs list."""
    findings, count = [], 0
    for entry in _entries(ctx):
        doc = metadata(ctx, entry)
        stored = doc.member("storageCrs")
        if not isinstance(stored, str):
            continue
        count += 1
        listed = crs_list(ctx, entry) or []
        if stored not in listed:
            findings.append(
                ValueViolation(
                    q("storage-crs-unlisted", crs=stored, collection=entry["id"]),
                    locator=doc.at("/storageCrs"),
                    expected=listed,
                    actual=stored,
                    exchange=doc.exchange,
                )
            )
    return ctx.judge(findings, ctx.examined(count, "query.examined.storage-crs"))
