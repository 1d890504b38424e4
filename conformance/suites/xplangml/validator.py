"""The XPlanGML document validator: the version from the namespace, XSD against XPlanung-Operationen.xsd of that version
(through the pack resolver, OGC schemas from the packs, nothing fetched), then the document's rules.

Registered for ``conformance validate --standard xplangml-6.0`` (or ``xplangml-5.4``, or ``xplangml`` to take the
version from each document) and for export runs. A document larger than ``STREAM_ABOVE`` is streamed: one validating
pass checks the schema and hands each record (gml:featureMember) to the rules' reader before it is discarded
(``conformance.xml.stream``); its XSD errors are placed between lines rather than on one. Schema errors come from
libxml2 alone: after an unexpected element it does not report the rest of that element's content. The xmlschema pass
other suites add for that takes seconds to build for the XPlanGML schemas (with GML 3.2 and WFS 2.0) and is left out.
"""

from __future__ import annotations

from conformance.core.xmlsafe import LineCountingReader, XMLRejected, peek_root
from conformance.suites.xplangml.catalogue import ID_54, ID_60, NAMESPACES, SCHEMAS, VERSIONS
from conformance.suites.xplangml.document import RECORDS, Grading, Reader, grade
from conformance.suites.xplangml.messages import MESSAGES, m
from conformance.xml import exports
from conformance.xml.archives import Document
from conformance.xml.fastxsd import for_document
from conformance.xml.report import DocumentReport, Finding, RuleContext, Source, Validator
from conformance.xml.stream import stream_validate
from conformance.xml.xsd import SchemaRef, compiled, parse
from conformance.xml.xsd import validate as xsd_validate

FAMILY = "xplangml"
KEYS = ("schema", "gml-id", "xlink", "flaechenschluss", "geometry", "geltungsbereich", "doppelbelegung")
SCHEMA_RULES = frozenset({"schema", "XSD", "XML", "EXPORT"})
BY_NAMESPACE = {namespace: standard for standard, namespace in NAMESPACES.items()}
STREAM_ABOVE = 8 * 1024**2  # bytes: larger documents are streamed (most plans are far smaller)


def schema(standard: str) -> SchemaRef:
    """XPlanung-Operationen.xsd of a version, opened from the pack cache (its siblings have no canonical URL)."""
    return SchemaRef(standard, SCHEMAS[standard], by_file=True)


def validate_bytes(name: str, data: bytes, wanted: str) -> DocumentReport:
    """Validate one document held in memory; ``wanted`` is a version's standard id, or the family id to take the
    document's."""
    tree, problems = parse(Source(name, data=data))
    if tree is None:
        return report(name, wanted, Grading(), problems)
    root = tree.getroot()
    found, refusal = version_of(root.tag, wanted)
    if refusal is not None:
        return report(name, wanted, Grading(), [refusal])
    findings = xsd_validate(tree, schema(found), data, complete=False)  # libxml2 only: see the module docstring
    graded = grade(root, found)
    graded.counts["schema"] += 1
    return report(name, found, graded, findings)


def version_of(root: str, wanted: str) -> tuple[str, Finding | None]:
    """The standard id of a root element's namespace, or a finding why the document is not of the version."""
    namespace = root[1:].partition("}")[0] if root.startswith("{") else ""
    found = BY_NAMESPACE.get(namespace)
    if found is None:
        message = m("not-xplangml", root=root, namespaces=sorted(NAMESPACES.values()))
        return wanted, Finding.worded("schema", "error", "/", message)
    if wanted not in (FAMILY, found):
        message = m("other-version", found=VERSIONS[found], wanted=VERSIONS[wanted])
        return wanted, Finding.worded("schema", "error", "/", message)
    return found, None


def streamed(doc: Document, wanted: str, beside: bool = False) -> DocumentReport:
    """Validate a large document in one streaming pass for the rules (``beside``: with the fast XSD verdict in a
    thread beside it, else a validating pass, see ``stream_validate``); two more passes, one of each, only if it is
    not valid. Memory holds the features' geometries, not the XML."""
    with doc.open() as stream:
        found, refusal = version_of(peek_root(LineCountingReader(stream).peek()), wanted)
    if refusal is not None:
        return report(doc.name, wanted, Grading(), [refusal])
    made: list[Reader] = []

    def fresh() -> Reader:
        made.append(Reader(found))
        return made[-1]

    ref = schema(found)
    findings = stream_validate(doc.open, compiled(ref), fresh, RECORDS, fast=for_document(ref, doc) if beside else None)
    if not made or any(f.source == "parse" for f in findings):
        return report(doc.name, found, Grading(), findings)
    grading = made[-1].grading
    grading.counts["schema"] += 1
    return report(doc.name, found, grading, findings + ids_twice(grading))


def ids_twice(grading: Grading) -> list[Finding]:
    """The schema finding a streaming parse misses: libxml2 checks xs:ID uniqueness only on a whole tree."""
    first = next((f for f in grading.kept if f.rule == "gml-id"), None)
    if first is None:
        return []
    return [
        Finding.worded("schema", "error", first.location, m("schema-id-twice", id=dict(first.params)["id"]), first.line)
    ]


def report(name: str, standard: str, grading: Grading, structural: list[Finding]) -> DocumentReport:
    """The document report: valid without schema or parse errors, accepted without any error."""
    more = [Finding.worded(rule, "information", "/", m("more", count=count)) for rule, count in grading.more.items()]
    found = (*structural, *grading.kept, *grading.notes, *more)
    fatal = next((f.message for f in found if f.source == "parse"), None)
    valid = not any(f.is_error and f.rule in SCHEMA_RULES for f in found)
    contexts = tuple(RuleContext((key,), grading.counts[key]) for key in KEYS)
    accepted = valid and not any(f.is_error for f in found)
    return DocumentReport(name, standard, valid, accepted, "XPlanAuszug", found, fatal, contexts)


def validate_document(doc: Document, standard: str, beside: bool = False) -> DocumentReport:
    """Validate an export document: in memory up to ``STREAM_ABOVE`` bytes (XSD errors with exact lines), else
    streamed (``beside``: see ``streamed``)."""
    wanted = standard if standard in VERSIONS else FAMILY
    if doc.size > STREAM_ABOVE:
        try:
            return streamed(doc, wanted, beside)
        except XMLRejected as exc:
            return report(
                doc.name, wanted, Grading(), [Finding("XML", "fatal", "/", str(exc), exc.line, exc.column, "parse")]
            )
    with doc.open() as stream:
        return validate_bytes(doc.name, stream.read(), wanted)


def validate(source: Source) -> DocumentReport:
    """Validate one document held in memory or on disk (a large file streamed), its version from its namespace."""
    if source.path is not None:
        return validate_document(Document(str(source.path), size=source.path.stat().st_size), FAMILY)
    return validate_bytes(source.name, source.read(), FAMILY)


def detect(root: str) -> bool:
    """True for a root element in the namespace of XPlanGML 6.0 or 5.4."""
    return root.startswith("{") and root[1:].partition("}")[0] in BY_NAMESPACE


def warm() -> None:
    """Compile both schemas, e.g. before worker processes are forked (workers never take the fast verdict)."""
    for standard in VERSIONS:
        compiled(schema(standard))


def validate_wide(doc: Document, standard: str) -> DocumentReport:
    """``validate_document`` for a document validated alone with a core to spare."""
    return validate_document(doc, standard, beside=True)


VALIDATOR = Validator(
    FAMILY, validate, detect, aliases=(ID_60, ID_54, "xplanung"), messages=MESSAGES, suffixes=(".gml", ".xml")
)
for _name in (FAMILY, ID_60, ID_54, "xplanung"):
    exports.register_streaming(_name, validate_document, warm, validate_wide)
