"""SOAP-encoded requests (09-025r2 6.4, Annex D; conformance class A.1.7, declared by the constraint SOAPEncoding):
the XML-encoded GetFeature of the first sampled type with features, and one for an unknown type, each in the Body of
a SOAP envelope.

The text leaves the SOAP version open: Annex D of 09-025r1 asks for SOAP 1.1 "for maximum interoperability" and
declares the envelope elements in the SOAP 1.1 namespace, but builds the soap:Fault after SOAP 1.2 (W3C SOAP:2007,
4.4); the OGC test suite (ets-wfs20) sends SOAP 1.1 to 2.0.0 and SOAP 1.2 to 2.0.2 servers. So both versions are
accepted: the GetFeature goes out as SOAP 1.2 (application/soap+xml) and, when that is not answered with
a SOAP envelope holding anything but a fault, as SOAP 1.1 (text/xml with SOAPAction); the request for an unknown type
is sent in the version that answered."""

from __future__ import annotations

from dataclasses import dataclass

from lxml import etree

from conformance.suites.wfs.features import TypeProbe, members, series
from conformance.suites.wfs.posts import query_body
from conformance.suites.wfs.probes import UNKNOWN
from conformance.suites.wfs.service import Answer, Observed

SOAP12 = "http://www.w3.org/2003/05/soap-envelope"
SOAP11 = "http://schemas.xmlsoap.org/soap/envelope/"
HEADERS = {
    SOAP12: {"Content-Type": 'application/soap+xml; charset=UTF-8; action="GetFeature"'},
    SOAP11: {"Content-Type": "text/xml; charset=UTF-8", "SOAPAction": '"GetFeature"'},
}


@dataclass(frozen=True)
class SoapProbe:
    """A SOAP GetFeature of a type (and its KVP probe) and a SOAP GetFeature of an unknown type."""

    probe: TypeProbe
    query: Answer
    fault: Answer


def envelope(request: bytes, version: str = SOAP12) -> bytes:
    """A SOAP envelope (namespace ``version``) with the XML-encoded request (its XML declaration left out) in the
    Body."""
    inner = request.split(b"?>", 1)[1].lstrip() if request.startswith(b"<?xml") else request
    return f'<?xml version="1.0" encoding="UTF-8"?>\n<soap:Envelope xmlns:soap="{version}"><soap:Body>'.encode() + (
        inner + b"</soap:Body></soap:Envelope>"
    )


def version_of(answer: Answer) -> str:
    """The SOAP namespace of the answer's envelope, or "" when the answer is no SOAP envelope."""
    return next((v for v in HEADERS if answer.tree is not None and answer.root == f"{{{v}}}Envelope"), "")


def body_content(answer: Answer) -> etree._Element | None:
    """The first element in the Body of a SOAP 1.1 or 1.2 envelope, or None when the answer is no such envelope."""
    version = version_of(answer)
    body = answer.tree.getroot().find(f"{{{version}}}Body") if version and answer.tree is not None else None
    return next((c for c in body if isinstance(c.tag, str)), None) if body is not None else None


def _send(obs: Observed, request: bytes, version: str) -> Answer:
    return obs.post("GetFeature", envelope(request, version), headers=HEADERS[version])


def _answered(answer: Answer) -> bool:
    content = body_content(answer)
    return content is not None and etree.QName(content).localname != "Fault"


def _negotiated(obs: Observed, request: bytes) -> tuple[Answer, str]:
    """The answer to the request in SOAP 1.2, or in SOAP 1.1 where only that version answers it."""
    first = _send(obs, request, SOAP12)
    if _answered(first):
        return first, SOAP12
    second = _send(obs, request, SOAP11)
    return (second, SOAP11) if _answered(second) else (first, SOAP12)


def soap(obs: Observed) -> list[SoapProbe]:
    """The SOAP requests for the first sampled type whose KVP query gave features."""
    for probe in obs.part("features", series).types:
        first = members(probe.results)[:1]
        if not first:
            continue
        namespace = etree.QName(first[0]).namespace or ""
        query, version = _negotiated(obs, query_body(probe.name, namespace))
        fault = _send(obs, query_body(UNKNOWN.format("type"), ""), version)
        return [SoapProbe(probe, query, fault)]
    return []
