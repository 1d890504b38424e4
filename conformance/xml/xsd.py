"""XSD validation: libxml2 (lxml) as the fast path, xmlschema where libxml2 stops early.

Schemas are pack files, compiled once per process. Every import and include goes through
:class:`~conformance.xml.resolver.PackResolver`, so validation cannot reach the network or any file
outside the pack cache. All violations are reported, each with line, column, XPath and message.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING, Any, cast
from urllib.parse import urlsplit

from lxml import etree

from conformance.core.packs import PackError, PackStore, default_store
from conformance.core.xmlsafe import DEFAULT_MAX_BYTES, XMLRejected, parse_bytes
from conformance.xml.report import Finding, Source
from conformance.xml.resolver import PackResolver, entry_url, pack_digest, resolving_parser

if TYPE_CHECKING:
    import xmlschema

RULE = "XSD"
REFUSED = "file:///nonexistent/refused-by-wechselbar"
CONTENT_ERRORS = frozenset({"SCHEMAV_ELEMENT_CONTENT", "SCHEMAV_CVC_COMPLEX_TYPE_2_4"})


class SchemaCompileError(Exception):
    """A schema in a pack does not compile (or asked for a resource outside the packs)."""


@dataclass(frozen=True)
class SchemaRef:
    """A schema entry point: a pack id and the path of the root XSD inside the pack; ``by_file`` opens it under
    its file URI in the cache, not its canonical URL (for a pack whose sibling files have no canonical URL)."""

    pack: str
    path: str
    by_file: bool = False

    def __str__(self) -> str:
        return f"{self.pack}:{self.path}"


def compiled(ref: SchemaRef, store: PackStore | None = None) -> etree.XMLSchema:
    """The compiled lxml schema of a pack XSD (compiled once per process and pack version)."""
    store = store or default_store()
    return _compile(ref, pack_digest(ref.pack), store)


@cache
def _compile(ref: SchemaRef, digest: str, store: PackStore) -> etree.XMLSchema:
    resolver = PackResolver(store)
    url = store.path(ref.pack, ref.path).as_uri() if ref.by_file else entry_url(store, ref.pack, ref.path)
    try:
        doc = etree.fromstring(store.path(ref.pack, ref.path).read_bytes(), resolving_parser(resolver), base_url=url)
        return etree.XMLSchema(doc)
    except (etree.XMLSchemaParseError, etree.XMLSyntaxError) as exc:
        refused = f" (refused: {', '.join(resolver.refused)})" if resolver.refused else ""
        raise SchemaCompileError(f"schema {ref} does not compile: {exc}{refused}") from exc


@cache
def xmlschema_model(ref: SchemaRef, digest: str, store: PackStore) -> xmlschema.XMLSchema:
    """The xmlschema model of a pack XSD (imported on first use: libxml2 alone needs none of it)."""
    import xmlschema  # noqa: PLC0415 (lazy: libxml2 validation needs none of it)

    root = store.pack_dir(ref.pack)
    local = PackResolver(store)

    def mapper(url: str) -> str:
        if not urlsplit(url).scheme and not url.startswith("/"):
            return url  # relative to the including pack file, joined by xmlschema
        found = local.locate(url)
        return found.as_uri() if found else REFUSED

    return xmlschema.XMLSchema(str(root / ref.path), allow="local", defuse="remote", uri_mapper=mapper)


def parse(source: Source, max_bytes: int = DEFAULT_MAX_BYTES) -> tuple[etree._ElementTree | None, list[Finding]]:
    """Parse a document with the hardened parser; a refusal is a ``parse`` finding instead of a tree."""
    try:
        return parse_bytes(source.read(), max_bytes=max_bytes), []
    except XMLRejected as exc:
        return None, [Finding("XML", "fatal", "/", str(exc), exc.line, exc.column, "parse")]


def validate(
    tree: etree._ElementTree,
    ref: SchemaRef,
    data: bytes | None = None,
    complete: bool = True,
    store: PackStore | None = None,
) -> list[Finding]:
    """Every XSD violation of a parsed document; ``data`` (the raw bytes) adds column numbers."""
    schema = compiled(ref, store)
    if schema.validate(tree):
        return []
    entries: list[Any] = list(cast(Iterable[Any], schema.error_log))
    found = [_finding(e.line, e.path, e.message, error_code(e.type_name)) for e in entries]
    if complete and any(e.type_name in CONTENT_ERRORS for e in entries):
        found += _complement(tree, ref, found, store or default_store())
    return _with_columns(found, data) if data is not None else found


def validate_source(source: Source, ref: SchemaRef, complete: bool = True) -> list[Finding]:
    """Parse and validate one document; parse refusals come back as findings."""
    data = source.read()
    tree, problems = parse(Source(source.name, data=data))
    return problems if tree is None else validate(tree, ref, data, complete)


def _finding(line: int | None, path: str | None, message: str, code: str = "") -> Finding:
    text = f"{code}: {message}" if code else message
    return Finding(RULE, "error", path or "/", text, line or None, None, "xsd")


def error_code(type_name: str) -> str:
    match = re.fullmatch(r"SCHEMAV_CVC_([A-Z_]+?)_(\d[\d_]*)", type_name)
    if not match:
        return "cvc-complex-type.2.4" if type_name == "SCHEMAV_ELEMENT_CONTENT" else ""
    return f"cvc-{match[1].lower().replace('_', '-')}.{match[2].replace('_', '.')}"


def _complement(tree: etree._ElementTree, ref: SchemaRef, found: list[Finding], store: PackStore) -> list[Finding]:
    """Violations libxml2 skips after an unexpected element, found with xmlschema; deduplicated."""
    from xmlschema import XMLSchemaException  # noqa: PLC0415

    try:
        schema = xmlschema_model(ref, pack_digest(ref.pack), store)
    except (XMLSchemaException, PackError, OSError):
        return []
    seen = {(f.line, _last_step(f.location)) for f in found}
    extra = []
    for error in schema.iter_errors(tree):
        element = _culprit(error)
        if element is None:
            continue
        key = (element.sourceline, _last_step(tree.getpath(element)))
        if key not in seen:
            seen.add(key)
            extra.append(_finding(element.sourceline, tree.getpath(element), str(error.reason or error.message)))
    return extra


def _culprit(error: Any) -> Any:
    element = getattr(error, "elem", None)
    index = getattr(error, "index", None)
    if element is not None and isinstance(index, int) and 0 <= index < len(element):
        return element[index]
    return element if isinstance(element, etree._Element) else None


def _last_step(path: str) -> str:
    return re.sub(r"\[\d+\]$", "", path.rsplit("/", 1)[-1])


def _with_columns(found: Iterable[Finding], data: bytes) -> list[Finding]:
    lines = data.splitlines()
    return [_column(f, lines) for f in found]


def _column(finding: Finding, lines: list[bytes]) -> Finding:
    if finding.line is None or not 0 < finding.line <= len(lines):
        return finding
    step = _last_step(finding.location)
    name = step.split(":")[-1] if step.startswith("*") else step
    index = lines[finding.line - 1].find(b"<" + name.encode())
    if index < 0:
        return finding
    return Finding(
        finding.rule, finding.severity, finding.location, finding.message, finding.line, index + 1, finding.source
    )
