"""A small suite on the contract for the plugin's end-to-end tests: two classes, one check per outcome."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from conformance.core.evidence import NotApplicable, StatusViolation, ValueViolation
from conformance.core.judgement import Judgement
from conformance.core.messages import Catalogue
from conformance.core.model import ConformanceClass, Requirement, Standard
from conformance.core.outcomes import Obligation
from conformance.harness.suite import Check, CheckContext, Suite, by_requirement
from conformance.harness.target import TargetContext
from tests.harness import contractsuite

ID = "town-1"
BASE = "urn:test:town-1"
CORE = ConformanceClass(f"{BASE}/conf/core", "core", "Kern", "Core")
HTML = ConformanceClass(f"{BASE}/conf/html", "html", "HTML", "HTML")
NAMES = ("ok", "wrong", "two-violations", "crash", "slow", "na", "html-page")
STANDARD = Standard(
    ID,
    "Town interface",
    "1",
    (CORE, HTML),
    requirements=tuple(
        Requirement(f"{BASE}/req/{n}", (HTML if n == "html-page" else CORE).uri, ID, "1", Obligation.MUSS, n)
        for n in NAMES
    ),
)
MESSAGES = contractsuite.MESSAGES.merged(
    Catalogue.of({"town.sampled": ("sampled {count} of {total} pages", "{count} von {total} Seiten stichprobenartig")})
)
Ctx = CheckContext[dict[str, Any]]


def ok(ctx: Ctx) -> Judgement:
    response = ctx.target.http.get(ctx.target.base_url + "/ok")
    found = (
        [StatusViolation(ctx.msg("city.status", what="/ok", status=response.status))] if response.status != 200 else []
    )
    return ctx.judge(found, ctx.examined(1, "city.responses"))


def wrong(ctx: Ctx) -> Judgement:
    response = ctx.target.http.get(ctx.target.base_url + "/status", params={"code": "500"})
    found = [
        StatusViolation(
            ctx.msg("city.status", what="/status", status=response.status),
            locator=response.url,
            expected=200,
            actual=response.status,
            exchange=response.exchange,
        )
    ]
    return ctx.judge(found if response.status != 200 else [], ctx.examined(1, "city.responses"))


def two_violations(ctx: Ctx) -> Judgement:
    found = [
        ValueViolation(ctx.msg("city.value", index=1), expected=1, actual=2),
        ValueViolation(ctx.msg("city.value", index=2), expected=3, actual=4),
    ]
    return ctx.judge(found, ctx.examined(2, "city.responses"))


def crash(ctx: Ctx) -> Judgement:
    raise KeyError("bug in the check")


def slow(ctx: Ctx) -> Judgement:
    ctx.target.http.get(ctx.target.base_url + "/slow", params={"s": "4"})
    return ctx.judge([], ctx.examined(1, "city.responses"))


def na(ctx: Ctx) -> Judgement:
    raise NotApplicable(ctx.msg("city.no-data"))


def html_page(ctx: Ctx) -> Judgement:
    ctx.note(ctx.msg("town.sampled", count=1, total=3))
    return ctx.judge([], ctx.examined(1, "city.responses"))


CHECKS = {"two-violations": two_violations, "html-page": html_page}


class TownSuite(Suite[dict[str, Any]]):
    """The plugin's test suite: its observation fetches /ok once per target (an unreachable one errs there)."""

    standards = (STANDARD,)
    messages = MESSAGES

    def observe(self, target: TargetContext) -> dict[str, Any]:
        target.http.get(target.base_url + "/ok")
        return {}

    def checks(self, standard: Standard) -> Mapping[str, Check[dict[str, Any]]]:
        return by_requirement(*(Check(f"{BASE}/req/{n}", CHECKS.get(n) or globals()[n]) for n in NAMES))


SUITE = TownSuite()
