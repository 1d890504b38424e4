"""One GeoJSON text graded against every requirement of the catalogue, Feature by Feature.

The grading holds only counts, the first ``KEEP`` findings of each requirement (the rest counted), the ids seen
(up to ``MAX_IDS``) and the envelope of all positions, so its memory does not grow with the file.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from conformance.core import geojson as core
from conformance.core.geojsonmessages import g
from conformance.core.messages import Message
from conformance.core.outcomes import Obligation
from conformance.suites.geojson import schema
from conformance.suites.geojson.catalogue import BY_KEY, CORE_RULES
from conformance.suites.geojson.geometry import PRECISION, Tally, invalid, walk
from conformance.suites.geojson.messages import m
from conformance.xml.report import Finding

KEEP = 50
MAX_IDS = 1_000_000
SHAPE_RULES = frozenset({"position", "line", "ring"})


@dataclass
class Grading:
    """The findings and counts of one document so far."""

    kept: list[Finding] = field(default_factory=list)
    held: Counter[str] = field(default_factory=Counter)
    more: Counter[str] = field(default_factory=Counter)
    tally: Tally = field(default_factory=Tally)
    ids: set[int] = field(default_factory=set)
    ids_capped: bool = False

    @property
    def counts(self) -> Counter[str]:
        """How many of each kind were examined."""
        return self.tally.counts

    def add(self, key: str, message: Message, pointer: str, source: str = "rule") -> None:
        """A finding of one requirement (kept while fewer than ``KEEP`` of it are)."""
        if self.held[key] >= KEEP:
            self.more[key] += 1
            return
        self.held[key] += 1
        severity = "error" if BY_KEY[key].obligation is Obligation.MUSS else "warning"
        if source == "parse":
            self.kept.append(Finding.worded(key, "fatal", pointer or "/", message, source="parse"))
        else:
            self.kept.append(Finding.worded(key, severity, pointer or "/", message))

    def feature(self, value: Any, pointer: str) -> None:
        """Grade one Feature (or any GeoJSON object standing where a Feature should)."""
        self.counts["objects"] += 1
        self.counts["features"] += 1
        self.judge(value, pointer, "Feature")
        if isinstance(value, dict) and "id" in value:
            self.identify(value["id"], pointer)

    def judge(self, value: Any, pointer: str, kind: str) -> None:
        """Schema, the RFC rules of the core module, the geometry's parts, precision and validity of one object."""
        for where, text in schema.errors(value, kind):
            self.add("schema", m("schema", text=text), pointer + where)
        if not isinstance(value, dict):
            return
        self.counts["bboxes"] += "bbox" in value
        found = {CORE_RULES[f.rule.key] for f in self._core(value, pointer)}
        geometry = value.get("geometry") if value.get("type") == "Feature" else value
        at = f"{pointer}/geometry" if geometry is not value else pointer
        self.tally.precise = None
        walk(geometry, at, self.tally)
        if self.tally.precise is not None:
            places = self.tally.precise[1]
            self.add("precision", m("precision", places=places, limit=PRECISION), self.tally.precise_at)
        if not found & SHAPE_RULES:
            for where, reason in invalid(geometry):
                self.add("validity", m("invalid", text=reason), at + where)

    def _core(self, value: dict[str, Any], pointer: str) -> list[core.Finding]:
        found = core.check(value)
        for item in found:
            self.add(CORE_RULES[item.rule.key], item.msg, pointer + item.pointer)
        return found

    def identify(self, value: Any, pointer: str) -> None:
        """Count an id and report it if an earlier Feature had it."""
        self.counts["ids"] += 1
        try:
            key = hash(value)
        except TypeError:  # an array or object as id: the schema reports it
            return
        if key in self.ids:
            self.add("id", m("id-twice", id=str(value)), f"{pointer}/id")
        elif len(self.ids) < MAX_IDS:
            self.ids.add(key)
        else:
            self.ids_capped = True

    def top(self, members: dict[str, Any], streamed: bool) -> None:
        """Grade the top-level object once every member has been read (its Features already graded)."""
        self.counts["objects"] += 1
        kind = members.get("type")
        if not (streamed or kind == "FeatureCollection"):
            self.counts["features"] += kind == "Feature"
            self.judge(members, "", "GeoJSON")
            return
        for where, text in schema.errors({**members, "features": members.get("features", [])}, "GeoJSON"):
            self.add("schema", m("schema", text=text), where)
        if "crs" in members:
            self._core({"type": "FeatureCollection", "crs": members["crs"]}, "")
        if "bbox" in members:
            self.counts["bboxes"] += 1
            self.bbox(members["bbox"])

    def bbox(self, box: Any) -> None:
        """The top-level bbox of a streamed collection: its size, and the envelope of every position in it."""
        dims, env = self.tally.dims, self.tally.envelope
        if not (isinstance(box, list) and len(box) == 2 * dims and all(_number(v) for v in box)):
            detail = g("bbox-size", count=2 * dims, dims=dims)
            self.add("bbox", g("finding", section="5", obligation=g("must"), detail=detail), "/bbox")
            return
        if not self.counts["positions"]:
            return
        west, south, east, north = (float(v) for v in (box[0], box[1], box[dims], box[dims + 1]))
        inside = south <= env[1] and env[3] <= north and (west > east or (west <= env[0] and env[2] <= east))
        if not inside:
            detail = g("bbox-encloses")
            self.add("bbox", g("finding", section="5", obligation=g("must"), detail=detail), "/bbox")

    def unreadable(self, text: str) -> None:
        """The bytes broke off as JSON: one finding under §3 (the text is no GeoJSON object)."""
        self.add("schema", m("unreadable", text=text), "/", source="parse")

    def not_object(self, kind: str) -> None:
        """The JSON text is an array or a scalar."""
        self.counts["objects"] += 1
        self.add("schema", m("not-object", kind=m(f"kind.{kind}")), "/")


def _number(value: Any) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)
