"""TEST DOUBLE: the XML documents of the CSW 2.0.2 test server (capabilities, DescribeRecord, records in Dublin
Core and ISO 19139, exception reports), written for a fictional town's catalogue. Defects change what they say."""

from __future__ import annotations

from xml.sax.saxutils import escape, quoteattr

CSW, GMD = "http://www.opengis.net/cat/csw/2.0.2", "http://www.isotc211.org/2005/gmd"
NS = (
    f'xmlns:csw="{CSW}" xmlns:ows="http://www.opengis.net/ows" xmlns:ogc="http://www.opengis.net/ogc" '
    'xmlns:xlink="http://www.w3.org/1999/xlink" xmlns:dc="http://purl.org/dc/elements/1.1/" '
    'xmlns:dct="http://purl.org/dc/terms/" xmlns:xs="http://www.w3.org/2001/XMLSchema" '
    'xmlns:gml="http://www.opengis.net/gml"'
)
ISO_NS = f'xmlns:gmd="{GMD}" xmlns:gco="http://www.isotc211.org/2005/gco"'
OPERATIONS = ("GetCapabilities", "DescribeRecord", "GetRecords", "GetRecordById")
TOPICS = ("Bebauungspläne", "Baumkataster", "Haltestellen", "Radwege", "Spielplätze", "Friedhöfe")
RECORDS = {
    f"urn:example:musterstadt:{i}": (f"{TOPICS[i % 6]} Musterstadt {'Nord' if i < 6 else 'Süd'}", TOPICS[i % 6])
    for i in range(12)
}
CODELIST = "http://standards.iso.org/iso/19139/resources/gmxCodelists.xml"


def _values(name: str, values: tuple[str, ...]) -> str:
    inner = "".join(f"<ows:Value>{escape(v)}</ows:Value>" for v in values)
    return f'<ows:Parameter name="{name}">{inner}</ows:Parameter>'


def _parameters(op: str, defects: frozenset[str]) -> str:
    schemas = (CSW, GMD)
    if op == "GetRecords":
        return (
            _values("typeNames", ("csw:Record", "gmd:MD_Metadata"))
            + _values("outputSchema", schemas)
            + _values("CONSTRAINTLANGUAGE", ("CQL_TEXT", "FILTER"))
            + _values("ElementSetName", ("brief", "summary", "full"))
        )
    if op == "GetRecordById":
        return _values("outputSchema", (CSW,) if "iso-not-offered" in defects else schemas)
    return ""


def capabilities(url: str, defects: frozenset[str]) -> bytes:
    """The capabilities of the service at ``url``."""
    href = quoteattr(url)
    ops = [op for op in OPERATIONS if not (op == "DescribeRecord" and "operation-missing" in defects)]
    operations = "".join(
        f'<ows:Operation name="{op}"><ows:DCP><ows:HTTP><ows:Get xlink:href={href}/>'
        f"<ows:Post xlink:href={href}/></ows:HTTP></ows:DCP>{_parameters(op, defects)}</ows:Operation>"
        for op in ops
    )
    extra = "<ows:Colour>grün</ows:Colour>" if "capabilities-invalid" in defects else ""
    profile = "http://www.adv.de/extendedISO" if "iso-profiles-without-gmd" in defects else GMD
    operations += f'<ows:Constraint name="IsoProfiles"><ows:Value>{profile}</ows:Value></ows:Constraint>'

    return (
        f'<?xml version="1.0" encoding="UTF-8"?><csw:Capabilities {NS} version="2.0.2">'
        "<ows:ServiceIdentification><ows:Title>Geodatenkatalog Musterstadt (Testdouble)</ows:Title>"
        f"{extra}<ows:ServiceType>CSW</ows:ServiceType><ows:ServiceTypeVersion>2.0.2</ows:ServiceTypeVersion>"
        "</ows:ServiceIdentification><ows:ServiceProvider><ows:ProviderName>Stadt Musterstadt</ows:ProviderName>"
        "<ows:ServiceContact><ows:IndividualName>Geodatenstelle</ows:IndividualName></ows:ServiceContact>"
        f"</ows:ServiceProvider><ows:OperationsMetadata>{operations}</ows:OperationsMetadata>"
        "<ogc:Filter_Capabilities><ogc:Spatial_Capabilities><ogc:GeometryOperands>"
        "<ogc:GeometryOperand>gml:Envelope</ogc:GeometryOperand></ogc:GeometryOperands><ogc:SpatialOperators>"
        '<ogc:SpatialOperator name="BBOX"/></ogc:SpatialOperators></ogc:Spatial_Capabilities>'
        "<ogc:Scalar_Capabilities><ogc:ComparisonOperators><ogc:ComparisonOperator>Like</ogc:ComparisonOperator>"
        "</ogc:ComparisonOperators></ogc:Scalar_Capabilities><ogc:Id_Capabilities><ogc:EID/></ogc:Id_Capabilities>"
        "</ogc:Filter_Capabilities></csw:Capabilities>"
    ).encode()


def described(defects: frozenset[str]) -> bytes:
    """A DescribeRecordResponse with a schema component for the csw record types."""
    names = ("SummaryRecord", "BriefRecord") if "describe-no-record" in defects else ("Record", "SummaryRecord")
    elements = "".join(f'<xs:element name="{n}" type="xs:anyType"/>' for n in names)
    return (
        f'<?xml version="1.0" encoding="UTF-8"?><csw:DescribeRecordResponse {NS}>'
        f'<csw:SchemaComponent schemaLanguage="http://www.w3.org/XML/Schema" targetNamespace="{CSW}">'
        f'<xs:schema targetNamespace="{CSW}" elementFormDefault="qualified">{elements}</xs:schema>'
        "</csw:SchemaComponent></csw:DescribeRecordResponse>"
    ).encode()


def _dc(rid: str, element_set: str, defects: frozenset[str]) -> str:
    title, topic = RECORDS[rid]
    parts = [f"<dc:identifier>{escape(rid)}</dc:identifier>", f"<dc:title>{escape(title)}</dc:title>"]
    if not (element_set == "summary" and "summary-lacks" in defects):
        parts.append("<dc:type>dataset</dc:type>")
    if element_set != "brief":
        parts += [f"<dc:subject>{escape(topic)}</dc:subject>", "<dct:modified>2026-03-01</dct:modified>"]
        parts.append(f"<dct:abstract>{escape(title)}: Geodaten der Stadt Musterstadt.</dct:abstract>")
    if element_set == "full":
        parts += ["<dc:creator>Stadt Musterstadt</dc:creator>", "<dc:language>de</dc:language>"]
    if element_set == "full" and "full-invalid" in defects:
        parts.append("<csw:Colour>grün</csw:Colour>")
    root = {"brief": "BriefRecord", "summary": "SummaryRecord", "full": "Record"}[element_set]
    return f"<csw:{root}>{''.join(parts)}</csw:{root}>"


def _code(name: str, value: str) -> str:
    return f'<gmd:{name} codeList="{CODELIST}#{name}" codeListValue="{value}">{value}</gmd:{name}>'


def _text(value: str) -> str:
    return f"<gco:CharacterString>{escape(value)}</gco:CharacterString>"


def iso(rid: str, invalid: bool = False) -> str:
    """One record as a gmd:MD_Metadata (ISO 19139)."""
    title = RECORDS[rid][0]
    extra = "<gmd:colour>grün</gmd:colour>" if invalid else ""
    return (
        f"<gmd:MD_Metadata {ISO_NS}><gmd:fileIdentifier>{_text(rid)}</gmd:fileIdentifier>{extra}"
        f"<gmd:contact><gmd:CI_ResponsibleParty><gmd:organisationName>{_text('Stadt Musterstadt')}"
        f"</gmd:organisationName><gmd:role>{_code('CI_RoleCode', 'pointOfContact')}</gmd:role>"
        "</gmd:CI_ResponsibleParty></gmd:contact><gmd:dateStamp><gco:Date>2026-03-01</gco:Date></gmd:dateStamp>"
        "<gmd:identificationInfo><gmd:MD_DataIdentification><gmd:citation><gmd:CI_Citation>"
        f"<gmd:title>{_text(title)}</gmd:title><gmd:date><gmd:CI_Date><gmd:date><gco:Date>2026-03-01</gco:Date>"
        f"</gmd:date><gmd:dateType>{_code('CI_DateTypeCode', 'publication')}</gmd:dateType></gmd:CI_Date>"
        f"</gmd:date></gmd:CI_Citation></gmd:citation><gmd:abstract>{_text(title)}</gmd:abstract>"
        f"<gmd:language>{_text('ger')}</gmd:language></gmd:MD_DataIdentification></gmd:identificationInfo>"
        "</gmd:MD_Metadata>"
    )


def record(rid: str, element_set: str, schema: str, defects: frozenset[str], invalid: bool = False) -> str:
    """One record in the output schema asked for."""
    return iso(rid, invalid) if schema == GMD else _dc(rid, element_set, defects)


def search(chosen: list[str], page: tuple[int, int], element_set: str, schema: str, defects: frozenset[str]) -> bytes:
    """A GetRecordsResponse: ``page`` is (startPosition, maxRecords); maxRecords 0 gives only the numbers."""
    start, size = page
    shown = chosen[start - 1 : start - 1 + size] if size else []
    if "hits-with-records" in defects and not size:
        shown = chosen[:3]
    later = start + len(shown) <= len(chosen) and size
    step = len(shown) - 1 if "paging-overlap" in defects and len(shown) > 1 else len(shown)
    following = start + step if later else 0
    if "paging-stuck" in defects and start > 1:
        shown, following = [], start
    returned = len(chosen) if "returned-wrong" in defects else len(shown)
    invalid = "iso-records-invalid" in defects
    body = "".join(record(rid, element_set, schema, defects, invalid) for rid in shown)
    return (
        f'<?xml version="1.0" encoding="UTF-8"?><csw:GetRecordsResponse {NS} version="2.0.2">'
        '<csw:SearchStatus timestamp="2026-03-01T12:00:00Z"/>'
        f'<csw:SearchResults numberOfRecordsMatched="{len(chosen)}" numberOfRecordsReturned="{returned}" '
        f'nextRecord="{following}" recordSchema="{schema}" elementSet="{element_set}">{body}</csw:SearchResults>'
        "</csw:GetRecordsResponse>"
    ).encode()


def by_id(ids: list[str], element_set: str, schema: str, defects: frozenset[str]) -> bytes:
    """A GetRecordByIdResponse."""
    body = "".join(record(rid, element_set, schema, defects) for rid in ids)
    head = f'<?xml version="1.0" encoding="UTF-8"?><csw:GetRecordByIdResponse {NS}>'
    return f"{head}{body}</csw:GetRecordByIdResponse>".encode()


def exception_report(code: str, locator: str, text: str, defects: frozenset[str]) -> bytes:
    """An ows:ExceptionReport (OWS 1.0.0)."""
    extra = "<ows:Hint>nochmal versuchen</ows:Hint>" if "exception-invalid" in defects else ""
    return (
        '<?xml version="1.0" encoding="UTF-8"?><ows:ExceptionReport xmlns:ows="http://www.opengis.net/ows" '
        f'version="1.0.0"><ows:Exception exceptionCode="{code}" locator={quoteattr(locator)}>'
        f"<ows:ExceptionText>{escape(text)}</ows:ExceptionText>{extra}</ows:Exception></ows:ExceptionReport>"
    ).encode()
