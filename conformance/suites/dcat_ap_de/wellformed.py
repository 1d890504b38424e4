"""Lexical forms of the XML Schema datatypes the shapes name, so that ``sh:datatype`` refuses an ill-formed
literal as pyshacl does."""

from __future__ import annotations

import re

import pyoxigraph as ox

XSD = "http://www.w3.org/2001/XMLSchema#"
TZ = r"(Z|[+-]\d{2}:\d{2})?"
DATE = r"-?\d{4,}-\d{2}-\d{2}"
LEXICAL = {
    "dateTime": rf"{DATE}T\d{{2}}:\d{{2}}:\d{{2}}(\.\d+)?{TZ}",
    "date": DATE + TZ,
    "gYear": r"-?\d{4,}" + TZ,
    "gYearMonth": r"-?\d{4,}-\d{2}" + TZ,
    "decimal": r"[+-]?(\d+(\.\d*)?|\.\d+)",
    "integer": r"[+-]?\d+",
    "nonNegativeInteger": r"\+?\d+|-0+",
    "boolean": r"true|false|1|0",
    "duration": r"-?P(?=\d|T\d)(\d+Y)?(\d+M)?(\d+D)?(T(?=\d)(\d+H)?(\d+M)?(\d+(\.\d+)?S)?)?",
    "hexBinary": r"([0-9a-fA-F]{2})*",
}
COMPILED = {XSD + name: re.compile(pattern) for name, pattern in LEXICAL.items()}


def well_formed(literal: ox.Literal) -> bool:
    """Whether a literal's lexical form fits its datatype (datatypes not listed are taken as they are)."""
    pattern = COMPILED.get(literal.datatype.value)
    return pattern is None or pattern.fullmatch(literal.value.strip()) is not None
