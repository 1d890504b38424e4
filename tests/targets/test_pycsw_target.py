"""Smoke test of the pycsw target: it starts, serves CSW 2.0.2 and holds exactly the records the fixture loaded."""

from __future__ import annotations

import urllib.parse
import urllib.request
from typing import Any, cast

from lxml import etree

from conformance.core.xmlsafe import parse_bytes
from tests.targets.csw_records import RECORDS

NS = {
    "csw": "http://www.opengis.net/cat/csw/2.0.2",
    "ows": "http://www.opengis.net/ows",
    "dc": "http://purl.org/dc/elements/1.1/",
    "gmd": "http://www.isotc211.org/2005/gmd",
    "gco": "http://www.isotc211.org/2005/gco",
    "srv": "http://www.isotc211.org/2005/srv",
}
GMD = "http://www.isotc211.org/2005/gmd"


def _strings(element: etree._Element, path: str) -> list[str]:
    return [str(value) for value in cast(list[Any], element.xpath(path, namespaces=NS))]


def _get(base: str, **params: str) -> tuple[int, str, etree._Element]:
    query = urllib.parse.urlencode({"service": "CSW", "version": "2.0.2", **params})
    with urllib.request.urlopen(f"{base}?{query}", timeout=30) as response:
        return int(response.status), response.headers.get("Content-Type", ""), parse_bytes(response.read()).getroot()


def test_pycsw_serves_csw_2_0_2_with_the_loaded_records(pycsw_url: str) -> None:
    """One test, so that one worker starts the server: capabilities, GetRecords and an ISO GetRecordById."""
    _capabilities(pycsw_url)
    _all_records(pycsw_url)
    _iso_service(pycsw_url)


def _capabilities(pycsw_url: str) -> None:
    status, content_type, root = _get(pycsw_url, request="GetCapabilities")
    assert (status, root.tag, root.get("version")) == (200, f"{{{NS['csw']}}}Capabilities", "2.0.2")
    assert content_type.startswith("application/xml")
    operations = _strings(root, "ows:OperationsMetadata/ows:Operation/@name")
    assert {"GetCapabilities", "DescribeRecord", "GetRecords", "GetRecordById"} <= set(operations)


def _all_records(pycsw_url: str) -> None:
    _, _, root = _get(
        pycsw_url,
        request="GetRecords",
        typenames="csw:Record",
        elementsetname="brief",
        resulttype="results",
        maxrecords=str(len(RECORDS) + 5),
    )
    results = root.find("csw:SearchResults", NS)
    assert results is not None and results.get("numberOfRecordsMatched") == str(len(RECORDS))
    identifiers = _strings(results, "csw:BriefRecord/dc:identifier/text()")
    assert sorted(identifiers) == sorted(r.identifier for r in RECORDS)


def _iso_service(pycsw_url: str) -> None:
    service = next(r for r in RECORDS if r.schema == "iso" and r.kind == "service")
    _, _, root = _get(
        pycsw_url, request="GetRecordById", id=service.identifier, outputschema=GMD, elementsetname="full"
    )
    metadata = root.find("gmd:MD_Metadata", NS)
    assert metadata is not None
    assert metadata.findtext("gmd:fileIdentifier/gco:CharacterString", namespaces=NS) == service.identifier
    coupled = _strings(metadata, "gmd:identificationInfo/srv:SV_ServiceIdentification/srv:operatesOn/@uuidref")
    assert tuple(coupled) == service.operates_on
