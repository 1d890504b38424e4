"""One OParl target under test: the shared crawl, memoised probes, options, and the rule-test factory."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any, TypeVar

from conformance.core.evidence import NonConformance, NotApplicable, Violation
from conformance.core.http import LOG, DeadlineExceeded, TargetUnreachable
from conformance.harness.target import TargetContext, requirement
from conformance.suites.oparl import STANDARDS
from conformance.suites.oparl.cache import ResponseCache
from conformance.suites.oparl.catalogue import OPTIONS, requirement_uri, rule
from conformance.suites.oparl.crawl import Crawl, Limits, crawl
from conformance.suites.oparl.facts import Version, version
from conformance.suites.oparl.fetch import Fetched, Fetcher

T = TypeVar("T")
Check = Callable[["OParlRun"], Iterable[Violation]]


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
    max_violations: int
    schema_detail: int
    cache_ttl: float
    crawl_deadline: float

    @classmethod
    def of(cls, target: TargetContext) -> Options:
        """The declared defaults (:data:`catalogue.OPTIONS`), overridden by the target's options."""
        values: dict[str, Any] = {o.name: target.option(o.name, o.default) for o in OPTIONS}
        return cls(**values)


class OParlRun:
    """The crawl of one target and everything derived from it, computed once per process."""

    def __init__(self, target: TargetContext, number: str) -> None:
        self.target = target
        self.version: Version = version(number)
        self.options = Options.of(target)
        cache = ResponseCache(target.vendor.id, self.options.cache_ttl, redactor=target.http.redactor) \
            if self.options.cache_ttl > 0 else None
        self.system_url = target.target.urls[0] if target.base_url else ""
        self.fetcher = Fetcher(target, self.system_url, cache, self.options.concurrency)
        self.memo: dict[str, Any] = {}
        self.failures: dict[str, list[str]] = {}
        self.notes: dict[str, list[str]] = {}
        self.used: set[str] = set()
        self.stale: set[str] = set()
        with self.shared():
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

    def note(self, probe: str, *texts: str) -> None:
        """Notes (e.g. sampling cuts) that every result using the probe carries."""
        self.notes.setdefault(probe, []).extend(t for t in texts if t not in self.notes.get(probe, []))

    @contextmanager
    def shared(self) -> Iterator[None]:
        """The crawl shared by every check runs under ``crawl_deadline``; the clock of the check that starts it
        stands still meanwhile and resumes with the time it had left."""
        left = LOG.remaining()
        try:
            with LOG.budget(self.options.crawl_deadline):
                yield
        finally:
            if left is not None:
                LOG.deadline = time.monotonic() + left

    def evaluate(self, check: Check) -> None:
        """Run a check: fail with its violations, error if requests it relied on failed, else pass.

        A System URL that gave no JSON object makes every check an error with the reason: nothing is judged
        on a System that was never read.
        """
        self.used = {"crawl"}
        for name in self.stale:
            self.memo.pop(name, None)
        self.stale.clear()
        self._readable()
        try:
            found, extra = self._collect(check)
        finally:
            self._notes()
        if extra:
            self.target.note(f"{extra} further violations not listed (max_violations {self.options.max_violations})")
        if found:
            raise NonConformance(found)
        failed = [f for name in sorted(self.used) for f in self.failures.get(name, [])]
        if failed:
            raise TargetUnreachable(f"{len(failed)} request(s) failed, so this could not be checked: {failed[0]}")

    def _readable(self) -> None:
        system = self.crawl.system
        reason = unreadable(system)
        if reason:
            LOG.exchanges.extend(e for e in (*system.history, system.exchange) if e and e not in LOG.exchanges)
            raise TargetUnreachable(f"the System URL could not be read, so nothing was judged: {reason}")

    def _notes(self) -> None:
        for name in sorted(self.used):
            for text in self.notes.get(name, []):
                self.target.note(text)
        if self.fetcher.hits:
            self.target.note(f"{self.fetcher.hits} responses came from the response cache (oldest stored "
                             f"{self.fetcher.oldest}); changes by the vendor after that time are not visible")

    def _collect(self, check: Check) -> tuple[list[Violation], int]:
        found: list[Violation] = []
        extra = 0
        for violation in check(self):
            if len(found) < self.options.max_violations:
                found.append(violation)
            else:
                extra += 1
        return found, extra


def unreadable(system: Fetched) -> str:
    """Why the System URL gave no JSON object to judge (empty if it did)."""
    if system.failure or system.skipped:
        return system.failure or system.skipped
    if system.status != 200:
        wait = system.headers.get("Retry-After")
        return f"{system.url} answered HTTP {system.status}" + (f" (Retry-After: {wait})" if wait else "")
    if system.parse_error:
        return f"{system.url} answered {system.media_type or 'no media type'}, {system.parse_error}"
    if not isinstance(system.data, dict):
        return f"{system.url} answered JSON that is not an object"
    return ""


def session(target: TargetContext, number: str) -> OParlRun:
    """The run of a target for one OParl version (created by the first test that needs it)."""
    return target.remember(f"oparl-{number}", lambda: OParlRun(target, number))


def register(namespace: dict[str, Any], key: str, check: Check) -> None:
    """Define one pytest test per OParl version, marked with its requirement; where the version's text has no
    such rule, the test says so (not applicable: new in a later version)."""
    item = rule(key)
    for standard in STANDARDS:
        name = f"test_{key.replace('-', '_')}_v{standard.version.replace('.', '')}"
        wanted = standard.requirement(requirement_uri(standard.version, item))
        missing = "" if item.text(standard.version) else (
            f"new in OParl {item.versions[0]} (§{item.section} {item.heading}): OParl {standard.version} has no "
            "such rule")
        namespace[name] = requirement(wanted)(_test(standard.version, check, name, wanted.statement, missing))


def _test(number: str, check: Check, name: str, doc: str, missing: str) -> Callable[[TargetContext], None]:
    def test(target: TargetContext) -> None:
        if missing:
            raise NotApplicable(missing)
        session(target, number).evaluate(check)

    test.__name__ = test.__qualname__ = name
    test.__doc__ = doc
    return test
