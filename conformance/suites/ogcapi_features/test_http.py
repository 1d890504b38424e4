"""HTTP 1.1: /req/core/http (MUSS), /rec/core/head and /rec/core/etag (SOLL); what each judges is in http11.py."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from conformance.core.evidence import MissingMember, Violation, expect
from conformance.harness.target import TargetContext, requirement
from conformance.suites.ogcapi_features import CORE, STANDARD
from conformance.suites.ogcapi_features.checks import status
from conformance.suites.ogcapi_features.http11 import (
    Resource,
    date_and_allow,
    etag_syntax,
    head_violations,
    heads,
    protocol_versions,
    resources,
    revalidation_violations,
    revalidations,
    tls_note,
)
from conformance.suites.ogcapi_features.service import (
    UNKNOWN,
    Doc,
    claim,
    collection_url,
    collections,
    items_url,
    probe,
)


@requirement(STANDARD.requirement("/req/core/http"))
def test_http_1_1(target: TargetContext) -> None:
    """404 for unknown resources, HTTP/1.1 status lines, Date and Allow headers, entity-tags and conditional GET."""
    claim(target, CORE)
    unknown = _unknown(target)
    found: list[Violation] = [v for doc, what in unknown for v in status(doc, what, 404)]
    responses = [d.response for d, _ in unknown] + [r.doc.response for r in resources(target)]
    responses += [head for _, head in heads(target)] + [again for _, again in revalidations(target)]
    found += date_and_allow(responses)
    found += protocol_versions(responses)
    found += [v for res in resources(target) for v in etag_syntax(res)]
    found += [v for res, again in revalidations(target) for v in revalidation_violations(res, again)]
    if not revalidations(target):
        target.note("no response carried an entity-tag (ETag): conditional requests were not exercised")
    target.note(tls_note(target))
    expect(found)



def _unknown(target: TargetContext) -> list[tuple[Doc, str]]:
    known = collections(target)[0]["id"]
    probes = [(collection_url(target, UNKNOWN), "unknown collection"),
              (items_url(target, UNKNOWN), "items of an unknown collection"),
              (f"{items_url(target, known)}/{UNKNOWN}", f"unknown feature of collection {known}")]
    return [(probe(target, url), what) for url, what in probes]


@requirement(STANDARD.requirement("/rec/core/head"))
def test_head(target: TargetContext) -> None:
    """HEAD to the landing page, conformance, collections, a collection, its items and a feature answers as GET."""
    claim(target, CORE)
    expect(v for res, head in heads(target) for v in head_violations(res, head))


@requirement(STANDARD.requirement("/rec/core/etag"))
def test_etag(target: TargetContext) -> None:
    """Every 200 response of the sampled resources carries an entity-tag."""
    claim(target, CORE)
    answered = [res for res in resources(target) if res.doc.status == 200]
    if not answered:
        pytest.skip("no sampled resource answered GET with 200")
    expect(v for res in answered for v in _tagged(res))


def _tagged(res: Resource) -> Iterator[Violation]:
    if not res.etag:
        yield MissingMember(f"{res.what}: the 200 response carries no ETag", locator=res.doc.at(),
                            expected="an ETag header", actual=None, exchange=res.doc.exchange)
