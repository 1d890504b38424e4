"""Location.geojson (§3.15 Location): a complete GeoJSON Feature, judged by the shared RFC 7946 checks.

OParl serves German council information: a Body with an Amtlicher Gemeindeschlüssel (``ags``) or a Regionalschlüssel
(``rgs``) lies in Germany, so a position outside Germany whose swapped form lies inside is written latitude first.
"""

from __future__ import annotations

from conformance.core import geojson
from conformance.core.evidence import Locator, NotApplicable, ValueViolation
from conformance.core.messages import Message
from conformance.core.outcomes import Obligation
from conformance.suites.oparl.checks_schema import of_kind
from conformance.suites.oparl.messages import m
from conformance.suites.oparl.run import Found, OParlRun, RuleCheck, cached, counted

GERMANY = (5.87, 47.27, 15.04, 55.06)


def extent(run: OParlRun) -> tuple[geojson.Box | None, Message | str]:
    """The extent the Locations of this endpoint lie in, where the Bodies say so."""
    if any(b.obj.get("ags") or b.obj.get("rgs") for b in run.crawl.bodies):
        return GERMANY, m("phrase.germany")
    return None, ""


def geojson_check(obligation: Obligation) -> RuleCheck:
    """The rule for the RFC 7946 findings of one obligation in every Location.geojson met."""

    def check(run: OParlRun) -> Found:
        box, within = extent(run)
        located = [s for s in of_kind(run, "Location") if not s.deleted and isinstance(s.obj.get("geojson"), dict)]
        if not located:
            raise NotApplicable(m("reason.no-member", kind="Location", member="geojson"))
        for seen in located:
            for found in geojson.check(seen.obj["geojson"], box, within):
                if found.obligation is obligation:
                    pointer = f"{seen.pointer}/geojson{found.pointer}"
                    yield ValueViolation(
                        cached(found.msg, seen.source),
                        expected=found.expected,
                        locator=Locator(where=seen.where, pointer=pointer),
                        actual=found.actual,
                        exchange=seen.exchange,
                    )
        return counted(len(located), "geojson")

    return check


check_location_geojson = geojson_check(Obligation.MUSS)
check_location_geojson_recommended = geojson_check(Obligation.SOLL)
