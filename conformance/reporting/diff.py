"""What changed between two runs, per vendor, target and requirement, and in the profile verdicts.

A CI gate compares a release's run with the last accepted one. A requirement that now fails and did not
fail before is a *regression*; one that failed and now passes (or was waived) is *fixed*; a new error is
kept apart (no verdict, never a regression); requirements only one run tested are *added* or *removed*.
A requirement whose check has another revision in the later run changed because the suite did: its change
is *check changed*, never a regression or a fix (a check that now fails leaves the gate unsettled).
Everything is derived from the two results files alone; differences in suite version, packs or profile
are stated, since they and not the vendor may explain a change.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum

from conformance.core.messages import Catalogue, Message
from conformance.core.outcomes import Obligation, Outcome
from conformance.core.results import Header, Result, ResultsFile
from conformance.reporting.verdict import vendor_verdicts

SEVERITY = (
    Outcome.FAIL,
    Outcome.ERROR,
    Outcome.SKIP,
    Outcome.NOT_VERIFIED,
    Outcome.WAIVED,
    Outcome.NOT_APPLICABLE,
    Outcome.PASS,
)
Key = tuple[str, str, str, str]
CAVEATS = ("suite-version", "pack", "profile", "incomplete")


class Change(StrEnum):
    """How one requirement's outcome moved from the earlier run to the later one."""

    REGRESSED = "regressed"
    FIXED = "fixed"
    NEW_ERROR = "new-error"
    CHECK_CHANGED = "check-changed"
    CHANGED = "changed"
    ADDED = "added"
    REMOVED = "removed"


@dataclass(frozen=True)
class Delta:
    """One requirement of one vendor target whose outcome differs between the runs."""

    vendor: str
    standard: str
    target: str
    requirement: str
    obligation: Obligation
    before: Outcome | None
    after: Outcome | None
    change: Change
    reason: Message | None = None
    revisions: tuple[int | None, int | None] = (None, None)


@dataclass(frozen=True)
class VerdictChange:
    """A vendor's profile verdict in both runs (``None``: the vendor is missing from that run)."""

    vendor: str
    before: str | None
    after: str | None

    @property
    def lost(self) -> bool:
        """The vendor met the profile before and fails it now."""
        return self.before == "meets" and self.after == "fails"

    @property
    def unsettled(self) -> bool:
        """The vendor met the profile before and now no verdict could be reached."""
        return self.before == "meets" and self.after == "undecided"


@dataclass(frozen=True)
class Caveat:
    """A difference between the runs other than the vendors': suite version, a pack, the profile, completeness."""

    kind: str
    subject: str = ""
    before: str = ""
    after: str = ""


@dataclass(frozen=True)
class RunDiff:
    """The comparison of two runs: changed requirements, verdict changes, caveats and the unchanged count."""

    before: Header
    after: Header
    deltas: tuple[Delta, ...]
    verdicts: tuple[VerdictChange, ...]
    unchanged: int
    caveats: tuple[Caveat, ...]

    @property
    def messages(self) -> Catalogue:
        """The catalogues of both runs (the later run's wording where both have a code)."""
        return Catalogue({**self.before.messages.templates, **self.after.messages.templates}.values())

    def of(self, change: Change) -> tuple[Delta, ...]:
        """The deltas of one kind."""
        return tuple(d for d in self.deltas if d.change is change)

    @property
    def regressed(self) -> bool:
        """Something now fails that did not, or a vendor lost its profile verdict."""
        return bool(self.of(Change.REGRESSED)) or any(v.lost for v in self.verdicts)

    @property
    def unsettled(self) -> bool:
        """A regression may hide: the later run is incomplete, a check newly erred or a verdict became open."""
        return (
            any(c.kind == "incomplete" and c.subject == "after" for c in self.caveats)
            or bool(self.of(Change.NEW_ERROR))
            or any(v.unsettled for v in self.verdicts)
            or any(d.after is Outcome.FAIL for d in self.of(Change.CHECK_CHANGED))
        )


def compare(before: ResultsFile, after: ResultsFile) -> RunDiff:
    """Compare an earlier run with a later one."""
    old, new = _outcomes(before), _outcomes(after)
    deltas = [
        d
        for key in sorted(old.keys() | new.keys())
        if (d := _delta(key, _revised(before.header, old.get(key)), _revised(after.header, new.get(key))))
    ]
    unchanged = sum(1 for key in old.keys() & new.keys() if old[key].outcome is new[key].outcome)
    return RunDiff(
        before.header, after.header, tuple(deltas), _verdicts(before, after), unchanged, tuple(_caveats(before, after))
    )


def classify(before: Outcome | None, after: Outcome | None) -> Change | None:
    """The kind of change, or None if the outcome stayed the same."""
    if before is None or after is None:
        return Change.ADDED if before is None else Change.REMOVED
    if before is after:
        return None
    if after is Outcome.FAIL:
        return Change.REGRESSED
    if before is Outcome.FAIL and after in (Outcome.PASS, Outcome.WAIVED):
        return Change.FIXED
    return Change.NEW_ERROR if after is Outcome.ERROR else Change.CHANGED


Revised = tuple[Result, int | None]


def _revised(header: Header, result: Result | None) -> Revised | None:
    """A result with the revision of its check: its own, else the one its run's header lists."""
    if result is None:
        return None
    return result, result.revision or header.revisions(result.standard).get(result.requirement)


def _delta(key: Key, old: Revised | None, new: Revised | None) -> Delta | None:
    change = classify(old[0].outcome if old else None, new[0].outcome if new else None)
    if change is None:
        return None
    revisions = (old[1] if old else None, new[1] if new else None)
    if old and new and None not in revisions and revisions[0] != revisions[1]:
        change = Change.CHECK_CHANGED
    shown = (new or old)[0]  # type: ignore[index]
    return Delta(
        *key,
        obligation=shown.obligation,
        before=old[0].outcome if old else None,
        after=new[0].outcome if new else None,
        change=change,
        reason=new[0].reason if new else None,
        revisions=revisions,
    )


def _outcomes(run: ResultsFile) -> dict[Key, Result]:
    """The worst result per vendor, target, standard and requirement; a vendor's only target of a standard is
    keyed without its URL or path, so a moved endpoint still compares."""
    single = _single_targets(run.results)
    found: dict[Key, Result] = {}
    for result in run.results:
        target = "" if (result.vendor, result.standard) in single else result.target
        key = (result.vendor, result.standard, target, result.requirement)
        if key not in found or SEVERITY.index(result.outcome) < SEVERITY.index(found[key].outcome):
            found[key] = result
    return found


def _single_targets(results: Iterable[Result]) -> set[tuple[str, str]]:
    targets: dict[tuple[str, str], set[str]] = defaultdict(set)
    for result in results:
        targets[(result.vendor, result.standard)].add(result.target)
    return {key for key, found in targets.items() if len(found) == 1}


def _verdicts(before: ResultsFile, after: ResultsFile) -> tuple[VerdictChange, ...]:
    old = {v.vendor: v.state.value for v in vendor_verdicts(before)}
    new = {v.vendor: v.state.value for v in vendor_verdicts(after)}
    return tuple(VerdictChange(v, old.get(v), new.get(v)) for v in sorted(old.keys() | new.keys()))


def _caveats(before: ResultsFile, after: ResultsFile) -> list[Caveat]:
    old, new = before.header, after.header
    caveats = (
        [Caveat("suite-version", "", old.suite_version, new.suite_version)]
        if (old.suite_version != new.suite_version)
        else []
    )
    packs_old, packs_new = _packs(old), _packs(new)
    caveats += [
        Caveat("pack", p, packs_old.get(p, ""), packs_new.get(p, ""))
        for p in sorted(packs_old.keys() | packs_new.keys())
        if packs_old.get(p) != packs_new.get(p)
    ]
    names = [h.profile.name if h.profile else "" for h in (old, new)]
    caveats += [Caveat("profile", "", *names)] if names[0] != names[1] else []
    return caveats + [
        Caveat("incomplete", which) for which, run in (("before", before), ("after", after)) if not run.complete
    ]


def _packs(header: Header) -> dict[str, str]:
    return {str(p.get("id")): f"{p.get('version')} ({str(p.get('digest', ''))[:12]})" for p in header.packs}
