"""CQL2 checks: each builds filters of its kind from the data and requires them to be evaluated correctly.

A filter of a class the server declares must be accepted (200); every returned feature must satisfy it, and the
seed feature it was built from must be in a complete answer. Operator checks send cql2-text without filter-lang
(Part 3's default); the encoding checks name the encoding.
"""

from __future__ import annotations

from conformance.core.evidence import Violation
from conformance.core.judgement import Judgement
from conformance.suites.ogcapi_features.responses import status
from conformance.suites.ogcapi_features_query.catalogue import CQL2_STANDARD
from conformance.suites.ogcapi_features_query.messages import q
from conformance.suites.ogcapi_features_query.probe import Ctx, claim, collections
from conformance.suites.ogcapi_features_query.sending import probes, send, unsatisfied, with_queryables


def _evaluate(ctx: Ctx, cls: str, kinds: tuple[str, ...], lang: str = "") -> Judgement:
    claim(ctx, CQL2_STANDARD, cls)
    findings: list[Violation] = []
    count = 0
    for entry in with_queryables(ctx, collections(ctx)):
        for kind in kinds:
            for probe in probes(ctx, entry, kind):
                count += 1
                doc = send(ctx, entry, probe, lang)
                what = q("what.cql2", collection=entry["id"], filter=probe.text, lang=lang or "cql2-text")
                findings += status(doc, what)
                findings += unsatisfied(doc, probe) if doc.ok else []
    return ctx.judge(findings, ctx.examined(count, "query.examined.cql2-filters", kinds=", ".join(kinds)))


def comparison(ctx: Ctx) -> Judgement:
    """= and >= on observed values of queryables."""
    return _evaluate(ctx, "basic-cql2", ("=", ">="))


def like(ctx: Ctx) -> Judgement:
    """LIKE with the first two characters of an observed string."""
    return _evaluate(ctx, "advanced-comparison-operators", ("like",))


def between(ctx: Ctx) -> Judgement:
    """BETWEEN the smallest observed value and the seed's."""
    return _evaluate(ctx, "advanced-comparison-operators", ("between",))


def in_list(ctx: Ctx) -> Judgement:
    """IN a list of observed strings."""
    return _evaluate(ctx, "advanced-comparison-operators", ("in",))


def spatial(ctx: Ctx) -> Judgement:
    """S_INTERSECTS with a box around the seed's geometry."""
    return _evaluate(ctx, "basic-spatial-functions", ("s_intersects",))


def text_encoding(ctx: Ctx) -> Judgement:
    """Equality filters with filter-lang=cql2-text."""
    return _evaluate(ctx, "cql2-text", ("=",), "cql2-text")


def json_encoding(ctx: Ctx) -> Judgement:
    """Equality and comparison filters in cql2-json with filter-lang=cql2-json."""
    return _evaluate(ctx, "cql2-json", ("=", ">="), "cql2-json")
