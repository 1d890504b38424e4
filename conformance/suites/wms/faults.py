"""Service exceptions provoked on purpose (06-042 6.11, 7.3.3.11): one request per code the service can be made
to raise, and the INIMAGE and BLANK exception formats where they are advertised.

The codes for GetFeatureInfo (InvalidPoint, LayerNotQueryable) are provoked by the GetFeatureInfo series, the
updateSequence codes by the GetCapabilities probes.
"""

from __future__ import annotations

from dataclasses import dataclass

from conformance.core.messages import Message
from conformance.suites.wms.api import Observed
from conformance.suites.wms.client import Answer
from conformance.suites.wms.images import Picture, decode
from conformance.suites.wms.layers import Layer
from conformance.suites.wms.maps import dimension_parameter, layer_crs, params
from conformance.suites.wms.messages import m
from conformance.suites.wms.pictures import PROBE_SIZE, picture_format

UNKNOWN = "wechselbar-no-such-{}"


@dataclass(frozen=True)
class CodeProbe:
    """A request that should raise a service exception with ``code``."""

    code: str
    asked: Message
    answer: Answer


def base_request(obs: Observed) -> tuple[Layer, dict[str, str]] | None:
    """A valid GetMap request for the first sampled layer the suite can describe, in a format it decodes."""
    fmt = picture_format(obs) or next(iter(obs.caps().formats.get("GetMap", ())), None)
    for layer in obs.caps().named.items:
        described = layer_crs(layer)
        request = params(layer, described[0], fmt, PROBE_SIZE) if described and fmt else None
        if request is not None:
            return layer, request
    return None


def code_probes(obs: Observed) -> list[CodeProbe]:
    """One request per exception code the capabilities let the suite provoke."""
    found = base_request(obs)
    if found is None:
        return []
    layer, request = found
    cases = [
        ("InvalidFormat", "FORMAT", "image/x-wechselbar"),
        ("InvalidCRS", "CRS", "EPSG:99999"),
        ("LayerNotDefined", "LAYERS", UNKNOWN.format("layer")),
        ("StyleNotDefined", "STYLES", UNKNOWN.format("style")),
    ]
    out = [
        _probe(obs, "GetMap", code, {**request, key: value}, m("asked-value", key=key, value=value))
        for code, key, value in cases
    ]
    out.append(
        _probe(
            obs,
            "GetMap",
            "LayerNotDefined",
            {**request, "LAYERS": UNKNOWN.format("layer"), "EXCEPTIONS": "XML"},
            m("asked-exceptions", value="XML"),
        )
    )
    if "GetFeatureInfo" not in obs.caps().operations:
        info = {**request, "QUERY_LAYERS": layer.name, "I": "1", "J": "1", "INFO_FORMAT": "text/plain"}
        out.append(_probe(obs, "GetFeatureInfo", "OperationNotSupported", info, m("asked-unadvertised")))
    out += _dimension_probes(obs)
    return out


def _probe(obs: Observed, operation: str, code: str, request: dict[str, str], asked: Message) -> CodeProbe:
    return CodeProbe(code, asked, obs.client.call(operation, request))


def _dimension_probes(obs: Observed) -> list[CodeProbe]:
    layer = obs.caps().dimensioned
    described = layer_crs(layer) if layer is not None else []
    fmt = picture_format(obs)
    request = params(layer, described[0], fmt, PROBE_SIZE) if layer is not None and described and fmt else None
    if layer is None or request is None:
        return []
    out = []
    missing = next((d for d in layer.dimensions if d.default is None), None)
    if missing is not None:
        key = dimension_parameter(missing)
        without = {k: v for k, v in request.items() if k != key}
        out.append(_probe(obs, "GetMap", "MissingDimensionValue", without, m("asked-without", key=key)))
    key = dimension_parameter(layer.dimensions[0])
    out.append(
        _probe(
            obs,
            "GetMap",
            "InvalidDimensionValue",
            {**request, key: "wechselbar-invalid"},
            m("asked-value", key=key, value="wechselbar-invalid"),
        )
    )
    return out


@dataclass(frozen=True)
class FormatProbe:
    """An error asked for as a picture (EXCEPTIONS=INIMAGE or BLANK)."""

    format: str
    request: dict[str, str]
    answer: Answer
    picture: Picture | str | None


def format_probes(obs: Observed) -> list[FormatProbe]:
    """An unknown layer asked for with each advertised picture exception format."""
    found = base_request(obs)
    out = []
    for name in ("INIMAGE", "BLANK"):
        if found is None or name not in obs.caps().exception_formats:
            continue
        request = {
            **found[1],
            "LAYERS": UNKNOWN.format("layer"),
            "EXCEPTIONS": name,
            **({"TRANSPARENT": "TRUE"} if name == "BLANK" else {}),
        }
        answer = obs.client.call("GetMap", request)
        picture = decode(answer.response.content) if answer.kind == "image" else None
        out.append(FormatProbe(name, request, answer, picture))
    return out
