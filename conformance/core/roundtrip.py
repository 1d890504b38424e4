"""The round trip A → B for any standard: read from A, write into B, read back, compare, remove what was written.

What a standard reads, writes and calls an attribute is its adapter's (beside its suite, e.g.
``suites/ogcapi_features/transfer.py``); this module holds the order of things, the journal lines before each
write and the tally. Every item written is removed at the end, also when the run fails half-way.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import Any, Protocol

from conformance.core.http import Response, SafeSession
from conformance.core.journal import Journal
from conformance.core.transfer import Example, Problem, Transfer
from conformance.core.transferdiff import LOST, MISSING, UNCHANGED, Change, compare
from conformance.core.transport import TargetError

DETAIL = 300


class TransferFailed(Exception):
    """A request of the round trip did not do what it should; the problem says which and why."""

    def __init__(self, problem: Problem) -> None:
        super().__init__(problem.code)
        self.problem = problem


@dataclass(frozen=True)
class Item:
    """One item read from A: its collection (or type), id, the document to write, its attributes, its URL, and the
    CRS A declared for it ('' where A declared none)."""

    collection: str
    id: str
    document: Mapping[str, Any]
    attributes: Mapping[str, Any]
    url: str
    crs: str = ""


@dataclass(frozen=True)
class Plan:
    """Where an item goes in B: the collection URL, the item URL if B keeps ids, and whether that URL is free; where
    B names the ids, the ``marker`` the item carries into B and the ``search_url`` that lists what carries it."""

    collection_url: str
    item_url: str = ""
    free: bool = True
    search_url: str = ""
    marker: str = ""


class Adapter(Protocol):
    """What a standard contributes to the round trip (reading from A, writing into and reading from B)."""

    def ready(self) -> list[Problem]:
        """Why B cannot be written to at all (an empty list when it can)."""

    def items(self, sample: int | None) -> Iterator[Item]:
        """A's items, at most ``sample`` per collection (None: all)."""

    def plan(self, item: Item) -> Plan:
        """Where the item goes in B; raises TransferFailed when it cannot go anywhere."""

    def write(self, item: Item, plan: Plan) -> str:
        """Create the item in B; the URL B names for it."""

    def read_back(self, url: str) -> Mapping[str, Any]:
        """The attributes of the item B holds at ``url``."""

    def declared_crs(self, url: str) -> str:
        """The CRS B declared for the item read back from ``url`` ('' where it declared none)."""

    def remove(self, url: str) -> None:
        """Delete the item at ``url`` from B."""


def round_trip(adapter: Adapter, journal: Journal, transfer: Transfer) -> None:
    """Move A's items into B through ``adapter`` and tally every attribute into ``transfer``."""
    transfer.problems += adapter.ready()
    if transfer.problems:
        return
    created: list[str] = []
    try:
        for item in adapter.items(transfer.sample):
            transfer.read += 1
            _one(adapter, journal, transfer, item, created)
    except (TargetError, TransferFailed) as exc:
        transfer.problems.append(_problem(exc, "read-failed"))
    finally:
        _remove(adapter, journal, transfer, created)
    if not transfer.read and not transfer.problems:
        transfer.problems.append(Problem("nothing-read"))


def _one(adapter: Adapter, journal: Journal, transfer: Transfer, item: Item, created: list[str]) -> None:
    kept = transfer.attribute(item.collection, "item")
    try:
        plan = adapter.plan(item)
        if not plan.free:
            _note(transfer, Problem("conflict", plan.item_url))
            return
        url = _write(adapter, journal, item, plan)
        created.append(url)
        transfer.written += 1
        back = adapter.read_back(url)
    except TargetError as exc:
        _note(transfer, _problem(exc, "write-failed"))
        return
    except TransferFailed as exc:
        _note(transfer, exc.problem)
        kept.add(Change(LOST, "item"), Example(item.id, item.id, None, item.url, exc.problem.url))
        return
    transfer.compared += 1
    kept.add(Change(UNCHANGED), Example(item.id, item.id, item.id, item.url, url))
    _compare(transfer, item, back, url, (item.crs, adapter.declared_crs(url)))


def _compare(transfer: Transfer, item: Item, back: Mapping[str, Any], url: str, crs: tuple[str, str]) -> None:
    """Tally each attribute of A's item against B's (``crs``: the CRS each declared for it)."""
    for name in sorted(set(item.attributes) | set(back)):
        before, after = item.attributes.get(name, MISSING), back.get(name, MISSING)
        change = compare(name, before, after, crs)
        example = Example(item.id, _shown(before), _shown(after), item.url, url, change.detail)
        transfer.attribute(item.collection, name).add(change, example)


def _write(adapter: Adapter, journal: Journal, item: Item, plan: Plan) -> str:
    """Write one item, noting the intent before and what came of it after: created, or refused (a client error,
    RFC 9110 section 15.5, is taken as nothing created; no answer or a server error leaves the intent open)."""
    found = {"search_url": plan.search_url, "marker": plan.marker} if plan.marker else {}
    intent = journal.note(
        "intent", collection_url=plan.collection_url, item_url=plan.item_url, absent_before=True, **found
    )
    try:
        url = adapter.write(item, plan)
    except TransferFailed as exc:
        if exc.problem.status is not None and 400 <= exc.problem.status < 500:
            journal.note("refused", intent=intent)
        raise
    journal.note("created", intent=intent, url=url)
    return url


def _note(transfer: Transfer, problem: Problem) -> None:
    if problem not in transfer.problems:
        transfer.problems.append(problem)


def _shown(value: Any) -> Any:
    return None if value is MISSING else value


def _remove(adapter: Adapter, journal: Journal, transfer: Transfer, created: list[str]) -> None:
    """Delete what was written, last written first: an item that depends on another was written after it."""
    for url in reversed(created):
        try:
            adapter.remove(url)
        except (TargetError, TransferFailed) as exc:
            transfer.problems.append(_problem(exc, "delete-failed", url))
            continue
        journal.note("removed", url=url)
        transfer.removed += 1


def _problem(exc: TargetError | TransferFailed, code: str, url: str = "") -> Problem:
    if isinstance(exc, TransferFailed):
        return exc.problem
    return Problem(code, url, None, exc.message.text)


def expect(answer: Response, code: str = "read-failed", statuses: tuple[int, ...] = (200,)) -> Response:
    """The answer, if its status is one of ``statuses``; else TransferFailed with the problem ``code``."""
    if answer.status not in statuses:
        raise TransferFailed(Problem(code, answer.url, answer.status, answer.text[:DETAIL]))
    return answer


def parsed(answer: Response) -> Any:
    """The answer's JSON body; TransferFailed (read-failed) when it is none."""
    try:
        return answer.json()
    except ValueError as exc:
        raise TransferFailed(Problem("read-failed", answer.url, answer.status, str(exc)[:DETAIL])) from None


def read_back(session: SafeSession, url: str, accept: str) -> Any:
    """GET what B holds at ``url`` (read-back-failed unless 200), parsed."""
    return parsed(expect(session.get(url, headers={"Accept": accept}), "read-back-failed"))


def delete(session: SafeSession, url: str) -> None:
    """DELETE ``url`` (delete-failed unless 200 or 204)."""
    expect(session.request("DELETE", url), "delete-failed", (200, 204))
