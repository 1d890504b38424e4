"""Checks of feature types and feature responses: DescribeFeatureType and the schemas of responses (Simple WFS),
GetFeature with COUNT and RESULTTYPE=hits and GetPropertyValue (Basic WFS)."""

from __future__ import annotations

from typing import TypeVar

from conformance.core.evidence import MissingMember, SchemaViolation, Violation
from conformance.core.judgement import Judgement
from conformance.core.messages import Message
from conformance.harness.suite import CheckContext
from conformance.suites.ows import vendor_document
from conformance.suites.wfs import BASIC, ID, probes
from conformance.suites.wfs.features import COUNT, XS, Series, TypeProbe, members, schema_problems, series
from conformance.suites.wfs.messages import m
from conformance.suites.wfs.service import REPORT, WFS, Answer, Observed
from conformance.xml.schemaset import SchemaSetError, compile_set, gather

Context = CheckContext[Observed]
T = TypeVar("T")


def noted(ctx: Context, done: T) -> T:
    """A request series, its notes (sampling cuts) recorded for the check's result."""
    for note in getattr(done, "notes", []):
        ctx.note(note)
    return done


def require_declared(ctx: Context, cls: str, constraint: str) -> None:
    """Not applicable unless the class is claimed, or declared by its constraint being TRUE."""
    declared = frozenset({cls} if ctx.observation.usable().constraints.get(constraint) == "TRUE" else ())
    ctx.target.require_claim(ID, cls, declared)


def _series(ctx: Context) -> Series:
    return noted(ctx, ctx.observation.part("features", series))


def _described(obs: Observed, probe: TypeProbe) -> list[Violation]:
    answer, local = probe.described, probe.name.rpartition(":")[2]
    if answer.tree is None or answer.root != f"{{{XS}}}schema" or answer.response.status != 200:
        return [answer.finding(m("dft-not-schema", type=probe.name, actual=answer.what()), "xs:schema", answer.what())]
    url, namespace = answer.where, answer.tree.getroot().get("targetNamespace", "")
    known = {url: answer.response.content}
    gathered = gather([(namespace, url)], lambda u: known.get(u) or vendor_document(obs.target, u))
    try:
        if gathered.refused:
            raise SchemaSetError("; ".join(f"{u}: {r}" for u, r in gathered.refused.items()))
        compile_set([(namespace, url)], gathered.documents)
    except SchemaSetError as exc:
        return [
            SchemaViolation(
                m("dft-not-compiled", type=probe.name, error=str(exc)), locator=url, exchange=answer.exchange
            )
        ]
    declared = {el.get("name") for el in answer.tree.getroot().iterfind(f"{{{XS}}}element")}
    if local not in declared:
        return [
            MissingMember(
                m("dft-no-element", type=probe.name, element=local),
                locator=url,
                expected=local,
                exchange=answer.exchange,
            )
        ]
    return []


def describe_feature_type(ctx: Context) -> Judgement:
    """9: for each sampled type, a complete application schema that compiles offline and declares the type."""
    done = _series(ctx)
    found = [v for probe in done.types for v in _described(ctx.observation, probe)]
    return ctx.judge(found, ctx.examined(len(done.types), "wfs.examined.feature-types"))


def _feature_answers(ctx: Context) -> list[tuple[Message, Answer]]:
    done = _series(ctx)
    asked = [(m("asked-features", type=p.name), p.results) for p in done.types]
    asked += [(m("asked-hits", type=p.name), p.hits) for p in done.types]
    asked += [(m("asked-values", type=p.name, reference=p.reference), p.values) for p in done.types if p.values]
    by_id = ctx.observation.part("by-id", probes.by_id).probes
    asked += [(m("asked-by-id", id=p.id), p.answer) for p in by_id if p.known]
    return [(what, a) for what, a in asked if a is not None and a.tree is not None and a.root != REPORT]


def feature_schema(ctx: Context) -> Judgement:
    """7.1, 11.3: every response with features or values validates against the schemas it names."""
    answers = _feature_answers(ctx)
    found: list[Violation] = []
    for what, answer in answers:
        found += [
            SchemaViolation(
                m("feature-invalid", request=what, text=text), locator=answer.where, exchange=answer.exchange
            )
            for text in schema_problems(ctx.observation, answer)
        ]
    return ctx.judge(found, ctx.examined(len(answers), "wfs.examined.feature-responses"))


def _basic(ctx: Context) -> Series:
    require_declared(ctx, BASIC, "ImplementsBasicWFS")
    return _series(ctx)


def basic_operations(ctx: Context) -> Judgement:
    """A.1.2: a Basic WFS lists GetPropertyValue and GetFeature."""
    _basic(ctx)
    caps, answer = ctx.observation.usable(), ctx.observation.capabilities
    found: list[Violation] = [
        MissingMember(m("operation-missing", operation=op), locator=answer.where, expected=op, exchange=answer.exchange)
        for op in ("GetPropertyValue", "GetFeature")
        if op not in caps.operations
    ]
    return ctx.judge(found, ctx.examined(1, "wfs.examined.capabilities"))


def _collection(answer: Answer, request: Message, root: str, document: Message) -> Violation | None:
    if answer.tree is None or answer.root != f"{{{WFS}}}{root}" or answer.response.status != 200:
        return answer.finding(
            m("not-collection", request=request, document=document, actual=answer.what()),
            document,
            answer.what(),
        )
    return None


def _returned(answer: Answer, request: Message, count: int) -> list[Violation]:
    declared = answer.tree.getroot().get("numberReturned", "") if answer.tree is not None else ""
    if declared != str(count):
        return [
            answer.finding(
                m("number-returned", request=request, declared=declared or "–", actual=count), count, declared
            )
        ]
    return []


def _counted(probe: TypeProbe) -> list[Violation]:
    asked, results = m("asked-features", type=probe.name), probe.results
    wrong = _collection(results, asked, "FeatureCollection", m("phrase-collection"))
    if wrong:
        return [wrong]
    got = len(members(results))
    found = _returned(results, asked, got)
    if got > COUNT:
        found.append(results.finding(m("count-exceeded", type=probe.name, count=COUNT, actual=got), COUNT, got))
    hits, asked_hits = probe.hits, m("asked-hits", type=probe.name)
    wrong = _collection(hits, asked_hits, "FeatureCollection", m("phrase-collection"))
    if wrong:
        return [*found, wrong]
    matched = hits.tree.getroot().get("numberMatched", "") if hits.tree is not None else ""
    if members(hits):
        found.append(hits.finding(m("hits-members", type=probe.name, actual=len(members(hits))), 0, len(members(hits))))
    if not matched.isdigit():
        found.append(hits.finding(m("hits-not-number", type=probe.name, actual=matched or "–"), None, matched))
    elif int(matched) < got:
        found.append(hits.finding(m("hits-below-results", type=probe.name, matched=matched, actual=got), got, matched))
    return found


def get_feature_count(ctx: Context) -> Judgement:
    """7.6.3, 11.3: COUNT bounds the features, numberReturned counts them, RESULTTYPE=hits counts the matches."""
    done = _basic(ctx)
    found = [v for probe in done.types for v in _counted(probe)]
    return ctx.judge(found, ctx.examined(2 * len(done.types), "wfs.examined.count-requests"))


def _values(probe: TypeProbe) -> list[Violation]:
    answer = probe.values
    if answer is None:
        return []
    asked = m("asked-values", type=probe.name, reference=probe.reference)
    wrong = _collection(answer, asked, "ValueCollection", m("phrase-values"))
    if wrong:
        return [wrong]
    got = sum(1 for _ in answer.tree.getroot().iter(f"{{{WFS}}}member")) if answer.tree is not None else 0
    found = _returned(answer, asked, got)
    if got > COUNT:
        found.append(answer.finding(m("values-count", type=probe.name, count=COUNT, actual=got), COUNT, got))
    return found


def get_property_value(ctx: Context) -> Judgement:
    """10: GetPropertyValue of a property of each sampled type gives a wfs:ValueCollection within COUNT."""
    done = _basic(ctx)
    asked = [p for p in done.types if p.values is not None]
    found = [v for probe in asked for v in _values(probe)]
    return ctx.judge(found, ctx.examined(len(asked), "wfs.examined.value-requests"))
