"""The query parameters: /req/record-core-query-parameters/{bbox,datetime,q-response,type-response} and
/req/sorting/sortby-response.

Every probe is built from the sampled records of a catalog, and every record it returns is judged against it.
A probe that returns nothing judges nothing; when no probe returned anything the check is not applicable and
says what it looked for. Whether the record the query was built from comes back is a note, not a finding (the
requirements restrict the result set, they do not demand a particular record).
"""

from __future__ import annotations

from collections.abc import Callable

from conformance.core.evidence import ValueViolation, Violation
from conformance.core.judgement import Judgement
from conformance.core.messages import Message, Param
from conformance.suites.ogcapi_features import geometry, temporal
from conformance.suites.ogcapi_features.messages import joined, on
from conformance.suites.ogcapi_features.responses import features, status
from conformance.suites.ogcapi_records import query
from conformance.suites.ogcapi_records.messages import r
from conformance.suites.ogcapi_records.service import Ctx, Record, record_id

# A test judges one returned record: a finding, True (judged, fine) or False (nothing to judge in it).
Test = Callable[[Record], Message | bool]
Probe = tuple[str, str, dict[str, str], Test]  # catalog, the query as shown, its parameters, the test


def _judge(ctx: Ctx, probes: list[Probe], code: str, source: dict[str, Record] | None = None) -> Judgement:
    """Send each probe and judge every record it returns."""
    found: list[Violation] = []
    count = 0
    for catalog, shown, params, test in probes:
        doc = query.ask(ctx, catalog, params)
        found += status(doc, on(shown, catalog))
        returned = features(doc)
        for index, record in enumerate(returned):
            verdict = test(record)
            count += verdict is not False
            if isinstance(verdict, Message):
                found.append(ValueViolation(verdict, locator=doc.at(f"/features/{index}"), exchange=doc.exchange))
        _note_source(ctx, shown, (source or {}).get(shown), returned)
    looked: list[Param] = [on(shown, catalog) for catalog, shown, _, _ in probes] or ["-"]
    return ctx.judge(found, ctx.examined(count, code, looked=joined(looked)))


def _note_source(ctx: Ctx, shown: str, record: Record | None, returned: list[Record]) -> None:
    if record is not None and record_id(record) not in {record_id(f) for f in returned}:
        ctx.note(r("note.source-missing", query=shown, record=query.label(record)))


def bbox(ctx: Ctx) -> Judgement:
    """Only records whose geometry intersects the bbox are returned."""
    probes: list[Probe] = []
    for catalog, records in query.first_page(ctx):
        for box in query.boxes(records):
            shown = f"bbox={geometry.text(box)}"
            probes.append((catalog, shown, {"bbox": geometry.text(box)}, _within(box, shown)))
    return _judge(ctx, probes, "records.examined.returned")


def _within(box: geometry.Box, shown: str) -> Test:
    def test(record: Record) -> Message | bool:
        env = geometry.envelope(record.get("geometry"))
        if env is None:
            return r("no-geometry-in-bbox", query=shown, record=query.label(record))
        if geometry.misses(env, box):
            return r("outside-bbox", query=shown, record=query.label(record), envelope=geometry.text(env))
        return True

    return test


def datetime(ctx: Ctx) -> Judgement:
    """Only records whose time intersects the datetime value are returned (records of unknown time not judged)."""
    probes: list[Probe] = []
    for catalog, records in query.first_page(ctx):
        name = temporal.time_property(ctx.target, catalog, records)
        spans = [s for s in (query.record_time(rec, name) for rec in records) if s is not None]
        for shown, window in query.windows(spans):
            probes.append((catalog, f"datetime={shown}", {"datetime": shown}, _during(window, name, shown)))
    return _judge(ctx, probes, "records.examined.timed")


def _during(window: temporal.Interval, name: str | None, shown: str) -> Test:
    def test(record: Record) -> Message | bool:
        span = query.record_time(record, name)
        if span is None:
            return False
        if temporal.intersects(span, window):
            return True
        return r("outside-datetime", query=f"datetime={shown}", record=query.label(record), time=temporal.show(span))

    return test


def q(ctx: Ctx) -> Judgement:
    """Only records containing the search term (a word from a sampled title) in a text field are returned."""
    probes: list[Probe] = []
    source: dict[str, Record] = {}
    for catalog, records in query.first_page(ctx):
        picked = query.term(records)
        if picked is not None:
            word, source[f"q={picked[0]}"] = picked[0], picked[1]
            probes.append((catalog, f"q={word}", {"q": word}, _containing(word)))
    return _judge(ctx, probes, "records.examined.returned", source)


def _containing(word: str) -> Test:
    def test(record: Record) -> Message | bool:
        return (
            True
            if query.contains(record, word)
            else r("term-absent", query=f"q={word}", record=query.label(record), term=word)
        )

    return test


def type_(ctx: Ctx) -> Judgement:
    """Only records of the asked type are returned: a type of a sampled record, and a type no record has."""
    probes: list[Probe] = []
    source: dict[str, Record] = {}
    for catalog, records in query.first_page(ctx):
        typed = [rec for rec in records if isinstance((rec.get("properties") or {}).get("type"), str)]
        values = [(typed[0]["properties"]["type"], typed[0])] if typed else []
        for value, rec in [*values, (query.UNKNOWN_TYPE, None)]:
            if rec is not None:
                source[f"type={value}"] = rec
            probes.append((catalog, f"type={value}", {"type": value}, _typed(value)))
    return _judge(ctx, probes, "records.examined.returned", source)


def _typed(value: str) -> Test:
    def test(record: Record) -> Message | bool:
        actual = (record.get("properties") or {}).get("type")
        return (
            True
            if actual == value
            else r("type-differs", query=f"type={value}", record=query.label(record), actual=repr(actual))
        )

    return test
