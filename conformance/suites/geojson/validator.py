"""The GeoJSON document validator: one file (or archive member, or download) read as a stream and graded.

Registered for ``conformance validate --standard geojson`` and for export runs; a document's report holds the
kept findings of each requirement (with one note per requirement counting those not kept) and, as rule
contexts, how many of each kind it examined.
"""

from __future__ import annotations

import io

from conformance.suites.geojson.catalogue import ID, RULES
from conformance.suites.geojson.document import MAX_IDS, Grading
from conformance.suites.geojson.messages import MESSAGES, m
from conformance.suites.geojson.reader import Feature, Features, Member, NotAnObject, Opener, Unreadable, read
from conformance.xml import exports
from conformance.xml.archives import Document
from conformance.xml.report import DocumentReport, Finding, RuleContext, Source, Validator

SUFFIXES = (".geojson", ".json")


def grade(opener: Opener) -> tuple[Grading, str | None]:
    """Read a GeoJSON text Feature by Feature and grade it; the top-level type (None if unreadable)."""
    grading, members, streamed = Grading(), {}, False
    try:
        for item in read(opener):
            if isinstance(item, Features):
                streamed = True
            elif isinstance(item, Feature):
                grading.feature(item.value, f"/features/{item.index}")
            elif isinstance(item, Member):
                members[item.key] = item.value
            elif isinstance(item, NotAnObject):
                grading.not_object(item.kind)
                return grading, None
    except Unreadable as exc:
        grading.unreadable(str(exc))
        return grading, None
    grading.top(members, streamed)
    kind = members.get("type")
    return grading, kind if isinstance(kind, str) else None


def report(name: str, grading: Grading, kind: str | None) -> DocumentReport:
    """The document report: valid without a §3 or parse error, accepted without any MUST finding."""
    more = [Finding.worded(key, "information", "/", m("more", count=count)) for key, count in grading.more.items()]
    if grading.ids_capped:
        more.append(Finding.worded("id", "information", "/", m("note.ids-capped", count=MAX_IDS)))
    found = (*grading.kept, *more)
    fatal = next((f.message for f in found if f.source == "parse"), None)
    valid = not any(f.is_error and f.rule == "schema" for f in found)
    contexts = tuple(RuleContext((r.key,), grading.counts[r.examines]) for r in RULES)
    return DocumentReport(name, ID, valid, valid and not any(f.is_error for f in found), kind, found, fatal, contexts)


def validate_document(doc: Document, standard: str) -> DocumentReport:
    """Grade an export document, streamed from its file or archive member."""
    return report(doc.name, *grade(doc.open))


def validate(source: Source) -> DocumentReport:
    """Grade one document held in memory or on disk."""
    if source.path is not None:
        return validate_document(Document(str(source.path), size=source.path.stat().st_size), ID)
    data = source.read()
    return report(source.name, *grade(lambda: io.BytesIO(data)))


VALIDATOR = Validator(ID, validate, lambda root: False, aliases=("rfc7946",), messages=MESSAGES, suffixes=SUFFIXES)
exports.register_streaming(ID, validate_document)
