"""The srsName requests of the WFS suite (09-025r2 7.9.2.4.4): for each sampled type with features, GetFeature
with COUNT in each OtherCRS the capabilities list for it (up to the option max_crs), to be compared with the same
request in the DefaultCRS; and one GetFeature with a srsName the type does not list."""

from __future__ import annotations

from dataclasses import dataclass, field

from conformance.core.messages import Message
from conformance.suites.wfs.features import COUNT, Series, TypeProbe, members
from conformance.suites.wfs.messages import m
from conformance.suites.wfs.service import Answer, Observed

UNLISTED = ("urn:ogc:def:crs:EPSG::2056", "urn:ogc:def:crs:EPSG::3035", "urn:ogc:def:crs:EPSG::32661")


@dataclass(frozen=True)
class CrsProbe:
    """GetFeature for a type in another CRS, and the type's probe whose answer is in the DefaultCRS."""

    probe: TypeProbe
    default: str
    crs: str
    answer: Answer


@dataclass(frozen=True)
class SrsRun:
    """The requests in other CRS, those with an unlisted srsName (type, srsName, answer), and the notes."""

    probes: list[CrsProbe]
    unlisted: list[tuple[str, str, Answer]]
    notes: list[Message] = field(default_factory=list)


def listed(obs: Observed, name: str) -> tuple[str, list[str]]:
    """The DefaultCRS and the OtherCRS of a sampled type as the capabilities list them."""
    return obs.usable().crs.get(name, ("", []))


def srs_run(obs: Observed, done: Series) -> SrsRun:
    """The srsName requests of every sampled type that gave features."""
    run, limit = SrsRun([], []), int(obs.option("max_crs"))
    for probe in done.types:
        default, others = listed(obs, probe.name)
        if not members(probe.results) or not default:
            continue
        if len(others) > limit:
            run.notes.append(m("note-cut-crs", type=probe.name, limit=limit, total=len(others)))
        for crs in others[:limit]:
            answer = obs.call("GetFeature", {"TYPENAMES": probe.name, "COUNT": str(COUNT), "SRSNAME": crs})
            run.probes.append(CrsProbe(probe, default, crs, answer))
        unlisted = next(c for c in UNLISTED if c not in (default, *others))
        asked = {"TYPENAMES": probe.name, "COUNT": "1", "SRSNAME": unlisted}
        run.unlisted.append((probe.name, unlisted, obs.call("GetFeature", asked)))
    return run
