"""TEST DOUBLE: request handling of the WMS test server (routing, KVP parameters, operations, exceptions)."""

from __future__ import annotations

from http.server import BaseHTTPRequestHandler
from urllib.parse import parse_qsl, urlsplit

from PIL import Image, ImageDraw

from conformance.demo import wms_render as render
from conformance.demo.wms_answers import exception_report, feature_info
from conformance.demo.wms_capabilities import INFO_FORMATS, MAP_FORMATS, capabilities
from conformance.demo.wms_data import LAYERS as ALL_LAYERS
from conformance.demo.wms_data import ROOT_STYLE, UPDATE_SEQUENCE, MapLayer, layer
from conformance.demo.wms_render import BadRequest

Answer = tuple[int, str, bytes]
WHITE = (255, 255, 255, 255)
CLEAR = (255, 255, 255, 0)


class Handler(BaseHTTPRequestHandler):
    """Routes /{tenant}/wms, /{tenant}/legend and /{tenant}/metadata/{layer}.xml."""

    protocol_version = "HTTP/1.1"
    disable_nagle_algorithm = True
    server_version = "WmsTestDouble/1.0"
    defects: frozenset[str] = frozenset()
    base = ""

    def log_message(self, format: str, *args: object) -> None:
        return

    def do_GET(self) -> None:
        parts = urlsplit(self.path)
        segments = [s for s in parts.path.split("/") if s]
        views: dict[str, frozenset[str]] = self.server.views  # type: ignore[attr-defined]
        if not segments or segments[0] not in views:
            self._send(404, "text/plain", b"no such tenant")
            return
        self.defects = views[segments[0]]
        port = self.server.server_address[1]  # type: ignore[index]
        self.base = f"http://127.0.0.1:{port}/{segments[0]}"
        raw = parse_qsl(parts.query, keep_blank_values=True)
        params = dict(raw) if "case-sensitive-names" in self.defects else {k.upper(): v for k, v in raw}
        self._send(*self._route(segments[1:], params))

    def _route(self, route: list[str], params: dict[str, str]) -> Answer:
        if route == ["legend"]:
            return self._legend(params)
        if len(route) == 2 and route[0] == "metadata" and route[1].endswith(".xml"):
            return 200, "text/xml", f"<metadata><layer>{route[1][:-4]}</layer></metadata>".encode()
        if route != ["wms"]:
            return 404, "text/plain", b"not found"
        try:
            return self._operation(params)
        except BadRequest as exc:
            return self._exception(exc, params)

    def _operation(self, params: dict[str, str]) -> Answer:
        request = params.get("REQUEST", "")
        if params.get("SERVICE", "WMS") != "WMS" or not request:
            raise BadRequest("", "SERVICE=WMS and REQUEST are required")
        if request == "GetCapabilities":
            return self._capabilities(params)
        if params.get("VERSION") != "1.3.0":
            raise BadRequest("", "VERSION=1.3.0 is required")
        if request == "GetMap":
            return self._map(params)
        if request == "GetFeatureInfo":
            return self._info(params)
        raise BadRequest("OperationNotSupported", f"{request} is not an operation of this server")

    def _capabilities(self, params: dict[str, str]) -> Answer:
        version = params.get("VERSION")
        if version not in (None, "1.3.0") and "version-not-negotiated" in self.defects:
            raise BadRequest("InvalidParameterValue", f"version {version} is not supported")
        sequence = params.get("UPDATESEQUENCE")
        if sequence and "update-sequence-ignored" not in self.defects:
            if sequence == UPDATE_SEQUENCE:
                raise BadRequest("CurrentUpdateSequence", "the capabilities have not changed")
            if sequence > UPDATE_SEQUENCE:
                raise BadRequest("InvalidUpdateSequence", "the update sequence is in the future")
        media = "application/xml" if "capabilities-media-type" in self.defects else "text/xml"
        return 200, media, capabilities(self.base, self.defects).encode()

    def _layers(self, names: str, styles: str) -> list[tuple[MapLayer, str]]:
        wanted = names.split(",")
        given = styles.split(",") if styles else [""] * len(wanted)
        if len(given) != len(wanted) or (len(wanted) > 1 and "styles-commas-rejected" in self.defects):
            raise BadRequest("StyleNotDefined", "STYLES must name one style (or none) per layer")
        return [(self._layer(name), self._style(name, style)) for name, style in zip(wanted, given, strict=True)]

    def _layer(self, name: str) -> MapLayer:
        if name == "musterstadt":
            return render_group()
        found = layer(name)
        if found is None:
            raise BadRequest("LayerNotDefined", f"layer {name} is not offered")
        return found

    def _style(self, name: str, style: str) -> str:
        item = layer(name)
        known = {"", ROOT_STYLE, *(item.styles if item else ())}
        if style not in known or (style == "schraffur" and "advertised-style-rejected" in self.defects):
            raise BadRequest("StyleNotDefined", f"style {style} is not offered for {name}")
        return style

    def _frame(self, params: dict[str, str]) -> render.View:
        crs = params.get("CRS", "")
        if crs == "EPSG:3857" and "crs-3857-broken" in self.defects:
            raise BadRequest("InvalidCRS", "EPSG:3857 is not available")
        return render.view(
            crs,
            params.get("BBOX", ""),
            params.get("WIDTH", ""),
            params.get("HEIGHT", ""),
            "axis-order-swapped" in self.defects,
            "invalid-bbox-accepted" in self.defects,
        )

    def _map(self, params: dict[str, str]) -> Answer:
        fmt = params.get("FORMAT", "")
        if fmt not in MAP_FORMATS:
            raise BadRequest("InvalidFormat", f"format {fmt} is not offered")
        chosen = self._layers(params.get("LAYERS", ""), params.get("STYLES", ""))
        frame = self._frame(params)
        self._dimension(chosen, params)
        transparent = params.get("TRANSPARENT", "FALSE").upper() == "TRUE" and "transparent-ignored" not in self.defects
        background = WHITE if "bgcolor-ignored" in self.defects else render.colour(params.get("BGCOLOR", "0xFFFFFF"))
        if "opaque-default" in self.defects and "TRANSPARENT" not in params:
            transparent = True
        image = render.draw(chosen, frame, CLEAR if transparent else background)
        if "empty-map-watermark" in self.defects:
            ImageDraw.Draw(image).rectangle((2, 2, 12, 12), fill=(0, 0, 0, 255))
        if "map-size-ignored" in self.defects:
            image = image.resize((image.width + 1, image.height), Image.Resampling.NEAREST)
        media = "image/jpeg" if fmt == "image/png" and "map-media-type" in self.defects else fmt
        return 200, media, render.encode(image, fmt, transparent, background)

    def _dimension(self, chosen: list[tuple[MapLayer, str]], params: dict[str, str]) -> None:
        for item, _ in chosen:
            if item.dimension is None:
                continue
            value = params.get(item.dimension[0].upper())
            if value is None:
                raise BadRequest("MissingDimensionValue", f"{item.name} needs a TIME value")
            if value not in item.dimension[1].split(","):
                raise BadRequest("InvalidDimensionValue", f"TIME={value} is not offered for {item.name}")

    def _info(self, params: dict[str, str]) -> Answer:
        fmt = params.get("INFO_FORMAT", "")
        if fmt not in INFO_FORMATS:
            raise BadRequest("InvalidFormat", f"INFO_FORMAT {fmt} is not offered")
        self._layers(params.get("LAYERS", ""), params.get("STYLES", ""))
        frame = self._frame(params)
        i, j = int(params.get("I", "-1")), int(params.get("J", "-1"))
        if not (0 <= i < frame.width and 0 <= j < frame.height) and "invalid-point-ignored" not in self.defects:
            raise BadRequest("InvalidPoint", f"I={i}, J={j} is outside the map")
        limit = 10**6 if "feature-count-ignored" in self.defects else max(1, int(params.get("FEATURE_COUNT", "1")))
        found = {}
        for name in params.get("QUERY_LAYERS", "").split(","):
            item = self._layer(name)
            if not item.queryable and "not-queryable-answered" not in self.defects:
                raise BadRequest("LayerNotQueryable", f"layer {name} is not queryable")
            found[name] = render.hits(item, frame, i, j)[:limit]
        media, body = feature_info(fmt, found)
        if fmt == "text/html" and "info-html-as-plain" in self.defects:
            media = "text/plain"
        return 200, media, body

    def _exception(self, exc: BadRequest, params: dict[str, str]) -> Answer:
        mode = params.get("EXCEPTIONS", "XML")
        fmt = params.get("FORMAT", "")
        if mode in ("INIMAGE", "BLANK") and fmt in MAP_FORMATS and "inimage-ignored" not in self.defects:
            return self._error_picture(mode, fmt, params)
        media, body = exception_report(exc.code, str(exc), self.defects)
        return 200, media, body

    def _error_picture(self, mode: str, fmt: str, params: dict[str, str]) -> Answer:
        size = (int(params.get("WIDTH", "256")), int(params.get("HEIGHT", "256")))
        transparent = params.get("TRANSPARENT", "FALSE").upper() == "TRUE"
        image = Image.new("RGBA", size, CLEAR if transparent else WHITE)
        if mode == "INIMAGE":
            ImageDraw.Draw(image).line((0, 0, *size), fill=(200, 0, 0, 255), width=3)
        return 200, fmt, render.encode(image, fmt, transparent, WHITE)

    def _legend(self, params: dict[str, str]) -> Answer:
        if "legend-missing" in self.defects:
            return 404, "text/plain", b"no legend"
        item = layer(params.get("LAYER", "")) or render_group()
        image = Image.new("RGBA", (40, 20), (*item.colour, 255))
        return 200, "image/png", render.encode(image, "image/png", True, WHITE)

    def _send(self, status: int, media: str, body: bytes) -> None:
        self.send_response(status)
        self.send_header("Content-Type", media)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


def render_group() -> MapLayer:
    """The root layer: every feature of the non-dimensional layers, drawn in one colour."""
    features = tuple(f for la in ALL_LAYERS if la.dimension is None for f in la.features)
    return MapLayer("musterstadt", "Musterstadt", (150, 100, 150), features)
