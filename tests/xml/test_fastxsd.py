"""The fast XSD verdict (system libxml2 through ctypes): it affirms exactly what lxml's streaming validation judges
valid on every XSD-bearing corpus document and negative control, never affirms a hostile document, never loads
anything while validating, and affirms nothing without the library."""

from __future__ import annotations

import ctypes
import io
import socket
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import AbstractContextManager
from pathlib import Path
from typing import IO

import pytest

from conformance.core.packs import default_store
from conformance.core.xmlsafe import XMLRejected, parse_file
from conformance.suites.xdomea import validator
from conformance.suites.xplangml.validator import schema as xplan_schema
from conformance.xml import fastxsd
from conformance.xml.report import Finding
from conformance.xml.stream import one_pass
from conformance.xml.xsd import SchemaRef, compiled
from tests.samples import xdomea as xdomea_samples
from tests.samples import xplangml as xplan_samples
from tests.xml import corpora
from tests.xml.test_stream import HIDDEN_NAMESPACE_ERRORS, OTHER_PROBLEMS, _broken, _message

pytestmark = pytest.mark.skipif(fastxsd.library() is None, reason="the system libxml2 (2.9 or later) is not installed")
UBL_INVOICE = SchemaRef("ubl-2.1", "xsd/maindoc/UBL-Invoice-2.1.xsd")
UBL_CREDIT = SchemaRef("ubl-2.1", "xsd/maindoc/UBL-CreditNote-2.1.xsd")
CII = SchemaRef(
    "en16931-cen",
    "cii/schema/D16B SCRDM (Subset)/uncoupled clm/CII/uncefact/data/standard/CrossIndustryInvoice_100pD16B.xsd",
)
HINT = "http://xdomea.de/schemata/300/xdomea-Nachrichten-AussonderungDurchfuehren.xsd"
BY_ROOT = {
    "{urn:oasis:names:specification:ubl:schema:xsd:Invoice-2}Invoice": UBL_INVOICE,
    "{urn:oasis:names:specification:ubl:schema:xsd:CreditNote-2}CreditNote": UBL_CREDIT,
    "{urn:un:unece:uncefact:data:standard:CrossIndustryInvoice:100}CrossIndustryInvoice": CII,
}


class Opened:
    """An opener over a file that counts how often the document is read."""

    def __init__(self, path: Path) -> None:
        self.path, self.reads = path, 0

    def __call__(self) -> AbstractContextManager[IO[bytes]]:
        self.reads += 1
        return self.path.open("rb")


class Nothing:
    """Record checks that find nothing."""

    def record(self, element: object, xpath: str) -> list[Finding]:
        return []

    def finish(self, root: object) -> list[Finding]:
        return []


def lxml_valid(path: Path, ref: SchemaRef) -> bool:
    """The verdict the fast one stands in for: lxml's strict validating streaming parse (``one_pass``), which like
    every streaming validation leaves xs:ID uniqueness to the record checks."""
    return one_pass(Opened(path), compiled(ref), Nothing()).complete


def _invoices() -> Iterator[tuple[Path, SchemaRef]]:
    paths = [*corpora.suite_instances(), *corpora.cen_examples(), *corpora.vcfg("instances")]
    for path in paths:
        try:
            root = parse_file(path).getroot().tag
        except XMLRejected:
            continue
        if root in BY_ROOT:
            yield path, BY_ROOT[root]


def _written(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


def test_the_verdict_equals_lxml_on_every_invoice_of_the_corpora() -> None:
    pairs = list(_invoices())
    verdicts = [(path.name, fastxsd.clean(ref, Opened(path)), lxml_valid(path, ref)) for path, ref in pairs]
    assert len(pairs) > 150 and {ref for _, ref in pairs} == set(BY_ROOT.values())
    assert [v for v in verdicts if v[1] != v[2]] == []
    assert any(not lxml for *_, lxml in verdicts), "the corpora hold schema-invalid invoices too"


def _xdomea_documents() -> dict[str, bytes]:
    templates = default_store().pack_dir("xdomea-toolkit-templates") / xdomea_samples.TEMPLATES
    found = {p.name: p.read_bytes() for p in sorted(templates.glob("*.xml"))}
    found |= {f"repaired {m}": xdomea_samples.repaired(m) for m in xdomea_samples.MESSAGES}
    problems = {**HIDDEN_NAMESPACE_ERRORS, **OTHER_PROBLEMS}
    return found | {name: _broken(change) for name, change in problems.items()}


def test_the_verdict_equals_lxml_on_every_xdomea_template_and_negative_control(tmp_path: Path) -> None:
    documents = _xdomea_documents()
    paths = {name: _written(tmp_path, f"{i}.xml", data) for i, (name, data) in enumerate(documents.items())}
    verdicts = {
        name: (fastxsd.clean(validator.SCHEMA, Opened(p)), lxml_valid(p, validator.SCHEMA)) for name, p in paths.items()
    }
    assert {name: v for name, v in verdicts.items() if v[0] != v[1]} == {}
    assert sum(fast for fast, _ in verdicts.values()) >= len(xdomea_samples.MESSAGES)


@pytest.mark.parametrize("version", ["6.0", "5.4"])
def test_the_verdict_equals_lxml_on_the_xplangml_fixtures(tmp_path: Path, version: str) -> None:
    documents = {"valid": xplan_samples.valid(version), "arcs": xplan_samples.arcs(version)}
    documents |= {rule: make(version) for rule, make in xplan_samples.BREAKS.items()}
    ref = xplan_schema(f"xplangml-{version}")
    verdicts = {}
    for name, data in documents.items():
        path = _written(tmp_path, f"{name}.gml", data)
        verdicts[name] = (fastxsd.clean(ref, Opened(path)), lxml_valid(path, ref))
    assert {name: v for name, v in verdicts.items() if v[0] != v[1]} == {}
    assert verdicts["valid"] == (True, True) and verdicts["schema"] == (False, False)


def _hostile(port: int) -> dict[str, bytes]:
    valid = _message()
    record = valid.index("<xdomea:Schriftgutobjekt>")
    xinclude = '<xi:include xmlns:xi="http://www.w3.org/2001/XInclude" href="http://127.0.0.1:{port}/x"/>'
    declaration, _, body = valid.partition("\n")
    internal = f'{declaration}\n<!DOCTYPE x [<!ENTITY a "{"a" * 50}">]>\n{body.replace("<code>0501", "<code>&a;0501")}'
    external = f'{declaration}\n<!DOCTYPE x [<!ENTITY e SYSTEM "http://127.0.0.1:{port}/e">]>\n{body}'
    late = f'{declaration}\n{"<!-- padding -->" * 5000}\n<!DOCTYPE x [<!ENTITY a "a">]>\n{body}'
    return {
        "internal entities": internal.encode(),
        "DOCTYPE after a long prolog": late.encode(),
        "external entity": external.replace("<code>0501", "<code>&e;0501").encode(),
        "xinclude": (valid[:record] + xinclude.format(port=port) + valid[record:]).encode(),
        "huge attribute": valid.replace("<xdomea:Betreff>", f'<xdomea:Betreff q="{"x" * 11_000_000}">', 1).encode(),
        "truncated": valid.encode()[: len(valid) // 2],
        "not UTF-8": valid.replace("<xdomea:Betreff>", "<xdomea:Betreff>\u00e4\u00f6", 1).encode("latin-1"),
    }


@pytest.fixture
def closed_port() -> Iterator[tuple[int, socket.socket]]:
    """A listening socket nobody accepts on: a connection attempt would wait in its backlog."""
    with socket.socket() as listener:
        listener.bind(("127.0.0.1", 0))
        listener.listen(8)
        listener.setblocking(False)
        yield listener.getsockname()[1], listener


def test_hostile_documents_are_never_affirmed(tmp_path: Path, closed_port: tuple[int, socket.socket]) -> None:
    port, listener = closed_port
    for name, data in _hostile(port).items():
        path = _written(tmp_path, "hostile.xml", data)
        assert not fastxsd.clean(validator.SCHEMA, Opened(path)), name
        assert not lxml_valid(path, validator.SCHEMA), name
    with pytest.raises(BlockingIOError):
        listener.accept()


def test_a_schema_location_hint_is_never_fetched(tmp_path: Path, closed_port: tuple[int, socket.socket]) -> None:
    port, listener = closed_port
    data = _message().replace(HINT, f"http://127.0.0.1:{port}/xdomea.xsd").encode()
    assert HINT.encode() not in data
    path = _written(tmp_path, "hint.xml", data)
    assert fastxsd.clean(validator.SCHEMA, Opened(path)) and lxml_valid(path, validator.SCHEMA)
    with pytest.raises(BlockingIOError):
        listener.accept()


def test_a_stream_without_a_file_descriptor_is_not_affirmed() -> None:
    assert not fastxsd.clean(validator.SCHEMA, lambda: io.BytesIO(_message().encode()))


def _system_version() -> tuple[int, int]:
    return divmod(int(ctypes.c_char_p.in_dll(fastxsd.library(), "xmlParserVersion").value or b"0"), 100)


@pytest.mark.parametrize("cause", ["missing", "lxml's own"])
def test_without_the_library_nothing_is_affirmed(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, cause: str) -> None:
    """Missing, or possibly the very library lxml uses (same version), whose global entity loader must stay lxml's."""
    if cause == "missing":
        monkeypatch.setattr(fastxsd, "LIBRARY", "libxml2-missing.so.99")
    else:
        version = _system_version()
        monkeypatch.setattr(fastxsd, "_lxml_version", lambda: version)
    fastxsd.library.cache_clear()
    fastxsd._compile.cache_clear()
    try:
        assert fastxsd.library() is None and fastxsd.fast_schema(validator.SCHEMA) is None
        path = _written(tmp_path, "valid.xml", _message().encode())
        assert lxml_valid(path, validator.SCHEMA) and not fastxsd.clean(validator.SCHEMA, Opened(path))
    finally:
        fastxsd.library.cache_clear()
        fastxsd._compile.cache_clear()


def test_threads_share_the_compiled_schema(tmp_path: Path) -> None:
    documents = _xdomea_documents()
    paths = [_written(tmp_path, f"{i}.xml", data) for i, data in enumerate(documents.values())]
    alone = [fastxsd.clean(validator.SCHEMA, Opened(p)) for p in paths]
    check: Callable[[Path], bool] = lambda p: fastxsd.clean(validator.SCHEMA, Opened(p))  # noqa: E731
    with ThreadPoolExecutor(4) as pool:
        together = list(pool.map(check, paths * 4))
    assert together == alone * 4 and any(alone) and not all(alone)
