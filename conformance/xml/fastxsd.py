"""A tree-free XSD verdict through the system libxml2 (``libxml2.so.2``, 2.9 or later), called with ctypes.

lxml bundles a libxml2 whose validating parse costs about 1.5 times the instructions per byte of the system's 2.9
library, and it offers no validation without a tree. This module compiles a pack schema in the system library
and validates a document on its file descriptor with ``xmlSchemaValidateStream`` and no SAX handler of its own:
nothing is built, nothing calls back into Python per element, and ctypes releases the GIL for the whole call.

The verdict only ever affirms "well-formed and valid": any error or warning reported, a non-zero return code,
a DOCTYPE, a document larger than the cap or not a regular file, any external load during validation make it
"not clean", and so does a missing or too old library. Callers then read the document with lxml as before.
Schema compilation loads only pack files (``PackResolver.locate``); everything else is refused.
"""

from __future__ import annotations

import ctypes
import itertools
import os
import stat
import threading
from collections.abc import Callable
from contextlib import AbstractContextManager
from functools import cache
from typing import IO, Any

from lxml import etree

from conformance.core.packs import default_store
from conformance.core.xmlsafe import PROLOG_BYTES, XMLRejected, peek_root, refuse_doctype
from conformance.xml.archives import Document
from conformance.xml.resolver import PackResolver, entry_url, pack_digest
from conformance.xml.xsd import SchemaRef

LIBRARY = "libxml2.so.2"
MIN_VERSION = 20900
Opener = Callable[[], AbstractContextManager[IO[bytes]]]
_P = ctypes.c_void_p
_LOADER = ctypes.CFUNCTYPE(_P, ctypes.c_char_p, ctypes.c_char_p, _P)
_ERROR = ctypes.CFUNCTYPE(None, _P, _P)
_PROTOTYPES: dict[str, tuple[Any, list[Any]]] = {
    "xmlSchemaNewParserCtxt": (_P, [ctypes.c_char_p]),
    "xmlSchemaSetParserStructuredErrors": (None, [_P, _ERROR, _P]),
    "xmlSchemaParse": (_P, [_P]),
    "xmlSchemaFreeParserCtxt": (None, [_P]),
    "xmlSchemaNewValidCtxt": (_P, [_P]),
    "xmlSchemaSetValidStructuredErrors": (None, [_P, _ERROR, _P]),
    "xmlSchemaValidateStream": (ctypes.c_int, [_P, _P, ctypes.c_int, _P, _P]),
    "xmlSchemaFreeValidCtxt": (None, [_P]),
    "xmlParserInputBufferCreateFd": (_P, [ctypes.c_int, ctypes.c_int]),
    "xmlNewInputFromFile": (_P, [_P, ctypes.c_char_p]),
    "xmlSetExternalEntityLoader": (None, [_LOADER]),
    "xmlSetStructuredErrorFunc": (None, [_P, _ERROR]),
    "xmlInitParser": (None, []),
}
_COUNTS: dict[int, int] = {}
_KEYS = itertools.count(1)
_STATE = threading.local()
_WARNING = 1


class _Error(ctypes.Structure):
    """The head of libxml2's ``xmlError``: domain, code, message, level."""

    _fields_ = [("domain", ctypes.c_int), ("code", ctypes.c_int), ("message", ctypes.c_char_p), ("level", ctypes.c_int)]


def _on_error(key: int | None, _error: int | None) -> None:
    """Every error or warning the library reports, counted for the validation it belongs to."""
    if key in _COUNTS:
        _COUNTS[key] += 1


def _on_compile_error(key: int | None, error: int | None) -> None:
    """The errors (not the warnings, e.g. an import skipped as already imported) of a schema's compilation."""
    if key in _COUNTS and error and ctypes.cast(error, ctypes.POINTER(_Error)).contents.level > _WARNING:
        _COUNTS[key] += 1


def _on_load(url: bytes | None, _pubid: bytes | None, context: int | None) -> int | None:
    """Pack files while this thread compiles a schema; nothing else, ever (no network, no DTD, no local file)."""
    local = PackResolver(default_store()).locate((url or b"").decode()) if getattr(_STATE, "compiling", False) else None
    if local is None:
        return None
    found: int | None = library().xmlNewInputFromFile(context, str(local).encode())  # type: ignore[union-attr]
    return found


_count, _count_errors, _load = _ERROR(_on_error), _ERROR(_on_compile_error), _LOADER(_on_load)


@cache
def library() -> Any | None:
    """The system libxml2 with the functions used here declared, or None if it is missing or older than 2.9."""
    try:
        lib = ctypes.CDLL(LIBRARY)
        version = int(ctypes.c_char_p.in_dll(lib, "xmlParserVersion").value or b"0")
    except (OSError, ValueError):
        return None
    if not MIN_VERSION <= version < 30000 or divmod(version, 100) == _lxml_version():
        return None
    for name, (restype, argtypes) in _PROTOTYPES.items():
        function = getattr(lib, name)
        function.restype, function.argtypes = restype, argtypes
    lib.xmlInitParser()
    lib.xmlSetExternalEntityLoader(_load)
    return lib


def _lxml_version() -> tuple[int, int]:
    """lxml's libxml2 as ``(major * 100 + minor, patch)``: the same version may be the same library, whose global
    entity loader this module must not replace (lxml's resolvers rely on it), so it is not used then."""
    major, minor, patch = etree.LIBXML_VERSION[:3]
    return major * 100 + minor, patch


class FastSchema:
    """A schema compiled in the system libxml2, shared by every thread (libxml2 reads it only while validating)."""

    def __init__(self, lib: Any, pointer: int) -> None:
        self.lib, self.pointer = lib, pointer

    def clean(self, open_: Opener, max_bytes: int | None = None) -> bool:
        """True only if the document is a regular file within ``max_bytes``, has no DOCTYPE, and the library
        reports nothing at all while validating it."""
        try:
            with open_() as stream:
                return self._clean_fd(stream.fileno(), max_bytes)
        except (OSError, AttributeError, ValueError, XMLRejected):
            return False

    def _clean_fd(self, fd: int, max_bytes: int | None) -> bool:
        status = os.fstat(fd)
        if not stat.S_ISREG(status.st_mode) or (max_bytes is not None and status.st_size > max_bytes):
            return False
        head = os.pread(fd, PROLOG_BYTES, 0)
        refuse_doctype(head)
        peek_root(head)  # the root starts within the head, so no DOCTYPE can follow the prolog scanned
        os.lseek(fd, 0, os.SEEK_SET)
        return self._validate(os.dup(fd))

    def _validate(self, fd: int) -> bool:
        lib, key = self.lib, _counter()
        context = lib.xmlSchemaNewValidCtxt(self.pointer)
        try:
            lib.xmlSetStructuredErrorFunc(key, _count)
            lib.xmlSchemaSetValidStructuredErrors(context, _count, key)
            code = lib.xmlSchemaValidateStream(context, lib.xmlParserInputBufferCreateFd(fd, 0), 0, None, None)
            return code == 0 and _COUNTS[key] == 0
        finally:
            lib.xmlSetStructuredErrorFunc(0, _count)
            lib.xmlSchemaFreeValidCtxt(context)
            _COUNTS.pop(key)


def _counter() -> int:
    key = next(_KEYS)
    _COUNTS[key] = 0
    return key


def fast_schema(ref: SchemaRef) -> FastSchema | None:
    """The schema of a pack XSD compiled in the system libxml2 (once per process and pack version), or None if
    the library is unavailable or reports anything while compiling it."""
    return _compile(ref, pack_digest(ref.pack))


@cache
def _compile(ref: SchemaRef, _digest: str) -> FastSchema | None:
    lib = library()
    if lib is None:
        return None
    store = default_store()
    url = store.path(ref.pack, ref.path).as_uri() if ref.by_file else entry_url(store, ref.pack, ref.path)
    key, parser = _counter(), lib.xmlSchemaNewParserCtxt(url.encode())
    _STATE.compiling = True
    try:
        lib.xmlSetStructuredErrorFunc(key, _count_errors)
        lib.xmlSchemaSetParserStructuredErrors(parser, _count_errors, key)
        pointer = lib.xmlSchemaParse(parser)
        return FastSchema(lib, pointer) if pointer and _COUNTS[key] == 0 else None
    finally:
        _STATE.compiling = False
        lib.xmlSetStructuredErrorFunc(0, _count)
        lib.xmlSchemaFreeParserCtxt(parser)
        _COUNTS.pop(key)


def for_document(ref: SchemaRef, doc: Document) -> FastSchema | None:
    """The fast schema for a document it can judge: a file on disk (a ZIP member has no file descriptor)."""
    return fast_schema(ref) if doc.member is None else None


def clean(ref: SchemaRef, open_: Opener, max_bytes: int | None = None) -> bool:
    """True only if the system libxml2 judges the document well-formed and valid against the pack schema."""
    schema = fast_schema(ref)
    return schema is not None and schema.clean(open_, max_bytes)
