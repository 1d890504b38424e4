"""KoSIT scenarios (``scenarios.xml``): which document a scenario takes, its steps, levels and acceptance."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from functools import cache, cached_property
from typing import Any

from lxml import etree

from conformance.core.packs import default_store
from conformance.core.xmlsafe import parse_bytes
from conformance.xml import saxon
from conformance.xml.kosit import Configuration, configurations

NS = "http://www.xoev.de/de/validator/framework/1/scenarios"
XSL = "http://www.w3.org/1999/XSL/Transform"
Q = {"s": NS}


@dataclass(frozen=True)
class Scenario:
    """One scenario: its match expression, XSD and Schematron locations, report, custom levels and acceptMatch."""

    name: str
    config: Configuration
    match: str
    namespaces: Mapping[str, str] = field(hash=False, compare=False)
    schema: str = ""
    schematron: tuple[tuple[str, str], ...] = ()
    report: str = ""
    custom_levels: Mapping[str, str] = field(default_factory=dict, hash=False, compare=False)
    accept_match: str = ""
    element: bytes = field(default=b"", repr=False, hash=False, compare=False)

    def level(self, rule: str, severity: str) -> str:
        """The severity after the scenario's ``customLevel`` overrides."""
        return self.custom_levels.get(rule, severity)

    def matches(self, node: Any) -> bool:
        """Whether this scenario takes the document (its ``match`` XPath on the Saxon node)."""
        return saxon.matches(node, self.match, self.namespaces)


@cache
def scenarios(config: Configuration) -> tuple[Scenario, ...]:
    """The scenarios of a configuration, in file order, with its Ant tokens replaced."""
    store = default_store()
    text = config.detokenize(store.path(config.scenarios_pack, config.scenarios_path).read_text(encoding="utf-8"))
    if config.scenarios_transform:
        transform = saxon.build_executable(store.path(config.scenarios_pack, config.scenarios_transform))
        text = saxon.transform(transform, saxon.parse(text.encode("utf-8"), build=True))
    root = parse_bytes(text.encode("utf-8")).getroot()
    return tuple(_scenario(config, element) for element in root.iterfind("s:scenario", Q))


def _scenario(config: Configuration, element: etree._Element) -> Scenario:
    resources = [
        (r.findtext("s:name", "", Q), r.findtext("s:location", "", Q).strip())
        for r in element.iterfind("s:validateWithSchematron/s:resource", Q)
    ]
    return Scenario(
        name=" ".join(element.findtext("s:name", "", Q).split()),
        config=config,
        match=element.findtext("s:match", "", Q).strip(),
        namespaces={n.get("prefix", ""): (n.text or "").strip() for n in element.iterfind("s:namespace", Q)},
        schema=element.findtext("s:validateWithXmlSchema/s:resource/s:location", "", Q).strip(),
        schematron=tuple((" ".join(n.split()), loc) for n, loc in resources),
        report=element.findtext("s:createReport/s:resource/s:location", "", Q).strip(),
        custom_levels=_levels(element.iterfind("s:createReport/s:customLevel", Q)),
        accept_match=element.findtext("s:acceptMatch", "", Q).strip(),
        element=etree.tostring(element),
    )


def _levels(elements: Iterable[etree._Element]) -> dict[str, str]:
    levels: dict[str, str] = {}
    for item in elements:
        for code in (item.text or "").split():
            levels[code] = item.get("level", "error")
    return levels


def all_scenarios() -> tuple[Scenario, ...]:
    """The scenarios of every configuration, configurations in order."""
    return tuple(s for config in configurations() for s in scenarios(config))


class NoScenario(Exception):
    """No scenario, or more than one, takes the document: it is rejected like the KoSIT fallback scenario."""


@dataclass(frozen=True)
class Selector:
    """All match expressions of a set of scenarios, compiled into one stylesheet and evaluated in one run."""

    scenarios: tuple[Scenario, ...]

    def stylesheet(self) -> str:
        """An XSLT 3 stylesheet printing the index of every scenario whose match takes the document."""
        root = etree.Element(f"{{{XSL}}}stylesheet", nsmap={"xsl": XSL}, version="3.0")
        etree.SubElement(root, f"{{{XSL}}}output", method="text")
        template = etree.SubElement(root, f"{{{XSL}}}template", match="/")
        for index, scenario in enumerate(self.scenarios):
            nsmap = {p: u for p, u in scenario.namespaces.items() if p and p != "xsl"}
            test = etree.SubElement(template, f"{{{XSL}}}if", nsmap=nsmap, test=scenario.match)
            test.text = f"{index} "
        return etree.tostring(root, encoding="unicode")

    def select(self, node: Any) -> Scenario:
        """The one scenario taking the document; none or several is NoScenario."""
        found = [self.scenarios[int(i)] for i in saxon.transform(self.compiled, node).split()]
        if len(found) == 1:
            return found[0]
        if not found:
            raise NoScenario(UNKNOWN)
        raise NoScenario(
            "ambiguous document type: more than one scenario matches (" + ", ".join(s.name for s in found) + ")"
        )

    @cached_property
    def compiled(self) -> Any:
        """The selection stylesheet, compiled once per selector (not hashed on every document)."""
        return saxon.compile_text(self.stylesheet())

    @cached_property
    def roots(self) -> frozenset[str] | None:
        """The root elements the scenarios can take, if every match is one absolute path from a named root."""
        found = [required_root(s) for s in self.scenarios]
        return None if None in found else frozenset(r for r in found if r is not None)

    def check_root(self, tag: str) -> None:
        """NoScenario, without evaluating any match, for a root element that no scenario's match can take."""
        if self.roots is not None and tag not in self.roots:
            raise NoScenario(UNKNOWN)


UNKNOWN = "unknown document type: none of the loaded scenarios matches the document"
_ROOT_STEP = re.compile(r"/([\w.-]+):([\w.-]+)")
_PLAIN_PATH = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_.-:/")


def required_root(scenario: Scenario) -> str | None:
    """``{ns}local`` of the root a scenario's match requires: its match is ``/p:Root…`` or ``exists(/p:Root…)``
    and a single path (predicates aside, no union or operator); None when it could take any root."""
    path = scenario.match.strip()
    if path.startswith("exists(") and path.endswith(")"):
        path = path[len("exists(") : -1].strip()
    found = _ROOT_STEP.match(path)
    if found is None or found[1] not in scenario.namespaces or not _single_path(path):
        return None
    return f"{{{scenario.namespaces[found[1]]}}}{found[2]}"


def _single_path(path: str) -> bool:
    """True if ``path`` is name steps and predicates only: outside ``[...]``, ``(...)`` and quotes nothing else."""
    depth, quote = 0, ""
    for char in path:
        if quote:
            quote = "" if char == quote else quote
        elif char in "'\"" and depth:
            quote = char
        elif char in "[(":
            depth += 1
        elif char in "])":
            depth -= 1
            if depth < 0:
                return False
        elif not depth and char not in _PLAIN_PATH:
            return False
    return depth == 0 and not quote


@cache
def selector() -> Selector:
    """The selector over the scenarios of every configuration."""
    return Selector(all_scenarios())


def select(node: Any) -> Scenario:
    """The one scenario (of all configurations) whose match expression takes the document."""
    return selector().select(node)
