"""What the suite observes of a vendor: the XPlanGML documents of its export (files, folders, ZIPs), each
validated once against the version of the standard the target names."""

from __future__ import annotations

from dataclasses import dataclass

from conformance.core.evidence import NotApplicable
from conformance.harness.target import TargetContext
from conformance.suites.xplangml.messages import m
from conformance.xml.exports import validate_export
from conformance.xml.limits import ZipLimits, export_workers
from conformance.xml.report import DocumentReport


@dataclass(frozen=True)
class Export:
    """The validated export: one report per document (and per file that could not be read as one)."""

    reports: tuple[DocumentReport, ...]


def observe(target: TargetContext) -> Export:
    """Every document of the target's export paths, validated; a target without paths is not applicable."""
    standard = target.target.standard
    if not target.target.paths:
        raise NotApplicable(m("na.no-paths", vendor=target.vendor.id, standard=standard))
    limits = ZipLimits.from_options(target.option)
    found = validate_export(target.target.paths, standard, workers=export_workers(target.option), limits=limits)
    return Export(tuple(found))
