"""Validation of CSW responses and ISO 19139 records against the schemas of the pack ogc-xml-schemas.

A GetRecords response in the ISO output schema is judged in two steps, as the GDI-DE tests do: the CSW frame
(its records taken out) against CSW-discovery.xsd, and each gmd:MD_Metadata against the ISO 19139 gmd schema.
The pack holds gmd, gco, gts, gsr, gss and GML 3.2.1, but not the ISO 19139 srv and gmx schemas: a record with
elements of another namespace is *not verified*, with that reason, and never failed for it.
"""

from __future__ import annotations

import copy

from lxml import etree

from conformance.core.evidence import SchemaViolation, Violation
from conformance.core.messages import Message
from conformance.suites.csw.messages import m
from conformance.suites.csw.service import CSW, Answer
from conformance.xml.report import Finding
from conformance.xml.xsd import SchemaRef, validate

CSW_XSD = SchemaRef("ogc-xml-schemas", "csw/2.0.2/CSW-discovery.xsd")
OWS_XSD = SchemaRef("ogc-xml-schemas", "ows/1.0.0/owsExceptionReport.xsd")
GMD_XSD = SchemaRef("ogc-xml-schemas", "iso/19139/20070417/gmd/gmd.xsd")
ISO = "http://www.isotc211.org/2005/"
IN_PACK = frozenset({f"{ISO}{p}" for p in ("gmd", "gco", "gts", "gsr", "gss")} | {"http://www.opengis.net/gml/3.2"})
MAX_SCHEMA_FINDINGS = 5


def schema_findings(answer: Answer, ref: SchemaRef, document: Message) -> list[Violation]:
    """A response against a pack schema (the first few errors)."""
    assert answer.tree is not None
    return _findings(answer, validate(answer.tree, ref, answer.response.content), document)


def _findings(answer: Answer, found: list[Finding], document: Message) -> list[Violation]:
    return [
        SchemaViolation(
            m("schema-error", document=document, text=f.message),
            locator=answer.where,
            exchange=answer.exchange,
        )
        for f in found[:MAX_SCHEMA_FINDINGS]
    ]


def frame_findings(answer: Answer, document: Message) -> list[Violation]:
    """The CSW frame of a response with ISO records, its records taken out, against CSW-discovery.xsd."""
    assert answer.tree is not None
    frame = copy.deepcopy(answer.tree)
    holder = frame.getroot().find(f"{{{CSW}}}SearchResults")
    if holder is None:
        holder = frame.getroot()
    for child in list(holder):
        holder.remove(child)
    return _findings(answer, validate(frame, CSW_XSD), document)


def foreign(record: etree._Element) -> list[str]:
    """The namespaces of elements of an ISO record that the pack has no schema for."""
    names = {etree.QName(el).namespace or "" for el in record.iter() if isinstance(el.tag, str)}
    return sorted(names - IN_PACK)


def record_findings(answer: Answer, record: etree._Element, document: Message) -> list[Violation]:
    """One gmd:MD_Metadata against the ISO 19139 gmd schema: libxml2's errors only, without the second pass that
    finds what libxml2 skips after an unexpected element (building that model of gmd and GML 3.2.1 takes seconds,
    and a record's first errors are what the finding shows)."""
    tree = etree.ElementTree(copy.deepcopy(record))
    return _findings(answer, validate(tree, GMD_XSD, complete=False), document)
