"""Checks of srsName (Basic WFS, 09-025r2 7.9.2.4.4): features in each OtherCRS carry that srsName and lie where
PROJ puts their DefaultCRS coordinates; a srsName the type does not list raises InvalidParameterValue."""

from __future__ import annotations

from lxml import etree

from conformance.core.evidence import Violation
from conformance.core.judgement import Judgement
from conformance.harness.suite import CheckContext
from conformance.suites.wfs import BASIC
from conformance.suites.wfs.checks_features import noted, require_declared
from conformance.suites.wfs.checks_filters import not_collection
from conformance.suites.wfs.crs import crs_key, crs_of, names, points, tolerance, transformed
from conformance.suites.wfs.features import members, series
from conformance.suites.wfs.messages import m
from conformance.suites.wfs.probes import GML_ID
from conformance.suites.wfs.service import Observed
from conformance.suites.wfs.srs import CrsProbe, SrsRun, srs_run
from conformance.suites.wfs.verdicts import missed

Context = CheckContext[Observed]


def _run(ctx: Context) -> SrsRun:
    require_declared(ctx, BASIC, "ImplementsBasicWFS")
    done = noted(ctx, ctx.observation.part("features", series))
    return noted(ctx, ctx.observation.part("srs", lambda obs: srs_run(obs, done)))


def _named(probe: CrsProbe, feature: etree._Element) -> list[Violation]:
    key, fid = crs_key(probe.crs), feature.get(GML_ID, "")
    other = sorted(n for n in names(feature) if (crs_key(n) != key if key else n != probe.crs))
    if not other and names(feature):
        return []
    actual = ", ".join(other) or "–"
    message = m("srs-name-other", type=probe.probe.name, crs=probe.crs, id=fid, actual=actual)
    return [probe.answer.finding(message, probe.crs, actual)]


def _placed(probe: CrsProbe, feature: etree._Element, base: etree._Element) -> list[Violation]:
    source, target, fid = crs_key(probe.default), crs_key(probe.crs), feature.get(GML_ID, "")
    given, moved = points(feature), transformed(points(base), source, target)
    params = {"type": probe.probe.name, "crs": probe.crs, "id": fid}
    if len(given) != len(moved):
        return [probe.answer.finding(m("srs-points", **params, actual=len(given), expected=len(moved)))]
    limit = tolerance(target)
    for (x, y), (a, b) in zip(given, moved, strict=True):
        if abs(x - a) > limit or abs(y - b) > limit:
            expected, actual = f"{a:.6f} {b:.6f}", f"{x:.6f} {y:.6f}"
            message = m("srs-coordinates", **params, default=probe.default, tolerance=limit)
            return [probe.answer.finding(message, expected, actual)]
    return []


def _pairs(probe: CrsProbe) -> list[tuple[etree._Element, etree._Element]]:
    """Each feature of the answer with the same feature (by gml:id) of the DefaultCRS answer."""
    base = {f.get(GML_ID, ""): f for f in members(probe.probe.results)}
    return [(f, base[f.get(GML_ID, "")]) for f in members(probe.answer) if f.get(GML_ID, "") in base]


def _findings(ctx: Context, probe: CrsProbe) -> tuple[list[Violation], int]:
    wrong = not_collection(probe.answer, m("asked-srs", type=probe.probe.name, crs=probe.crs))
    if wrong:
        return [wrong], 0
    found = [v for f in members(probe.answer) for v in _named(probe, f)]
    keys = (crs_key(probe.default), crs_key(probe.crs))
    if not all(keys) or None in (crs_of(keys[0]), crs_of(keys[1])):
        ctx.note(m("note-crs-form", crs=probe.crs, default=probe.default))
        return found, 0
    pairs = _pairs(probe)
    return found + [v for feature, base in pairs for v in _placed(probe, feature, base)], len(pairs)


def srs_name(ctx: Context) -> Judgement:
    """7.9.2.4.4: GetFeature in each OtherCRS gives geometries with that srsName, where PROJ puts them."""
    made = _run(ctx).probes
    judged = [_findings(ctx, p) for p in made]
    found, compared = [v for f, _ in judged for v in f], sum(n for _, n in judged)
    requests = ctx.examined(len(made), "wfs.examined.srs-requests")
    return ctx.judge(found, requests, ctx.examined(compared, "wfs.examined.srs-features"))


def srs_name_unlisted(ctx: Context) -> Judgement:
    """7.9.2.4.4, 7.5: a srsName the type does not list raises InvalidParameterValue."""
    made = _run(ctx).unlisted
    found = [
        missed("InvalidParameterValue", m("asked-srs", type=name, crs=crs), answer)
        for name, crs, answer in made
        if "InvalidParameterValue" not in answer.codes
    ]
    return ctx.judge(found, ctx.examined(len(made), "wfs.examined.srs-unlisted"))
