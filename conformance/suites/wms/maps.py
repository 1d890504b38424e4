"""The GetMap exercise: sampled layers × CRS × formats × styles (7.3), each answer kept with its decoded picture.

Per sampled layer, every sampled CRS is asked in the first format, every other sampled format in the first CRS,
and every sampled style in the first CRS and format (a reduced cross product: each CRS and each format once per
layer). The first CRS is the one the suite can best describe the layer's area in.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from conformance.core.messages import Message
from conformance.suites.wms import crs as crsmod
from conformance.suites.wms.api import Observed
from conformance.suites.wms.client import Answer
from conformance.suites.wms.images import Picture, decodable, decode
from conformance.suites.wms.layers import Dimension, Layer
from conformance.suites.wms.messages import cut

PREFERRED_CRS = ("CRS:84", "EPSG:4326", "EPSG:3857")
PREFERRED_FORMATS = ("image/png", "image/jpeg", "image/gif")


@dataclass(frozen=True)
class MapCall:
    """One GetMap request of the exercise and its answer."""

    purpose: str
    layer: str
    crs: str
    format: str
    params: dict[str, str]
    answer: Answer
    picture: Picture | str | None

    @property
    def size(self) -> tuple[int, int]:
        """The requested (width, height)."""
        return int(self.params["WIDTH"]), int(self.params["HEIGHT"])


@dataclass
class Exercise:
    """Every call, the CRS left out because the suite cannot describe the layer's area in them, and the cuts."""

    calls: list[MapCall] = field(default_factory=list)
    undescribed: list[tuple[str, str]] = field(default_factory=list)
    cuts: list[Message] = field(default_factory=list)


def params(layer: Layer, crs: str, fmt: str, size: int, bbox: crsmod.Bbox | None = None) -> dict[str, str] | None:
    """A GetMap request for the layer's area (or ``bbox``), None when the suite cannot describe the area."""
    box = bbox or crsmod.bbox_for(layer, crs)
    if box is None:
        return None
    return {
        "LAYERS": layer.name,
        "STYLES": "",
        "CRS": crs,
        "BBOX": crsmod.text(box),
        "WIDTH": str(size),
        "HEIGHT": str(size),
        "FORMAT": fmt,
        **dimension_values(layer),
    }


def dimension_parameter(dimension: Dimension) -> str:
    """The request parameter of a dimension (C.4): TIME, ELEVATION, or DIM_ followed by the name."""
    return dimension.name.upper() if dimension.name in ("time", "elevation") else f"DIM_{dimension.name.upper()}"


def dimension_values(layer: Layer) -> dict[str, str]:
    """A value for every dimension of the layer without a default: the first the capabilities list (C.2)."""
    out = {}
    for dimension in layer.dimensions:
        if dimension.default is None and dimension.values:
            out[dimension_parameter(dimension)] = dimension.values.split(",")[0].split("/")[0].strip()
    return out


def ordered(items: Sequence[str], preferred: Sequence[str]) -> list[str]:
    """The items with the preferred ones first (in the preferred order), the rest in document order."""
    first = [p for p in preferred if p in items]
    return first + [i for i in items if i not in first]


def layer_crs(layer: Layer) -> list[str]:
    """The layer's CRS the suite can describe its area in, preferred ones first."""
    return [c for c in ordered(layer.crs, PREFERRED_CRS) if crsmod.bbox_for(layer, c) is not None]


def formats(obs: Observed) -> list[str]:
    """The GetMap formats, preferred ones first."""
    return ordered(obs.caps().formats.get("GetMap", ()), PREFERRED_FORMATS)


def call(obs: Observed, purpose: str, request: dict[str, str], layer: str) -> MapCall:
    """Send one GetMap request and decode the picture when its format is one the suite decodes."""
    answer = obs.client.call("GetMap", request)
    picture: Picture | str | None = None
    if answer.kind == "image" and decodable(request["FORMAT"]):
        picture = decode(answer.response.content)
    return MapCall(purpose, layer, request["CRS"], request["FORMAT"], request, answer, picture)


def exercise(obs: Observed) -> Exercise:
    """The GetMap exercise over the sampled layers."""
    done = Exercise()
    caps, size = obs.caps(), obs.limit("image_size")
    _cut(done, "layers", caps.named.seen, obs.limit("max_layers"))
    chosen_formats = formats(obs)
    _cut(done, "formats", len(chosen_formats), obs.limit("max_formats"))
    chosen_formats = chosen_formats[: obs.limit("max_formats")]
    for layer in caps.named.items:
        described = layer_crs(layer)
        done.undescribed += [(layer.name, c) for c in layer.crs if c not in described]
        _cut(done, "crs", len(described), obs.limit("max_crs"), layer.name)
        if described and chosen_formats:
            _layer(obs, done, layer, described[: obs.limit("max_crs")], chosen_formats, size)
    _default_styles(obs, done, caps.named.items, chosen_formats, size)
    return done


def _default_styles(obs: Observed, done: Exercise, layers: list[Layer], fmts: list[str], size: int) -> None:
    """Two layers with empty style items between commas (STYLES=,), in a CRS both list."""
    pair = [layer for layer in layers if layer_crs(layer)][:2]
    if len(pair) < 2 or not fmts:
        return
    shared = [c for c in layer_crs(pair[0]) if c in pair[1].crs]
    request = params(pair[0], shared[0], fmts[0], size) if shared else None
    if request is not None:
        request.update(LAYERS=f"{pair[0].name},{pair[1].name}", STYLES=",", **dimension_values(pair[1]))
        done.calls.append(call(obs, "style", request, request["LAYERS"]))


def _layer(obs: Observed, done: Exercise, layer: Layer, crs_list: list[str], fmts: list[str], size: int) -> None:
    first_crs, first_format = crs_list[0], fmts[0]
    for crs in crs_list:
        done.calls.append(call(obs, "crs", params(layer, crs, first_format, size) or {}, layer.name))
    for fmt in fmts[1:]:
        done.calls.append(call(obs, "format", params(layer, first_crs, fmt, size) or {}, layer.name))
    _cut(done, "styles", len(layer.styles), obs.limit("max_styles"), layer.name)
    for style in layer.styles[: obs.limit("max_styles")]:
        request = {**(params(layer, first_crs, first_format, size) or {}), "STYLES": style}
        done.calls.append(call(obs, "style", request, layer.name))


def _cut(done: Exercise, what: str, total: int, limit: int, layer: str = "") -> None:
    if total > limit:
        done.cuts.append(cut(what, limit, total, layer))
