"""Checks of geo-queries (clause 4.10): near with maxDistance, within, and the geoproperty parameter.

Every query is built from the Point locations of a sampled type's entities, so no particular data is assumed:
the distance or box splits those entities, and each returned entity is judged against the query.
"""

from __future__ import annotations

import json
import math
from collections.abc import Callable
from typing import Any

from conformance.core.judgement import Judgement
from conformance.suites.ngsild.checks_query import selected
from conformance.suites.ngsild.messages import m
from conformance.suites.ngsild.sampling import Population, attributes, populations, usable_name
from conformance.suites.ngsild.service import Ctx, Entity

EARTH = 6371008.8
Point = tuple[float, float]


def point(entity: Entity, name: str = "location") -> Point | None:
    """The coordinates of a GeoProperty holding one GeoJSON Point, or None."""
    instances = attributes(entity).get(name, [])
    value = instances[0].get("value") if len(instances) == 1 and instances[0].get("type") == "GeoProperty" else None
    coordinates = value.get("coordinates") if isinstance(value, dict) and value.get("type") == "Point" else None
    if (
        isinstance(coordinates, list)
        and len(coordinates) >= 2
        and all(isinstance(c, (int, float)) for c in coordinates[:2])
    ):
        return float(coordinates[0]), float(coordinates[1])
    return None


def metres(a: Point, b: Point) -> float:
    """Great-circle distance in metres (haversine on the mean Earth radius)."""
    lon1, lat1, lon2, lat2 = (math.radians(x) for x in (*a, *b))
    h = math.sin((lat2 - lat1) / 2) ** 2 + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    return 2 * EARTH * math.asin(math.sqrt(h))


def _points(base: Population) -> list[Point] | None:
    found = [point(e) for e in base.entities]
    points = [p for p in found if p is not None]
    return points if len(points) == len(found) and len(points) >= 3 else None


Build = Callable[[Population, list[Point]], tuple[str, dict[str, Any], Callable[[Entity], bool]] | None]


def _geo(ctx: Ctx, build: Build) -> Judgement:
    findings, judged = [], 0
    for base in populations(ctx):
        points = _points(base)
        query = build(base, points) if points else None
        if query is None:
            continue
        text, params, holds = query
        more, count = selected(ctx, base, text, params, holds)
        findings += more
        judged += count
    return ctx.judge(findings, ctx.examined(judged, "ngsi.examined.entities-with", what=m("phrase.point-locations")))


def _near(base: Population, points: list[Point]) -> tuple[str, dict[str, Any], Callable[[Entity], bool]] | None:
    centre = points[0]
    distances = sorted(metres(centre, p) for p in points)
    k = len(distances) // 2
    if k + 1 >= len(distances) or distances[k + 1] - distances[k] < 4:
        return None
    limit = math.floor((distances[k] + distances[k + 1]) / 2)
    params = {"georel": f"near;maxDistance=={limit}", "geometry": "Point", "coordinates": json.dumps(list(centre))}
    return (
        f"georel=near;maxDistance=={limit}",
        params,
        lambda e: (p := point(e)) is not None and metres(centre, p) <= limit,
    )


def near(ctx: Ctx) -> Judgement:
    """4.10: near;maxDistance==d around a sampled Point selects the entities within d metres."""
    return _geo(ctx, _near)


def _within(base: Population, points: list[Point]) -> tuple[str, dict[str, Any], Callable[[Entity], bool]] | None:
    lons = sorted({p[0] for p in points})
    if len(lons) < 3:
        return None
    k = len(lons) // 2
    west, east = lons[0] - 0.001, (lons[k - 1] + lons[k]) / 2
    south, north = min(p[1] for p in points) - 0.001, max(p[1] for p in points) + 0.001
    ring = [[west, south], [east, south], [east, north], [west, north], [west, south]]
    params = {"georel": "within", "geometry": "Polygon", "coordinates": json.dumps([ring])}
    return (
        "georel=within",
        params,
        lambda e: (p := point(e)) is not None and west < p[0] < east and south < p[1] < north,
    )


def within(ctx: Ctx) -> Judgement:
    """4.10: within a box holding the western half of the sampled Points selects exactly those."""
    return _geo(ctx, _within)


def _other(base: Population) -> tuple[Entity, str, Point] | None:
    for entity in base.entities:
        for name in sorted(attributes(entity)):
            if name != "location" and usable_name(name) and (p := point(entity, name)) is not None:
                return entity, name, p
    return None


def _at(name: str, where: Point) -> Callable[[Entity], bool]:
    return lambda e: point(e, name) == where


def geoproperty(ctx: Ctx) -> Judgement:
    """4.10: intersects at another GeoProperty's Point, with geoproperty naming it, finds the entity."""
    findings, judged = [], 0
    for base in populations(ctx):
        found = _other(base)
        if found is None:
            continue
        _, name, where = found
        params = {
            "georel": "intersects",
            "geometry": "Point",
            "coordinates": json.dumps(list(where)),
            "geoproperty": name,
        }
        more, count = selected(ctx, base, f"geoproperty={name}", params, _at(name, where))
        findings += more
        judged += count
    return ctx.judge(findings, ctx.examined(judged, "ngsi.examined.entities-with", what=m("phrase.second-geoproperty")))
