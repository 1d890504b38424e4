"""FES 2.0 filter predicates (OGC 09-026r2, ISO 19143) the suite sends and evaluates itself on the GML features
that come back: PropertyIsEqualTo, PropertyIsLike (with the wildCard, singleChar and escapeChar the request
declares), BBOX and the logical operators And, Or and Not. Each predicate writes its XML and tells whether a
feature satisfies it."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Protocol
from xml.sax.saxutils import escape, quoteattr

from lxml import etree

from conformance.suites.wfs.extent import Box, bbox_clause, extent

WILD, SINGLE, ESCAPE = "*", "#", "!"


class Predicate(Protocol):
    """A filter predicate: its XML (prefix ``fes``), a short text, and whether a feature satisfies it."""

    def xml(self) -> str: ...

    def text(self) -> str: ...

    def holds(self, feature: etree._Element) -> bool: ...


def value_of(feature: etree._Element, reference: str) -> str | None:
    """The text of the feature's property named by a (prefixed) value reference, or None without it."""
    local = reference.rpartition(":")[2]
    for prop in feature:
        if isinstance(prop.tag, str) and etree.QName(prop).localname == local:
            return (prop.text or "").strip()
    return None


def _reference(reference: str) -> str:
    return f"<fes:ValueReference>{escape(reference)}</fes:ValueReference>"


@dataclass(frozen=True)
class Equal:
    """fes:PropertyIsEqualTo of a property and a literal."""

    reference: str
    value: str

    def xml(self) -> str:
        literal = f"<fes:Literal>{escape(self.value)}</fes:Literal>"
        return f"<fes:PropertyIsEqualTo>{_reference(self.reference)}{literal}</fes:PropertyIsEqualTo>"

    def text(self) -> str:
        return f"{self.reference} = '{self.value}'"

    def holds(self, feature: etree._Element) -> bool:
        return value_of(feature, self.reference) == self.value


def like_pattern(value: str) -> str:
    """A pattern that the value matches: its first character as singleChar, up to half of the rest literally
    (wildCard, singleChar and escapeChar escaped), then wildCard."""
    kept = value[1 : 1 + max(1, (len(value) - 1) // 2)]
    return SINGLE + "".join(ESCAPE + c if c in (WILD, SINGLE, ESCAPE) else c for c in kept) + WILD


def like_regex(pattern: str) -> re.Pattern[str]:
    """The regular expression of a PropertyIsLike pattern with the suite's wildCard, singleChar and escapeChar."""
    parts, chars = [], iter(pattern)
    for c in chars:
        if c == ESCAPE:
            parts.append(re.escape(next(chars, "")))
        else:
            parts.append(".*" if c == WILD else "." if c == SINGLE else re.escape(c))
    return re.compile("".join(parts), re.DOTALL)


@dataclass(frozen=True)
class Like:
    """fes:PropertyIsLike of a property and a pattern."""

    reference: str
    pattern: str

    def xml(self) -> str:
        chars = f"wildCard={quoteattr(WILD)} singleChar={quoteattr(SINGLE)} escapeChar={quoteattr(ESCAPE)}"
        literal = f"<fes:Literal>{escape(self.pattern)}</fes:Literal>"
        return f"<fes:PropertyIsLike {chars}>{_reference(self.reference)}{literal}</fes:PropertyIsLike>"

    def text(self) -> str:
        return f"{self.reference} LIKE '{self.pattern}'"

    def holds(self, feature: etree._Element) -> bool:
        value = value_of(feature, self.reference)
        return value is not None and like_regex(self.pattern).fullmatch(value) is not None


@dataclass(frozen=True)
class Within:
    """fes:BBOX on the feature's geometry (coordinates in the axis order of the box's CRS)."""

    box: Box

    def xml(self) -> str:
        return bbox_clause(self.box)

    def text(self) -> str:
        return f"BBOX({self.box.low[0]} {self.box.low[1]}, {self.box.high[0]} {self.box.high[1]})"

    def holds(self, feature: etree._Element) -> bool:
        box = extent(feature)
        return box is not None and box.overlaps(self.box)


@dataclass(frozen=True)
class Logical:
    """fes:And, fes:Or (two or more operands) or fes:Not (one operand)."""

    operator: str
    operands: tuple[Predicate, ...]

    def xml(self) -> str:
        inner = "".join(p.xml() for p in self.operands)
        return f"<fes:{self.operator}>{inner}</fes:{self.operator}>"

    def text(self) -> str:
        if self.operator == "Not":
            return f"NOT ({self.operands[0].text()})"
        return f" {self.operator.upper()} ".join(f"({p.text()})" for p in self.operands)

    def holds(self, feature: etree._Element) -> bool:
        found = [p.holds(feature) for p in self.operands]
        return all(found) if self.operator == "And" else any(found) if self.operator == "Or" else not found[0]
