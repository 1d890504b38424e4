"""The GetFeatureInfo series (06-042 7.4) for the sampled queryable layers.

The point asked about is found without knowing the data: the densest drawn pixel of the layer's own map
(TRANSPARENT=TRUE), else the centre. Features in an XML answer are counted by their GML markers (gml:id or fid,
a gml:boundedBy child, or membership in a featureMember); FEATURE_COUNT (a limit per layer) is judged on
layers without child layers, and only where more than one feature answers at the point, so that it can show.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from lxml import etree

from conformance.core.messages import Message
from conformance.suites.wms.api import Observed
from conformance.suites.wms.client import Answer, xml_tree
from conformance.suites.wms.images import Picture, densest
from conformance.suites.wms.layers import Layer
from conformance.suites.wms.maps import call, layer_crs, params
from conformance.suites.wms.messages import cut
from conformance.suites.wms.pictures import PROBE_SIZE, picture_format, transparency_format

MANY = "50"
OUTSIDE = 50


@dataclass(frozen=True)
class InfoCall:
    """One GetFeatureInfo request and its answer."""

    purpose: str
    layer: str
    format: str
    params: dict[str, str]
    answer: Answer


@dataclass
class Series:
    """Every GetFeatureInfo request, the exceptions provoked, and the sampling cuts."""

    calls: list[InfoCall] = field(default_factory=list)
    cuts: list[Message] = field(default_factory=list)

    def of(self, purpose: str) -> list[InfoCall]:
        """The calls made for one purpose."""
        return [c for c in self.calls if c.purpose == purpose]


def series(obs: Observed) -> Series:
    """The GetFeatureInfo requests for every sampled queryable layer, and the exception probes."""
    done, caps = Series(), obs.caps()
    info_formats = list(caps.formats.get("GetFeatureInfo", ()))
    limit = obs.limit("max_formats")
    if len(info_formats) > limit:
        done.cuts.append(cut("info-formats", limit, len(info_formats)))
    if caps.queryable.seen > caps.queryable.limit:
        done.cuts.append(cut("queryable", caps.queryable.limit, caps.queryable.seen))
    for layer in caps.queryable.items:
        request = _request(obs, layer)
        if request is not None and info_formats:
            _layer(obs, done, layer, request, info_formats[:limit])
    _exceptions(obs, done, info_formats[:1])
    return done


def _request(obs: Observed, layer: Layer) -> dict[str, str] | None:
    """A GetFeatureInfo request at the densest drawn pixel of the layer's map (without INFO_FORMAT)."""
    described, fmt = layer_crs(layer), picture_format(obs)
    request = params(layer, described[0], fmt, PROBE_SIZE) if described and fmt else None
    if request is None:
        return None
    point = None
    if transparency_format(obs) == fmt:
        drawn = call(obs, "featureinfo-map", {**request, "TRANSPARENT": "TRUE"}, layer.name).picture
        point = densest(drawn) if isinstance(drawn, Picture) else None
    i, j = point or (PROBE_SIZE // 2, PROBE_SIZE // 2)
    return {**request, "QUERY_LAYERS": layer.name, "I": str(i), "J": str(j)}


def _layer(obs: Observed, done: Series, layer: Layer, request: dict[str, str], formats: list[str]) -> None:
    def ask(purpose: str, fmt: str, **extra: str) -> None:
        sent = {**request, "INFO_FORMAT": fmt, **extra}
        done.calls.append(InfoCall(purpose, layer.name, fmt, sent, obs.client.call("GetFeatureInfo", sent)))

    for fmt in formats:
        ask("format", fmt)
    xml = next((f for f in formats if "xml" in f.lower() or "gml" in f.lower()), None)
    if xml is not None and not layer.group:
        ask("count-many", xml, FEATURE_COUNT=MANY)
        ask("count-one", xml, FEATURE_COUNT="1")
    ask("outside", formats[0], I=str(int(request["WIDTH"]) + OUTSIDE), J=str(int(request["HEIGHT"]) + OUTSIDE))


def _exceptions(obs: Observed, done: Series, formats: list[str]) -> None:
    caps = obs.caps()
    first = next((la for la in caps.queryable.items if layer_crs(la)), None)
    base = _request(obs, first) if first is not None and formats else None
    if base is None:
        return
    cases = [
        ("LayerNotDefined", {"QUERY_LAYERS": "wechselbar-no-such-layer"}),
        ("InvalidFormat", {"INFO_FORMAT": "text/x-wechselbar"}),
    ]
    other = caps.not_queryable
    if other is not None and layer_crs(other):
        cases.append(("LayerNotQueryable", {"LAYERS": other.name, "QUERY_LAYERS": other.name}))
    for code, extra in cases:
        sent = {**base, "INFO_FORMAT": formats[0], **extra}
        done.calls.append(
            InfoCall(
                f"exception:{code}",
                sent["QUERY_LAYERS"],
                sent["INFO_FORMAT"],
                sent,
                obs.client.call("GetFeatureInfo", sent),
            )
        )


GML_MARKERS = ("boundedBy",)


def features(answer: Answer) -> int | None:
    """The features in an XML answer, counted by their GML markers; None when the answer is not XML."""
    tree = xml_tree(answer)
    if isinstance(tree, str):
        return None
    counted = set()
    root = tree.getroot()
    for el in root.iter():
        if el is root or not isinstance(el.tag, str):
            continue
        local = etree.QName(el).localname
        if any(_identifier(str(k)) for k in el.attrib):
            counted.add(el)
        elif local in ("featureMember", "member"):
            counted.update(c for c in el if isinstance(c.tag, str))
        elif any(isinstance(c.tag, str) and etree.QName(c).localname in GML_MARKERS for c in el):
            counted.add(el)
    nested = {el for el in counted if any(a in counted for a in el.iterancestors())}
    return len(counted - nested)


def _identifier(attribute: str) -> bool:
    return attribute == "fid" or (attribute.endswith("}id") and "gml" in attribute)
