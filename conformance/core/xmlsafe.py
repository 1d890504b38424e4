"""Hardened XML parsing: no DTD, no entity expansion, no XInclude, no network, a size cap.

``parse_bytes``/``parse_file`` build a tree in memory; ``SafeIterparse`` streams a document of any size
(event by event, optionally validating against an XSD on the fly) with the same protections.
"""

from __future__ import annotations

import codecs
import re
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Any

from lxml import etree

DEFAULT_MAX_BYTES = 256 * 1024 * 1024
PROLOG_BYTES = 64 * 1024
_PROLOG_ITEM = re.compile(r"\s+|<\?.*?\?>|<!--.*?-->", re.S)
_ENCODING_HINTS = ("encoding", "utf-8", "utf8", "invalid character", "char 0x", "bytes:")


class XMLRejected(Exception):
    """The document was refused before or while parsing; ``kind`` says why."""

    def __init__(self, kind: str, message: str, line: int | None = None, column: int | None = None) -> None:
        super().__init__(message)
        self.kind = kind
        self.line = line
        self.column = column


def hardened_parser(**overrides: Any) -> etree.XMLParser:
    """An lxml parser that never loads DTDs, expands entities or touches the network."""
    return etree.XMLParser(**hardened_options(**overrides))


def hardened_options(**overrides: Any) -> dict[str, Any]:
    """The keyword arguments shared by the hardened tree parser and the hardened iterparse."""
    options: dict[str, Any] = {
        "resolve_entities": False,
        "no_network": True,
        "load_dtd": False,
        "dtd_validation": False,
        "huge_tree": False,
        "collect_ids": False,
        "remove_blank_text": False,
    }
    options.update(overrides)
    return options


def parse_bytes(data: bytes, *, url: str = "", max_bytes: int = DEFAULT_MAX_BYTES) -> etree._ElementTree:
    """Parse a document held in memory; DTDs of any kind are rejected."""
    if len(data) > max_bytes:
        raise XMLRejected("too-large", f"document is {len(data)} bytes, the limit is {max_bytes}")
    refuse_doctype(data[:PROLOG_BYTES])
    try:
        root = (
            etree.fromstring(data, parser=hardened_parser(), base_url=url)
            if url
            else etree.fromstring(data, parser=hardened_parser())
        )
    except etree.XMLSyntaxError as exc:
        raise rejection(exc) from exc
    tree = root.getroottree()
    refuse_dtd_of(tree)
    return tree


def parse_file(path: Path, *, max_bytes: int = DEFAULT_MAX_BYTES) -> etree._ElementTree:
    """Parse a file, refusing it before reading if it exceeds the size cap."""
    size = path.stat().st_size
    if size > max_bytes:
        raise XMLRejected("too-large", f"{path} is {size} bytes, the limit is {max_bytes}")
    return parse_bytes(path.read_bytes(), url=path.as_uri(), max_bytes=max_bytes)


def rejection(exc: etree.XMLSyntaxError) -> XMLRejected:
    """An lxml syntax error as a rejection with a kind: bad-encoding, too-large or not-well-formed."""
    line, column = exc.position if exc.position else (None, None)
    return classified(str(exc.msg or exc), line, column)


def classified(text: str, line: int | None, column: int | None) -> XMLRejected:
    """A parser message as a rejection whose kind says what went wrong."""
    lowered = text.lower()
    kind = "not-well-formed"
    if any(hint in lowered for hint in _ENCODING_HINTS):
        kind = "bad-encoding"
    elif "huge" in lowered or "amplification" in lowered or "excessive depth" in lowered:
        kind = "too-large"
    return XMLRejected(kind, f"{kind}: {text}", line or None, column or None)


def refuse_doctype(head: bytes) -> None:
    """Reject a document whose prolog declares a DOCTYPE, before the parser sees any of it."""
    text = _decode_head(head)
    position = 0
    while match := _PROLOG_ITEM.match(text, position):
        position = match.end()
    if text.startswith("<!DOCTYPE", position):
        raise XMLRejected("dtd-forbidden", "document type declarations (DTD, entities) are not allowed", 1, None)


def _decode_head(head: bytes) -> str:
    for bom, name in (
        (codecs.BOM_UTF32_LE, "utf-32-le"),
        (codecs.BOM_UTF32_BE, "utf-32-be"),
        (codecs.BOM_UTF16_LE, "utf-16-le"),
        (codecs.BOM_UTF16_BE, "utf-16-be"),
    ):
        if head.startswith(bom):
            return head[len(bom) :].decode(name, errors="ignore")
    if head[:2] in (b"<\x00", b"\x00<"):
        return head.decode("utf-16-le" if head[0] == 0x3C else "utf-16-be", errors="ignore")
    return head.decode("latin-1").removeprefix("\xef\xbb\xbf")


def refuse_dtd_of(tree: etree._ElementTree) -> None:
    """Reject a parsed document that carries a document type declaration."""
    info = tree.docinfo
    if info.internalDTD is not None or info.externalDTD is not None or info.doctype:
        raise XMLRejected("dtd-forbidden", "document type declarations (DTD, entities) are not allowed")


class LineCountingReader:
    """A binary reader that hands out chunks and counts bytes, chunks and (unless ``lines`` is False) lines read."""

    def __init__(
        self, raw: IO[bytes], chunk: int = 64 * 1024, max_bytes: int | None = None, lines: bool = True
    ) -> None:
        self.raw = raw
        self.chunk = chunk
        self.max_bytes = max_bytes
        self.lines = lines
        self.bytes_read = 0
        self.lines_read = 1
        self.chunks = 0
        self._pending: bytes | None = None

    def peek(self) -> bytes:
        """The first bytes of the document (read once, then served again by ``read``); DOCTYPEs refused."""
        if self._pending is None:
            self._pending = self.raw.read(PROLOG_BYTES)
            refuse_doctype(self._pending)
        return self._pending

    def read(self, size: int = -1) -> bytes:
        """Read at most one chunk; refuse to go past ``max_bytes``."""
        data = self.peek() if not self.chunks else self.raw.read(self.chunk if size < 0 else min(size, self.chunk))
        self.chunks += 1
        self.bytes_read += len(data)
        self.lines_read += data.count(b"\n") if self.lines else 0
        if self.max_bytes is not None and self.bytes_read > self.max_bytes:
            raise XMLRejected("too-large", f"the document exceeds the limit of {self.max_bytes} bytes")
        return data


def peek_root(head: bytes) -> str:
    """The ``{ns}local`` name of the root element, which must start within ``head``."""
    return peek_root_element(head)[0]


def peek_root_element(head: bytes) -> tuple[str, dict[str, str]]:
    """The ``{ns}local`` name and the attributes of the root element, which must start within ``head``."""
    options = hardened_options(events=("start",))
    options.pop("collect_ids")
    parser = etree.XMLPullParser(**options)
    try:
        parser.feed(head)
        for _event, element in parser.read_events():
            attributes = getattr(element, "attrib", {})
            return str(getattr(element, "tag", "")), {str(k): str(v) for k, v in attributes.items()}
    except etree.XMLSyntaxError as exc:
        raise rejection(exc) from exc
    if len(head) < PROLOG_BYTES:
        raise XMLRejected("not-well-formed", "not-well-formed: the document has no root element")
    raise XMLRejected("not-well-formed", f"not-well-formed: no root element within the first {PROLOG_BYTES} bytes")


class SafeIterparse:
    """Hardened, optionally validating iterparse over a binary stream.

    Well-formedness problems and DTDs raise ``XMLRejected``; the document counts as complete only when
    its first root element has ended. XSD errors are collected in ``schema_errors`` (without line
    numbers: libxml2 validates on SAX events). ``tag`` filters the elements reported; the root's end is
    always reported as well.

    While a schema is plugged in, libxml2 reports non-fatal namespace errors (an undeclared prefix, an
    invalid namespace name) only through the parser's return code, which lxml heeds only when entity
    references are replaced. ``strict=True`` asks for that (``resolve_entities="internal"``): safe here,
    as a DOCTYPE is refused before the parser starts, so only the predefined entities exist; an undeclared
    entity reference is then refused as well. Without it, a validating pass must be paired with a
    non-validating one for a full well-formedness verdict.
    """

    def __init__(
        self,
        raw: IO[bytes] | LineCountingReader,
        *,
        tag: Any = None,
        schema: etree.XMLSchema | None = None,
        max_bytes: int | None = None,
        strict: bool = False,
    ) -> None:
        self.reader = raw if isinstance(raw, LineCountingReader) else LineCountingReader(raw, max_bytes=max_bytes)
        self.root_tag = ""
        self._tag = tag
        self._schema = schema
        self._entities: bool | str = "internal" if strict else False
        self._root: Any = None
        self._it: Any = None
        self.complete = False
        self.final_errors: list[Any] = []

    def __iter__(self) -> Iterator[Any]:
        """The ended elements (tag-filtered), the root last; raises XMLRejected for broken documents."""
        self.root_tag = peek_root(self.reader.peek())
        tags = (
            None if self._tag is None else [*([self._tag] if isinstance(self._tag, str) else self._tag), self.root_tag]
        )
        options = hardened_options(events=("end",), tag=tags, schema=self._schema, resolve_entities=self._entities)
        options.pop("collect_ids")
        self._it = etree.iterparse(self.reader, **options)
        try:
            for _event, element in self._it:
                self._check_dtd(element)
                self.complete = element is self._root
                yield element
        except etree.XMLSyntaxError as exc:
            self._finish(exc)
        if not self.complete:
            raise XMLRejected(
                "not-well-formed",
                "not-well-formed: the document ends before its root element "
                "is closed (truncated, or the parser stopped at a syntax error)",
            )

    @property
    def root(self) -> Any:
        """The root element once parsing has started (emptied of any records a consumer dropped)."""
        return self._root

    def schema_errors(self) -> list[Any]:
        """The XSD validation errors logged so far (SCHEMASV domain), in document order."""
        if self._it is None:
            return []
        log = self.final_errors or list(self._it.error_log)
        return [e for e in log if e.domain_name == "SCHEMASV"]

    def _check_dtd(self, element: Any) -> None:
        if self._root is None:
            self._root = element.getroottree().getroot()
            refuse_dtd_of(element.getroottree())

    def _finish(self, exc: etree.XMLSyntaxError) -> None:
        entries = list(self._it.error_log)
        fatal = [e for e in entries if e.domain_name != "SCHEMASV" and e.level_name in ("ERROR", "FATAL")]
        if fatal:
            raise classified(fatal[0].message, fatal[0].line, fatal[0].column) from exc
        if not entries:
            raise rejection(exc) from exc
        self.final_errors = entries
