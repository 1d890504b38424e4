"""SaxonC-HE (saxonche) for XSLT 2/3 and XPath 2/3, sandboxed: no network and no file access while validating.

Two Saxon configurations are used. The validation processor has an empty ``allowedProtocols`` list, so a
stylesheet run against a document can read nothing at all (no ``document()``, ``doc()``,
``unparsed-text()``, ``collection()``); its stylesheets are single files compiled from text. The build
processor may read ``file:`` URIs: it runs build steps over copies of pack files (SchXslt, the XRechnung
merge) and report stylesheets that import their pack siblings.
"""

from __future__ import annotations

import threading
from collections.abc import Mapping
from functools import cache
from pathlib import Path
from typing import Any

from saxonche import PySaxonApiError, PySaxonProcessor

ALLOWED_PROTOCOLS = "http://saxon.sf.net/feature/allowedProtocols"
LOCK = threading.RLock()


class SaxonError(Exception):
    """A stylesheet failed to compile or to run, or an XPath could not be evaluated."""


@cache
def processor() -> Any:
    """The validation processor: no protocol allowed, so no file or network access."""
    proc = PySaxonProcessor(license=False)
    proc.set_configuration_property(ALLOWED_PROTOCOLS, "")
    return proc


@cache
def builder() -> Any:
    """The build processor: ``file:`` access only (never the network), for build steps over pack copies."""
    proc = PySaxonProcessor(license=False)
    proc.set_configuration_property(ALLOWED_PROTOCOLS, "file")
    return proc


@cache
def _xslt(build: bool) -> Any:
    return (builder() if build else processor()).new_xslt30_processor()


@cache
def executable(path: Path) -> Any:
    """A single-file stylesheet compiled for the validation processor, once per process and path."""
    return compile_text(path.read_text(encoding="utf-8"), path.name)


def compile_text(text: str, name: str = "stylesheet") -> Any:
    """Compile a single-file stylesheet for the validation processor (no includes or imports possible)."""
    with LOCK:
        try:
            return _xslt(False).compile_stylesheet(stylesheet_text=text, encoding="UTF-8")
        except PySaxonApiError as exc:
            raise SaxonError(f"{name} does not compile (sandboxed, single file): {exc}") from exc


@cache
def build_executable(path: Path) -> Any:
    """A stylesheet compiled for the build processor (it may include and import files)."""
    with LOCK:
        try:
            return _xslt(True).compile_stylesheet(stylesheet_file=str(path))
        except PySaxonApiError as exc:
            raise SaxonError(f"stylesheet {path.name} does not compile: {exc}") from exc


def parse(data: bytes, build: bool = False) -> Any:
    """Parse a document (already vetted by the hardened lxml parser) into a Saxon node."""
    try:
        with LOCK:
            return (builder() if build else processor()).parse_xml(
                xml_text=data.decode(_encoding(data)), encoding="UTF-8"
            )
    except (PySaxonApiError, UnicodeDecodeError, LookupError) as exc:
        raise SaxonError(f"Saxon cannot parse the document: {exc}") from exc


def _encoding(data: bytes) -> str:
    head = data[:200].decode("ascii", "replace")
    marker = 'encoding="' if 'encoding="' in head else "encoding='"
    if marker in head:
        return head.split(marker, 1)[1].split(marker[-1], 1)[0]
    return "utf-16" if data[:2] in (b"\xff\xfe", b"\xfe\xff") else "utf-8-sig"


def transform(stylesheet: Any, node: Any, params: Mapping[str, Any] | None = None) -> str:
    """Run a compiled stylesheet on a node (sandboxed) and return the serialised result."""
    with LOCK:
        try:
            stylesheet.clear_parameters()
            for name, value in (params or {}).items():
                stylesheet.set_parameter(name, value)
            return str(stylesheet.transform_to_string(xdm_node=node))
        except PySaxonApiError as exc:
            raise SaxonError(f"transformation failed: {exc}") from exc


def build_step(stylesheet: Path, source: Path, params: Mapping[str, str | bool] | None = None) -> str:
    """Run a build stylesheet over a file in a build folder (its document() calls see that folder)."""
    with LOCK:
        compiled = build_executable(stylesheet)
        try:
            compiled.clear_parameters()
            for name, value in (params or {}).items():
                compiled.set_parameter(name, _value(value))
            return str(compiled.transform_to_string(source_file=str(source)))
        except PySaxonApiError as exc:
            raise SaxonError(f"build step {stylesheet.name} on {source.name} failed: {exc}") from exc


def _value(value: str | bool) -> Any:
    proc = builder()
    return proc.make_boolean_value(value) if isinstance(value, bool) else proc.make_string_value(value)


def matches(node: Any, xpath: str, namespaces: Mapping[str, str], build: bool = False) -> bool:
    """The effective boolean value of an XPath 3.1 expression on a node (of the processor it was parsed by)."""
    with LOCK:
        evaluator = (builder() if build else processor()).new_xpath_processor()
        for prefix, uri in namespaces.items():
            evaluator.declare_namespace(prefix, uri)
        try:
            evaluator.set_context(xdm_item=node)
            return bool(evaluator.effective_boolean_value(xpath))
        except PySaxonApiError as exc:
            raise SaxonError(f"XPath {xpath!r} failed: {exc}") from exc
