"""The DCAT-AP.de document validator for ``conformance validate --standard dcat-ap-de-3.0``: each file (or archive
member) read as RDF on its own (syntax from its suffix, else from its first bytes), merged with the offline
vocabularies and run through the suite's SHACL engine.

A shape's result is a finding worded as in the suite, its severity the failing shape's (sh:Violation → error,
sh:Warning → warning, sh:Info → information). A value of a vocabulary the packs lack is counted in a note, never
an error. A document that is not readable RDF, names a remote JSON-LD ``@context`` or holds no node any shape
targets is rejected: nothing in it could be judged.
"""

from __future__ import annotations

from collections import Counter
from functools import cache

from conformance.core.messages import Message
from conformance.suites.dcat_ap_de.catalogue import ID, READABLE, Row, rows
from conformance.suites.dcat_ap_de.checks import is_unchecked, violation
from conformance.suites.dcat_ap_de.engine import Outcome
from conformance.suites.dcat_ap_de.export import suffix
from conformance.suites.dcat_ap_de.messages import MESSAGES, m
from conformance.suites.dcat_ap_de.rdf import FORMAT_NAMES, FORMATS, SH, Offline, Unreadable, parse, sniff
from conformance.suites.dcat_ap_de.validate import validate as run_shapes
from conformance.xml.report import DocumentReport, Finding, RuleContext, Source, Validator

SEVERITIES = {SH + "Violation": "error", SH + "Warning": "warning", SH + "Info": "information"}
TARGETS = "dcat:Catalog, dcat:Dataset, dcat:Distribution, …"


@cache
def vocabulary_focus() -> dict[str, int]:
    """The focus nodes the offline vocabularies alone give each shape (their concepts and schemes)."""
    return dict(run_shapes([])[1].focus)


def judged(outcome: Outcome) -> dict[str, int]:
    """The focus nodes of the document itself, by shape."""
    base = vocabulary_focus()
    return {uri: count - base.get(uri, 0) for uri, count in outcome.focus.items() if count > base.get(uri, 0)}


@cache
def by_uri() -> dict[str, Row]:
    """The requirement rows by shape IRI."""
    return {row.uri: row for row in rows()}


def validate(source: Source) -> DocumentReport:
    """One RDF document validated against the DCAT-AP.de 3.0 shapes."""
    data = source.read()
    syntax = FORMATS.get(suffix(source.name)) or sniff(data)
    try:
        quads = parse(data, syntax)
    except Offline as exc:
        return refused(source.name, FORMAT_NAMES[syntax], m("note.offline", document=source.name, text=str(exc)))
    except Unreadable as exc:
        text = m("unreadable", document=source.name, syntax=FORMAT_NAMES[syntax], text=str(exc))
        return refused(source.name, FORMAT_NAMES[syntax], text)
    _, outcome = run_shapes(quads)
    if not judged(outcome):
        nothing = m("nothing-judged", document=source.name, targets=TARGETS)
        return refused(source.name, FORMAT_NAMES[syntax], nothing, rule=ID)
    return report(source.name, FORMAT_NAMES[syntax], outcome)


def refused(name: str, syntax: str, message: Message, rule: str = READABLE) -> DocumentReport:
    """A document that could not be judged: rejected with its reason as a fatal finding (of readability)."""
    finding = Finding.worded(rule, "fatal", "/", message, source="parse")
    return DocumentReport(name, ID, False, False, syntax, (finding,), error=message.text)


def report(name: str, syntax: str, outcome: Outcome) -> DocumentReport:
    """The engine's results as findings (unchecked values counted per shape in a note); valid without errors."""
    found, unchecked = [], Counter[str]()
    for result in outcome.results:
        row = by_uri()[result.requirement]
        if is_unchecked(result, row):
            unchecked[row.uri] += 1
            continue
        where = violation(result, row)
        location = " ".join(filter(None, (where.locator.where, where.locator.pointer)))
        found.append(Finding.worded(row.uri, SEVERITIES.get(result.severity, "error"), location, where.message))
    for uri, count in unchecked.items():
        row = by_uri()[uri]
        note = m("note.unchecked", count=count, path=row.path, schemes=", ".join(row.schemes))
        found.append(Finding.worded(uri, "information", row.path, note))
    valid = not any(f.is_error for f in found)
    contexts = tuple(RuleContext((uri,), nodes) for uri, nodes in judged(outcome).items())
    return DocumentReport(name, ID, valid, valid, syntax, tuple(found), None, contexts)


VALIDATOR = Validator(
    ID, validate, lambda root: False, aliases=("dcat-ap-de",), messages=MESSAGES, suffixes=tuple(FORMATS)
)
