"""A hardened, strict, validating push parse that hands out the root's children a chunk at a time.

``SafeIterparse`` reports elements through lxml's parse events: lxml then runs a callback holding the GIL at the
start and at the end of *every* element, even those its tag filter drops. ``RecordFeed`` asks for one event only
(the root's start) and feeds large chunks; after each chunk, the children of the root that are complete (all but
the last, which may still be growing) are handed out, then emptied and dropped from the tree, so memory stays flat.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from lxml import etree

from conformance.core.xmlsafe import LineCountingReader, XMLRejected, hardened_options, peek_root, refuse_dtd_of

FEED_BYTES = 256 * 1024


class RecordFeed:
    """The children of the root of a document, each once it is complete; then dropped from the tree.

    Strict as ``SafeIterparse(strict=True)``: entity references are replaced (a DOCTYPE is refused before the
    parser starts, so only the predefined entities exist), which makes lxml heed libxml2's namespace errors
    while a schema is plugged in. Any parse error raises ``XMLRejected``; ``valid`` is False once libxml2 has
    logged any error, and the document is ``complete`` only when the parser accepted its end.
    """

    def __init__(self, reader: LineCountingReader, schema: etree.XMLSchema | None) -> None:
        self.reader = reader
        self.root: Any = None
        self.complete = False
        options = hardened_options(events=("start",), schema=schema, resolve_entities="internal")
        options.pop("collect_ids")
        self._options = options
        self._parser: Any = None

    def __iter__(self) -> Iterator[Any]:
        """The complete children of the root (elements, comments, processing instructions) in document order."""
        self._options["tag"] = [peek_root(self.reader.peek())]
        self._parser = etree.XMLPullParser(**self._options)
        try:
            while data := self.reader.read():
                self._parser.feed(data)
                yield from self._children(keep=1)
            self._parser.close()
        except etree.XMLSyntaxError as exc:
            raise XMLRejected("not-well-formed", f"not-well-formed: {exc}") from exc
        self.complete = self.root is not None
        yield from self._children(keep=0)

    @property
    def valid(self) -> bool:
        """No error of any kind (XSD, namespace, parse) logged so far."""
        return self._parser is None or not any(e.level_name in ("ERROR", "FATAL") for e in self._parser.error_log)

    def _children(self, keep: int) -> Iterator[Any]:
        for _event, element in self._parser.read_events():
            if self.root is None:
                self.root = element
                refuse_dtd_of(element.getroottree())
        if self.root is None or len(self.root) <= keep:
            return
        done = self.root[: len(self.root) - keep]
        for child in done:
            yield child
            child.clear()
        del self.root[: len(done)]
