"""TEST DOUBLE: defects that change the content of single objects (see oparl_defects for the catalogue)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from conformance.demo.oparl_data import Record

if TYPE_CHECKING:
    from conformance.demo.oparl_render import View

Mutation = Callable[["View", Record, dict[str, Any]], None]
OBJECT_TYPES: tuple[str, ...] = ("Body", "LegislativeTerm", "Organization", "Person", "Membership", "Meeting")
OBJECT_TYPES += ("AgendaItem", "Paper", "Consultation", "File", "Location")


def _number(record: Record) -> int:
    return int(record.key.rsplit("/", 1)[1])


def _other_scheme(url: str) -> str:
    return "https" + url[4:] if url.startswith("http:") else "http" + url[5:]


def _html_escape(view: View, record: Record, out: dict[str, Any]) -> None:
    out["name"] = out["name"].replace(" und ", " &amp; ").replace("Rat der", "Rat &amp; Verwaltung der")


def _nulls(view: View, record: Record, out: dict[str, Any]) -> None:
    if _number(record) % 3 == 0:
        out["reference"] = None


def _null_mandatory(view: View, record: Record, out: dict[str, Any]) -> None:
    if _number(record) % 5 == 0:
        out["accessUrl"] = None


def _empty_lists(view: View, record: Record, out: dict[str, Any]) -> None:
    out["status"] = []


def _empty_strings(view: View, record: Record, out: dict[str, Any]) -> None:
    out["affix"] = ""


def _http_links(view: View, record: Record, out: dict[str, Any]) -> None:
    for prop in ("participant", "originatorPerson"):
        if prop in out:
            out[prop] = [_other_scheme(u) for u in out[prop]]


def _dangling(view: View, record: Record, out: dict[str, Any]) -> None:
    if _number(record) % 2 == 1:
        out["participant"] = [*out.get("participant", []), f"{view.data.base}/person/9{_number(record)}999"]


def _reference_type(view: View, record: Record, out: dict[str, Any]) -> None:
    if "person" in record.backrefs:
        out["onBehalfOf"] = record.backrefs["person"]


def _date_order(view: View, record: Record, out: dict[str, Any]) -> None:
    if _number(record) % 4 == 1:
        start = dt.datetime.fromisoformat(out["start"])
        out["end"] = (start - dt.timedelta(hours=1)).isoformat()


def _wrong_type(view: View, record: Record, out: dict[str, Any]) -> None:
    if _number(record) % 3 == 1:
        out["type"] = view.type_url("Paper", other=True)


def _wrong_json_types(view: View, record: Record, out: dict[str, Any]) -> None:
    out["cancelled"] = "nein"


def _stale_parent(view: View, record: Record, out: dict[str, Any]) -> None:
    later = (record.modified + dt.timedelta(days=1)).isoformat(timespec="seconds")
    for member in out.get("membership", []):
        member["modified"] = later


def _location_mismatch(view: View, record: Record, out: dict[str, Any]) -> None:
    if "location" in out:
        number = _number(record) % max(1, len(view.data.lists.get("locationList", [1]))) + 1
        out["location"] = f"{view.data.base}/location/{number}"
        if out["location"] == out["locationObject"]["id"]:
            out["location"] = f"{view.data.base}/location/{number % 3 + 1}"


def _long_life(view: View, record: Record, out: dict[str, Any]) -> None:
    out["life"] = "Mitglied des Rates seit vielen Jahren. " * 10
    out.pop("lifeSource", None)


def _file_name(view: View, record: Record, out: dict[str, Any]) -> None:
    out["name"] += ".pdf"


def _meeting_state(view: View, record: Record, out: dict[str, Any]) -> None:
    out["meetingState"] = "geplant"


def _agenda_order(view: View, record: Record, out: dict[str, Any]) -> None:
    if "order" in out:
        out["order"] += 1


def _swapped(view: View, record: Record, out: dict[str, Any]) -> None:
    point = out["geojson"]["geometry"]
    point["coordinates"] = list(reversed(point["coordinates"]))


def _no_license(view: View, record: Record, out: dict[str, Any]) -> None:
    out.pop("license", None)


def _keyword_text(view: View, record: Record, out: dict[str, Any]) -> None:
    out["keyword"] = "Ratsinformation"


def _legacy_crs(view: View, record: Record, out: dict[str, Any]) -> None:
    out["geojson"]["crs"] = {"type": "name", "properties": {"name": "urn:ogc:def:crs:OGC:1.3:CRS84"}}


MUTATIONS: dict[tuple[str, str], Mutation] = {
    ("html-escape", "Organization"): _html_escape,
    ("nulls", "Paper"): _nulls,
    ("null-mandatory", "File"): _null_mandatory,
    ("empty-lists", "Person"): _empty_lists,
    ("empty-strings", "Person"): _empty_strings,
    ("http-links", "Meeting"): _http_links,
    ("http-links", "Paper"): _http_links,
    ("dangling-references", "Meeting"): _dangling,
    ("reference-type", "Membership"): _reference_type,
    ("date-order", "Meeting"): _date_order,
    ("wrong-type-url", "Paper"): _wrong_type,
    ("wrong-json-types", "Meeting"): _wrong_json_types,
    ("stale-parent", "Person"): _stale_parent,
    ("location-object-mismatch", "Person"): _location_mismatch,
    ("long-life", "Person"): _long_life,
    ("file-name-extension", "File"): _file_name,
    ("meeting-state", "Meeting"): _meeting_state,
    ("agenda-order", "AgendaItem"): _agenda_order,
    ("no-license", "Body"): _no_license,
    ("swapped-coordinates", "Location"): _swapped,
    ("geojson-legacy-crs", "Location"): _legacy_crs,
    **{("keyword-as-text", kind): _keyword_text for kind in OBJECT_TYPES},
}


def mutate(view: View, record: Record, out: dict[str, Any]) -> None:
    """Apply the switched-on defects that concern this object's type."""
    for name in view.defects:
        mutation = MUTATIONS.get((name, record.type))
        if mutation is not None:
            mutation(view, record, out)
