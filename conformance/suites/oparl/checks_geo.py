"""Location.geojson (§3.15 Location): a complete GeoJSON Feature, judged by the shared RFC 7946 checks.

OParl serves German council information: a Body with an Amtlicher Gemeindeschlüssel (``ags``) or a Regionalschlüssel
(``rgs``) lies in Germany, so a position outside Germany whose swapped form lies inside is written latitude first.
"""

from __future__ import annotations

from collections.abc import Iterator

from conformance.core import geojson
from conformance.core.evidence import Locator, ValueViolation, Violation
from conformance.core.outcomes import Obligation
from conformance.suites.oparl.checks_schema import of_kind
from conformance.suites.oparl.run import Check, OParlRun

GERMANY = (5.87, 47.27, 15.04, 55.06)


def extent(run: OParlRun) -> tuple[geojson.Box | None, str]:
    """The extent the Locations of this endpoint lie in, where the Bodies say so."""
    if any(b.obj.get("ags") or b.obj.get("rgs") for b in run.crawl.bodies):
        return GERMANY, "Germany (the Body names an ags or rgs)"
    return None, ""


def geojson_check(obligation: Obligation) -> Check:
    """The rule for the RFC 7946 findings of one obligation in every Location.geojson met."""
    def check(run: OParlRun) -> Iterator[Violation]:
        box, within = extent(run)
        for seen in of_kind(run, "Location"):
            value = seen.obj.get("geojson")
            if seen.deleted or not isinstance(value, dict):
                continue
            for found in geojson.check(value, box, within):
                if found.obligation is obligation:
                    yield ValueViolation(f"{found.message}{seen.source.note()}", expected=found.expected,
                                         locator=Locator(where=seen.where, pointer=f"{seen.pointer}/geojson"
                                                                                   f"{found.pointer}"),
                                         actual=found.actual, exchange=seen.exchange)
    return check


check_location_geojson = geojson_check(Obligation.MUSS)
check_location_geojson_recommended = geojson_check(Obligation.SOLL)
