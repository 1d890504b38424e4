"""Filter (§2.5.5): created/modified since/until, filters kept in links, deleted objects, omit_internal."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass

from conformance.core.evidence import Locator, MissingMember, NotApplicable, ValueViolation, Violation
from conformance.suites.oparl.facts import OMIT_INTERNAL
from conformance.suites.oparl.messages import m
from conformance.suites.oparl.objects import Seen
from conformance.suites.oparl.run import Found, OParlRun, RuleCheck, cached, counted
from conformance.suites.oparl.walk import Page, Walk, walk

FILTERS = ("created_since", "created_until", "modified_since", "modified_until")


def stamp(value: object) -> dt.datetime | None:
    """A date-time value with time zone, or None."""
    if not isinstance(value, str):
        return None
    try:
        parsed = dt.datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return None
    return parsed if parsed.tzinfo else None


@dataclass(frozen=True)
class Probe:
    """One filtered walk of a list: the filter, its threshold and the unfiltered walk to compare with."""

    name: str
    threshold: dt.datetime
    full: Walk
    filtered: Walk

    @property
    def attribute(self) -> str:
        """created or modified."""
        return self.name.split("_")[0]

    def matches(self, item: Seen) -> bool | None:
        """Whether an object satisfies the filter (None if it has no usable timestamp)."""
        value = stamp(item.obj.get(self.attribute))
        if value is None:
            return None
        return value >= self.threshold if self.name.endswith("since") else value <= self.threshold


def _threshold(items: list[Seen], attribute: str) -> dt.datetime | None:
    values = sorted({v for v in (stamp(i.obj.get(attribute)) for i in items if not i.deleted) if v})
    for offset in range(len(values) // 2, len(values)):
        low, high = values[offset - 1], values[offset]
        if offset and (high - low).total_seconds() >= 2:
            middle = low + (high - low) / 2
            return middle.replace(microsecond=0)
    return None


def probes(run: OParlRun) -> list[Probe]:
    """Every list (up to ``filter_lists``) walked once per filter, ``filter_pages`` pages deep."""

    def compute() -> list[Probe]:
        jobs = []
        for full in run.crawl.list_walks()[: run.options.filter_lists]:
            for name in FILTERS:
                limit = _threshold(full.items, name.split("_")[0])
                if limit is not None:
                    jobs.append((name, limit, full))
        return run.fetcher.map(
            lambda job: Probe(
                job[0],
                job[1],
                job[2],
                walk(
                    run.fetcher,
                    job[2].name,
                    job[2].kind,
                    job[2].url,
                    run.options.filter_pages,
                    params={job[0]: job[1].isoformat()},
                ),
            ),
            jobs,
        )

    return run.probe("filters", compute)


def filter_check(name: str) -> RuleCheck:
    """The rule for one filter: the first filtered page only has matching objects, and none is missing."""

    def check(run: OParlRun) -> Found:
        mine = [p for p in probes(run) if p.name == name]
        if not mine:
            raise NotApplicable(m("reason.no-distinct", attribute=name.split("_", maxsplit=1)[0]))
        for probe in mine:
            yield from _mismatches(probe, probe.filtered.pages[:1])
            yield from _missing(probe)
        return counted(len(mine), "filtered-walks", filter=name)

    return check


def _mismatches(probe: Probe, pages: list[Page]) -> Iterator[Violation]:
    relation = ">=" if probe.name.endswith("since") else "<="
    for page in pages:
        for item in page.items:
            if probe.matches(item) is False:
                message = m("outside-filter", name=probe.name, value=probe.threshold.isoformat())
                yield ValueViolation(
                    cached(message, item.source),
                    locator=item.at(probe.attribute),
                    expected=f"{relation} {probe.threshold.isoformat()}",
                    actual=item.obj.get(probe.attribute),
                    exchange=item.exchange,
                )


def _missing(probe: Probe) -> Iterator[Violation]:
    if not (probe.full.complete and probe.filtered.complete):
        return
    got = {i.id for i in probe.filtered.items}
    for item in probe.full.items:
        if probe.matches(item) and item.id not in got:
            first = probe.filtered.pages[0].fetched
            message = m("filter-missing", id=item.id, name=probe.name, value=probe.threshold.isoformat())
            yield MissingMember(
                cached(message, first),
                locator=Locator(where=first.url, pointer="/data"),
                expected=item.id,
                actual=m("phrase.objects", count=len(got)),
                exchange=first.exchange,
            )


def check_filter_kept(run: OParlRun) -> Found:
    """Pages after the first of a filtered list still only hold objects that match the filter."""
    later = [p for p in probes(run) if len(p.filtered.pages) > 1]
    if not later:
        raise NotApplicable(m("reason.no-second-page"))
    for probe in later:
        yield from _mismatches(probe, probe.filtered.pages[1:])
    return counted(sum(len(p.filtered.pages) - 1 for p in later), "later-pages")


def _omitted(run: OParlRun) -> list[tuple[Walk, Walk]]:
    def compute() -> list[tuple[Walk, Walk]]:
        walks = [w for w in run.crawl.list_walks() if w.kind in OMIT_INTERNAL]
        return run.fetcher.map(
            lambda w: (w, walk(run.fetcher, w.name, w.kind, w.url, 1, params={"omit_internal": "true"})), walks
        )

    return run.probe("omit-internal", compute)


def check_omit_internal(run: OParlRun) -> Found:
    """With omit_internal=true the internal lists that have their own lists are left out."""
    pairs = _omitted(run)
    if not pairs:
        raise NotApplicable(m("reason.no-omit-lists"))
    items = [item for _full, omitted in pairs for item in omitted.items]
    for item in items:
        for prop in OMIT_INTERNAL[item.kind]:
            if prop in item.obj:
                yield ValueViolation(
                    cached(m("not-omitted", prop=prop), item.source),
                    locator=item.at(prop),
                    expected=m("phrase.omitted"),
                    actual=m("phrase.present", prop=prop),
                    exchange=item.exchange,
                )
    return counted(len(items), "omit-objects")
