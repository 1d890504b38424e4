"""TEST DOUBLE: the WMS 1.3.0 capabilities of the Musterstadt double, with the capability defects switched in."""

from __future__ import annotations

from xml.sax.saxutils import escape, quoteattr

from conformance.core.projections import mercator
from conformance.demo.wms_data import CRS, LAYERS, ROOT_STYLE, UPDATE_SEQUENCE, MapLayer, extent

Box = tuple[float, float, float, float]
INFO_FORMATS = ("text/plain", "application/vnd.ogc.gml", "text/html")
MAP_FORMATS = ("image/png", "image/jpeg")
HEAD = (
    '<WMS_Capabilities version="1.3.0" updateSequence="{sequence}" xmlns="http://www.opengis.net/wms" '
    'xmlns:xlink="http://www.w3.org/1999/xlink" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" '
    'xsi:schemaLocation="http://www.opengis.net/wms '
    'http://schemas.opengis.net/wms/1.3.0/capabilities_1_3_0.xsd">'
)


def capabilities(base: str, defects: frozenset[str]) -> str:
    """The service metadata document of one tenant."""
    href = f"{base}/wms" if "url-not-prefix" in defects else f"{base}/wms?"
    service = (
        f"<Service><Name>WMS</Name><Title>Musterstadt Karten (Testdouble)</Title>"
        f"<OnlineResource xlink:href={quoteattr(href)}/><MaxWidth>2048</MaxWidth><MaxHeight>2048</MaxHeight>"
        "</Service>"
    )
    request = (
        _operation("GetCapabilities", ("text/xml",), href)
        + _operation("GetMap", MAP_FORMATS, href)
        + _operation("GetFeatureInfo", INFO_FORMATS, href)
    )
    exceptions = "".join(f"<Format>{f}</Format>" for f in ("XML", "INIMAGE", "BLANK"))
    return (
        '<?xml version="1.0" encoding="UTF-8"?>'
        + HEAD.format(sequence=UPDATE_SEQUENCE)
        + service
        + f"<Capability><Request>{request}</Request><Exception>{exceptions}</Exception>"
        + _root(base, defects)
        + "</Capability></WMS_Capabilities>"
    )


def _operation(name: str, formats: tuple[str, ...], href: str) -> str:
    listed = "".join(f"<Format>{escape(f)}</Format>" for f in formats)
    return (
        f"<{name}>{listed}<DCPType><HTTP><Get><OnlineResource xlink:href={quoteattr(href)}/></Get></HTTP>"
        f"</DCPType></{name}>"
    )


def _root(base: str, defects: frozenset[str]) -> str:
    crs = "" if "layer-without-crs" in defects else "".join(f"<CRS>{c}</CRS>" for c in CRS)
    geo = "" if "geo-missing" in defects else _geo(extent())
    boxes = "" if "layer-without-crs" in defects else _boxes(extent(), defects)
    children = "".join(_layer(la, base, defects) for la in LAYERS)
    return (
        f'<Layer queryable="1"><Name>musterstadt</Name><Title>Musterstadt</Title>{crs}{geo}'
        f"{boxes}{_style(ROOT_STYLE, 'musterstadt', base)}{children}</Layer>"
    )


def _layer(item: MapLayer, base: str, defects: frozenset[str]) -> str:
    title = "" if "capabilities-invalid" in defects and item.name == "schulen" else f"<Title>{item.title}</Title>"
    crs = ""
    if "layer-without-crs" in defects and item.name != "stadtgrenze":
        crs = "".join(f"<CRS>{c}</CRS>" for c in CRS)
    geo = "" if "geo-missing" in defects and item.name == "schulen" else _geo(item.extent)
    unboxed = ("geo-missing" in defects and item.name == "schulen") or (
        "layer-without-crs" in defects and item.name == "stadtgrenze"
    )
    boxes = "" if unboxed else _boxes(item.extent, defects)
    dimension = ""
    if item.dimension:
        dimension = f'<Dimension name="{item.dimension[0]}" units="ISO8601">{item.dimension[1]}</Dimension>'
    metadata = (
        f'<MetadataURL type="ISO19115:2003"><Format>text/xml</Format>'
        f'<OnlineResource xlink:type="simple" xlink:href={quoteattr(f"{base}/metadata/{item.name}.xml")}/>'
        "</MetadataURL>"
    )
    styles = [*item.styles, *([ROOT_STYLE] if "style-redefined" in defects and item.name == "bezirke" else [])]
    queryable = "1" if item.queryable else "0"
    return (
        f'<Layer queryable="{queryable}"><Name>{item.name}</Name>{title}{crs}{geo}{boxes}{dimension}'
        f"{metadata}{''.join(_style(s, item.name, base) for s in styles)}</Layer>"
    )


def _geo(box: Box) -> str:
    west, south, east, north = box
    return (
        f"<EX_GeographicBoundingBox><westBoundLongitude>{west}</westBoundLongitude>"
        f"<eastBoundLongitude>{east}</eastBoundLongitude><southBoundLatitude>{south}</southBoundLatitude>"
        f"<northBoundLatitude>{north}</northBoundLatitude></EX_GeographicBoundingBox>"
    )


def _boxes(box: Box, defects: frozenset[str]) -> str:
    west, south, east, north = box
    latlon = (west, south, east, north) if "bbox-lon-lat" in defects else (south, west, north, east)
    x0, y0 = mercator(west, south)
    x1, y1 = mercator(east, north)
    values = (("CRS:84", (west, south, east, north)), ("EPSG:4326", latlon), ("EPSG:3857", (x0, y0, x1, y1)))
    return "".join(
        f'<BoundingBox CRS="{crs}" minx="{v[0]}" miny="{v[1]}" maxx="{v[2]}" maxy="{v[3]}"/>' for crs, v in values
    )


def _style(name: str, layer: str, base: str) -> str:
    legend = f"{base}/legend?layer={layer}&style={name}"
    return (
        f"<Style><Name>{name}</Name><Title>{name}</Title>"
        f'<LegendURL width="40" height="20"><Format>image/png</Format>'
        f'<OnlineResource xlink:type="simple" xlink:href={quoteattr(legend)}/></LegendURL></Style>'
    )
