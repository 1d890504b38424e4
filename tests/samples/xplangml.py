"""Sample XPlanGML plans for tests and benchmarks: a valid Bebauungsplan (6.0 or 5.4) with a Bereich whose
Flächenschlussobjekte tile the Geltungsbereich, and one broken variant per requirement of the suite (the breaks of
geometry and Geltungsbereich are an extra object outside the Flächenschluss, so that only their rule fails)."""

from __future__ import annotations

from collections.abc import Callable

NAMESPACES = {"6.0": "http://www.xplanung.de/xplangml/6/0", "5.4": "http://www.xplanung.de/xplangml/5/4"}
SRS = "EPSG:25832"
X0, Y0, SIZE = 500000.0, 5700000.0, 1000.0
Ring = list[tuple[float, float]]


def square(x: float, y: float, size: float) -> Ring:
    """A closed counter-clockwise square ring."""
    return [(x, y), (x + size, y), (x + size, y + size), (x, y + size), (x, y)]


def polygon(gid: str, ring: Ring) -> str:
    """A GML 3.2 polygon with one exterior ring."""
    coords = " ".join(f"{x:.3f} {y:.3f}" for x, y in ring)
    return (
        f'<gml:Polygon gml:id="{gid}" srsName="{SRS}"><gml:exterior><gml:LinearRing>'
        f'<gml:posList srsDimension="2">{coords}</gml:posList></gml:LinearRing></gml:exterior></gml:Polygon>'
    )


def arc_polygon(gid: str, x: float, y: float, bulge: float, back: str) -> str:
    """A polygon whose exterior Ring is an Arc from (x, y) through (x + 50, y + bulge) to (x + 100, y) and a line
    string from there along the points ``back`` (coordinates relative to (x, y)) back to the start."""
    rel = [float(v) for v in back.split()]
    tail = " ".join(f"{x + rel[i]:.3f} {y + rel[i + 1]:.3f}" for i in range(0, len(rel), 2))
    segments = (
        f'<gml:Arc><gml:posList srsDimension="2">{x:.3f} {y:.3f} {x + 50:.3f} {y + bulge:.3f} {x + 100:.3f} {y:.3f}'
        f'</gml:posList></gml:Arc><gml:LineStringSegment><gml:posList srsDimension="2">{x + 100:.3f} {y:.3f} {tail}'
        "</gml:posList></gml:LineStringSegment>"
    )
    return (
        f'<gml:Polygon gml:id="{gid}" srsName="{SRS}"><gml:exterior><gml:Ring><gml:curveMember>'
        f'<gml:Curve gml:id="{gid}_curve">'
        f"<gml:segments>{segments}</gml:segments></gml:Curve></gml:curveMember></gml:Ring></gml:exterior>"
        "</gml:Polygon>"
    )


def member(body: str) -> str:
    """A feature member."""
    return f"<gml:featureMember>{body}</gml:featureMember>"


def plan(version: str, bereich_ref: str = "#GML_bereich", name: str = "<xplan:name>Testplan</xplan:name>") -> str:
    """The BP_Plan with its Geltungsbereich, municipality and plan type."""
    return member(
        f'<xplan:BP_Plan gml:id="GML_plan">{name}'
        f"<xplan:raeumlicherGeltungsbereich>{polygon('GML_plan_geom', square(X0, Y0, SIZE))}"
        "</xplan:raeumlicherGeltungsbereich>"
        "<xplan:gemeinde><xplan:XP_Gemeinde><xplan:ags>05154000</xplan:ags>"
        "<xplan:gemeindeName>Musterstadt</xplan:gemeindeName></xplan:XP_Gemeinde></xplan:gemeinde>"
        f'<xplan:planArt>1000</xplan:planArt><xplan:bereich xlink:href="{bereich_ref}"/></xplan:BP_Plan>'
    )


def bereich(version: str, objects: int) -> str:
    """The BP_Bereich with the same Geltungsbereich as the plan, listing its objects."""
    contents = "".join(f'<xplan:planinhalt xlink:href="#GML_obj{i}"/>' for i in range(objects))
    return member(
        '<xplan:BP_Bereich gml:id="GML_bereich"><xplan:nummer>0</xplan:nummer>'
        f"<xplan:geltungsbereich>{polygon('GML_bereich_geom', square(X0, Y0, SIZE))}</xplan:geltungsbereich>"
        f'{contents}<xplan:gehoertZuPlan xlink:href="#GML_plan"/></xplan:BP_Bereich>'
    )


def obj(version: str, index: int, ring: Ring | str, closing: bool = True, attrs: str = "") -> str:
    """A BP_BaugebietsTeilFlaeche of the Bereich (a ring or a GML geometry), in the Flächenschluss or not, with
    more attributes."""
    geometry = ring if isinstance(ring, str) else polygon(f"GML_obj{index}_geom", ring)
    return member(
        f'<xplan:BP_BaugebietsTeilFlaeche gml:id="GML_obj{index}">'
        '<xplan:gehoertZuBereich xlink:href="#GML_bereich"/><xplan:rechtscharakter>1000</xplan:rechtscharakter>'
        f"<xplan:position>{geometry}</xplan:position>"
        f"<xplan:flaechenschluss>{str(closing).lower()}</xplan:flaechenschluss>{attrs}</xplan:BP_BaugebietsTeilFlaeche>"
    )


def overlay(index: int, ring: Ring) -> str:
    """A BP_UeberbaubareGrundstuecksFlaeche of the Bereich setting GRZ."""
    return member(
        f'<xplan:BP_UeberbaubareGrundstuecksFlaeche gml:id="GML_obj{index}">'
        '<xplan:gehoertZuBereich xlink:href="#GML_bereich"/><xplan:rechtscharakter>1000</xplan:rechtscharakter>'
        f"<xplan:position>{polygon(f'GML_obj{index}_geom', ring)}</xplan:position>"
        "<xplan:flaechenschluss>false</xplan:flaechenschluss><xplan:GRZ>0.4</xplan:GRZ>"
        "</xplan:BP_UeberbaubareGrundstuecksFlaeche>"
    )


def grid(count: int) -> list[Ring]:
    """``count`` squares (a square number) tiling the Geltungsbereich."""
    side = round(count**0.5)
    if side * side != count:
        raise ValueError(f"{count} objects do not tile a square")
    cell = SIZE / side
    return [square(X0 + (i % side) * cell, Y0 + (i // side) * cell, cell) for i in range(count)]


def document(version: str, members: list[str]) -> bytes:
    """An XPlanAuszug holding the members."""
    head = (
        f'<?xml version="1.0" encoding="UTF-8"?>\n<xplan:XPlanAuszug xmlns:xplan="{NAMESPACES[version]}" '
        'xmlns:gml="http://www.opengis.net/gml/3.2" xmlns:xlink="http://www.w3.org/1999/xlink" gml:id="GML_auszug">'
        f'<gml:boundedBy><gml:Envelope srsName="{SRS}"><gml:lowerCorner>{X0} {Y0}</gml:lowerCorner>'
        f"<gml:upperCorner>{X0 + SIZE} {Y0 + SIZE}</gml:upperCorner></gml:Envelope></gml:boundedBy>"
    )
    return (head + "\n".join(members) + "</xplan:XPlanAuszug>\n").encode()


def valid(version: str = "6.0", objects: int = 4, attrs: str = "") -> bytes:
    """A valid Bebauungsplan with ``objects`` Flächenschlussobjekte (the first with ``attrs``) and an überbaubare
    Grundstücksfläche setting GRZ inside the first."""
    rings = grid(objects)
    (x0, y0), (x1, _) = rings[0][0], rings[0][1]
    parts = [plan(version), bereich(version, objects + 1)]
    parts += [obj(version, i, r, attrs=attrs if i == 0 else "") for i, r in enumerate(rings)]
    return document(version, [*parts, overlay(objects, square(x0 + 1, y0 + 1, (x1 - x0) / 2))])


def _objects(version: str, extra: Ring | str) -> list[str]:
    return [*(obj(version, i, r) for i, r in enumerate(grid(4))), obj(version, 4, extra, closing=False)]


def _schema(version: str) -> bytes:
    parts = [plan(version, name=""), bereich(version, 4)]
    return document(version, parts + [obj(version, i, r) for i, r in enumerate(grid(4))])


def _xlink(version: str) -> bytes:
    parts = [plan(version, bereich_ref="#GML_nowhere"), bereich(version, 4)]
    return document(version, parts + [obj(version, i, r) for i, r in enumerate(grid(4))])


def _geometry(version: str) -> bytes:
    bowtie = [
        (X0 + 600, Y0 + 600),
        (X0 + 700, Y0 + 700),
        (X0 + 700, Y0 + 600),
        (X0 + 600, Y0 + 700),
        (X0 + 600, Y0 + 600),
    ]
    return document(version, [plan(version), bereich(version, 5), *_objects(version, bowtie)])


def _unclosed(version: str) -> bytes:
    ring = [*square(X0 + 600, Y0 + 600, 100)[:-1], (X0 + 601, Y0 + 600)]
    return document(version, [plan(version), bereich(version, 5), *_objects(version, ring)])


def _outside(version: str) -> bytes:
    ring = square(X0 + SIZE - 50, Y0 + 600, 100)
    return document(version, [plan(version), bereich(version, 5), *_objects(version, ring)])


def _overlap(version: str) -> bytes:
    rings = grid(4)
    rings[1] = [(x - 10 if x > X0 else x, y) for x, y in rings[1]]
    return document(version, [plan(version), bereich(version, 4), *(obj(version, i, r) for i, r in enumerate(rings))])


def gap(version: str) -> bytes:
    """The valid plan with one Flächenschlussobjekt 10 m short of its neighbour."""
    rings = grid(4)
    rings[0] = [(x - 10 if x > X0 else x, y) for x, y in rings[0]]
    return document(version, [plan(version), bereich(version, 4), *(obj(version, i, r) for i, r in enumerate(rings))])


def _twice(version: str) -> bytes:
    return valid(version, attrs="<xplan:GRZ>0.6</xplan:GRZ>")


def _duplicate(version: str) -> bytes:
    return valid(version).replace(b'gml:id="GML_obj1_geom"', b'gml:id="GML_obj0_geom"')


def arcs(version: str, bulge: float = 40.0, back: str = "100 -60 0 -60 0 0", y: float = Y0 + 500) -> bytes:
    """The valid plan with one more object outside the Flächenschluss whose boundary is an Arc (a half-disc-like
    shape over a rectangle); the defaults lie inside the Geltungsbereich and are valid."""
    extra = arc_polygon("GML_obj4_geom", X0 + 400, y, bulge, back)
    return document(version, [plan(version), bereich(version, 5), *_objects(version, extra)])


ARC_BREAKS: dict[str, Callable[[str], bytes]] = {
    # the line back crosses the arc: a self-intersecting ring with an arc segment
    "geometry": lambda version: arcs(version, back="50 80 0 0"),
    # the chord lies inside the Geltungsbereich, the arc bulges 40 m beyond its upper edge
    "geltungsbereich": lambda version: arcs(version, y=Y0 + 960, bulge=80.0),
}


BREAKS: dict[str, Callable[[str], bytes]] = {
    "schema": _schema,
    "gml-id": _duplicate,
    "xlink": _xlink,
    "flaechenschluss": _overlap,
    "geometry": _geometry,
    "geltungsbereich": _outside,
    "doppelbelegung": _twice,
}
UNCLOSED = _unclosed
