"""Filter probes sent to a collection's items and the findings of their answers."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from conformance.core.evidence import Skipped, ValueViolation, Violation
from conformance.suites.ogcapi_features.responses import Doc, features
from conformance.suites.ogcapi_features.service import Entry
from conformance.suites.ogcapi_features_query.filters import Probe, build
from conformance.suites.ogcapi_features_query.messages import q
from conformance.suites.ogcapi_features_query.probe import Ctx, items, seeds

SCHEMA_JSON = "application/schema+json"


def queryables(ctx: Ctx, entry: Entry) -> Doc:
    """/collections/{id}/queryables, asked for as JSON Schema."""
    url = ctx.observation.collection_url(str(entry["id"])) + "/queryables"
    return ctx.observation.once(url, None, SCHEMA_JSON)


def with_queryables(ctx: Ctx, entries: list[Entry]) -> list[Entry]:
    """The collections whose queryables can be read; skip when there is none (filters are built from them)."""
    found = [e for e in entries if queryables(ctx, e).ok]
    if not found:
        raise Skipped(q("skip.no-queryables"))
    return found


def probes(ctx: Ctx, entry: Entry, kind: str) -> list[Probe]:
    """The probes of one kind built for a collection (none without readable queryables)."""
    doc = queryables(ctx, entry)
    if not doc.ok:
        return []
    return build(kind, seeds(ctx, entry), doc.body, ctx.target.option("max_filters", 4))


def send(ctx: Ctx, entry: Entry, probe: Probe, lang: str = "", **extra: str) -> Doc:
    """The items answer to a probe: as text without filter-lang (the default), or in the given encoding."""
    params: dict[str, Any] = {"filter": probe.as_json() if lang == "cql2-json" else probe.text, **extra}
    if lang:
        params["filter-lang"] = lang
    return items(ctx, entry, params)


def more_pages(doc: Doc) -> bool:
    """Whether the answer says that more features match than it returned."""
    matched = doc.member("numberMatched")
    links = doc.member("links", [])
    has_next = isinstance(links, list) and any(isinstance(x, dict) and x.get("rel") == "next" for x in links)
    return has_next or (isinstance(matched, int) and matched > len(features(doc)))


def unsatisfied(doc: Doc, probe: Probe) -> Iterator[Violation]:
    """Returned features for which the filter is not TRUE, and the seed missing from a complete answer."""
    found = features(doc)
    for index, feature in enumerate(found):
        if not probe.holds(feature):
            yield ValueViolation(
                q("filter-not-satisfied", feature=str(feature.get("id")), filter=probe.text),
                locator=doc.at(f"/features/{index}"),
                expected=q("phrase.filter-true", filter=probe.text),
                actual=feature.get("properties"),
                exchange=doc.exchange,
            )
    if not more_pages(doc) and str(probe.seed.get("id")) not in {str(f.get("id")) for f in found}:
        yield ValueViolation(
            q("filter-seed-missing", feature=str(probe.seed.get("id")), filter=probe.text),
            locator=doc.at("/features"),
            expected=str(probe.seed.get("id")),
            actual=[f.get("id") for f in found][:20],
            exchange=doc.exchange,
        )
