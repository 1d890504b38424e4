"""The KoSIT validation report (VARL): built by the configuration's own report stylesheet, judged by acceptMatch.

The pipeline's step results are written into the validator's ``createReportInput`` document, the scenario's
``createReport`` stylesheet (or the configuration's ``noScenarioReport``) turns it into the report, and
the scenario's ``acceptMatch`` XPath on that report gives the recommendation, exactly as the KoSIT
validator computes it.
"""

from __future__ import annotations

import base64
import datetime as dt
import hashlib
from dataclasses import replace
from functools import cache
from typing import Any

from lxml import etree

from conformance.core.packs import default_store
from conformance.core.xmlsafe import hardened_parser
from conformance.xml import contexts, saxon
from conformance.xml.kosit import Configuration, configurations
from conformance.xml.pipeline import Validation, execute, verdict
from conformance.xml.report import DocumentReport, Finding, Source
from conformance.xml.scenarios import NS as S
from conformance.xml.scenarios import Selector

IN = "http://www.xoev.de/de/validator/framework/1/createreportinput"
ENGINE = "wechselbar"
PLACEHOLDER = b"<no-document/>"


def _el(parent: etree._Element, name: str, text: str | None = None, ns: str = IN) -> etree._Element:
    element = etree.SubElement(parent, f"{{{ns}}}{name}")
    element.text = text
    return element


def report_input(run: Validation, now: dt.datetime | None = None) -> etree._Element:
    """The ``createReportInput`` document the report stylesheet reads."""
    root = etree.Element(f"{{{IN}}}createReportInput", nsmap={"in": IN, "s": S}, frameworkVersion="1.0.0")
    _el(_el(root, "engine"), "name", ENGINE)
    _el(root, "timestamp", (now or dt.datetime.now(dt.UTC)).isoformat(timespec="milliseconds"))
    identification = _el(root, "documentIdentification")
    digest = _el(identification, "documentHash")
    _el(digest, "hashAlgorithm", "SHA-256")
    _el(digest, "hashValue", base64.b64encode(hashlib.sha256(run.data).digest()).decode())
    _el(identification, "documentReference", run.source.name)
    if run.scenario is not None:
        root.append(etree.fromstring(run.scenario.element, hardened_parser()))
    _errors(_el(root, "validationResultsWellformedness"), run.wellformedness)
    if run.tree is not None and run.scenario is not None:
        _steps(root, run)
    if run.error and run.scenario is not None:
        _el(_el(root, "processingError"), "error", run.error)
    return root


def _steps(root: etree._Element, run: Validation) -> None:
    assert run.scenario is not None
    schema = _el(root, "validationResultsXmlSchema")
    _resource(schema, "XML Schema", run.scenario.schema)
    _errors(schema, run.schema)
    for step in run.steps:
        results = _el(root, "validationResultsSchematron")
        _resource(results, step.name, step.location)
        _el(results, "results").append(contexts.strip(etree.fromstring(step.svrl.encode(), hardened_parser())))


def _resource(parent: etree._Element, name: str, location: str) -> None:
    resource = _el(parent, "resource", ns=S)
    _el(resource, "name", name, S)
    _el(resource, "location", location, S)


def _errors(parent: etree._Element, findings: list[Finding]) -> None:
    for finding in findings:
        error = _el(parent, "xmlSyntaxError")
        _el(error, "message", finding.message)
        _el(error, "severityCode", "SEVERITY_FATAL_ERROR" if finding.source == "parse" else "SEVERITY_ERROR")
        if finding.line is not None:
            _el(error, "rowNumber", str(finding.line))
        if finding.column is not None:
            _el(error, "columnNumber", str(finding.column))


@cache
def _no_scenario_report(config: Configuration) -> str:
    path = default_store().path(config.scenarios_pack, config.scenarios_path)
    root = etree.parse(str(path), hardened_parser()).getroot()
    return str(root.findtext(f"{{{S}}}noScenarioReport/{{{S}}}resource/{{{S}}}location", "")).strip()


def kosit_report(run: Validation, now: dt.datetime | None = None) -> str:
    """The VARL report of a run, made by the configuration's report stylesheet."""
    config = run.scenario.config if run.scenario else configurations()[0]
    location = run.scenario.report if run.scenario else _no_scenario_report(config)
    stylesheet = saxon.build_executable(config.resolve_file(location))
    document = saxon.parse(run.data if run.tree is not None else PLACEHOLDER, build=True)
    source = saxon.parse(etree.tostring(report_input(run, now)), build=True)
    return saxon.transform(stylesheet, source, {"input-document": document})


def accept_match(run: Validation, report: str) -> bool:
    """The scenario's ``acceptMatch`` on the report; no scenario, or a processing error, rejects."""
    if run.scenario is None or run.error is not None or not run.scenario.accept_match:
        return False
    node: Any = saxon.parse(report.encode("utf-8"), build=True)
    return saxon.matches(node, run.scenario.accept_match, run.scenario.namespaces, build=True)


def validate_with_report(source: Source, chooser: Selector | None = None) -> tuple[DocumentReport, str]:
    """Validate one document and build its KoSIT report; ``accepted`` comes from acceptMatch on that report."""
    run = execute(source, chooser)
    report = kosit_report(run)
    return replace(verdict(run), accepted=accept_match(run, report)), report
