"""The xdomea checks run on each record of a message (header, objects, codes) and once on its root.

Each finding's rule id is one of the ``rules`` of a catalogue requirement. Records are the children of
the root (``Kopf``, ``Schriftgutobjekt``, …); the checks see one record at a time, so a message of any
size is checked with bounded memory. Each check counts the elements it judged under its rule id, so that a
requirement whose elements never occur is not applicable, never passed.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from collections.abc import Iterator
from pathlib import PurePosixPath
from typing import Any

from lxml import etree

from conformance.core.messages import Message
from conformance.suites.xdomea.catalogue import NAMESPACE
from conformance.suites.xdomea.messages import m
from conformance.xml.genericode import CodeListIndex, CodeTyping, check_codes
from conformance.xml.report import Finding, RuleContext
from conformance.xml.stream import instance_xpath

XSI = "{http://www.w3.org/2001/XMLSchema-instance}schemaLocation"
UUID = re.compile(r"[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}\Z")
XDOMEA_NS = re.compile(r"urn:xoev-de:xdomea:schema:(\d+\.\d+\.\d+)\Z")
GROUP_SCHEMA = re.compile(r"xdomea-Nachrichten-[A-Za-z]+\.xsd\Z")
CLOCK_SKEW = dt.timedelta(days=1)
Tally = Counter[tuple[str, ...]]


def q(local: str) -> str:
    """The Clark name of an element in the xdomea 3.0.0 namespace."""
    return f"{{{NAMESPACE}}}{local}"


def finding(rule: str, xpath: str, element: Any, message: Message, severity: str = "error") -> Finding:
    """A finding of an xdomea message check."""
    line = element.sourceline if element is not None else None
    return Finding.worded(rule, severity, xpath, message, line, None, "rule")


class XdomeaVisitor:
    """The record checks of one xdomea message; ``package`` holds the file names beside it, if known."""

    def __init__(
        self,
        typing: CodeTyping,
        index: CodeListIndex,
        package: frozenset[str] | None = None,
        now: dt.datetime | None = None,
    ) -> None:
        self.typing, self.index, self.package = typing, index, package
        self.now = now or dt.datetime.now(dt.UTC)
        self.ids: set[int | str] = set()
        self.tally: Tally = Counter()

    def record(self, element: Any, xpath: str) -> Iterator[Finding]:
        """Code lists everywhere; the header in ``Kopf``; object IDs and primary documents in objects."""
        yield from check_codes(element, self.typing, self.index, stop=element, prefix=xpath, tally=self.tally)
        yield from self._ids(element, xpath)
        message = etree.QName(element.getparent()).localname
        if element.tag == q("Kopf"):
            yield from header(element, xpath, message, self.now, self.tally)
        if message == "Aussonderung.Aussonderung.0503" and self.package is not None:
            yield from self._files(element, xpath)

    def finish(self, root: Any) -> Iterator[Finding]:
        """The checks of the root element: version, prefix and schemaLocation."""
        yield from root_checks(root, _group_schema(self.typing, root.tag), self.tally)

    def contexts(self) -> tuple[RuleContext, ...]:
        """How many elements each rule judged so far."""
        return tuple(RuleContext(ids, count) for ids, count in self.tally.items())

    def _ids(self, record: Any, xpath: str) -> Iterator[Finding]:
        for element in record.iterfind(f".//{q('Identifikation')}/{q('ID')}"):
            self.tally["XDOMEA-ID-DOPPELT",] += 1
            value = (element.text or "").strip().lower()
            key = int(value.replace("-", ""), 16) if UUID.match(value) else value
            if key in self.ids:
                yield finding(
                    "XDOMEA-ID-DOPPELT", instance_xpath(element, record, xpath), element, m("id-twice", id=value)
                )
            self.ids.add(key)

    def _files(self, record: Any, xpath: str) -> Iterator[Finding]:
        assert self.package is not None
        for element in record.iterfind(f".//{q('Primaerdokument')}/{q('Dateiname')}"):
            self.tally["XDOMEA-PRIMAERDOKUMENT",] += 1
            name = (element.text or "").strip()
            if PurePosixPath(name.replace("\\", "/")).name not in self.package:
                yield finding(
                    "XDOMEA-PRIMAERDOKUMENT",
                    instance_xpath(element, record, xpath),
                    element,
                    m("primary-missing", name=name),
                )


def header(kopf: Any, xpath: str, message: str, now: dt.datetime, tally: Tally) -> Iterator[Finding]:
    """The checks of a message header (NkBasisType and its extensions)."""
    yield from _message_type(kopf, xpath, message, tally)
    yield from _process_id(kopf, xpath, tally)
    yield from _created(kopf, xpath, now, tally)
    yield from _contacts(kopf, xpath, tally)
    tally["XDOMEA-SYSTEM",] += 1
    system = kopf.find(q("SendendesSystem"))
    missing = [n for n in ("Produktname", "Version") if system is None or not (system.findtext(q(n)) or "").strip()]
    if missing:
        text = (
            m("no-system-both", first=missing[0], second=missing[1])
            if len(missing) > 1
            else m("no-system", missing=missing[0])
        )
        yield finding(
            "XDOMEA-SYSTEM", f"{xpath}/xdomea:SendendesSystem", system if system is not None else kopf, text, "warning"
        )


def _contacts(kopf: Any, xpath: str, tally: Tally) -> Iterator[Finding]:
    for role in ("Absender", "Empfaenger"):
        contact = kopf.find(q(role))
        if contact is None:
            continue
        tally["XDOMEA-KONTAKT",] += 1
        if not _identifies(contact):
            yield finding("XDOMEA-KONTAKT", f"{xpath}/xdomea:{role}", contact, m("no-agency", role=role), "warning")


def _message_type(kopf: Any, xpath: str, message: str, tally: Tally) -> Iterator[Finding]:
    element = kopf.find(q("Nachrichtentyp"))
    code = (element.findtext("code") or "").strip() if element is not None else ""
    expected = message.rpartition(".")[2]
    if not expected.isdigit():
        return
    tally["XDOMEA-NACHRICHTENTYP",] += 1
    if code != expected:
        yield finding(
            "XDOMEA-NACHRICHTENTYP",
            f"{xpath}/xdomea:Nachrichtentyp/code",
            element if element is not None else kopf,
            m("message-type", given=code or m("phrase.none"), message=message, expected=expected),
        )


def _process_id(kopf: Any, xpath: str, tally: Tally) -> Iterator[Finding]:
    element = kopf.find(q("ProzessID"))
    if element is None:
        return
    tally["XDOMEA-PROZESSID",] += 1
    value = (element.text or "").strip()
    if not UUID.match(value):
        yield finding("XDOMEA-PROZESSID", f"{xpath}/xdomea:ProzessID", element, m("process-id", value=value))


def _created(kopf: Any, xpath: str, now: dt.datetime, tally: Tally) -> Iterator[Finding]:
    element = kopf.find(q("Erstellungszeitpunkt"))
    try:
        stamp = dt.datetime.fromisoformat((element.text or "").strip()) if element is not None else None
    except ValueError:
        return
    if stamp is None:
        return
    tally["XDOMEA-ERSTELLUNGSZEITPUNKT",] += 1
    reference = now if stamp.tzinfo else now.replace(tzinfo=None)
    if stamp > reference + CLOCK_SKEW:
        yield finding(
            "XDOMEA-ERSTELLUNGSZEITPUNKT",
            f"{xpath}/xdomea:Erstellungszeitpunkt",
            element,
            m("created-future", time=element.text.strip(), now=f"{now:%Y-%m-%dT%H:%M}Z"),
        )


def _identifies(contact: Any) -> bool:
    paths = (
        f"{q('Behoerdenkennung')}/{q('Behoerdenschluessel')}/code",
        f"{q('Institution')}/{q('Name')}",
        f"{q('Organisationseinheit')}/{q('Name')}",
    )
    return any((contact.findtext(p) or "").strip() for p in paths)


def root_checks(root: Any, group_schema: str | None, tally: Tally) -> Iterator[Finding]:
    """Version (namespace), the prefix ``xdomea`` and the schemaLocation of the group schema.

    ``xsi:schemaLocation`` is a hint to the reader (XML Schema Part 1, §4.3.2), which the xdomea schema
    cannot constrain; its finding is information only, shown beside the judgement of Konformitaet/Schema.
    """
    name = etree.QName(root)
    path = f"/{root.prefix + ':' if root.prefix else ''}{name.localname}"
    version = XDOMEA_NS.match(name.namespace or "")
    tally["XDOMEA-VERSION",] += 1
    if name.namespace != NAMESPACE:
        text = (
            m("other-version", version=version[1], namespace=NAMESPACE)
            if version
            else m("other-namespace", found=name.namespace or m("phrase.none"), namespace=NAMESPACE)
        )
        yield finding("XDOMEA-VERSION", path, root, text)
    if version:
        tally["XDOMEA-PREFIX",] += 1
    if root.prefix != "xdomea" and version:
        prefix = f"'{root.prefix}'" if root.prefix else m("phrase.default-prefix")
        yield finding("XDOMEA-PREFIX", path, root, m("prefix", prefix=prefix))
    yield from _schema_location(root, path, group_schema, tally)


def _schema_location(root: Any, path: str, group_schema: str | None, tally: Tally) -> Iterator[Finding]:
    tally["XDOMEA-SCHEMALOCATION",] += 1
    tokens = (root.get(XSI) or "").split()
    pairs = dict(zip(tokens[::2], tokens[1::2], strict=False))
    location = pairs.get(NAMESPACE, "")
    file = PurePosixPath(location).name
    if not location or not GROUP_SCHEMA.match(file) or (group_schema and file != group_schema):
        shown = f"'{location}'" if location else m("phrase.no-location")
        yield finding(
            "XDOMEA-SCHEMALOCATION",
            f"{path}/@xsi:schemaLocation",
            root,
            m(
                "schema-location",
                location=shown,
                namespace=NAMESPACE,
                wanted=group_schema or m("phrase.any-group-schema"),
            ),
            "information",
        )


def _group_schema(typing: CodeTyping, tag: str) -> str | None:
    decl = typing.schema.maps.elements.get(tag)
    url = getattr(getattr(decl, "schema", None), "url", None) or ""
    return PurePosixPath(url).name or None
