"""Everything every report format shows, computed once from a run."""

from __future__ import annotations

import functools
from collections import Counter
from dataclasses import dataclass

from conformance.core.messages import Message
from conformance.core.records import WaiverRecord, WaiverStatus
from conformance.core.results import Result, ResultsFile
from conformance.core.transfer import Transfer
from conformance.reporting.header import profile_name, short_labels
from conformance.reporting.i18n import Labels
from conformance.reporting.matrix import Matrix, build_matrix
from conformance.reporting.switch import Switchability, switchability
from conformance.reporting.verdict import VendorVerdict, exit_code, vendor_verdicts

WAIVER_ORDER = (WaiverStatus.EXPIRED, WaiverStatus.UNUSED_PASSES, WaiverStatus.APPLIED, WaiverStatus.UNUSED)


@dataclass(frozen=True)
class Note:
    """A sampling note: a limit that cut what a check looked at."""

    vendor: str
    requirement: str
    message: Message


@dataclass(frozen=True)
class NoteLine:
    """The sampling notes of one vendor and standard: each distinct note once, with the number of requirements
    it was written for."""

    vendor: str
    standard: str
    notes: tuple[tuple[Message, int], ...]


@dataclass(frozen=True)
class Report:
    """The matrix, verdicts, switchability, waivers and notes of one run: what every renderer receives."""

    run: ResultsFile
    matrix: Matrix
    verdicts: tuple[VendorVerdict, ...]
    switch: Switchability
    exit_code: int
    transfers: tuple[Transfer, ...] = ()

    @functools.cached_property
    def labels(self) -> dict[str, str]:
        """A short, unique label per vendor id: product and version (with the vendor where needed)."""
        return short_labels(row.vendor for row in self.matrix.rows)

    def words(self, lang: str) -> Labels:
        """Labels and the run's messages in a language."""
        return Labels(lang, self.run.header.messages)

    @property
    def profile(self) -> str | None:
        """The profile's name (None without a profile)."""
        return profile_name(self.run)

    def verdict(self, vendor: str) -> VendorVerdict:
        """The verdict of one vendor."""
        return self._verdicts[vendor]

    @functools.cached_property
    def _verdicts(self) -> dict[str, VendorVerdict]:
        return {v.vendor: v for v in self.verdicts}

    @property
    def predates_codes(self) -> bool:
        """The file holds results but no message catalogue (format 1): its texts are shown as stored, in English."""
        return bool(self.run.results) and not self.run.header.messages

    @property
    def waivers(self) -> tuple[Result, ...]:
        """Results that carry a waiver: expired ones first, then waived checks that now pass."""
        found = [r for r in self.run.results if r.waiver]
        return tuple(sorted(found, key=lambda r: (_waiver_rank(r.waiver), r.vendor, r.requirement, r.test_id)))

    @property
    def notes(self) -> tuple[Note, ...]:
        """Every sampling note, once per vendor and requirement."""
        found = (Note(r.vendor, r.requirement, n) for r in self.run.results for n in r.notes)
        return tuple(sorted(dict.fromkeys(found), key=lambda n: (n.vendor, n.requirement, n.message.text)))

    @property
    def note_lines(self) -> tuple[NoteLine, ...]:
        """The sampling notes, one line per vendor and standard (in the matrix's order)."""
        standard = {(r.vendor, r.requirement): r.standard for r in self.run.results if r.notes}
        found: dict[tuple[str, str], Counter[Message]] = {}
        for note in self.notes:
            found.setdefault((note.vendor, standard[(note.vendor, note.requirement)]), Counter())[note.message] += 1
        rows = {row.id: i for i, row in enumerate(self.matrix.rows)}
        columns = {s: i for i, s in enumerate(self.matrix.standards)}
        keys = sorted(found, key=lambda k: (rows.get(k[0], len(rows)), k[0], columns.get(k[1], len(columns)), k[1]))
        return tuple(NoteLine(v, s, tuple(found[(v, s)].most_common())) for v, s in keys)


def _waiver_rank(waiver: WaiverRecord | None) -> int:
    return WAIVER_ORDER.index(waiver.status) if waiver else len(WAIVER_ORDER)


def build_report(run: ResultsFile, transfers: tuple[Transfer, ...] = ()) -> Report:
    """Aggregate a run (and the round trips stored beside it) once for every report format."""
    matrix = build_matrix(run)
    verdicts = vendor_verdicts(run, matrix)
    switch = switchability(matrix, verdicts, run.header.profile is not None)
    return Report(run, matrix, verdicts, switch, exit_code(run, verdicts), transfers)
