"""Schema (§3): every object against the project's JSON Schema of its type, type URLs, System, semantics."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator

from conformance.core.evidence import ValueViolation, Violation
from conformance.suites.oparl.objects import Seen
from conformance.suites.oparl.run import Check, OParlRun
from conformance.suites.oparl.samples import no_objects, typed_objects
from conformance.suites.oparl.schemas import validator

EXTENSION = re.compile(r"\.(pdf|docx?|odt|rtf|xlsx?|ods|pptx?|odp|txt|html?|jpe?g|png|tiff?|zip)$", re.IGNORECASE)
STATES = ("terminiert", "eingeladen", "durchgeführt")


def of_kind(run: OParlRun, kind: str) -> list[Seen]:
    """Every object met whose position demands the type ``kind``; skips or is n/a when there is none."""
    found = [s for s in typed_objects(run) if s.kind == kind]
    if not found:
        raise no_objects(run, kind)
    return found


def validate_all(version: str, kind: str, objects: Iterable[Seen], detail: int,
                 counted: list[int]) -> Iterator[Violation]:
    """Schema violations of many objects: every object is checked, the first ``detail`` invalid ones in detail.

    The number of invalid objects is appended to ``counted``.
    """
    types = validator(version, kind)
    invalid = 0
    for seen in objects:
        if types.is_valid(seen.obj):
            continue
        invalid += 1
        if invalid <= detail:
            yield from types.violations(seen.obj, seen.where, seen.pointer, exchange=seen.exchange)
    counted.append(invalid)


def schema_check(kind: str) -> Check:
    """The schema rule of one object type: jsonschema detail for the first ``schema_detail`` invalid ones."""
    def check(run: OParlRun) -> Iterator[Violation]:
        counted: list[int] = []
        yield from validate_all(run.version.number, kind, of_kind(run, kind), run.options.schema_detail, counted)
        if counted[0] > run.options.schema_detail:
            run.target.note(f"{counted[0]} {kind} objects are invalid; violations listed for the first "
                            f"{run.options.schema_detail} (schema_detail)")
    return check


def check_type_url(run: OParlRun) -> Iterator[Violation]:
    """type is the namespace URL of this version and of the type the object's position demands."""
    for seen in typed_objects(run):
        expected = run.version.type_url(seen.kind)
        if seen.obj.get("type") != expected:
            yield ValueViolation(f"type of a {seen.kind} is not {expected}{seen.source.note()}",
                                 locator=seen.at("type"), expected=expected, actual=seen.obj.get("type"),
                                 exchange=seen.exchange)


def check_system_endpoint(run: OParlRun) -> Iterator[Violation]:
    """The System URL answers a System object whose oparlVersion names this version."""
    system = run.crawl.system
    version = (system.obj or {}).get("oparlVersion")
    if version != run.version.namespace:
        yield ValueViolation(f"oparlVersion is not {run.version.namespace}{system.note()}",
                             locator=run.crawl.top[0].at("oparlVersion"), expected=run.version.namespace,
                             actual=version, exchange=system.exchange)


def member_rule(kind: str, test: Callable[[Seen], tuple[str, str, object, object] | None]) -> Check:
    """A rule on single objects of one type: ``test`` returns (member, message, expected, actual) or None."""
    def check(run: OParlRun) -> Iterator[Violation]:
        for seen in of_kind(run, kind):
            if seen.deleted:
                continue
            found = test(seen)
            if found:
                member, message, expected, actual = found
                yield ValueViolation(message + seen.source.note(), locator=seen.at(member), expected=expected,
                                     actual=actual, exchange=seen.exchange)
    return check


def _location_object(seen: Seen) -> tuple[str, str, object, object] | None:
    inner = seen.obj.get("locationObject")
    if not isinstance(inner, dict):
        return None
    if seen.obj.get("location") != inner.get("id"):
        return "location", "location does not name the locationObject", inner.get("id"), seen.obj.get("location")
    return None


def _life_length(seen: Seen) -> tuple[str, str, object, object] | None:
    life = seen.obj.get("life")
    if isinstance(life, str) and len(life) >= 300:
        return "life", "life is 300 characters or longer", "< 300 characters", len(life)
    return None


def _life_source(seen: Seen) -> tuple[str, str, object, object] | None:
    if seen.obj.get("life") and not seen.obj.get("lifeSource"):
        return "life", "life is given without lifeSource", "lifeSource", None
    return None


def _file_name(seen: Seen) -> tuple[str, str, object, object] | None:
    name = seen.obj.get("name")
    if isinstance(name, str) and EXTENSION.search(name):
        return "name", "name carries a file extension", "a name without extension", name
    return None


def _meeting_state(seen: Seen) -> tuple[str, str, object, object] | None:
    state = seen.obj.get("meetingState")
    if isinstance(state, str) and state not in STATES:
        return "meetingState", "meetingState is not one of the recommended values", list(STATES), state
    return None


def check_agenda_order(run: OParlRun) -> Iterator[Violation]:
    """order of every embedded agenda item equals its position in Meeting.agendaItem."""
    for seen in of_kind(run, "Meeting"):
        items = seen.obj.get("agendaItem")
        for position, item in enumerate(items if isinstance(items, list) else []):
            if isinstance(item, dict) and "order" in item and item["order"] != position:
                yield ValueViolation(f"order differs from the position in agendaItem{seen.source.note()}",
                                     locator=seen.at("agendaItem", position, "order"), expected=position,
                                     actual=item["order"], exchange=seen.exchange)


check_person_location_object = member_rule("Person", _location_object)
check_person_life_length = member_rule("Person", _life_length)
check_person_life_source = member_rule("Person", _life_source)
check_file_name = member_rule("File", _file_name)
check_meeting_state = member_rule("Meeting", _meeting_state)
