"""The checks of the DCAT-AP.de suite: one per shape, judging the engine's results for that shape; and the check
that every document of the export was readable RDF.

A shape whose targets occur nowhere in the catalogue examined nothing: not applicable, naming the target
classes. A value whose vocabulary the packs lack (or whose offline copy is older or trimmed) is not checked:
a note, never a violation; a shape whose every value went unchecked is skipped.
"""

from __future__ import annotations

from conformance.core.evidence import Locator, NotApplicable, ParseViolation, Skipped, ValueViolation
from conformance.core.judgement import Judgement
from conformance.core.messages import Message, Param, placeholders
from conformance.harness.suite import Check, CheckContext, by_requirement
from conformance.suites.dcat_ap_de.build import curie
from conformance.suites.dcat_ap_de.catalogue import READABLE, Row, rows
from conformance.suites.dcat_ap_de.engine import Result
from conformance.suites.dcat_ap_de.export import Export
from conformance.suites.dcat_ap_de.messages import FINDINGS, m
from conformance.suites.dcat_ap_de.rdf import show
from conformance.suites.dcat_ap_de.vocabularies import vocabularies

Context = CheckContext[Export]


def judge_shape(ctx: Context, row: Row) -> Judgement:
    """The shape's results as findings; values of vocabularies not available offline as notes."""
    export = ctx.observation
    focus = export.outcome.focus.get(row.uri, 0)
    if not focus:
        raise NotApplicable(m("na.no-target", targets=", ".join(row.targets)))
    found, unchecked = [], 0
    for result in export.results.get(row.uri, []):
        if is_unchecked(result, row):
            unchecked += 1
        else:
            found.append(violation(result, row))
    schemes = ", ".join(row.schemes)
    if unchecked and not found and unchecked >= export.outcome.values.get(row.uri, 0):
        raise Skipped(m("skip.unchecked", count=unchecked, path=row.path, schemes=schemes))
    if unchecked:
        ctx.note(m("note.unchecked", count=unchecked, path=row.path, schemes=schemes))
    return ctx.judge(found, ctx.examined(focus, "dcat.examined.focus", targets=", ".join(row.targets)))


def is_unchecked(result: Result, row: Row) -> bool:
    """Whether a result only says that a value is missing from an offline vocabulary that cannot be trusted."""
    value = result.value.value if result.value is not None else ""
    return any(vocabularies().unchecked(scheme, value) for scheme in row.schemes)


def violation(result: Result, row: Row) -> ValueViolation:
    """One result as a violation located at its focus node and path."""
    kind = result.constraint.kind
    limit = result.constraint.value
    code = "vocabulary" if kind == "hasValue" and row.schemes and result.value is not None else kind
    shown = ", ".join(row.schemes) if code == "vocabulary" else limit_text(limit)
    shape: str | Message = result.message or m("no-message")
    path = row.path or m("node")
    params = {"focus": show(result.focus), "path": path, "value": show(result.value), "count": result.count}
    message = finding(code, limit=shown, shape=shape, **params)
    return ValueViolation(
        message,
        locator=Locator(where=show(result.focus), pointer=row.path or None),
        expected=f"sh:{kind} {shown}",
        actual=show(result.value) if result.value is not None else result.count,
        requirement=row.uri,
    )


def finding(code: str, **params: Param) -> Message:
    """A finding's message with the parameters its template uses."""
    names = placeholders(FINDINGS[f"dcat.{code}"][0])
    return m(code, **{k: v for k, v in params.items() if k in names})


def limit_text(limit: object) -> str:
    """A constraint parameter as a finding shows it."""
    if isinstance(limit, tuple):
        return " ".join(str(getattr(item, "value", item)) for item in limit)
    return curie(str(getattr(limit, "value", limit))) if not hasattr(limit, "properties") else "[…]"


def judge_readable(ctx: Context) -> Judgement:
    """Every document and page that could not be read (or fetched, or led into a loop)."""
    export = ctx.observation
    for note in export.offline:
        ctx.note(note)
    read = export.documents + len(export.problems)
    if not read and export.offline:
        raise Skipped(m("skip.offline", count=len(export.offline)))
    if not read:
        raise NotApplicable(m("na.no-documents"))
    ctx.note(m("note.documents", documents=export.documents, pages=export.pages, triples=export.triples))
    found = [
        ParseViolation(text, locator=Locator(where=where), requirement=READABLE) for where, text in export.problems
    ]
    return ctx.judge(found, ctx.examined(read, "dcat.examined.documents"))


def _check(row: Row) -> Check[Export]:
    tail = row.uri.rsplit("#", 1)[-1].rsplit("/shacl/", 1)[-1]
    return Check(row.uri, lambda ctx: judge_shape(ctx, row), name=f"shacl-{tail}")


CHECKS = by_requirement(Check(READABLE, judge_readable, name="rdf-readable"), *(_check(row) for row in rows()))

__all__ = ["CHECKS"]
