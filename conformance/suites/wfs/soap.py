"""SOAP-encoded requests (09-025r2 SOAP encoding, declared by the constraint SOAPEncoding): the XML-encoded
GetFeature of the first sampled type with features, and one for an unknown type, each in the Body of a SOAP 1.2
envelope, POSTed as application/soap+xml."""

from __future__ import annotations

from dataclasses import dataclass

from lxml import etree

from conformance.suites.wfs.features import TypeProbe, members, series
from conformance.suites.wfs.posts import query_body
from conformance.suites.wfs.probes import UNKNOWN
from conformance.suites.wfs.service import Answer, Observed

SOAP12 = "http://www.w3.org/2003/05/soap-envelope"
MEDIA_TYPE = 'application/soap+xml; charset=UTF-8; action="GetFeature"'


@dataclass(frozen=True)
class SoapProbe:
    """A SOAP GetFeature of a type (and its KVP probe) and a SOAP GetFeature of an unknown type."""

    probe: TypeProbe
    query: Answer
    fault: Answer


def envelope(request: bytes) -> bytes:
    """A SOAP 1.2 envelope with the XML-encoded request (its XML declaration left out) in the Body."""
    inner = request.split(b"?>", 1)[1].lstrip() if request.startswith(b"<?xml") else request
    return f'<?xml version="1.0" encoding="UTF-8"?>\n<soap:Envelope xmlns:soap="{SOAP12}"><soap:Body>'.encode() + (
        inner + b"</soap:Body></soap:Envelope>"
    )


def body_content(answer: Answer) -> etree._Element | None:
    """The first element in the Body of a SOAP 1.2 envelope, or None when the answer is no such envelope."""
    if answer.tree is None or answer.root != f"{{{SOAP12}}}Envelope":
        return None
    body = answer.tree.getroot().find(f"{{{SOAP12}}}Body")
    return next((c for c in body if isinstance(c.tag, str)), None) if body is not None else None


def soap(obs: Observed) -> list[SoapProbe]:
    """The SOAP requests for the first sampled type whose KVP query gave features."""
    for probe in obs.part("features", series).types:
        first = members(probe.results)[:1]
        if not first:
            continue
        namespace = etree.QName(first[0]).namespace or ""
        query = obs.post("GetFeature", envelope(query_body(probe.name, namespace)), MEDIA_TYPE)
        wrong = envelope(query_body(UNKNOWN.format("type"), ""))
        return [SoapProbe(probe, query, obs.post("GetFeature", wrong, MEDIA_TYPE))]
    return []
