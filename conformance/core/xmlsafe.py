"""Hardened XML parsing: no DTD, no entity expansion, no XInclude, no network, a size cap."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from lxml import etree

DEFAULT_MAX_BYTES = 256 * 1024 * 1024


class XMLRejected(Exception):
    """The document was refused before or while parsing; ``kind`` says why."""

    def __init__(self, kind: str, message: str, line: int | None = None, column: int | None = None) -> None:
        super().__init__(message)
        self.kind = kind
        self.line = line
        self.column = column


def hardened_parser(**overrides: bool) -> etree.XMLParser:
    """An lxml parser that never loads DTDs, expands entities or touches the network."""
    options: dict[str, Any] = {
        "resolve_entities": False, "no_network": True, "load_dtd": False, "dtd_validation": False,
        "huge_tree": False, "collect_ids": False, "remove_blank_text": False,
    }
    options.update(overrides)
    return etree.XMLParser(**options)


def parse_bytes(data: bytes, *, url: str = "", max_bytes: int = DEFAULT_MAX_BYTES) -> etree._ElementTree:
    """Parse a document held in memory; DTDs of any kind are rejected."""
    if len(data) > max_bytes:
        raise XMLRejected("too-large", f"document is {len(data)} bytes, the limit is {max_bytes}")
    try:
        root = etree.fromstring(data, parser=hardened_parser(), base_url=url) if url else etree.fromstring(
            data, parser=hardened_parser())
    except etree.XMLSyntaxError as exc:
        line, column = exc.position if exc.position else (None, None)
        raise XMLRejected("not-well-formed", f"not well-formed: {exc.msg}", line, column) from exc
    tree = root.getroottree()
    _refuse_dtd(tree)
    return tree


def parse_file(path: Path, *, max_bytes: int = DEFAULT_MAX_BYTES) -> etree._ElementTree:
    """Parse a file, refusing it before reading if it exceeds the size cap."""
    size = path.stat().st_size
    if size > max_bytes:
        raise XMLRejected("too-large", f"{path} is {size} bytes, the limit is {max_bytes}")
    return parse_bytes(path.read_bytes(), url=path.as_uri(), max_bytes=max_bytes)


def _refuse_dtd(tree: etree._ElementTree) -> None:
    info = tree.docinfo
    if info.internalDTD is not None or info.externalDTD is not None or info.doctype:
        raise XMLRejected("dtd-forbidden", "document type declarations (DTD, entities) are not allowed")
