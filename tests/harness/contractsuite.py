"""A small suite on the contract, for the harness tests: each check ends in one of the outcomes on purpose."""

from __future__ import annotations

from collections.abc import Mapping
from itertools import count
from typing import Any

from conformance.core.evidence import NotApplicable, StatusViolation, ValueViolation
from conformance.core.judgement import Judgement
from conformance.core.messages import Catalogue
from conformance.core.model import ConformanceClass, Requirement, Standard
from conformance.core.outcomes import Obligation
from conformance.harness.suite import Check, CheckContext, Suite, by_requirement
from conformance.harness.target import TargetContext

ID = "city-1"
BASE = "urn:test:city-1"
CORE = ConformanceClass(f"{BASE}/conf/core", "core", "Kern", "Core")
NAMES = ("ok", "wrong", "many", "nothing", "na", "crash", "silent")
STANDARD = Standard(
    ID,
    "City interface",
    "1",
    (CORE,),
    requirements=tuple(
        Requirement(f"{BASE}/req/{n}", CORE.uri, ID, "1", Obligation.MUSS, f"{n} statement") for n in NAMES
    ),
)
MESSAGES = Catalogue.of(
    {
        "city.status": ("{what} answered HTTP {status}", "{what} antwortete mit HTTP {status}"),
        "city.value": ("value {index} is wrong", "Wert {index} ist falsch"),
        "city.responses": ("responses", "Antworten"),
        "city.records": ("records of type {kind}", "Datensätze vom Typ {kind}"),
        "city.observed": ("observation {number}", "Beobachtung {number}"),
        "city.no-data": ("no temporal data", "keine zeitbezogenen Daten"),
    }
)
OBSERVATIONS = count(1)

Ctx = CheckContext[dict[str, Any]]


def ok(ctx: Ctx) -> Judgement:
    ctx.note(ctx.msg("city.observed", number=ctx.observation["number"]))
    return ctx.judge([], ctx.examined(1, "city.responses"))


def wrong(ctx: Ctx) -> Judgement:
    response = ctx.target.http.get(ctx.target.base_url + "/status", params={"code": "500"})
    found = [
        StatusViolation(
            ctx.msg("city.status", what="/status", status=response.status),
            expected=200,
            actual=response.status,
            exchange=response.exchange,
        )
    ]
    return ctx.judge(found, ctx.examined(1, "city.responses"))


def many(ctx: Ctx) -> Judgement:
    found = [ValueViolation(ctx.msg("city.value", index=i), expected=0, actual=i) for i in range(120)]
    return ctx.judge(found, ctx.examined(120, "city.records", kind="value"))


def nothing(ctx: Ctx) -> Judgement:
    return ctx.judge([], ctx.examined(0, "city.records", kind="meeting"))


def na(ctx: Ctx) -> Judgement:
    raise NotApplicable(ctx.msg("city.no-data"))


def crash(ctx: Ctx) -> Judgement:
    raise KeyError("bug in the check")


def silent(ctx: Ctx) -> Judgement:
    return Judgement()


class CitySuite(Suite[dict[str, Any]]):
    """The test suite: its observation fetches /ok once per target."""

    standards = (STANDARD,)
    messages = MESSAGES

    def __init__(self, checks: Mapping[str, Check[dict[str, Any]]] | None = None) -> None:
        self.map = checks

    def observe(self, target: TargetContext) -> dict[str, Any]:
        target.http.get(target.base_url + "/ok")
        return {"number": next(OBSERVATIONS)}

    def checks(self, standard: Standard) -> Mapping[str, Check[dict[str, Any]]]:
        if self.map is not None:
            return self.map
        return by_requirement(*(Check(f"{BASE}/req/{n}", globals()[n], revision=2 if n == "ok" else 1) for n in NAMES))


SUITE = CitySuite()
