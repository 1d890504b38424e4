"""Nachrichtenkopf of the Aussonderung messages 0501–0504: type, process, time, partners, sending system."""

from __future__ import annotations

from conformance.harness.target import TargetContext, requirement
from conformance.suites.xdomea import STANDARD
from conformance.suites.xdomea.catalogue import HEADER_MESSAGES
from conformance.suites.xdomea.export import check


@requirement(STANDARD.requirement("/NkBasisType/Nachrichtentyp"))
def test_message_type(target: TargetContext) -> None:
    check(target, "NkBasisType/Nachrichtentyp", HEADER_MESSAGES)


@requirement(STANDARD.requirement("/NkBasisType/ProzessID"))
def test_process_id(target: TargetContext) -> None:
    check(target, "NkBasisType/ProzessID", HEADER_MESSAGES)


@requirement(STANDARD.requirement("/NkBasisType/Erstellungszeitpunkt"))
def test_creation_time(target: TargetContext) -> None:
    check(target, "NkBasisType/Erstellungszeitpunkt", HEADER_MESSAGES)


@requirement(STANDARD.requirement("/NkBasisType/Absender-Empfaenger"))
def test_sender_receiver(target: TargetContext) -> None:
    check(target, "NkBasisType/Absender-Empfaenger", HEADER_MESSAGES)


@requirement(STANDARD.requirement("/NkBasisType/SendendesSystem"))
def test_sending_system(target: TargetContext) -> None:
    check(target, "NkBasisType/SendendesSystem", HEADER_MESSAGES)
