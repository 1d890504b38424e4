"""Schriftgutobjekte: one UUID per object, and every primary document of a 0503 message in its package."""

from __future__ import annotations

from conformance.harness.target import TargetContext, requirement
from conformance.suites.xdomea import STANDARD
from conformance.suites.xdomea.catalogue import OBJECT_MESSAGES
from conformance.suites.xdomea.export import check


@requirement(STANDARD.requirement("/IdentifikationObjektType/ID"))
def test_unique_ids(target: TargetContext) -> None:
    check(target, "IdentifikationObjektType/ID", OBJECT_MESSAGES)


@requirement(STANDARD.requirement("/Aussonderung.Aussonderung.0503/Primaerdokument"))
def test_primary_documents(target: TargetContext) -> None:
    check(target, "Aussonderung.Aussonderung.0503/Primaerdokument", ("Aussonderung.Aussonderung.0503",))
