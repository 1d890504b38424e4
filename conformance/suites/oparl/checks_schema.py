"""Schema (§3): every object against the project's JSON Schema of its type, type URLs, System, semantics."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator

from conformance.core.evidence import NotApplicable, ValueViolation, Violation
from conformance.core.messages import Message
from conformance.suites.oparl.checks_json import objects_examined
from conformance.suites.oparl.messages import m
from conformance.suites.oparl.objects import Seen
from conformance.suites.oparl.run import Found, OParlRun, RuleCheck, cached, counted
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


def validate_all(
    version: str, kind: str, objects: Iterable[Seen], detail: int, counted: list[int]
) -> Iterator[Violation]:
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
            for found in types.violations(seen.obj, seen.where, seen.pointer, exchange=seen.exchange):
                found.message = cached(m("schema", error=found.text), seen.source)
                yield found
    counted.append(invalid)


def schema_check(kind: str) -> RuleCheck:
    """The schema rule of one object type: jsonschema detail for the first ``schema_detail`` invalid ones."""

    def check(run: OParlRun) -> Found:
        invalid: list[int] = []
        objects = of_kind(run, kind)
        yield from validate_all(run.version.number, kind, objects, run.options.schema_detail, invalid)
        if invalid[0] > run.options.schema_detail:
            run.note(
                f"schema-{kind}", m("note.schema-detail", count=invalid[0], kind=kind, detail=run.options.schema_detail)
            )
            run.used.add(f"schema-{kind}")
        return counted(len(objects), "typed-objects", kind=kind)

    return check


def check_type_url(run: OParlRun) -> Found:
    """type is the namespace URL of this version and of the type the object's position demands."""
    objects = typed_objects(run)
    for seen in objects:
        expected = run.version.type_url(seen.kind)
        if seen.obj.get("type") != expected:
            yield ValueViolation(
                cached(m("type-url", kind=seen.kind, expected=expected), seen.source),
                locator=seen.at("type"),
                expected=expected,
                actual=seen.obj.get("type"),
                exchange=seen.exchange,
            )
    return objects_examined(objects)


def check_system_endpoint(run: OParlRun) -> Found:
    """The System URL answers a System object whose oparlVersion names this version."""
    system = run.crawl.system
    version = (system.obj or {}).get("oparlVersion")
    if version != run.version.namespace:
        yield ValueViolation(
            cached(m("oparl-version", version=run.version.namespace), system),
            locator=run.crawl.top[0].at("oparlVersion"),
            expected=run.version.namespace,
            actual=version,
            exchange=system.exchange,
        )
    return counted(1, "system")


Judged = tuple[str, Message, object, object] | None


def member_rule(kind: str, member: str, test: Callable[[Seen], Judged]) -> RuleCheck:
    """A rule on one member of single objects of one type: ``test`` returns (member, message, expected, actual)
    or None; the objects that carry ``member`` are what the rule examined."""

    def check(run: OParlRun) -> Found:
        carriers = [s for s in of_kind(run, kind) if not s.deleted and s.obj.get(member) not in (None, "")]
        if not carriers:
            raise NotApplicable(m("reason.no-member", kind=kind, member=member))
        for seen in carriers:
            found = test(seen)
            if found:
                where, message, expected, actual = found
                yield ValueViolation(
                    cached(message, seen.source),
                    locator=seen.at(where),
                    expected=expected,
                    actual=actual,
                    exchange=seen.exchange,
                )
        return counted(len(carriers), "with-member", kind=kind, member=member)

    return check


def _location_object(seen: Seen) -> Judged:
    inner = seen.obj.get("locationObject")
    if not isinstance(inner, dict):
        return None
    if seen.obj.get("location") != inner.get("id"):
        return "location", m("location-object"), inner.get("id"), seen.obj.get("location")
    return None


def _life_length(seen: Seen) -> Judged:
    life = seen.obj.get("life")
    if isinstance(life, str) and len(life) >= 300:
        return "life", m("life-length"), m("phrase.under-300"), len(life)
    return None


def _life_source(seen: Seen) -> Judged:
    if seen.obj.get("life") and not seen.obj.get("lifeSource"):
        return "life", m("life-source"), "lifeSource", None
    return None


def _file_name(seen: Seen) -> Judged:
    name = seen.obj.get("name")
    if isinstance(name, str) and EXTENSION.search(name):
        return "name", m("file-extension"), m("phrase.no-extension"), name
    return None


def _meeting_state(seen: Seen) -> Judged:
    state = seen.obj.get("meetingState")
    if isinstance(state, str) and state not in STATES:
        return "meetingState", m("meeting-state"), list(STATES), state
    return None


def check_agenda_order(run: OParlRun) -> Found:
    """order of every embedded agenda item equals its position in Meeting.agendaItem."""
    ordered = 0
    for seen in of_kind(run, "Meeting"):
        items = seen.obj.get("agendaItem")
        for position, item in enumerate(items if isinstance(items, list) else []):
            if not (isinstance(item, dict) and "order" in item):
                continue
            ordered += 1
            if item["order"] != position:
                yield ValueViolation(
                    cached(m("agenda-order"), seen.source),
                    locator=seen.at("agendaItem", position, "order"),
                    expected=position,
                    actual=item["order"],
                    exchange=seen.exchange,
                )
    if not ordered:
        raise NotApplicable(m("reason.no-member", kind="AgendaItem", member="order"))
    return counted(ordered, "agenda-items")


check_person_location_object = member_rule("Person", "locationObject", _location_object)
check_person_life_length = member_rule("Person", "life", _life_length)
check_person_life_source = member_rule("Person", "life", _life_source)
check_file_name = member_rule("File", "name", _file_name)
check_meeting_state = member_rule("Meeting", "meetingState", _meeting_state)
