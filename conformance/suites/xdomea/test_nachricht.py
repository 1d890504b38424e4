"""Nachrichteninstanz: well-formed and schema-valid xdomea 3.0.0, right namespace, prefix and schemaLocation."""

from __future__ import annotations

from conformance.harness.target import TargetContext, requirement
from conformance.suites.xdomea import STANDARD
from conformance.suites.xdomea.export import check


@requirement(STANDARD.requirement("/Konformitaet/Schema"))
def test_schema(target: TargetContext) -> None:
    check(target, "Konformitaet/Schema")


@requirement(STANDARD.requirement("/Konformitaet/Version"))
def test_version(target: TargetContext) -> None:
    check(target, "Konformitaet/Version")


@requirement(STANDARD.requirement("/Konformitaet/Praefix"))
def test_prefix(target: TargetContext) -> None:
    check(target, "Konformitaet/Praefix")


@requirement(STANDARD.requirement("/Konformitaet/schemaLocation"))
def test_schema_location(target: TargetContext) -> None:
    check(target, "Konformitaet/schemaLocation")
