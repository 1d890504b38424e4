"""The XPlanGML document validator: the version from the namespace, XSD against XPlanung-Operationen.xsd of that
version (through the pack resolver, OGC schemas from the packs, nothing fetched), then the document's rules.

Registered for ``conformance validate --standard xplangml-6.0`` (or ``xplangml-5.4``, or ``xplangml`` to take
the version from each document) and for export runs. Schema errors come from libxml2 alone: after an unexpected
element it does not report the rest of that element's content. The xmlschema pass other suites add for that takes
seconds to build for the XPlanGML schemas (with GML 3.2 and WFS 2.0) and is left out.
"""

from __future__ import annotations

from conformance.suites.xplangml.catalogue import ID_54, ID_60, NAMESPACES, SCHEMAS, VERSIONS
from conformance.suites.xplangml.document import Grading, grade
from conformance.suites.xplangml.messages import MESSAGES, m
from conformance.xml import exports
from conformance.xml.archives import Document
from conformance.xml.report import DocumentReport, Finding, RuleContext, Source, Validator
from conformance.xml.xsd import SchemaRef, compiled, parse
from conformance.xml.xsd import validate as xsd_validate

FAMILY = "xplangml"
KEYS = ("schema", "gml-id", "xlink", "flaechenschluss", "geometry", "geltungsbereich", "doppelbelegung")
SCHEMA_RULES = frozenset({"schema", "XSD", "XML", "EXPORT"})
BY_NAMESPACE = {namespace: standard for standard, namespace in NAMESPACES.items()}


def schema(standard: str) -> SchemaRef:
    """XPlanung-Operationen.xsd of a version, opened from the pack cache (its siblings have no canonical URL)."""
    return SchemaRef(standard, SCHEMAS[standard], by_file=True)


def validate_bytes(name: str, data: bytes, wanted: str) -> DocumentReport:
    """Validate one document; ``wanted`` is a version's standard id, or the family id to take the document's."""
    grading = Grading()
    tree, problems = parse(Source(name, data=data))
    if tree is None:
        return report(name, wanted, grading, problems)
    root = tree.getroot()
    namespace = root.tag[1:].partition("}")[0] if root.tag.startswith("{") else ""
    found = BY_NAMESPACE.get(namespace)
    if found is None:
        finding = Finding.worded(
            "schema", "error", "/", m("not-xplangml", root=root.tag, namespaces=sorted(NAMESPACES.values()))
        )
        return report(name, wanted, grading, [finding])
    if wanted not in (FAMILY, found):
        message = m("other-version", found=VERSIONS[found], wanted=VERSIONS[wanted])
        return report(name, wanted, grading, [Finding.worded("schema", "error", "/", message)])
    grading.counts["schema"] += 1
    findings = xsd_validate(tree, schema(found), data, complete=False)  # libxml2 only: see the module docstring
    grade(root, grading, found)
    return report(name, found, grading, findings)


def report(name: str, standard: str, grading: Grading, structural: list[Finding]) -> DocumentReport:
    """The document report: valid without schema or parse errors, accepted without any error."""
    more = [Finding.worded(rule, "information", "/", m("more", count=count)) for rule, count in grading.more.items()]
    found = (*structural, *grading.kept, *grading.notes, *more)
    fatal = next((f.message for f in found if f.source == "parse"), None)
    valid = not any(f.is_error and f.rule in SCHEMA_RULES for f in found)
    contexts = tuple(RuleContext((key,), grading.counts[key]) for key in KEYS)
    accepted = valid and not any(f.is_error for f in found)
    return DocumentReport(name, standard, valid, accepted, "XPlanAuszug", found, fatal, contexts)


def validate_document(doc: Document, standard: str) -> DocumentReport:
    """Validate an export document (read into memory: the hardened parser's size cap applies)."""
    with doc.open() as stream:
        return validate_bytes(doc.name, stream.read(), standard if standard in VERSIONS else FAMILY)


def validate(source: Source) -> DocumentReport:
    """Validate one document held in memory or on disk, its version taken from its namespace."""
    return validate_bytes(source.name, source.read(), FAMILY)


def detect(root: str) -> bool:
    """True for a root element in the namespace of XPlanGML 6.0 or 5.4."""
    return root.startswith("{") and root[1:].partition("}")[0] in BY_NAMESPACE


def warm() -> None:
    """Compile both schemas, e.g. before worker processes are forked."""
    for standard in VERSIONS:
        compiled(schema(standard))


VALIDATOR = Validator(
    FAMILY, validate, detect, aliases=(ID_60, ID_54, "xplanung"), messages=MESSAGES, suffixes=(".gml", ".xml")
)
for _name in (FAMILY, ID_60, ID_54, "xplanung"):
    exports.register_streaming(_name, validate_document, warm)
