"""The xdomea 3.0.0 document validator: XSD, XÖV code lists and the message checks, in memory or streamed.

Registered for ``conformance validate --standard xdomea-3.0.0`` (alias ``xdomea``) and for export runs,
where a large message is validated record by record (``Schriftgutobjekt`` by ``Schriftgutobjekt``).
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import cache

from conformance.core.packs import default_store
from conformance.core.xmlsafe import LineCountingReader, XMLRejected, parse_file, peek_root
from conformance.suites.xdomea.catalogue import ID, NAMESPACE
from conformance.suites.xdomea.messages import MESSAGES
from conformance.suites.xdomea.records import XdomeaVisitor
from conformance.xml import exports
from conformance.xml.archives import Document
from conformance.xml.fastxsd import for_document
from conformance.xml.genericode import CodeListIndex, CodeTyping, pack_code_lists
from conformance.xml.report import DocumentReport, Finding, RuleContext, Source, Validator
from conformance.xml.stream import stream_validate, tree_records
from conformance.xml.xsd import SchemaRef, compiled, parse, xmlschema_model
from conformance.xml.xsd import validate as xsd_validate

SCHEMA = SchemaRef("xdomea-3.0.0", "message_generation/schemes/xdomea_3.0.0/xdomea.xsd")
GROUP_SCHEMAS = "message_generation/schemes/xdomea_3.0.0/xdomea-Nachrichten-"
XS = "{http://www.w3.org/2001/XMLSchema}"
STRUCTURAL = frozenset({"xsd", "parse"})


@cache
def typing() -> CodeTyping:
    """The typed view of the xdomea 3.0.0 schema (xmlschema), loaded once per process."""
    store = default_store()
    return CodeTyping(xmlschema_model(SCHEMA, store.pack(SCHEMA.pack).digest, store))


def code_lists() -> CodeListIndex:
    """The genericode code lists of the xdomea 3.0.0 pack."""
    return pack_code_lists(SCHEMA.pack)


def visitor(package: frozenset[str] | None) -> XdomeaVisitor:
    """A fresh set of record checks for one message."""
    return XdomeaVisitor(typing(), code_lists(), package)


def validate(source: Source) -> DocumentReport:
    """Validate one message held in memory or on disk (large files are streamed)."""
    if source.path is not None:
        return validate_document(Document(str(source.path), size=source.path.stat().st_size), ID)
    return in_memory(source.name, source.read(), None)


def in_memory(name: str, data: bytes, package: frozenset[str] | None) -> DocumentReport:
    """Validate a message held in memory: XSD with exact positions, then the record checks."""
    tree, problems = parse(Source(name, data=data))
    if tree is None:
        return report(name, problems)
    root = tree.getroot()
    checks = visitor(package)
    findings = xsd_validate(tree, SCHEMA, data)
    findings += [f for record, xpath in tree_records(root) for f in checks.record(record, xpath)]
    findings += checks.finish(root)
    return report(name, findings, root.tag, checks.contexts())


def validate_document(doc: Document, standard: str, beside: bool = False) -> DocumentReport:
    """Validate an export document: in memory if small, else record by record with bounded memory (``beside``:
    the fast XSD verdict in a thread beside the records pass, for a document that has two cores to itself)."""
    if doc.size <= exports.IN_MEMORY_BYTES:
        with doc.open() as stream:
            return in_memory(doc.name, stream.read(), doc.package())
    try:
        root, tags = record_tags(doc)
    except XMLRejected as exc:
        return report(doc.name, [Finding("XML", "fatal", "/", str(exc), exc.line, exc.column, "parse")])
    package = doc.package()
    made: list[XdomeaVisitor] = []

    def fresh() -> XdomeaVisitor:
        made.append(visitor(package))
        return made[-1]

    found = stream_validate(doc.open, compiled(SCHEMA), fresh, tags, fast=for_document(SCHEMA, doc) if beside else None)
    return report(doc.name, found, root, made[-1].contexts() if made else ())


def record_tags(doc: Document) -> tuple[str, list[str] | None]:
    """The root element of a document and the names of the elements its schema allows as root children."""
    with doc.open() as stream:
        root = peek_root(LineCountingReader(stream).peek())
    return root, message_children().get(root)


@cache
def message_children() -> dict[str, list[str]]:
    """Each message element of the schema with the names of its children, read from the message schemas."""
    store, found = default_store(), {}
    for item in store.pack(SCHEMA.pack).files:
        if item.path.startswith(GROUP_SCHEMAS) and item.path.endswith(".xsd"):
            schema = parse_file(store.path(SCHEMA.pack, item.path)).getroot()
            for message in schema.iterfind(f"{XS}element"):
                children = message.iterfind(f"{XS}complexType/{XS}sequence/{XS}element")
                found[f"{{{NAMESPACE}}}{message.get('name')}"] = sorted(
                    f"{{{NAMESPACE}}}{c.get('name')}" for c in children
                )
    return found


def report(
    name: str, findings: Iterable[Finding], root: str = "", contexts: tuple[RuleContext, ...] = ()
) -> DocumentReport:
    """The document report: valid without XSD/parse errors, accepted without any error; ``contexts`` say how many
    elements each rule judged."""
    found = tuple(findings)
    fatal = next((f.message for f in found if f.source == "parse"), None)
    valid = not any(f.is_error and f.source in STRUCTURAL for f in found)
    scenario = root.rpartition("}")[2] or None
    return DocumentReport(
        name, ID, valid, valid and not any(f.is_error for f in found), scenario, found, fatal, contexts
    )


VALIDATOR = Validator(
    ID, validate, lambda root: root.startswith(f"{{{NAMESPACE}}}"), aliases=("xdomea",), messages=MESSAGES
)


def warm() -> None:
    """Load the schema and the code lists, e.g. before worker processes are forked (workers never take the fast
    verdict, so its schema is compiled only where a document is validated alone)."""
    typing()
    code_lists()
    compiled(SCHEMA)


def validate_wide(doc: Document, standard: str) -> DocumentReport:
    """``validate_document`` for a document validated alone with a core to spare."""
    return validate_document(doc, standard, beside=True)


exports.register_streaming(ID, validate_document, warm, validate_wide)
