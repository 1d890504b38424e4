"""Streaming validation of one large document with bounded memory, record by record.

A *record* is a child of the root element (e.g. an xdomea ``Schriftgutobjekt``). A document on disk that a
tree-free verdict affirms (``conformance.xml.fastxsd``) is read by lxml once, without validation, to hand the
records to a visitor (``fast_records``). Else a valid document is read once: a strict validating parse gives the
well-formedness and the XSD verdict and hands every record to a visitor before it is discarded (``one_pass``).
A document with any problem is read again in two passes that report it exactly: the records pass
(non-validating, authoritative for well-formedness, the visitor's findings) and the XSD pass (every XSD error,
validated on the fly with libxml2).
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import AbstractContextManager
from dataclasses import dataclass, field
from typing import IO, Any, Protocol

from lxml import etree

from conformance.core.xmlfeed import FEED_BYTES, RecordFeed
from conformance.core.xmlsafe import LineCountingReader, SafeIterparse, XMLRejected
from conformance.xml.report import Finding
from conformance.xml.xsd import RULE, error_code

Opener = Callable[[], AbstractContextManager[IO[bytes]]]
MAX_XSD_ERRORS = 1000


class RecordVisitor(Protocol):
    """Checks run on each record while it is in memory, and once on the (emptied) root at the end."""

    def record(self, element: Any, xpath: str) -> Iterable[Finding]:
        """The findings of one record."""

    def finish(self, root: Any) -> Iterable[Finding]:
        """The findings that need the whole document (root attributes, totals)."""


class Verdict(Protocol):
    """A tree-free XSD verdict that only ever affirms "well-formed and valid" (``fastxsd.FastSchema``)."""

    def clean(self, open_: Opener, max_bytes: int | None = None) -> bool:
        """True only if the document is well-formed and valid."""


@dataclass
class PassResult:
    """What one pass found, with its statistics."""

    findings: list[Finding] = field(default_factory=list)
    records: int = 0
    bytes_read: int = 0
    complete: bool = False


def walk_records(parse: SafeIterparse) -> Iterator[tuple[Any, str]]:
    """Each record with its XPath; it is cleared and dropped from the tree once the consumer moves on."""
    steps = _Steps()
    for element, parent in _records(parse):
        yield element, steps.xpath(element, parent)


def _records(parse: SafeIterparse) -> Iterator[tuple[Any, Any]]:
    """Each record with the root; cleared and dropped from the tree once the consumer moves on."""
    for element in parse:
        parent = element.getparent()
        if parent is None or parent.getparent() is not None:
            continue
        yield element, parent
        element.clear()
        while element.getprevious() is not None:
            del parent[0]


def tree_records(root: Any) -> Iterator[tuple[Any, str]]:
    """The records of a document already in memory, with the same XPaths as ``walk_records``."""
    steps = _Steps()
    for element in root.iterchildren(etree.Element):
        yield element, steps.xpath(element, root)


class _Steps:
    """Numbers the records of a root per name: ``/root/record[n]``."""

    def __init__(self) -> None:
        self.names: dict[tuple[str, str | None], str] = {}
        self.counts: dict[str, int] = {}

    def xpath(self, element: Any, root: Any) -> str:
        return self.format(self.place(element, root))

    def place(self, element: Any, root: Any) -> tuple[str, str, int]:
        """The root's name, the record's name and its number among the records of that name."""
        step = self._name(element)
        self.counts[step] = count = self.counts.get(step, 0) + 1
        return self._name(root), step, count

    @staticmethod
    def format(place: tuple[str, str, int]) -> str:
        root, step, count = place
        return f"/{root}/{step}[{count}]"

    def _name(self, element: Any) -> str:
        key = (element.tag, element.prefix)
        if key not in self.names:
            self.names[key] = _name(element)
        return self.names[key]


def instance_xpath(element: Any, stop: Any = None, prefix: str = "") -> str:
    """A prefix-qualified XPath of an element (``/xdomea:A/xdomea:B[2]/code``), up to ``stop``."""
    steps = []
    while element is not None and element is not stop:
        local = etree.QName(element).localname
        name = f"{element.prefix}:{local}" if element.prefix else local
        same = list(element.getparent().iterchildren(element.tag)) if element.getparent() is not None else []
        steps.append(name if len(same) < 2 else f"{name}[{same.index(element) + 1}]")
        element = element.getparent()
    return prefix + "/" + "/".join(reversed(steps))


def _name(element: Any) -> str:
    local = etree.QName(element).localname
    return f"{element.prefix}:{local}" if element.prefix else local


def records_pass(
    open_: Opener, visitor: RecordVisitor, record_tags: Iterable[str] | None = None, max_bytes: int | None = None
) -> PassResult:
    """The non-validating pass: well-formedness and the visitor's findings; a refusal is the only finding."""
    result = PassResult()
    with open_() as raw:
        parse = SafeIterparse(LineCountingReader(raw, max_bytes=max_bytes), tag=_tags(record_tags))
        try:
            for element, xpath in walk_records(parse):
                result.records += 1
                result.findings.extend(visitor.record(element, xpath))
            result.findings.extend(visitor.finish(parse.root))
            result.complete = True
        except XMLRejected as exc:
            result.findings = [Finding("XML", "fatal", "/", str(exc), exc.line, exc.column, "parse")]
        result.bytes_read = parse.reader.bytes_read
    return result


def xsd_pass(
    open_: Opener,
    schema: etree.XMLSchema,
    record_tags: Iterable[str] | None = None,
    max_errors: int | None = None,
    max_bytes: int | None = None,
    visitor: RecordVisitor | None = None,
) -> PassResult:
    """The validating pass: every XSD error, placed between the lines of the chunks it showed up in;
    a ``visitor`` may take a share of the record checks (its findings count only if the document is complete)."""
    result = PassResult()
    with open_() as raw:
        reader = LineCountingReader(raw, max_bytes=max_bytes)
        parse = SafeIterparse(reader, tag=_tags(record_tags), schema=schema)
        tracker = _ErrorTracker(parse, reader, max_errors or MAX_XSD_ERRORS)
        steps = _Steps()
        try:
            for element, root in _records(parse):
                result.records += 1
                place = steps.place(element, root)
                tracker.starts.append((element.sourceline or 0, place))
                if visitor is not None:
                    result.findings.extend(visitor.record(element, steps.format(place)))
                if tracker.collect() or tracker.full:
                    break
            result.complete = parse.complete
        except XMLRejected:
            result.complete = False
        tracker.collect(final=True)
        result.findings = tracker.findings + result.findings
        result.bytes_read = reader.bytes_read
    return result


def _tags(record_tags: Iterable[str] | None) -> list[str] | None:
    return None if record_tags is None else list(record_tags)


class _ErrorTracker:
    """Turns the growing libxml2 error log into findings, each with the line window it appeared in."""

    def __init__(self, parse: SafeIterparse, reader: LineCountingReader, max_errors: int) -> None:
        self.parse, self.reader, self.max_errors = parse, reader, max_errors
        self.findings: list[Finding] = []
        self.starts: deque[tuple[int, tuple[str, str, int]]] = deque(maxlen=64)
        self.seen = 0
        self.windows = [1, 1]
        self.chunk = 0
        self.full = False

    def collect(self, final: bool = False) -> bool:
        """Add the errors logged since the last call; True once the error cap is reached."""
        if not final and self.reader.chunks == self.chunk:
            return False
        self.chunk = self.reader.chunks
        self.windows = [self.windows[1], self.reader.lines_read]
        errors = self.parse.schema_errors()
        for entry in errors[self.seen : self.max_errors]:
            self.findings.append(self._finding(entry.message, entry.type_name))
        self.seen = len(errors)
        if self.seen >= self.max_errors and not self.full:
            self.full = True
            self.findings.append(
                Finding(
                    RULE,
                    "error",
                    "/",
                    f"XSD validation stopped after {self.max_errors} "
                    "errors; the rest of the document was not validated",
                    None,
                    None,
                    "xsd",
                )
            )
        return self.full

    def _finding(self, message: str, type_name: str) -> Finding:
        first, last = self.windows
        where = next((_Steps.format(place) for line, place in reversed(self.starts) if line <= first), "/")
        code = error_code(type_name)
        text = f"{code}: {message}" if code else message
        return Finding(
            RULE, "error", where, f"{text} (streaming validation: between lines {first} and {last})", first, None, "xsd"
        )


def one_pass(
    open_: Opener,
    schema: etree.XMLSchema | None,
    visitor: RecordVisitor,
    record_tags: Iterable[str] | None = None,
    max_bytes: int | None = None,
) -> PassResult:
    """One validating parse that gives both verdicts for a document that is well-formed and schema-valid
    (without ``schema``: the same strict parse, well-formedness only).

    The parse is strict (namespace errors and undeclared entities refused, see ``RecordFeed``) and hands
    every record to the visitor, a chunk at a time. It is ``complete`` only if the document ended without
    any error logged; it stops at the first chunk with a problem, which the two passes then report exactly.
    """
    result = PassResult()
    tags = None if record_tags is None else frozenset(record_tags)
    with open_() as raw:
        reader = LineCountingReader(raw, chunk=FEED_BYTES, max_bytes=max_bytes, lines=False)
        feed, steps, chunk = RecordFeed(reader, schema), _Steps(), 0
        try:
            for element in feed:
                if isinstance(element.tag, str) and (tags is None or element.tag in tags):
                    result.records += 1
                    result.findings.extend(visitor.record(element, steps.xpath(element, feed.root)))
                if reader.chunks != chunk:
                    chunk = reader.chunks
                    if not feed.valid:
                        return result
            result.findings.extend(visitor.finish(feed.root))
            result.complete = feed.complete and feed.valid
        except XMLRejected:
            pass
        result.bytes_read = reader.bytes_read
    return result


def fast_records(
    open_: Opener,
    verdict: Verdict,
    visitor: Callable[[], RecordVisitor],
    record_tags: Iterable[str] | None = None,
    max_bytes: int | None = None,
    beside: bool = False,
) -> PassResult | None:
    """The records pass of a document the verdict affirms (``one_pass`` without a schema), or None if the verdict
    does not affirm it or the pass stops. ``beside`` runs the verdict in a thread beside the pass (it holds no
    lock while it validates), else the pass runs only after the verdict has affirmed the document."""
    if not beside:
        if not verdict.clean(open_, max_bytes):
            return None
        records = one_pass(open_, None, visitor(), record_tags, max_bytes)
        return records if records.complete else None
    with ThreadPoolExecutor(1) as thread:
        judged = thread.submit(verdict.clean, open_, max_bytes)
        records = one_pass(open_, None, visitor(), record_tags, max_bytes)
        return records if judged.result() and records.complete else None


def stream_validate(
    open_: Opener,
    schema: etree.XMLSchema | None,
    visitor: Callable[[], RecordVisitor],
    record_tags: Iterable[str] | None = None,
    max_bytes: int | None = None,
    fast: Verdict | None = None,
) -> list[Finding]:
    """Well-formedness, XSD and the record checks of a large document (``visitor`` makes a fresh set of checks).

    With a ``fast`` verdict (given only for a document that has a second core to itself), the verdict runs in a
    thread beside a non-validating records pass (``fast_records``). Any document it does not affirm, and without
    it any document, is read once by a validating parse if valid (``one_pass``). Any other document is read again
    in two passes, one after the other: a document that is not well-formed gets its parse finding only, else its
    XSD errors and the findings of the record checks.
    """
    if schema is not None and fast is not None:
        records = fast_records(open_, fast, visitor, record_tags, max_bytes, beside=True)
        if records is not None:
            return records.findings
    if schema is not None:
        single = one_pass(open_, schema, visitor(), record_tags, max_bytes)
        if single.complete:
            return single.findings
    records = records_pass(open_, visitor(), record_tags, max_bytes)
    if not records.complete or schema is None:
        return records.findings
    return xsd_pass(open_, schema, record_tags, max_bytes=max_bytes).findings + records.findings
