"""Filtered queries derived from the sample (FES 2.0 as the Filter_Capabilities declare it): for each sampled type,
from its first two features A and B, PropertyIsEqualTo on A's value, PropertyIsLike on a pattern A's text matches,
And (A's value and a BBOX around A), Or (A's or B's value) and Not (A's value); sent in KVP (FILTER) and, where
XMLEncoding is declared, POSTed as wfs:GetFeature/wfs:Query/fes:Filter. The features that come back are judged
by evaluating the filter on their own properties."""

from __future__ import annotations

from dataclasses import dataclass

from lxml import etree

from conformance.suites.wfs.extent import extent
from conformance.suites.wfs.features import Series, TypeProbe, members
from conformance.suites.wfs.filters import FILTER, kvp_params
from conformance.suites.wfs.posts import query_body
from conformance.suites.wfs.predicates import Equal, Like, Logical, Predicate, Within, like_pattern, value_of
from conformance.suites.wfs.probes import GML_ID
from conformance.suites.wfs.service import FES, Answer, Observed

LIMIT = 100


@dataclass(frozen=True)
class Case:
    """One filter for one type (``kind``: equal, like, and, or, not) and the sampled features it must give."""

    type: str
    kind: str
    predicate: Predicate
    inside: tuple[str, ...]
    reference: str
    namespace: str


@dataclass(frozen=True)
class Sent:
    """A case as sent in one encoding (KVP or POST), and the answer."""

    case: Case
    encoding: str
    answer: Answer

    def complete(self) -> bool:
        """Whether the answer holds every match (fewer features came than the COUNT asked)."""
        return len(members(self.answer)) < LIMIT


def text_leaf(feature: etree._Element) -> tuple[str, str]:
    """The prefixed name and the value of the first property whose text has a letter and three characters."""
    for prop in feature:
        text = (prop.text or "").strip() if len(prop) == 0 else ""
        if isinstance(prop.tag, str) and len(text) >= 3 and any(c.isalpha() for c in text):
            local = etree.QName(prop).localname
            return (f"{prop.prefix}:{local}" if prop.prefix else local), text
    return "", ""


def _cases(probe: TypeProbe, constraints: dict[str, str]) -> list[Case]:
    first = members(probe.results)[:2]
    if not first or not probe.reference:
        return []
    a, ids = first[0], tuple(f.get(GML_ID, "") for f in first)
    value, made = value_of(a, probe.reference) or "", list[Case]()

    def case(kind: str, predicate: Predicate, inside: tuple[str, ...]) -> None:
        made.append(Case(probe.name, kind, predicate, inside, probe.reference, probe.namespace))

    equal = Equal(probe.reference, value)
    if constraints.get("fes:ImplementsMinStandardFilter") == "TRUE":
        case("equal", equal, ids[:1])
        box = extent(a) if constraints.get("fes:ImplementsMinSpatialFilter") == "TRUE" else None
        if box is not None:
            case("and", Logical("And", (equal, Within(box.padded()))), ids[:1])
        other = value_of(first[1], probe.reference) if len(first) > 1 else None
        if other is not None and other != value:
            case("or", Logical("Or", (equal, Equal(probe.reference, other))), ids)
            case("not", Logical("Not", (equal,)), ids[1:])
    reference, text = text_leaf(a)
    if reference and constraints.get("fes:ImplementsStandardFilter") == "TRUE":
        case("like", Like(reference, like_pattern(text)), ids[:1])
    return made


def cases(obs: Observed, done: Series) -> list[Case]:
    """Every case of every sampled type with features, as far as the Filter_Capabilities declare the operators."""
    constraints = obs.usable().constraints
    return [c for probe in done.types for c in _cases(probe, constraints)]


def sent_kvp(obs: Observed, made: list[Case]) -> list[Sent]:
    """Each case except equal (filter-equal asks it already) in KVP, with COUNT."""
    found = []
    for c in made:
        if c.kind != "equal":
            params = kvp_params(c.type, c.predicate.xml(), c.reference, c.namespace)
            found.append(Sent(c, "KVP", obs.call("GetFeature", {**params, "COUNT": str(LIMIT)})))
    return found


def sent_post(obs: Observed, made: list[Case]) -> list[Sent]:
    """Each case POSTed as a wfs:Query with a fes:Filter and count."""
    found = []
    for c in made:
        clause = FILTER.format(fes=FES, namespaces="", clause=c.predicate.xml())
        found.append(Sent(c, "POST", obs.post("GetFeature", query_body(c.type, c.namespace, LIMIT, clause))))
    return found
