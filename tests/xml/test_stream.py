"""Streaming validation: a valid document is read once; any other gets exactly the findings of the two passes."""

from __future__ import annotations

import io
from contextlib import AbstractContextManager
from typing import IO

import pytest

from conformance.core.xmlfeed import FEED_BYTES
from conformance.core.xmlsafe import PROLOG_BYTES, peek_root
from conformance.suites.xdomea import validator
from conformance.xml.report import Finding
from conformance.xml.stream import one_pass, records_pass, stream_validate, xsd_pass
from conformance.xml.xsd import compiled
from tests.samples import xdomea as samples

RECORD = "<xdomea:Schriftgutobjekt>"
BETREFF = "<xdomea:Betreff>"
HIDDEN_NAMESPACE_ERRORS = {
    "namespace name not a URI": '<xdomea:Betreff xmlns:q="::not a uri">',
    "xml prefix bound elsewhere": '<xdomea:Betreff xmlns:xml="urn:other">',
    "xmlns prefix declared": '<xdomea:Betreff xmlns:xmlns="urn:other">',
    "empty prefixed namespace": '<xdomea:Betreff xmlns:p="">',
}
OTHER_PROBLEMS = {
    "undeclared element prefix": "<x:a/><xdomea:Betreff>",
    "undeclared attribute prefix": '<xdomea:Betreff y:a="1">',
    "undeclared entity": "<xdomea:Betreff>&nbsp;",
    "unexpected element": "<xdomea:Unbekannt/><xdomea:Betreff>",
    "bad character reference": "<xdomea:Betreff>&#xFFFE;",
}


def _message(records: int = 40) -> str:
    head, rest = samples.repaired("Anbieteverzeichnis.0501").decode().split(RECORD, 1)
    body, tail = rest.rsplit("</xdomea:Schriftgutobjekt>", 1)
    return head + f"{RECORD}{body}</xdomea:Schriftgutobjekt>\n" * records + tail


def _broken(change: str, records: int = 40) -> bytes:
    data = _message(records)
    middle = data.index(BETREFF, data.index(RECORD, len(data) // 2))
    return (data[:middle] + change + data[middle + len(BETREFF) :]).encode()


class Counted:
    """An opener over bytes that counts how often the document is read."""

    def __init__(self, data: bytes) -> None:
        self.data, self.reads = data, 0

    def __call__(self) -> AbstractContextManager[IO[bytes]]:
        self.reads += 1
        return io.BytesIO(self.data)


def _tags(data: bytes) -> list[str]:
    return validator.message_children()[peek_root(data[:PROLOG_BYTES])]


def _two_passes(data: bytes) -> list[Finding]:
    """The reference: the records pass, then (if well-formed) the XSD pass, each reading the document."""
    opener, tags, schema = Counted(data), _tags(data), compiled(validator.SCHEMA)
    records = records_pass(opener, validator.visitor(None), tags)
    if not records.complete:
        return list(records.findings)
    return [*xsd_pass(opener, schema, tags).findings, *records.findings]


def _streamed(data: bytes) -> tuple[list[Finding], int]:
    opener = Counted(data)
    found = stream_validate(opener, compiled(validator.SCHEMA), lambda: validator.visitor(None), _tags(data))
    return list(found), opener.reads


@pytest.mark.parametrize(
    "data",
    [_message().encode(), _message().replace("<code>02</code>", "<code>002</code>").encode()],
    ids=["valid", "valid, with code-list findings"],
)
def test_a_valid_document_is_read_once_with_the_findings_of_the_two_passes(data: bytes) -> None:
    found, reads = _streamed(data)
    assert reads == 1 and found == _two_passes(data)
    assert all(f.source not in ("xsd", "parse") for f in found)


@pytest.mark.parametrize("change", HIDDEN_NAMESPACE_ERRORS.values(), ids=HIDDEN_NAMESPACE_ERRORS.keys())
def test_namespace_errors_stop_the_single_validating_parse(change: str) -> None:
    """libxml2 hides these from lxml while a schema is plugged in, unless entities are replaced (strict):
    the XSD pass alone finds nothing, the single validating parse stops, the records pass names the error."""
    data, schema = _broken(change), compiled(validator.SCHEMA)
    hidden = xsd_pass(Counted(data), schema, _tags(data))
    single = one_pass(Counted(data), schema, validator.visitor(None), _tags(data))
    found, reads = _streamed(data)
    assert hidden.complete and hidden.findings == [] and not single.complete and reads == 2
    assert found == _two_passes(data) and [f.source for f in found] == ["parse"]


@pytest.mark.parametrize("change", OTHER_PROBLEMS.values(), ids=OTHER_PROBLEMS.keys())
def test_any_other_problem_gets_exactly_the_findings_of_the_two_passes(change: str) -> None:
    data = _broken(change)
    found, reads = _streamed(data)
    assert reads > 1 and found and found == _two_passes(data)


@pytest.mark.parametrize(
    "tail", ["", "<after/>", "<!-- unterminated", "text"], ids=["cut", "element", "comment", "text"]
)
def test_a_document_that_ends_badly_gets_its_parse_finding_only(tail: str) -> None:
    data = _message().encode()
    data = data[:-200] if not tail else data + tail.encode()
    found, reads = _streamed(data)
    assert reads == 2 and [f.source for f in found] == ["parse"] and found == _two_passes(data)


class Widths:
    """A visitor that notes how many children the root holds when each record is handed out."""

    def __init__(self) -> None:
        self.widths: list[int] = []
        self.xpaths: list[str] = []

    def record(self, element: object, xpath: str) -> list[Finding]:
        self.widths.append(len(element.getparent()))  # type: ignore[attr-defined]
        self.xpaths.append(xpath)
        return []

    def finish(self, root: object) -> list[Finding]:
        return []


def test_a_document_of_many_feed_chunks_is_handed_out_record_by_record_and_dropped() -> None:
    data = _message(records=600).encode()
    assert len(data) > 6 * FEED_BYTES
    widths = Widths()
    single = one_pass(Counted(data), compiled(validator.SCHEMA), widths, _tags(data))
    assert single.complete and single.records == len(widths.xpaths) == 600 + 1
    assert widths.xpaths[0].endswith(":Kopf[1]") and widths.xpaths[-1].endswith(":Schriftgutobjekt[600]")
    assert max(widths.widths) < 600 / 4, max(widths.widths)


def test_a_valid_document_of_many_feed_chunks_has_the_findings_of_the_two_passes() -> None:
    data = _message(records=600).replace("<code>02</code>", "<code>002</code>").encode()
    found, reads = _streamed(data)
    assert reads == 1 and found and found == _two_passes(data)
