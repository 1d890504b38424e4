"""XÖV code lists: every code's list and version can be determined, are known, and hold the code."""

from __future__ import annotations

from conformance.harness.target import TargetContext, requirement
from conformance.suites.xdomea import STANDARD
from conformance.suites.xdomea.export import check


@requirement(STANDARD.requirement("/Codelisten/Angabe"))
def test_list_reference(target: TargetContext) -> None:
    check(target, "Codelisten/Angabe")


@requirement(STANDARD.requirement("/Codelisten/Version"))
def test_list_known(target: TargetContext) -> None:
    check(target, "Codelisten/Version")


@requirement(STANDARD.requirement("/Codelisten/Wert"))
def test_code_in_list(target: TargetContext) -> None:
    check(target, "Codelisten/Wert")
