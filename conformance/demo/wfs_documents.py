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
OPERATIONS = ("GetCapabilities", "DescribeFeatureType", "ListStoredQueries", "DescribeStoredQueries", "GetFeature")
TREES = {
    f"baum.{i}": (7.09 + i / 1000, 50.73 + i / 1000, species)
    for i, species in enumerate(("Linde", "Eiche", "Ahorn", "Buche"), start=1)
}
TYPES = ("app:baum",)


def _constraint(name: str, value: str) -> str:
    return f'<ows:Constraint name="{name}"><ows:NoValues/><ows:DefaultValue>{value}</ows:DefaultValue></ows:Constraint>'


def capabilities(url: str, defects: frozenset[str]) -> bytes:
    """The capabilities of the service at ``url``."""
    href = quoteattr(url + "?")
    ops = [op for op in OPERATIONS if not ("operation-missing" in defects and op == "DescribeStoredQueries")]
    operations = "".join(
        f'<ows:Operation name="{op}"><ows:DCP><ows:HTTP><ows:Get xlink:href={href}/></ows:HTTP></ows:DCP>'
        "</ows:Operation>"
        for op in ops
    )
    kvp = "FALSE" if "no-binding" in defects else "TRUE"
    constraints = _constraint("ImplementsBasicWFS", "TRUE")
    constraints += _constraint("KVPEncoding", kvp) + _constraint("XMLEncoding", "FALSE")
    types = "".join(
        f"<wfs:FeatureType><wfs:Name>{name}</wfs:Name><wfs:Title>Straßenbäume</wfs:Title><wfs:DefaultCRS>urn:ogc:def:crs:EPSG::4326"
        "</wfs:DefaultCRS><ows:WGS84BoundingBox><ows:LowerCorner>7 50</ows:LowerCorner>"
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
        f"<wfs:FeatureTypeList>{types}</wfs:FeatureTypeList></wfs:WFS_Capabilities>"
    ).encode()


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


def feature(fid: str) -> str:
    """One tree as an app:baum element."""
    lon, lat, species = TREES[fid]
    return (
        f'<app:baum gml:id="{fid}"><app:art>{species}</app:art><app:lage><gml:Point gml:id="{fid}.p" '
        f'srsName="urn:ogc:def:crs:EPSG::4326"><gml:pos>{lat:.4f} {lon:.4f}</gml:pos></gml:Point></app:lage>'
        "</app:baum>"
    )


def collection(fids: list[str]) -> bytes:
    """A wfs:FeatureCollection of trees."""
    members = "".join(f"<wfs:member>{feature(f)}</wfs:member>" for f in fids)
    return (
        f'<?xml version="1.0" encoding="UTF-8"?>\n<wfs:FeatureCollection {NS} timeStamp="2026-01-01T00:00:00Z" '
        f'numberMatched="{len(TREES)}" numberReturned="{len(fids)}">{members}</wfs:FeatureCollection>'
    ).encode()


def single(fid: str) -> bytes:
    """One tree as the response document itself."""
    return (
        f'<?xml version="1.0" encoding="UTF-8"?>\n{feature(fid).replace("<app:baum ", f"<app:baum {NS} ", 1)}'.encode()
    )


def exception_report(code: str, locator: str, text: str, defects: frozenset[str]) -> bytes:
    """An ows:ExceptionReport with one exception."""
    extra = "<ows:Hint>check the request</ows:Hint>" if "exception-invalid" in defects else ""
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n<ows:ExceptionReport xmlns:ows="http://www.opengis.net/ows/1.1" '
        f'version="2.0.0"><ows:Exception exceptionCode="{code}" locator={quoteattr(locator)}>'
        f"<ows:ExceptionText>{escape(text)}</ows:ExceptionText>{extra}</ows:Exception></ows:ExceptionReport>"
    ).encode()
