"""TEST DOUBLE: the non-picture answers of the WMS double: service exceptions and feature information."""

from __future__ import annotations

from xml.sax.saxutils import escape, quoteattr

from conformance.demo.wms_data import Feature

EXCEPTION = (
    '<?xml version="1.0" encoding="UTF-8"?><ServiceExceptionReport version="1.3.0" '
    'xmlns="http://www.opengis.net/ogc" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" '
    'xsi:schemaLocation="http://www.opengis.net/ogc '
    'http://schemas.opengis.net/wms/1.3.0/exceptions_1_3_0.xsd">{body}</ServiceExceptionReport>'
)


def exception_report(code: str, text: str, defects: frozenset[str]) -> tuple[str, bytes]:
    """A ServiceExceptionReport (media type and body); the defects make it invalid or mislabel it."""
    if code == "InvalidCRS" and "invalid-crs-code" in defects:
        code = "InvalidSRS"
    attribute = f" code={quoteattr(code)}" if code else ""
    body = f"<ServiceException{attribute}>{escape(text)}</ServiceException>"
    if "exception-invalid" in defects:
        body += "<Details>see the log</Details>"
    media = "text/plain" if "exception-media-type" in defects else "text/xml"
    return media, EXCEPTION.format(body=body).encode()


def feature_info(fmt: str, found: dict[str, list[Feature]]) -> tuple[str, bytes]:
    """The features at a point in one INFO_FORMAT."""
    if fmt == "application/vnd.ogc.gml":
        members = "".join(
            f'<gml:featureMember><{layer} gml:id="{layer}.{f.id}"><name>{escape(f.name)}</name>'
            f"</{layer}></gml:featureMember>"
            for layer, features in found.items()
            for f in features
        )
        body = (
            f'<?xml version="1.0" encoding="UTF-8"?><FeatureInfo xmlns:gml="http://www.opengis.net/gml">'
            f"{members}</FeatureInfo>"
        )
        return fmt, body.encode()
    lines = [f"{layer}: {f.name} ({f.id})" for layer, features in found.items() for f in features]
    if fmt == "text/html":
        items = "".join(f"<li>{escape(line)}</li>" for line in lines)
        return fmt, f"<!DOCTYPE html><html><body><ul>{items}</ul></body></html>".encode()
    return "text/plain", ("\n".join(lines) or "no features").encode()
