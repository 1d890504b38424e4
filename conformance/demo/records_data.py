"""TEST DOUBLE data: the records of a fictional "Musterstadt" geodata catalogue and how the double selects them.

Seven records (datasets and services) with boxes in Germany, one without geometry, times as dates, a timestamp
and intervals (one open, one beside a date); stored in an order that is not the order of their titles, so that
ignoring sortby shows.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

Record = dict[str, Any]
DEFAULT_LIMIT = 10

_ROWS = (
    ("stadtbaeume", "Stadtbäume Musterstadt", "dataset", (7.05, 50.70, 7.15, 50.75), {"date": "2025-03-01"}),
    (
        "parken",
        "Parkplätze und Parkhäuser",
        "dataset",
        (7.08, 50.72, 7.12, 50.74),
        {"date": "2025-06-15", "timestamp": "2025-06-15T08:30:00Z"},
    ),
    ("bebauungsplaene", "Bebauungspläne", "dataset", (7.00, 50.65, 7.20, 50.80), {"interval": ["2020-01-01", ".."]}),
    ("wms-basiskarte", "Basiskarte (WMS)", "service", (5.9, 47.3, 15.0, 55.1), {"date": "2024-11-20"}),
    ("haltestellen", "Haltestellen des Nahverkehrs", "dataset", (13.30, 52.45, 13.50, 52.55), {"date": "2025-09-30"}),
    ("haushalt", "Haushaltsplan 2025", "document", None, {"date": "2025-01-10"}),
    (
        "wahlbezirke",
        "Wahlbezirke",
        "dataset",
        (6.90, 50.60, 7.25, 50.85),
        {"date": "2023-05-05", "interval": ["2023-01-01", "2023-12-31"]},
    ),
)


def _polygon(box: tuple[float, float, float, float] | None) -> Any:
    if box is None:
        return None
    w, s, e, n = box
    return {"type": "Polygon", "coordinates": [[[w, s], [e, s], [e, n], [w, n], [w, s]]]}


def records() -> list[Record]:
    """The catalogue's records, without links (the server adds them)."""
    return [
        {
            "id": ident,
            "type": "Feature",
            "time": time,
            "geometry": _polygon(box),
            "properties": {
                "type": kind,
                "title": title,
                "description": f"{title} der Musterstadt (Testdaten)",
                "keywords": [ident, kind],
                "updated": "2025-10-01T00:00:00Z",
            },
        }
        for ident, title, kind, box, time in _ROWS
    ]


def _box(value: str) -> tuple[float, ...]:
    numbers = tuple(float(v) for v in value.split(","))
    if len(numbers) != 4:
        raise ValueError(value)
    return numbers


def in_box(record: Record, value: str) -> bool:
    """The record's geometry envelope intersects the bbox (records without geometry never do)."""
    west, south, east, north = _box(value)
    geometry = record["geometry"]
    if geometry is None:
        return False
    ring = geometry["coordinates"][0]
    lons, lats = [p[0] for p in ring], [p[1] for p in ring]
    return not (max(lons) < west or min(lons) > east or max(lats) < south or min(lats) > north)


def _span(record: Record) -> tuple[str, str]:
    time = record["time"]
    if "interval" in time:
        start, end = time["interval"]
        return ("0000" if start == ".." else start), ("9999" if end == ".." else end)
    return time["date"], time["date"] + "T23:59:59Z"


def in_time(record: Record, value: str) -> bool:
    """The record's time intersects the datetime value (an instant or an interval; compared as text)."""
    start, _, end = value.partition("/")
    low, high = (start or "..").replace("..", "0000"), (end or start).replace("..", "9999")
    first, last = _span(record)
    return first[:10] <= high[:10] and low[:10] <= last[:10]


def has_term(record: Record, value: str) -> bool:
    """Any comma-separated term occurs in the title, description or keywords (case-insensitively)."""
    props = record["properties"]
    text = " ".join([props["title"], props["description"], *props["keywords"]]).casefold()
    return any(term.strip().casefold() in text for term in value.split(","))


def of_type(record: Record, value: str) -> bool:
    """The record's type is one of the comma-separated values."""
    return bool(record["properties"]["type"] in value.split(","))


FILTERS: dict[str, Callable[[Record, str], bool]] = {
    "bbox": in_box,
    "datetime": in_time,
    "q": has_term,
    "type": of_type,
}


TIME_DEFECTS: dict[str, tuple[str, dict[str, Any]]] = {
    "time-not-rfc3339": ("stadtbaeume", {"date": "01.03.2025"}),
    "time-interval-mixed": ("bebauungsplaene", {"interval": ["2020-01-01", "2030-12-31T00:00:00Z"]}),
    "time-not-utc": ("parken", {"date": "2025-06-15", "timestamp": "2025-06-15T10:30:00+02:00"}),
    "time-outside-interval": ("wahlbezirke", {"date": "2023-05-05", "interval": ["2024-01-01", "2024-12-31"]}),
}


def shown_time(record: Record, defects: frozenset[str]) -> Any:
    """The time a record is served with: its own, or the broken one a switched-on defect gives it."""
    broken = [time for name, (ident, time) in TIME_DEFECTS.items() if name in defects and ident == record["id"]]
    return broken[0] if broken else record["time"]


def sort(found: list[Record], value: str) -> list[Record]:
    """Records ordered by one property key (``-key`` descending)."""
    key = value.lstrip("+-")
    return sorted(found, key=lambda rec: str(rec["properties"].get(key, "")), reverse=value.startswith("-"))
