"""TEST DOUBLE: a small WFS 2.0 server for wechselbar's tests (Simple and Basic WFS; KVP, XML POST and SOAP).

It is not a vendor implementation and proves nothing about any real product. It serves four trees of a fictional
town: GetCapabilities, DescribeFeatureType, ListStoredQueries, DescribeStoredQueries, GetFeature (TYPENAMES with
COUNT and RESULTTYPE=hits, and the stored query GetFeatureById), GetPropertyValue and OWS 1.1 exception reports.
With no defects it conforms to what the WFS suite checks; each name in DEFECTS switches one deviation on.
Several tenants (``http://127.0.0.1:<port>/<tenant>/wfs``) share one port:
``python -m conformance.demo.wfs_server --tenant ok --tenant bad:by-id-collection``.
"""

from __future__ import annotations

from collections.abc import Mapping

from lxml import etree

from conformance.core.xmlsafe import XMLRejected, parse_bytes
from conformance.demo import wfs_documents as docs
from conformance.demo.testserver import Answer, DefectServer, TenantHandler, tenants_main
from conformance.demo.wfs_filter import selected

DEFECTS: dict[str, str] = {
    "capabilities-invalid": "a FeatureType of the capabilities carries an element the WFS schema does not allow",
    "operation-missing": "the capabilities do not list DescribeStoredQueries (the operation still answers)",
    "no-binding": "the capabilities declare every service binding FALSE (KVP and POST still answer)",
    "by-id-not-listed": "ListStoredQueries names another stored query instead of GetFeatureById",
    "by-id-collection": "GetFeatureById answers with a wfs:FeatureCollection instead of the feature",
    "not-found-ignored": "GetFeatureById for an unknown identifier answers 200 with an empty collection",
    "exception-invalid": "exception reports carry an element the OWS schema does not allow",
    "unknown-operation-code": "an unknown operation raises InvalidParameterValue instead of OperationNotSupported",
    "dft-typenames-refused": "DescribeFeatureType refuses the WFS 2.0 parameter TYPENAMES (only TYPENAME works)",
    "feature-invalid": "features carry an element their application schema does not declare",
    "no-get-property-value": "the capabilities do not list GetPropertyValue (the operation still answers)",
    "number-returned-matched": "GetFeature gives numberReturned as the number of matching features",
    "hits-with-features": "GetFeature with RESULTTYPE=hits returns the features too",
    "values-ignore-count": "GetPropertyValue ignores COUNT",
    "resource-id-ignored": "a fes:ResourceId filter is ignored (every feature comes)",
    "equal-ignored": "a fes:PropertyIsEqualTo filter is ignored (every feature comes)",
    "post-ignores-count": "a POSTed wfs:GetFeature ignores its count attribute",
    "post-by-id-collection": "a POSTed GetFeatureById answers with a wfs:FeatureCollection",
    "bbox-ignored": "a fes:BBOX filter is ignored (every feature comes)",
    "like-literal": "a fes:PropertyIsLike pattern is compared literally (wildCard, singleChar, escapeChar ignored)",
    "not-ignored": "a fes:Not is ignored (the features its operand holds for come)",
    "post-filter-ignored": "the fes:Filter of a POSTed wfs:Query is ignored (every feature comes)",
    "srs-name-ignored": "GetFeature ignores SRSNAME (the features come in the DefaultCRS)",
    "srs-axis-swapped": "features in an OtherCRS come with swapped axes (CRS84 latitude first, UTM northing first)",
    "soap-bare": "a request in a SOAP envelope is answered with the bare document (no envelope)",
    "soap-fault-bare": "an exception to a SOAP request is the bare ows:ExceptionReport, not a soap:Fault",
    "soap-1.1": "(a variant, not a defect: 09-025r2 leaves the SOAP version open) SOAP is answered in SOAP 1.1 only; "
    "a SOAP 1.2 envelope gets a SOAP 1.1 VersionMismatch fault",
    "srs-unlisted-accepted": "GetFeature with a srsName the type does not list answers in the DefaultCRS",
    "paging-overlap": "each next link starts one feature early, so the last feature of a page comes again",
    "no-next": "GetFeature with COUNT gives no next link although more features match",
    "previous-wrong": "the previous link of a page points at the page after it",
}
XML = "text/xml; charset=UTF-8"
FES = "http://www.opengis.net/fes/2.0"
WFS = "http://www.opengis.net/wfs/2.0"
SOAP12 = "http://www.w3.org/2003/05/soap-envelope"
SOAP11 = "http://schemas.xmlsoap.org/soap/envelope/"


class Handler(TenantHandler):
    """Routes /{tenant}/wfs with KVP parameters (names case-insensitive)."""

    server_version = "WfsTestDouble/1.0"
    PATH = "wfs"

    def answer_get(self, params: dict[str, str]) -> Answer:
        return self._route(self.url, params)

    def answer_post(self, body: bytes) -> Answer:
        try:
            root = parse_bytes(body).getroot()
        except XMLRejected:
            return self._fault(400, "OperationParsingFailed", "", "the request is not XML")
        version = self._soap_version(root.tag)
        if not version:
            return self._posted(body)
        if version == SOAP12 and "soap-1.1" in self.defects:
            return 500, XML, docs.version_mismatch()
        content = list(root.iterfind(f"{{{version}}}Body/*"))
        answer = self._posted(etree.tostring(content[0]) if content else b"<none/>")
        if "soap-bare" in self.defects:
            return answer
        status, document = docs.soap(answer[0], answer[2], self.defects, version)
        return status, "application/soap+xml; charset=UTF-8" if version == SOAP12 else XML, document

    def _soap_version(self, tag: str) -> str:
        """SOAP 1.2 always, SOAP 1.1 only for the tenant that speaks it; "" for a request without envelope."""
        if tag == f"{{{SOAP12}}}Envelope" or (tag == f"{{{SOAP11}}}Envelope" and "soap-1.1" in self.defects):
            return SOAP12 if tag.startswith(f"{{{SOAP12}}}") else SOAP11
        return ""

    def _posted(self, body: bytes) -> Answer:
        """An XML-encoded GetFeature: one wfs:Query (typeNames, count) or the stored query GetFeatureById."""
        try:
            root = parse_bytes(body).getroot()
        except XMLRejected:
            return self._fault(400, "OperationParsingFailed", "", "the request is not XML")
        stored = root.find(f"{{{WFS}}}StoredQuery")
        if root.tag != f"{{{WFS}}}GetFeature":
            return self._fault(400, "OperationNotSupported", "request", "the double takes GetFeature by POST")
        if stored is not None and stored.get("id") == docs.BY_ID:
            return self._by_id(stored.findtext(f"{{{WFS}}}Parameter") or "", "post-by-id-collection")
        query = root.find(f"{{{WFS}}}Query")
        count = "" if "post-ignores-count" in self.defects else root.get("count", "")
        params = {"TYPENAMES": query.get("typeNames", "") if query is not None else "", "COUNT": count}
        found = query.find(f"{{{FES}}}Filter") if query is not None else None
        if found is not None and "post-filter-ignored" not in self.defects:
            params["FILTER"] = etree.tostring(found, encoding="unicode")
        return self._typed("GetFeature", params)

    def _route(self, url: str, params: dict[str, str]) -> Answer:
        request = params.get("REQUEST", "")
        if request == "GetCapabilities":
            return 200, XML, docs.capabilities(url, self.defects)
        if request == "ListStoredQueries":
            return 200, XML, docs.listing(self.defects)
        if request == "DescribeStoredQueries":
            return 200, XML, docs.descriptions()
        if request == "GetFeature" and params.get("STOREDQUERY_ID") == docs.BY_ID:
            return self._by_id(params.get("ID", ""))
        if request in ("GetFeature", "GetPropertyValue", "DescribeFeatureType"):
            return self._typed(request, params)
        code = "InvalidParameterValue" if "unknown-operation-code" in self.defects else "OperationNotSupported"
        return self._fault(400, code, "request", f"unknown operation {request}")

    def _typed(self, request: str, params: dict[str, str]) -> Answer:
        if request == "DescribeFeatureType" and "dft-typenames-refused" in self.defects and "TYPENAMES" in params:
            return self._fault(400, "MissingParameterValue", "typeName", "DescribeFeatureType needs TYPENAME")
        names = params.get("TYPENAMES") or params.get("TYPENAME")
        if not names:
            return self._fault(400, "MissingParameterValue", "typeNames", f"{request} needs TYPENAMES")
        if names not in docs.TYPES:
            return self._fault(400, "InvalidParameterValue", "typeNames", f"unknown feature type {names}")
        if request == "DescribeFeatureType":
            return 200, "application/gml+xml; version=3.2", docs.application_schema()
        ignored = request == "GetPropertyValue" and "values-ignore-count" in self.defects
        count = 0 if ignored else int(params.get("COUNT", "0") or 0)
        start = int(params.get("STARTINDEX", "0") or 0)
        chosen = selected(params.get("FILTER", ""), self.defects)
        if chosen is None:
            return self._fault(
                400,
                "InvalidParameterValue",
                "filter",
                "the double knows ResourceId, PropertyIsEqualTo, PropertyIsLike, BBOX, And, Or and Not",
            )
        fids = chosen[start : start + count if count else None]
        if request == "GetPropertyValue":
            return 200, XML, docs.values(self.url, fids)
        if params.get("RESULTTYPE", "").lower() == "hits":
            shown = fids if "hits-with-features" in self.defects else []
            return 200, XML, docs.collection(self.url, shown, self.defects, matched=len(docs.TREES))
        links = docs.page_links(self.url, count, self._pages(start, count)) if count else ""
        crs = params.get("SRSNAME", "")
        if (
            crs
            and crs != docs.DEFAULT_CRS
            and crs not in docs.OTHER_CRS
            and "srs-unlisted-accepted" not in self.defects
        ):
            return self._fault(400, "InvalidParameterValue", "srsName", f"the type is not offered in {crs}")
        crs = "" if "srs-name-ignored" in self.defects else crs
        return 200, XML, docs.collection(self.url, fids, self.defects, len(docs.TREES), links, crs)

    def _pages(self, start: int, count: int) -> dict[str, int]:
        starts = {}
        step = count - 1 if "paging-overlap" in self.defects else count
        if start + count < len(docs.TREES) and "no-next" not in self.defects:
            starts["next"] = start + step
        if start > 0:
            starts["previous"] = start + count if "previous-wrong" in self.defects else max(0, start - count)
        return starts

    def _by_id(self, fid: str, as_collection: str = "by-id-collection") -> Answer:
        if fid not in docs.TREES:
            if "not-found-ignored" in self.defects:
                return 200, XML, docs.collection(self.url, [], self.defects)
            return self._fault(404, "NotFound", "ID", f"no feature {fid}")
        if as_collection in self.defects:
            return 200, XML, docs.collection(self.url, [fid], self.defects)
        return 200, XML, docs.single(self.url, fid, self.defects)

    def _fault(self, status: int, code: str, locator: str, text: str) -> Answer:
        return status, XML, docs.exception_report(code, locator, text, self.defects)


class WfsTestServer(DefectServer):
    """The test double: binds 127.0.0.1 (port 0 = any free port) and serves every tenant at /{tenant}/wfs."""

    DEFECTS = DEFECTS
    PATH = "wfs"

    def __init__(self, tenants: Mapping[str, frozenset[str]], port: int = 0) -> None:
        super().__init__(Handler, tenants, port)


def main(argv: list[str] | None = None) -> None:
    """Command line: start the server, print its tenants' URLs as one JSON line, serve until terminated."""
    tenants_main(argv, "WFS 2.0 test double (never a vendor implementation)", "wfs", WfsTestServer)


if __name__ == "__main__":
    main()
