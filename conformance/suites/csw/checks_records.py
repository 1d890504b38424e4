"""Checks of GetRecords (07-006r1 10.8): resultType, maxRecords and nextRecord, the element sets, and constraints
in CQL, as an OGC Filter in KVP and in a POSTed request."""

from __future__ import annotations

from lxml import etree

from conformance.core.evidence import NotApplicable, PagingViolation, Violation
from conformance.core.judgement import Judgement
from conformance.core.messages import Message
from conformance.harness.suite import CheckContext
from conformance.suites.csw.checks_common import not_document
from conformance.suites.csw.filters import FilterRun, filters
from conformance.suites.csw.messages import m
from conformance.suites.csw.probes import SETS, Walk, identifier, records, results, walk
from conformance.suites.csw.probes import element_sets as sets_of
from conformance.suites.csw.schemas import CSW_XSD, schema_findings
from conformance.suites.csw.service import CSW, DC, Answer, Observed, tag

Context = CheckContext[Observed]
ROOTS = {"brief": "BriefRecord", "summary": "SummaryRecord", "full": "Record"}


def _walk(ctx: Context) -> Walk:
    done = ctx.observation.part("walk", walk)
    for note in done.notes:
        ctx.note(note)
    return done


def _number(answer: Answer, name: str) -> int | None:
    found = results(answer)
    value = (found.get(name, "") if found is not None else "").strip()
    return int(value) if value.isdigit() else None


def get_records_hits(ctx: Context) -> Judgement:
    """10.8.4.3: resultType=hits gives numberOfRecordsMatched and no records."""
    hits = _walk(ctx).hits
    if not hits.is_a(tag("GetRecordsResponse")):
        return ctx.judge(
            [not_document(hits, m("asked-hits"), m("phrase-response"))], ctx.examined(1, "csw.examined.hits")
        )
    found = schema_findings(hits, CSW_XSD, m("phrase-response"))
    if _number(hits, "numberOfRecordsMatched") is None:
        found.append(hits.finding(m("hits-no-number"), "numberOfRecordsMatched"))
    if records(hits):
        found.append(hits.finding(m("hits-with-records", actual=len(records(hits))), 0, len(records(hits))))
    return ctx.judge(found, ctx.examined(1, "csw.examined.hits"))


def _page(page: Answer, start: int, size: int, matched: int | None) -> list[Violation]:
    asked = m("asked-page", start=start)
    if not page.is_a(tag("GetRecordsResponse")):
        return [not_document(page, asked, m("phrase-response"))]
    found = schema_findings(page, CSW_XSD, m("phrase-response"))
    count, returned = len(records(page)), _number(page, "numberOfRecordsReturned")
    if count > size:
        found.append(page.finding(m("too-many", start=start, size=size, actual=count), size, count))
    if returned != count:
        found.append(page.finding(m("returned-wrong", start=start, actual=returned, count=count), count, returned))
    got = _number(page, "numberOfRecordsMatched")
    if matched is not None and got != matched:
        found.append(page.finding(m("matched-differs", start=start, actual=got, matched=matched), matched, got))
    return found


def get_records_results(ctx: Context) -> Judgement:
    """10.8.4.3, 10.8.4.7: every page valid, within maxRecords, with numberOfRecordsReturned right; the summary
    and full pages of the element sets valid too."""
    done, size = _walk(ctx), int(ctx.observation.option("page_size"))
    found = [v for start, page in done.pages for v in _page(page, start, size, done.matched)]
    sets = [a for name, a in ctx.observation.part("sets", sets_of).items() if name != "brief"]
    found += [
        v for a in sets if a.is_a(tag("GetRecordsResponse")) for v in schema_findings(a, CSW_XSD, m("phrase-response"))
    ]
    return ctx.judge(found, ctx.examined(len(done.pages) + len(sets), "csw.examined.pages"))


def _paging(page: Answer, start: int, matched: int, seen: set[str]) -> list[Violation]:
    found: list[Violation] = []
    ids = [identifier(r) for r in records(page)]
    for rid in ids:
        if rid in seen:
            found.append(
                PagingViolation(m("duplicate", id=rid, start=start), locator=page.where, exchange=page.exchange)
            )
        seen.add(rid)
    expected = start + len(ids) if start + len(ids) <= matched else 0
    got = _number(page, "nextRecord")
    if got != expected:
        message = m("next-wrong", start=start, count=len(ids), matched=matched, actual=got, expected=expected)
        found.append(
            PagingViolation(message, locator=page.where, expected=expected, actual=got, exchange=page.exchange)
        )
    return found


def _ending(done: Walk, last: tuple[int, Answer], count: int, matched: int) -> list[Violation]:
    start, page = last
    if not done.ended and not done.notes:
        return [page.finding(m("paging-stuck", start=start, actual=_number(page, "nextRecord")), 0)]
    if done.ended and count != matched:
        return [page.finding(m("total-wrong", actual=count, matched=matched), matched, count)]
    return []


def get_records_paging(ctx: Context) -> Judgement:
    """10.8.4.6, 10.8.4.7: nextRecord leads through every matching record once and is 0 at the end."""
    done = _walk(ctx)
    pages = [(s, p) for s, p in done.pages if p.is_a(tag("GetRecordsResponse"))]
    if done.matched is None:
        raise NotApplicable(m("na-no-matched"))
    seen: set[str] = set()
    found = [v for start, page in pages for v in _paging(page, start, done.matched, seen)]
    if pages and not found:
        found += _ending(done, pages[-1], len(seen), done.matched)
    return ctx.judge(found, ctx.examined(len(pages), "csw.examined.pages"))


def _names(record: etree._Element) -> set[str]:
    return {f"{child.prefix}:{etree.QName(child).localname}" for child in record if isinstance(child.tag, str)}


def _views(name: str, answer: Answer, found: list[Violation]) -> dict[str, set[str]]:
    if not answer.is_a(tag("GetRecordsResponse")):
        found.append(not_document(answer, m("asked-set", set=name), m("phrase-response")))
        return {}
    for record in records(answer):
        if record.tag != f"{{{CSW}}}{ROOTS[name]}":
            found.append(
                answer.finding(m("set-root", set=name, actual=str(record.tag)), f"csw:{ROOTS[name]}", str(record.tag))
            )
    return {identifier(r): _names(r) for r in records(answer)}


def element_sets(ctx: Context) -> Judgement:
    """10.8.4.9: the element sets give their record types, full ⊇ summary ⊇ brief."""
    answers = ctx.observation.part("sets", sets_of)
    found: list[Violation] = []
    views = {name: _views(name, answers[name], found) for name in SETS}
    common = [rid for rid in views["brief"] if rid in views["summary"] and rid in views["full"]]
    for rid in common:
        for small, large in (("brief", "summary"), ("summary", "full")):
            lacking = views[small][rid] - views[large][rid]
            if lacking:
                shown = ", ".join(sorted(lacking))
                message = m("set-not-contained", id=rid, small=small, large=large, elements=shown)
                found.append(answers[large].finding(message, small, shown))
    return ctx.judge(found, ctx.examined(len(common), "csw.examined.set-records"))


def _run(ctx: Context) -> FilterRun:
    run = ctx.observation.part("filters", filters)
    if not run.word:
        raise NotApplicable(m("na-no-word"))
    return run


def _constrained(ctx: Context, run: FilterRun, answer: Answer | None, asked: Message) -> Judgement:
    assert answer is not None
    if not answer.is_a(tag("GetRecordsResponse")):
        return ctx.judge([not_document(answer, asked, m("phrase-response"))], ctx.examined(0, "csw.examined.matches"))
    found: list[Violation] = []
    got = records(answer)
    if not got:
        found.append(answer.finding(m("constraint-nothing", asked=asked, id=run.source), run.source))
    for record in got:
        title = (record.findtext(f"{{{DC}}}title") or "").strip()
        if run.word.casefold() not in title.casefold():
            message = m("constraint-mismatch", asked=asked, id=identifier(record), title=title or "–")
            found.append(answer.finding(message, f"%{run.word}%", title))
    return ctx.judge(found, ctx.examined(len(got), "csw.examined.matches"))


def constraint_cql(ctx: Context) -> Judgement:
    """10.8.4.11, 6.2.2: dc:title LIKE in CQL selects only records with the word."""
    languages = ctx.observation.usable().values("GetRecords", "CONSTRAINTLANGUAGE")
    if languages is not None and "CQL_TEXT" not in {v.upper() for v in languages}:
        raise NotApplicable(m("na-no-cql"))
    run = _run(ctx)
    return _constrained(ctx, run, run.cql, m("asked-cql", word=run.word))


def constraint_filter(ctx: Context) -> Judgement:
    """10.8.4.11: ogc:PropertyIsLike (KVP) selects only records with the word."""
    run = _run(ctx)
    return _constrained(ctx, run, run.kvp, m("asked-filter", word=run.word))


def post_get_records(ctx: Context) -> Judgement:
    """10.8.3: a POSTed GetRecords with ogc:PropertyIsLike selects only records with the word."""
    if "GetRecords" not in ctx.observation.usable().posts:
        raise NotApplicable(m("na-no-post"))
    run = _run(ctx)
    return _constrained(ctx, run, run.post, m("asked-post", word=run.word))
