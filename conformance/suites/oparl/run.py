"""The observation of one OParl target: the crawl, made once by the harness, and the follow-up probes of the checks.

The crawl runs under ``crawl_deadline`` (the suite's observation budget). A System URL that gives no JSON object
leaves nothing to judge: the observation fails and every check of the target ends as an error with that reason.
Follow-up probes (objects fetched again by id, filtered walks, file downloads …) run under the deadline of the
check that needs one first and are shared by the others; a probe the deadline cut short is made again by the next
check that needs it, under that check's own deadline.
"""

from __future__ import annotations

from collections.abc import Callable, Generator
from dataclasses import dataclass
from typing import Any, TypeVar

from conformance.core.evidence import Violation
from conformance.core.judgement import Examined, Judgement
from conformance.core.messages import Message
from conformance.core.transport import DeadlineExceeded, TargetUnreachable
from conformance.harness.suite import CheckContext
from conformance.harness.target import TargetContext
from conformance.suites.oparl.cache import ResponseCache
from conformance.suites.oparl.catalogue import OPTIONS
from conformance.suites.oparl.crawl import Crawl, Limits, crawl
from conformance.suites.oparl.facts import Version, version
from conformance.suites.oparl.fetch import Fetched, Fetcher
from conformance.suites.oparl.messages import m

T = TypeVar("T")
Found = Generator[Violation, None, "Examined | tuple[Examined, ...]"]
RuleCheck = Callable[["OParlRun"], Found]


@dataclass(frozen=True)
class Options:
    """Crawl limits, sample sizes and politeness, read from the target's options."""

    concurrency: int
    max_pages: int
    max_objects: int
    max_bodies: int
    id_samples: int
    embedded_samples: int
    reference_samples: int
    filter_lists: int
    object_lists: int
    object_list_pages: int
    filter_pages: int
    file_samples: int
    deleted_pages: int
    schema_detail: int
    cache_ttl: float
    crawl_deadline: float

    @classmethod
    def of(cls, target: TargetContext) -> Options:
        """The declared defaults (:data:`catalogue.OPTIONS`), overridden by the target's options."""
        values: dict[str, Any] = {o.name: target.option(o.name, o.default) for o in OPTIONS}
        return cls(**values)


class OParlRun:
    """The crawl of one target and every probe derived from it, computed once per process."""

    def __init__(self, target: TargetContext, number: str) -> None:
        self.target = target
        self.version: Version = version(number)
        self.options = Options.of(target)
        cache = (
            ResponseCache(target.vendor.id, self.options.cache_ttl, redactor=target.http.redactor)
            if self.options.cache_ttl > 0
            else None
        )
        self.system_url = target.target.urls[0] if target.base_url else ""
        self.fetcher = Fetcher(target, self.system_url, cache, self.options.concurrency)
        self.memo: dict[str, Any] = {}
        self.failures: dict[str, list[str]] = {}
        self.notes: dict[str, list[Message]] = {}
        self.used: set[str] = set()
        self.stale: set[str] = set()
        self.crawl: Crawl = self.probe("crawl", self._crawl)

    def documents(self) -> list[Fetched]:
        """The System and every list page the crawl received."""
        pages = [page.fetched for item in self.crawl.walks for page in item.pages]
        return [self.crawl.system, *pages]

    def _crawl(self) -> Crawl:
        o = self.options
        result = crawl(self.fetcher, self.version, self.system_url, Limits(o.max_pages, o.max_objects, o.max_bodies))
        self.note("crawl", *result.notes)
        return result

    def probe(self, name: str, compute: Callable[[], T]) -> T:
        """A memoised follow-up of the crawl, run under the deadline of the check that needs it first.

        Its request failures are kept under its name; a probe the deadline cut short is computed again by the
        next check that needs it, under that check's own deadline.
        """
        self.used.add(name)
        if name not in self.memo:
            before = len(self.fetcher.failures)
            self.memo[name] = compute()
            self.failures[name] = self.fetcher.failures[before:]
            if name != "crawl" and any(f.startswith(DeadlineExceeded.__name__) for f in self.failures[name]):
                self.stale.add(name)
        return self.memo[name]  # type: ignore[no-any-return]

    def note(self, probe: str, *messages: Message) -> None:
        """Notes (e.g. sampling cuts) that every result using the probe carries."""
        known = self.notes.setdefault(probe, [])
        known.extend(n for n in messages if n not in known)

    def evaluate(self, ctx: CheckContext[OParlRun], check: RuleCheck) -> Judgement:
        """Run a check: its findings and what it examined; an error if requests it relied on failed."""
        self.used = {"crawl"}
        for name in self.stale:
            self.memo.pop(name, None)
        self.stale.clear()
        try:
            found, examined = collect(check(self))
        finally:
            self._notes(ctx)
        failed = [f for name in sorted(self.used) for f in self.failures.get(name, [])]
        if failed and not found:
            raise TargetUnreachable(m("reason.requests-failed", count=len(failed), first=failed[0]))
        return ctx.judge(found, *examined)

    def _notes(self, ctx: CheckContext[OParlRun]) -> None:
        for name in sorted(self.used):
            for message in self.notes.get(name, []):
                ctx.note(message)
        if self.fetcher.hits:
            ctx.note(m("note.cache", count=self.fetcher.hits, oldest=self.fetcher.oldest))


def collect(found: Found) -> tuple[list[Violation], tuple[Examined, ...]]:
    """Every finding a check yields, and what it says it examined (its return value)."""
    violations: list[Violation] = []
    while True:
        try:
            violations.append(next(found))
        except StopIteration as done:
            value = done.value
            return violations, value if isinstance(value, tuple) else (value,)


def observe(target: TargetContext) -> OParlRun:
    """The crawl of a target, for the OParl version its standard names; an unreadable System URL stops here."""
    number = target.target.standard.removeprefix("oparl-")
    run = OParlRun(target, number)
    reason = unreadable(run.crawl.system)
    if reason is not None:
        raise TargetUnreachable(m("reason.unreadable", reason=reason))
    return run


def unreadable(system: Fetched) -> Message | None:
    """Why the System URL gave no JSON object to judge (None if it did)."""
    if system.failure:
        return m("phrase.text", text=system.failure)
    if system.skipped:
        return system.skipped
    if system.status != 200:
        wait = system.headers.get("Retry-After")
        if wait:
            return m("phrase.answered-wait", url=system.url, status=system.status, wait=wait)
        return m("phrase.answered", url=system.url, status=system.status)
    if system.parse_error:
        served = system.media_type or m("phrase.no-media-type")
        return m("phrase.answered-unparsed", url=system.url, type=served, error=system.parse_error)
    if not isinstance(system.data, dict):
        return m("phrase.answered-no-object", url=system.url)
    return None


def cached(message: Message, fetched: Fetched | None) -> Message:
    """A finding built from an answer, marked when that answer came from the response cache."""
    if fetched is None or not fetched.cached:
        return message
    return m("cached", finding=message, stored=fetched.cached)


def counted(count: int, code: str, **params: Any) -> Examined:
    """What a check examined: ``count`` things of the kind ``oparl.examined.<code>`` names."""
    return Examined(count, m(f"examined.{code}", **params))
