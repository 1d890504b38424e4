"""Filter requests of the WFS suite (ISO 19143, FES 2.0, as the Filter_Capabilities advertise them): for each
sampled type, GetFeature with a fes:ResourceId of its first feature, with fes:PropertyIsEqualTo on the first
property of that feature that holds text, and with a fes:BBOX around its coordinates, KVP-encoded in FILTER."""

from __future__ import annotations

from dataclasses import dataclass
from xml.sax.saxutils import escape, quoteattr

from conformance.suites.wfs.extent import Box, bbox_clause, extent
from conformance.suites.wfs.features import Series, TypeProbe, members
from conformance.suites.wfs.probes import GML_ID
from conformance.suites.wfs.service import FES, Answer, Observed

FILTER = '<fes:Filter xmlns:fes="{fes}"{namespaces}>{clause}</fes:Filter>'


@dataclass(frozen=True)
class FilterProbe:
    """The filtered requests about one type and what the first feature says."""

    type: str
    id: str
    reference: str
    value: str
    by_id: Answer | None
    equal: Answer | None
    box: Box | None = None
    bbox: Answer | None = None


def first_value(probe: TypeProbe) -> tuple[str, str]:
    """The gml:id of the first feature and the text of its first property that holds text."""
    first = members(probe.results)[:1]
    if not first:
        return "", ""
    reference = probe.reference.rpartition(":")[2]
    value = next((p.text or "" for p in first[0] if isinstance(p.tag, str) and p.tag.endswith("}" + reference)), "")
    return first[0].get(GML_ID, ""), value.strip()


def probes(obs: Observed, done: Series) -> list[FilterProbe]:
    """The filtered requests of every sampled type that has a first feature."""
    constraints, found = obs.usable().constraints, []
    for probe in done.types:
        fid, value = first_value(probe)
        if not fid:
            continue
        by_id = equal = None
        if constraints.get("fes:ImplementsResourceId") == "TRUE":
            by_id = _get(obs, probe.name, f"<fes:ResourceId rid={quoteattr(fid)}/>", "", "")
        if value and probe.reference and constraints.get("fes:ImplementsMinStandardFilter") == "TRUE":
            clause = (
                f"<fes:PropertyIsEqualTo><fes:ValueReference>{escape(probe.reference)}</fes:ValueReference>"
                f"<fes:Literal>{escape(value)}</fes:Literal></fes:PropertyIsEqualTo>"
            )
            equal = _get(obs, probe.name, clause, probe.reference, probe.namespace)
        box, bbox = _box(obs, probe) if constraints.get("fes:ImplementsMinSpatialFilter") == "TRUE" else (None, None)
        found.append(FilterProbe(probe.name, fid, probe.reference, value, by_id, equal, box, bbox))
    return found


def _box(obs: Observed, probe: TypeProbe) -> tuple[Box | None, Answer | None]:
    box = extent(members(probe.results)[0])
    if box is None:
        return None, None
    padded = box.padded()
    return padded, _get(obs, probe.name, bbox_clause(padded), "", "")


def _get(obs: Observed, name: str, clause: str, reference: str, namespace: str) -> Answer:
    return obs.call("GetFeature", kvp_params(name, clause, reference, namespace))


def kvp_params(name: str, clause: str, reference: str, namespace: str) -> dict[str, str]:
    """TYPENAMES, FILTER (the clause in a fes:Filter) and, for a prefixed reference, NAMESPACES."""
    prefix = reference.partition(":")[0] if namespace and ":" in reference else ""
    declared = f" xmlns:{prefix}={quoteattr(namespace)}" if prefix else ""
    params = {"TYPENAMES": name, "FILTER": FILTER.format(fes=FES, namespaces=declared, clause=clause)}
    if prefix:
        params["NAMESPACES"] = f"xmlns({prefix},{namespace})"
    return params
