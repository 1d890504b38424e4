"""What the suite observes of a vendor: the export, every message validated once (schema, code lists, records)."""

from __future__ import annotations

from dataclasses import dataclass

from conformance.core.evidence import NotApplicable
from conformance.harness.target import TargetContext
from conformance.suites.xdomea.catalogue import ID
from conformance.suites.xdomea.messages import m
from conformance.xml.exports import validate_export
from conformance.xml.limits import ZipLimits, export_workers
from conformance.xml.report import DocumentReport


@dataclass(frozen=True)
class Export:
    """The validated export: one report per message (and per file that could not be read as one)."""

    reports: tuple[DocumentReport, ...]

    def documents(self, kinds: tuple[str, ...] | None) -> list[DocumentReport]:
        """The reports of the messages of some kinds (root element names), or all of them."""
        return [r for r in self.reports if kinds is None or r.scenario in kinds]


def observe(target: TargetContext) -> Export:
    """Validate every document of the target's export paths; a target without paths is not applicable."""
    if not target.target.paths:
        raise NotApplicable(m("na.no-paths", vendor=target.vendor.id, standard=ID))
    limits = ZipLimits.from_options(target.option)
    found = validate_export(target.target.paths, ID, workers=export_workers(target.option), limits=limits)
    return Export(tuple(found))
