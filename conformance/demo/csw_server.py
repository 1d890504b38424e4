"""TEST DOUBLE: a small CSW 2.0.2 server with the ISO Application Profile for wechselbar's tests.

It is not a vendor implementation and proves nothing about any real product. It serves twelve records of a
fictional town: GetCapabilities, DescribeRecord, GetRecords (KVP and POSTed XML; resultType, startPosition,
maxRecords, element sets, dc:title LIKE in CQL and ogc:PropertyIsLike), GetRecordById in Dublin Core and
ISO 19139, and OWS 1.0.0 exception reports. With no defects it conforms to what the CSW suite checks; each name in
DEFECTS switches one deviation on. Several tenants (``http://127.0.0.1:<port>/<tenant>/csw``) share one port:
``python -m conformance.demo.csw_server --tenant ok --tenant bad:by-id-other``.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from lxml import etree

from conformance.core.xmlsafe import XMLRejected, parse_bytes
from conformance.demo import csw_documents as docs
from conformance.demo.testserver import Answer, DefectServer, TenantHandler, tenants_main

DEFECTS: dict[str, str] = {
    "capabilities-invalid": "the capabilities carry an element the CSW schema does not allow",
    "operation-missing": "the capabilities do not list DescribeRecord (the operation still answers)",
    "describe-no-record": "DescribeRecord describes the summary and brief records but not csw:Record",
    "hits-with-records": "GetRecords with resultType=hits returns records too",
    "returned-wrong": "numberOfRecordsReturned gives the number of matching records",
    "paging-overlap": "nextRecord points one record early, so the last record of a page comes again",
    "paging-stuck": "pages after the first are empty and give their own startPosition as nextRecord",
    "full-invalid": "full records carry an element the CSW record schema does not allow",
    "summary-lacks": "the summary element set leaves out dc:type, which the brief set has",
    "cql-ignored": "a CQL constraint is ignored (every record comes)",
    "filter-ignored": "an OGC Filter constraint in KVP is ignored (every record comes)",
    "post-filter-ignored": "the constraint of a POSTed GetRecords is ignored (every record comes)",
    "by-id-other": "GetRecordById (Dublin Core) answers with the first record of the catalogue, whatever the Id",
    "exception-invalid": "exception reports carry an element the OWS schema does not allow",
    "unknown-operation-code": "an unknown operation raises InvalidParameterValue instead of OperationNotSupported",
    "by-id-unknown-empty": "GetRecordById for an unknown Id answers an empty GetRecordByIdResponse, no exception",
    "iso-profiles-without-gmd": "the IsoProfiles constraint lists only another profile, not the ISO schema",
    "iso-not-offered": "the capabilities do not offer the ISO output schema for GetRecordById",
    "iso-by-id-dc": "GetRecordById in the ISO output schema answers with a csw:Record",
    "iso-records-invalid": "GetRecords in the ISO output schema gives records with an element ISO 19139 does not allow",
}
XML = "application/xml; charset=UTF-8"
OGC = "{http://www.opengis.net/ogc}"
CSW = f"{{{docs.CSW}}}"
CQL = re.compile(r"dc:title\s+like\s+'%(.+)%'", re.IGNORECASE)
SETS = ("brief", "summary", "full")


class Handler(TenantHandler):
    """Routes /{tenant}/csw with KVP parameters (names case-insensitive) and POSTed GetRecords."""

    server_version = "CswTestDouble/1.0"
    PATH = "csw"

    def answer_get(self, params: dict[str, str]) -> Answer:
        return self._route(params)

    def answer_post(self, body: bytes) -> Answer:
        return self._posted(body)

    def _route(self, params: dict[str, str]) -> Answer:
        request = params.get("REQUEST", "")
        if request == "GetCapabilities":
            return 200, XML, docs.capabilities(self.url, self.defects)
        if request == "DescribeRecord":
            return 200, XML, docs.described(self.defects)
        if request == "GetRecordById":
            return self._by_id(params)
        if request == "GetRecords":
            word = self._word(params.get("CONSTRAINTLANGUAGE", "").upper(), params.get("CONSTRAINT", ""))
            return self._records(params, word)
        code = "InvalidParameterValue" if "unknown-operation-code" in self.defects else "OperationNotSupported"
        return self._fault(code, "request", f"unknown operation {request}")

    def _word(self, language: str, constraint: str) -> str | None:
        """The word of a dc:title LIKE constraint ("" for none or an ignored one, None for one not understood)."""
        if not constraint or (language == "CQL_TEXT" and "cql-ignored" in self.defects):
            return ""
        if language == "CQL_TEXT":
            found = CQL.fullmatch(constraint.strip())
            return found[1] if found else None
        if "filter-ignored" in self.defects:
            return ""
        try:
            return self._like(parse_bytes(constraint.encode()).getroot())
        except XMLRejected:
            return None

    @staticmethod
    def _like(filtered: etree._Element) -> str | None:
        literal = filtered.findtext(f".//{OGC}PropertyIsLike/{OGC}Literal") or ""
        return literal.strip("%") or None

    def _records(self, params: dict[str, str], word: str | None) -> Answer:
        element_set = params.get("ELEMENTSETNAME", "summary")
        if element_set not in SETS:
            return self._fault("InvalidParameterValue", "ElementSetName", f"unknown element set {element_set}")
        if word is None:
            return self._fault("InvalidParameterValue", "Constraint", "the double knows only dc:title LIKE")
        chosen = [r for r, (title, _) in docs.RECORDS.items() if word.casefold() in title.casefold()]
        schema = params.get("OUTPUTSCHEMA", docs.CSW)
        hits = params.get("RESULTTYPE", "hits").lower() == "hits"
        page = (int(params.get("STARTPOSITION", "1") or 1), 0 if hits else int(params.get("MAXRECORDS", "10") or 10))
        return 200, XML, docs.search(chosen, page, element_set, schema, self.defects)

    def _posted(self, body: bytes) -> Answer:
        try:
            root = parse_bytes(body).getroot()
        except XMLRejected:
            return self._fault("NoApplicableCode", "", "the request is not XML")
        if root.tag != f"{CSW}GetRecords":
            return self._fault("OperationNotSupported", "request", "the double takes GetRecords by POST")
        params = {
            "RESULTTYPE": root.get("resultType", "hits"),
            "MAXRECORDS": root.get("maxRecords", "10"),
            "STARTPOSITION": root.get("startPosition", "1"),
            "ELEMENTSETNAME": root.findtext(f"{CSW}Query/{CSW}ElementSetName") or "summary",
        }
        constraint = root.find(f"{CSW}Query/{CSW}Constraint/{OGC}Filter")
        if constraint is None or "post-filter-ignored" in self.defects:
            return self._records(params, "")
        return self._records(params, self._like(constraint))

    def _by_id(self, params: dict[str, str]) -> Answer:
        ids = [i for i in params.get("ID", "").split(",") if i]
        if not ids:
            return self._fault("MissingParameterValue", "Id", "GetRecordById needs Id")
        schema = params.get("OUTPUTSCHEMA", docs.CSW)
        if "by-id-other" in self.defects and schema != docs.GMD:
            ids = [next(iter(docs.RECORDS))]
        if schema == docs.GMD and "iso-by-id-dc" in self.defects:
            schema = docs.CSW
        found = [i for i in ids if i in docs.RECORDS]
        if len(found) < len(ids) and "by-id-unknown-empty" not in self.defects:
            return self._fault("InvalidParameterValue", "Id", "no record has that Id")
        return 200, XML, docs.by_id(found, params.get("ELEMENTSETNAME", "summary"), schema, self.defects)

    def _fault(self, code: str, locator: str, text: str) -> Answer:
        return 400, XML, docs.exception_report(code, locator, text, self.defects)


class CswTestServer(DefectServer):
    """The test double: binds 127.0.0.1 (port 0 = any free port) and serves every tenant at /{tenant}/csw."""

    DEFECTS = DEFECTS
    PATH = "csw"

    def __init__(self, tenants: Mapping[str, frozenset[str]], port: int = 0) -> None:
        super().__init__(Handler, tenants, port)


def main(argv: list[str] | None = None) -> None:
    """Command line: start the server, print its tenants' URLs as one JSON line, serve until terminated."""
    tenants_main(argv, "CSW 2.0.2 test double (never a vendor implementation)", "csw", CswTestServer)


if __name__ == "__main__":
    main()
