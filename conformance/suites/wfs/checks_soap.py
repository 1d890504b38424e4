"""Checks of the SOAP encoding (09-025r2 A.1.7, Annex D), declared by the constraint SOAPEncoding: answers and
exceptions in SOAP envelopes, SOAP 1.1 or 1.2 (the text leaves the version open, see soap.py)."""

from __future__ import annotations

from conformance.core.evidence import Violation
from conformance.core.judgement import Judgement
from conformance.harness.suite import CheckContext
from conformance.suites.wfs import SOAP
from conformance.suites.wfs.checks_features import require_declared
from conformance.suites.wfs.features import members
from conformance.suites.wfs.messages import m
from conformance.suites.wfs.probes import GML_ID
from conformance.suites.wfs.service import WFS, Observed
from conformance.suites.wfs.soap import SOAP12, SoapProbe, body_content, soap, version_of

Context = CheckContext[Observed]


def _made(ctx: Context) -> list[SoapProbe]:
    require_declared(ctx, SOAP, "SOAPEncoding")
    return ctx.observation.part("soap", soap)


def _query(made: SoapProbe) -> list[Violation]:
    answer, content = made.query, body_content(made.query)
    if content is None or content.tag != f"{{{WFS}}}FeatureCollection" or answer.response.status != 200:
        actual = etree_name(content) if content is not None else answer.what()
        return [answer.finding(m("soap-no-collection", type=made.probe.name, actual=actual), "soap:Envelope")]
    got = sorted(f.get(GML_ID, "") for member in content.iter(f"{{{WFS}}}member") for f in member)
    kvp = sorted(f.get(GML_ID, "") for f in members(made.probe.results))
    if got != kvp:
        return [answer.finding(m("soap-other-features", type=made.probe.name), ", ".join(kvp), ", ".join(got))]
    return []


def etree_name(element: object) -> str:
    """The local name of an element (for actual values)."""
    tag = str(getattr(element, "tag", ""))
    return tag.rpartition("}")[2] or tag


def _fault(made: SoapProbe) -> list[Violation]:
    answer, content = made.fault, body_content(made.fault)
    version = version_of(answer)
    if content is None or content.tag != f"{{{version}}}Fault":
        actual = etree_name(content) if content is not None else answer.what()
        return [answer.finding(m("soap-no-fault", actual=actual), "soap:Fault")]
    detail = content.find(f"{{{SOAP12}}}Detail" if version == SOAP12 else "detail")
    reports = [e for e in (detail if detail is not None else ()) if etree_name(e) == "ExceptionReport"]
    if not reports:
        return [answer.finding(m("soap-fault-no-report"), "ows:ExceptionReport")]
    return []


def soap_get_feature(ctx: Context) -> Judgement:
    """SOAP encoding: a GetFeature in a SOAP envelope is answered in one, with the features of KVP."""
    made = _made(ctx)
    return ctx.judge([v for p in made for v in _query(p)], ctx.examined(len(made), "wfs.examined.soap-requests"))


def soap_fault(ctx: Context) -> Judgement:
    """SOAP encoding: an exception comes as a soap:Fault whose detail (SOAP 1.2: Detail) holds the
    ows:ExceptionReport."""
    made = _made(ctx)
    return ctx.judge([v for p in made for v in _fault(p)], ctx.examined(len(made), "wfs.examined.soap-faults"))
