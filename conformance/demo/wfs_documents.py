"""TEST DOUBLE: the XML documents of the WFS 2.0 test server (capabilities, stored query listings, features,
exception reports), written for a fictional town's trees. Defects change what they say."""

from __future__ import annotations

from xml.sax.saxutils import escape, quoteattr

NS = (
    'xmlns:wfs="http://www.opengis.net/wfs/2.0" xmlns:ows="http://www.opengis.net/ows/1.1" '
    'xmlns:xlink="http://www.w3.org/1999/xlink" xmlns:gml="http://www.opengis.net/gml/3.2" '
    'xmlns:app="urn:wechselbar:demo:musterstadt"'
)
BY_ID = "urn:ogc:def:query:OGC-WFS::GetFeatureById"
OPERATIONS = (
    "GetCapabilities",
    "DescribeFeatureType",
    "ListStoredQueries",
    "DescribeStoredQueries",
    "GetFeature",
    "GetPropertyValue",
)
APP = "urn:wechselbar:demo:musterstadt"
XSI_NS = 'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"'
OGC_SCHEMAS = (
    "http://www.opengis.net/wfs/2.0 http://schemas.opengis.net/wfs/2.0/wfs.xsd "
    "http://www.opengis.net/gml/3.2 http://schemas.opengis.net/gml/3.2.1/gml.xsd"
)
SPECIES = ("Linde", "Eiche", "Ahorn", "Buche")
TREES = {f"baum.{i}": (7.09 + i / 1000, 50.73 + i / 1000, SPECIES[i % 4]) for i in range(1, 26)}
TYPES = ("app:baum",)
DEFAULT_CRS = "urn:ogc:def:crs:EPSG::4326"
OTHER_CRS = {"http://www.opengis.net/def/crs/EPSG/0/25832": "EPSG:25832", "urn:ogc:def:crs:OGC:1.3:CRS84": "OGC:CRS84"}


def _constraint(name: str, value: str) -> str:
    return f'<ows:Constraint name="{name}"><ows:NoValues/><ows:DefaultValue>{value}</ows:DefaultValue></ows:Constraint>'


def capabilities(url: str, defects: frozenset[str]) -> bytes:
    """The capabilities of the service at ``url``."""
    href = quoteattr(url + "?")
    left_out = {"operation-missing": "DescribeStoredQueries", "no-get-property-value": "GetPropertyValue"}
    ops = [op for op in OPERATIONS if op not in {left_out[d] for d in defects if d in left_out}]
    operations = "".join(
        f'<ows:Operation name="{op}"><ows:DCP><ows:HTTP><ows:Get xlink:href={href}/>'
        f"<ows:Post xlink:href={href}/></ows:HTTP></ows:DCP></ows:Operation>"
        for op in ops
    )
    kvp = "FALSE" if "no-binding" in defects else "TRUE"
    constraints = _constraint("ImplementsBasicWFS", "TRUE") + _constraint("ImplementsResultPaging", "TRUE")
    constraints += _constraint("KVPEncoding", kvp) + _constraint("XMLEncoding", kvp) + _constraint("SOAPEncoding", kvp)
    others = "".join(f"<wfs:OtherCRS>{crs}</wfs:OtherCRS>" for crs in OTHER_CRS)
    types = "".join(
        f"<wfs:FeatureType><wfs:Name>{name}</wfs:Name><wfs:Title>Straßenbäume</wfs:Title><wfs:DefaultCRS>{DEFAULT_CRS}"
        f"</wfs:DefaultCRS>{others}<ows:WGS84BoundingBox><ows:LowerCorner>7 50</ows:LowerCorner>"
        "<ows:UpperCorner>8 51</ows:UpperCorner></ows:WGS84BoundingBox></wfs:FeatureType>"
        for name in TYPES
    )
    if "capabilities-invalid" in defects:
        types = types.replace("<wfs:DefaultCRS>", "<wfs:Unexpected/><wfs:DefaultCRS>")
    return (
        f'<?xml version="1.0" encoding="UTF-8"?>\n<wfs:WFS_Capabilities version="2.0.0" {NS}>'
        "<ows:ServiceIdentification><ows:Title>Musterstadt WFS (TEST DOUBLE)</ows:Title>"
        "<ows:ServiceType>WFS</ows:ServiceType><ows:ServiceTypeVersion>2.0.0</ows:ServiceTypeVersion>"
        f"</ows:ServiceIdentification><ows:OperationsMetadata>{operations}{constraints}</ows:OperationsMetadata>"
        f"<wfs:FeatureTypeList>{types}</wfs:FeatureTypeList>{filter_capabilities()}</wfs:WFS_Capabilities>"
    ).encode()


def filter_capabilities() -> str:
    """The Filter_Capabilities: ResourceId, the logical operators, PropertyIsEqualTo and PropertyIsLike, BBOX."""
    declared = {
        "ImplementsQuery": "TRUE",
        "ImplementsAdHocQuery": "TRUE",
        "ImplementsResourceId": "TRUE",
        "ImplementsMinStandardFilter": "TRUE",
        "ImplementsMinSpatialFilter": "TRUE",
        "ImplementsStandardFilter": "TRUE",
    }
    constraints = "".join(_constraint(n, v).replace("ows:Constraint", "fes:Constraint") for n, v in declared.items())
    return (
        f'<fes:Filter_Capabilities xmlns:fes="http://www.opengis.net/fes/2.0"><fes:Conformance>{constraints}'
        '</fes:Conformance><fes:Id_Capabilities><fes:ResourceIdentifier name="fes:ResourceId"/>'
        "</fes:Id_Capabilities><fes:Scalar_Capabilities><fes:ComparisonOperators>"
        '<fes:ComparisonOperator name="PropertyIsEqualTo"/></fes:ComparisonOperators></fes:Scalar_Capabilities>'
        "</fes:Filter_Capabilities>"
    )


def listing(defects: frozenset[str]) -> bytes:
    """The ListStoredQueriesResponse."""
    query = "urn:wechselbar:query:ByName" if "by-id-not-listed" in defects else BY_ID
    returns = "".join(f"<wfs:ReturnFeatureType>{t}</wfs:ReturnFeatureType>" for t in TYPES)
    return (
        f'<?xml version="1.0" encoding="UTF-8"?>\n<wfs:ListStoredQueriesResponse {NS}>'
        f'<wfs:StoredQuery id="{query}"><wfs:Title>Get feature by identifier</wfs:Title>{returns}'
        "</wfs:StoredQuery></wfs:ListStoredQueriesResponse>"
    ).encode()


def descriptions() -> bytes:
    """The DescribeStoredQueriesResponse."""
    returns = " ".join(TYPES)
    return (
        f'<?xml version="1.0" encoding="UTF-8"?>\n<wfs:DescribeStoredQueriesResponse {NS} '
        'xmlns:xs="http://www.w3.org/2001/XMLSchema">'
        f'<wfs:StoredQueryDescription id="{BY_ID}"><wfs:Title>Get feature by identifier</wfs:Title>'
        '<wfs:Parameter name="ID" type="xs:string"/>'
        f'<wfs:QueryExpressionText returnFeatureTypes="{returns}" '
        'language="urn:ogc:def:queryLanguage:OGC-WFS::WFSQueryExpression" isPrivate="true"/>'
        "</wfs:StoredQueryDescription></wfs:DescribeStoredQueriesResponse>"
    ).encode()


def application_schema() -> bytes:
    """The application schema of the trees (DescribeFeatureType)."""
    return (
        f'<?xml version="1.0" encoding="UTF-8"?>\n<xs:schema targetNamespace="{APP}" xmlns:app="{APP}" '
        'xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:gml="http://www.opengis.net/gml/3.2" '
        'elementFormDefault="qualified"><xs:import namespace="http://www.opengis.net/gml/3.2" '
        'schemaLocation="http://schemas.opengis.net/gml/3.2.1/gml.xsd"/>'
        '<xs:element name="baum" type="app:BaumType" substitutionGroup="gml:AbstractFeature"/>'
        '<xs:complexType name="BaumType"><xs:complexContent><xs:extension base="gml:AbstractFeatureType">'
        '<xs:sequence><xs:element name="art" type="xs:string"/><xs:element name="lage" '
        'type="gml:PointPropertyType"/></xs:sequence></xs:extension></xs:complexContent></xs:complexType>'
        "</xs:schema>"
    ).encode()


def _located(url: str) -> str:
    described = f"{url}?SERVICE=WFS&VERSION=2.0.0&REQUEST=DescribeFeatureType&TYPENAME=app:baum"
    return f"{XSI_NS} xsi:schemaLocation={quoteattr(f'{APP} {described} {OGC_SCHEMAS}')}"


def position(fid: str, crs: str, defects: frozenset[str]) -> tuple[str, str]:
    """The srsName and gml:pos of a tree: latitude and longitude in EPSG:4326, else transformed by PROJ."""
    lon, lat, _ = TREES[fid]
    if crs not in OTHER_CRS:
        return DEFAULT_CRS, f"{lat:.4f} {lon:.4f}"
    from pyproj import Transformer  # noqa: PLC0415

    x, y = Transformer.from_crs("EPSG:4326", OTHER_CRS[crs]).transform(round(lat, 4), round(lon, 4))
    return crs, f"{y:.6f} {x:.6f}" if "srs-axis-swapped" in defects else f"{x:.6f} {y:.6f}"


def feature(fid: str, defects: frozenset[str], crs: str = "") -> str:
    """One tree as an app:baum element (in an OtherCRS if ``crs`` names one)."""
    species = TREES[fid][2]
    srs, pos = position(fid, crs, defects)
    extra = "<app:hoehe>12</app:hoehe>" if "feature-invalid" in defects else ""
    return (
        f'<app:baum gml:id="{fid}"><app:art>{species}</app:art><app:lage><gml:Point gml:id="{fid}.p" '
        f'srsName="{srs}"><gml:pos>{pos}</gml:pos></gml:Point></app:lage>'
        f"{extra}</app:baum>"
    )


def _collection(kind: str, url: str, members: str, returned: int, matched: str, links: str = "") -> bytes:
    return (
        f'<?xml version="1.0" encoding="UTF-8"?>\n<wfs:{kind} {NS} {_located(url)} timeStamp="2026-01-01T00:00:00Z" '
        f'numberMatched="{matched}" numberReturned="{returned}"{links}>{members}</wfs:{kind}>'
    ).encode()


def page_links(url: str, count: int, starts: dict[str, int]) -> str:
    """The next and previous attributes of a page (``starts``: link name → STARTINDEX)."""
    query = f"?SERVICE=WFS&VERSION=2.0.0&REQUEST=GetFeature&TYPENAMES=app:baum&COUNT={count}&STARTINDEX="
    return "".join(f" {name}={quoteattr(f'{url}{query}{start}')}" for name, start in starts.items())


def collection(
    url: str, fids: list[str], defects: frozenset[str], matched: int | None = None, links: str = "", crs: str = ""
) -> bytes:
    """A wfs:FeatureCollection of trees (``matched`` for RESULTTYPE=hits, ``links`` from :func:`page_links`, in
    the OtherCRS ``crs`` names)."""
    members = "".join(f"<wfs:member>{feature(f, defects, crs)}</wfs:member>" for f in fids)
    number = str(len(fids) if matched is None else matched)
    returned = int(number) if "number-returned-matched" in defects and fids else len(fids)
    return _collection("FeatureCollection", url, members, returned, number, links)


def values(url: str, fids: list[str]) -> bytes:
    """A wfs:ValueCollection of the trees' species."""
    members = "".join(f"<wfs:member><app:art>{TREES[f][2]}</app:art></wfs:member>" for f in fids)
    return _collection("ValueCollection", url, members, len(fids), "unknown")


def single(url: str, fid: str, defects: frozenset[str]) -> bytes:
    """One tree as the response document itself."""
    head = f"<app:baum {NS} {_located(url)} "
    return f'<?xml version="1.0" encoding="UTF-8"?>\n{feature(fid, defects).replace("<app:baum ", head, 1)}'.encode()


def exception_report(code: str, locator: str, text: str, defects: frozenset[str]) -> bytes:
    """An ows:ExceptionReport with one exception."""
    extra = "<ows:Hint>check the request</ows:Hint>" if "exception-invalid" in defects else ""
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n<ows:ExceptionReport xmlns:ows="http://www.opengis.net/ows/1.1" '
        f'version="2.0.0"><ows:Exception exceptionCode="{code}" locator={quoteattr(locator)}>'
        f"<ows:ExceptionText>{escape(text)}</ows:ExceptionText>{extra}</ows:Exception></ows:ExceptionReport>"
    ).encode()


SOAP12 = "http://www.w3.org/2003/05/soap-envelope"
SOAP11 = "http://schemas.xmlsoap.org/soap/envelope/"


def soap(status: int, document: bytes, defects: frozenset[str], version: str = SOAP12) -> tuple[int, bytes]:
    """A response document in a SOAP envelope; an exception report as a soap:Fault with the report in its detail."""
    inner = document.split(b"?>", 1)[1].lstrip() if document.startswith(b"<?xml") else document
    if status >= 400:
        if "soap-fault-bare" in defects:
            return status, document
        inner = _fault(status < 500, version, inner)
    head = f'<?xml version="1.0" encoding="UTF-8"?>\n<soap:Envelope xmlns:soap="{version}">'
    return status, head.encode() + b"<soap:Body>" + inner + b"</soap:Body></soap:Envelope>"


def _fault(client: bool, version: str, detail: bytes) -> bytes:
    """A SOAP 1.2 Fault (Code, Reason, Detail) or a SOAP 1.1 Fault (faultcode, faultstring, detail)."""
    if version == SOAP11:
        code = "soap:Client" if client else "soap:Server"
        head = f"<soap:Fault><faultcode>{code}</faultcode><faultstring>the request failed</faultstring><detail>"
        return head.encode() + detail + b"</detail></soap:Fault>"
    code = "soap:Sender" if client else "soap:Receiver"
    head = (
        f"<soap:Fault><soap:Code><soap:Value>{code}</soap:Value></soap:Code><soap:Reason>"
        '<soap:Text xml:lang="en">the request failed</soap:Text></soap:Reason><soap:Detail>'
    )
    return head.encode() + detail + b"</soap:Detail></soap:Fault>"


def version_mismatch() -> bytes:
    """The SOAP 1.1 VersionMismatch fault a SOAP 1.1 node gives a SOAP 1.2 envelope."""
    return (
        f'<?xml version="1.0" encoding="UTF-8"?>\n<soap:Envelope xmlns:soap="{SOAP11}"><soap:Body><soap:Fault>'
        "<faultcode>soap:VersionMismatch</faultcode><faultstring>SOAP 1.1 only</faultstring></soap:Fault>"
        "</soap:Body></soap:Envelope>"
    ).encode()
