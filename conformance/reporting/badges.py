"""Badges per vendor × standard: a shields.io endpoint JSON and an offline SVG, built from the run's matrix.

The message counts the vendor's requirements of the standard over all its targets: passed of judged (pass, fail,
error, waived), "not tested" when nothing was judged. The colour is the matrix colour: green when everything
judged passed, red when a MUSS requirement failed, yellow for errors, waivers, skips, unverified requirements or
SOLL/KANN fails, grey when nothing was judged. Files are named ``<vendor>--<standard>.json|.svg`` (characters
outside ``A-Za-z0-9._-`` replaced, with a hash of the id then added so names stay unique); ``badges.json`` lists
them all.
"""

from __future__ import annotations

import hashlib
import json
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from lxml import etree

from conformance.core.outcomes import Outcome
from conformance.reporting.files import write_atomic
from conformance.reporting.matrix import JUDGED, Counts, Row, State
from conformance.reporting.model import Report
from conformance.reporting.text import clean

COLOURS = {State.PASS: "brightgreen", State.FAIL: "red", State.WARN: "yellow", State.NONE: "lightgrey"}
HEX = {"brightgreen": "#4c1", "red": "#e05d44", "yellow": "#dfb317", "lightgrey": "#9f9f9f"}
WORDS = {"de": ("erfüllt", "nicht geprüft"), "en": ("passed", "not tested")}
SVG = "http://www.w3.org/2000/svg"
CHAR_WIDTH, PADDING, HEIGHT = 7, 10, 20


@dataclass(frozen=True)
class Badge:
    """One vendor's badge for one standard: its label, message and colour."""

    vendor: str
    standard: str
    label: str
    message: str
    colour: str

    def endpoint(self) -> dict[str, Any]:
        """The shields.io endpoint document (schemaVersion 1)."""
        return {"schemaVersion": 1, "label": self.label, "message": self.message, "color": self.colour}

    def svg(self) -> bytes:
        """A flat badge as a standalone SVG (no fonts or images fetched)."""
        left, right = _width(self.label), _width(self.message)
        root = etree.fromstring(f'<svg xmlns="{SVG}" width="{left + right}" height="{HEIGHT}"/>')
        root.set("role", "img")
        root.set("aria-label", f"{self.label}: {self.message}")
        etree.SubElement(root, f"{{{SVG}}}title").text = f"{self.label}: {self.message}"
        _rect(root, 0, left, "#555")
        _rect(root, left, right, HEX[self.colour])
        _label(root, left / 2, self.label)
        _label(root, left + right / 2, self.message)
        return bytes(etree.tostring(root, xml_declaration=True, encoding="UTF-8"))


def _width(text: str) -> int:
    return len(text) * CHAR_WIDTH + 2 * PADDING


def _rect(root: etree._Element, x: int, width: int, fill: str) -> None:
    etree.SubElement(root, f"{{{SVG}}}rect", x=str(x), width=str(width), height=str(HEIGHT), fill=fill)


def _label(root: etree._Element, x: float, text: str) -> None:
    node = etree.SubElement(root, f"{{{SVG}}}text", x=f"{x:g}", y="14", fill="#fff")
    for name, value in (("text-anchor", "middle"), ("font-size", "11"), ("font-family", "Verdana,DejaVu Sans")):
        node.set(name, value)
    node.text = text


def badges(report: Report, lang: str = "de") -> tuple[Badge, ...]:
    """A badge for every vendor and every standard it has targets for."""
    found = []
    for row in report.matrix.rows:
        for standard in report.matrix.standards:
            if row.lanes_of(standard):
                found.append(_badge(row, standard, _counts(row, standard), lang))
    return tuple(found)


def _counts(row: Row, standard: str) -> Counts:
    return sum((row.lane_counts(lane) for lane in row.lanes_of(standard)), Counts())


def _badge(row: Row, standard: str, counts: Counts, lang: str) -> Badge:
    passed_word, untested = WORDS[lang]
    judged = sum(counts.outcome(o) for o in JUDGED)
    passed = counts.outcome(Outcome.PASS)
    message = f"{passed}/{judged} {passed_word}" if judged else untested
    return Badge(row.id, standard, clean(standard), clean(message), COLOURS[counts.state])


def write_badges(report: Report, folder: Path, lang: str = "de") -> list[Path]:
    """Write every badge as endpoint JSON and SVG into folder, plus ``badges.json`` listing them; return the paths."""
    folder.mkdir(parents=True, exist_ok=True)
    written, index = [], []
    for badge in badges(report, lang):
        stem = f"{_safe(badge.vendor)}--{_safe(badge.standard)}"
        endpoint = json.dumps(badge.endpoint(), ensure_ascii=False, indent=2).encode("utf-8")
        written.append(write_atomic(folder / f"{stem}.json", endpoint))
        written.append(write_atomic(folder / f"{stem}.svg", badge.svg()))
        index.append({"vendor": badge.vendor, "standard": badge.standard, "json": f"{stem}.json", "svg": f"{stem}.svg"})
    listing = json.dumps(index, ensure_ascii=False, indent=2).encode("utf-8")
    written.append(write_atomic(folder / "badges.json", listing))
    return written


def _safe(text: str) -> str:
    """A file name part: the text where it is safe, else its safe characters and a hash of the whole."""
    plain = re.sub(r"[^A-Za-z0-9._-]", "_", text).lstrip(".")[:60]
    if plain == text and plain:
        return plain
    return f"{plain}-{hashlib.sha256(text.encode('utf-8', 'surrogatepass')).hexdigest()[:10]}"
