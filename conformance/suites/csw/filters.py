"""The constraint requests of the CSW suite: PropertyIsLike on dc:title with a word taken from the title of a
record the catalogue returned, in CQL (KVP), as an OGC Filter (KVP) and in a POSTed csw:GetRecords."""

from __future__ import annotations

import re
from dataclasses import dataclass
from xml.sax.saxutils import escape

from conformance.suites.csw.probes import get_records, records, walk
from conformance.suites.csw.service import CSW, DC, OGC, Answer, Observed

WORD = re.compile(r"[^\W\d_]{3,}")
VERSION = "1.1.0"


def cql(word: str) -> str:
    """The CQL text (07-006r1 6.2.2): dc:title LIKE ``%word%``."""
    return f"dc:title LIKE '%{word}%'"


def filter_xml(word: str) -> str:
    """An ogc:Filter (Filter 1.1.0): dc:title like ``%word%``."""
    return (
        f'<ogc:Filter xmlns:ogc="{OGC}"><ogc:PropertyIsLike wildCard="%" singleChar="_" escapeChar="\\">'
        f"<ogc:PropertyName>dc:title</ogc:PropertyName><ogc:Literal>%{escape(word)}%</ogc:Literal>"
        "</ogc:PropertyIsLike></ogc:Filter>"
    )


def post_body(word: str, size: int) -> bytes:
    """A csw:GetRecords in the XML encoding with the filter as its constraint."""
    return (
        f'<?xml version="1.0" encoding="UTF-8"?><csw:GetRecords xmlns:csw="{CSW}" service="CSW" version="2.0.2" '
        f'resultType="results" maxRecords="{size}"><csw:Query typeNames="csw:Record">'
        f'<csw:ElementSetName>brief</csw:ElementSetName><csw:Constraint version="1.1.0">{filter_xml(word)}'
        "</csw:Constraint></csw:Query></csw:GetRecords>"
    ).encode()


@dataclass(frozen=True)
class FilterRun:
    """The word, the record whose title gave it, and the answers to the three encodings (no word: none)."""

    word: str
    source: str
    cql: Answer | None = None
    kvp: Answer | None = None
    post: Answer | None = None


def title_word(obs: Observed) -> tuple[str, str]:
    """The longest word of the first record title the walk met, and that record's identifier."""
    for _, page in obs.part("walk", walk).pages:
        for record in records(page):
            words = WORD.findall(record.findtext(f"{{{DC}}}title") or "")
            if words:
                return max(words, key=len), (record.findtext(f"{{{DC}}}identifier") or "").strip()
    return "", ""


def filters(obs: Observed) -> FilterRun:
    """The three constraint requests, when a title gives a word."""
    word, source = title_word(obs)
    if not word:
        return FilterRun("", "")
    text = get_records(obs, constraintLanguage="CQL_TEXT", constraint_language_version=VERSION, constraint=cql(word))
    kvp = get_records(
        obs, constraintLanguage="FILTER", constraint_language_version=VERSION, constraint=filter_xml(word)
    )
    posted = obs.post("GetRecords", post_body(word, int(obs.option("page_size"))))
    return FilterRun(word, source, text, kvp, posted)
