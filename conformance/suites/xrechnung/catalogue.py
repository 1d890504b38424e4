"""XRechnung 3.0 as data: one class per syntax and profile, each rule of its scenario a requirement.

The classes are the XRechnung scenarios of the KoSIT configuration (UBL Invoice, UBL CreditNote and CII,
each as CIUS, Extension or CVD). A class's requirements are the XML Schema and every rule id of the
stylesheets its scenario runs (CEN EN 16931 BR-…, UBL-…/CII-…, XRechnung BR-DE-…, merged PEPPOL-…), with
the severity the scenario gives it (customLevel applied): fatal/error → MUSS, warning → SOLL,
information → KANN. The statement is the rule's own message. The rules are read from the compiled
stylesheets, so the catalogue always matches what is run; it is cached per pack version.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from functools import cache
from pathlib import Path

from lxml import etree

from conformance.core.model import ConformanceClass, Requirement, Standard
from conformance.core.outcomes import Obligation
from conformance.core.packs import PackError
from conformance.core.paths import cache_dir
from conformance.core.xmlsafe import hardened_parser
from conformance.xml import saxon
from conformance.xml.kosit import ConfigurationError, configuration
from conformance.xml.limits import EXPORT_OPTIONS
from conformance.xml.scenarios import Scenario, scenarios
from conformance.xml.schematron import build_key

ID = "xrechnung-3.0"
VERSION = "3.0.2"
BASE = "urn:xeinkauf.de:kosit:xrechnung_3.0"
SPEC = "https://xeinkauf.de/xrechnung/versionen-und-bundles/"
CEN = "https://github.com/ConnectingEurope/eInvoicing-EN16931"
PEPPOL = "https://docs.peppol.eu/poacc/billing/3.0/rules/"
SVRL = "http://purl.oclc.org/dsdl/svrl"
LAYOUT = "grouped-warnings-1"
XSL = "http://www.w3.org/1999/XSL/Transform"
EXPORT = f"{BASE}/conf/export"
PACKS = (
    "xrechnung-validator-configuration",
    "xrechnung-schematron",
    "peppol-bis-3",
    "en16931-cen",
    "ubl-2.1",
    "schxslt",
)
FAMILY = re.compile(r"(UBL-CR|UBL-SR|UBL-DT|CII-SR|CII-DT)-")
OBLIGATION = {
    "fatal": Obligation.MUSS,
    "error": Obligation.MUSS,
    "warning": Obligation.SOLL,
    "information": Obligation.KANN,
}
PROFILES = {"Extension": ("extension", "Extension"), "CVD": ("cvd", "CVD")}
SYNTAX = {
    "UBL Invoice": ("ubl-invoice", "UBL-Rechnung"),
    "UBL CreditNote": ("ubl-creditnote", "UBL-Gutschrift"),
    "CII": ("cii", "CII-Rechnung"),
}


def class_of(scenario: Scenario) -> ConformanceClass:
    """The conformance class of an XRechnung scenario, e.g. ``ubl-invoice-cius``."""
    syntax = scenario.name[scenario.name.index("(") + 1 : -1]
    profile = next((p for p in PROFILES if f" {p} " in scenario.name), "")
    short_syntax, german = SYNTAX[syntax]
    short_profile, label = PROFILES.get(profile, ("cius", "CIUS"))
    return ConformanceClass(
        f"{BASE}/conf/{short_syntax}-{short_profile}",
        f"{short_syntax}-{short_profile}",
        f"{german} ({label})",
        f"{syntax} ({label})",
        SPEC,
    )


def xrechnung_scenarios() -> tuple[Scenario, ...]:
    """The scenarios of the XRechnung configuration that grade XRechnung (not plain EN 16931)."""
    return tuple(s for s in scenarios(configuration(ID)) if "XRechnung" in s.name)


def rules_of(stylesheet: Path) -> dict[str, tuple[str, str]]:
    """Rule id → (flag, message) of every assertion and report in a compiled Schematron stylesheet."""
    root = etree.parse(str(stylesheet), hardened_parser(huge_tree=True)).getroot()
    found: dict[str, tuple[str, str]] = {}
    for node in root.iter(f"{{{SVRL}}}failed-assert", f"{{{SVRL}}}successful-report"):
        rule, flag = _attribute(node, "id"), _attribute(node, "flag") or _attribute(node, "role") or "error"
        if rule and rule not in found:
            found[rule] = (flag, _text(node))
    return found


def _attribute(node: etree._Element, name: str) -> str:
    dynamic = node.find(f"{{{XSL}}}attribute[@name='{name}']")
    return (node.get(name) or (dynamic.text if dynamic is not None else "") or "").strip()


def _text(node: etree._Element) -> str:
    text = node.find(f"{{{SVRL}}}text")
    if text is None:
        return ""
    parts = [
        t if not isinstance(p, etree._Element) or p.tag == f"{{{SVRL}}}text" else "…"
        for p in text.iter()
        for t in ([p.text or ""] + ([p.tail or ""] if p is not text else []))
    ]
    return re.sub(r"^\[[^\]]+\]\s*-?\s*", "", " ".join("".join(parts).split()))


def _spec(rule: str) -> str:
    if rule.startswith("PEPPOL-"):
        return PEPPOL
    return SPEC if rule.startswith(("BR-DE", "BR-DEX", "BR-TMP", "BR-DE-TMP")) else CEN


def _rows() -> Iterator[dict[str, str]]:
    config = configuration(ID)
    for scenario in xrechnung_scenarios():
        cls = class_of(scenario)
        yield {
            "cls": cls.short,
            "rule": "XSD",
            "level": "error",
            "statement": f"Das Dokument ist gültig gegen das XML-Schema {Path(scenario.schema).name}.",
        }
        for _, location in scenario.schematron:
            for rule, (flag, text) in rules_of(config.resolve_file(location)).items():
                yield {"cls": cls.short, "rule": rule, "level": scenario.level(rule, flag), "statement": text}


def _grouped(found: list[dict[str, str]]) -> list[dict[str, str]]:
    """Warning-level syntax restrictions (UBL-CR-…, CII-SR-…, …) as one requirement per family and class."""
    out: list[dict[str, str]] = []
    groups: dict[tuple[str, str], dict[str, str]] = {}
    for row in found:
        family = FAMILY.match(row["rule"])
        if family is None or row["level"] != "warning":
            out.append(row)
            continue
        key = (row["cls"], family[1])
        if key not in groups:
            groups[key] = {"cls": row["cls"], "rule": family[1], "level": "warning", "members": ""}
            out.append(groups[key])
        groups[key]["members"] += f" {row['rule']}"
    for group in groups.values():
        count = len(group["members"].split())
        group["statement"] = (
            f"Syntaxregeln {group['rule']}-… mit Schweregrad Warnung ({count} Regeln, z. B. "
            "Elemente, die EN 16931 nicht verwendet): keine davon schlägt an."
        )
    return out


@cache
def rows() -> tuple[dict[str, str], ...]:
    """The rule requirements, derived from the compiled stylesheets and cached per pack version."""
    config = configuration(ID)
    stylesheets = sorted({str(config.resolve_file(loc)) for s in xrechnung_scenarios() for _, loc in s.schematron})
    path = cache_dir() / "catalogues" / f"{ID}-{build_key(LAYOUT, *stylesheets)}.json"
    if path.exists():
        return tuple(json.loads(path.read_text(encoding="utf-8")))
    found = _grouped(list(_rows()))
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(found, ensure_ascii=False), encoding="utf-8")
    return tuple(found)


def members(cls: str, rule: str) -> frozenset[str]:
    """The rule ids a requirement covers: the rule itself, or the members of a grouped family."""
    return _members().get((cls, rule)) or frozenset({rule})


@cache
def _members() -> dict[tuple[str, str], frozenset[str]]:
    return {(row["cls"], row["rule"]): frozenset(row.get("members", "").split()) for row in rows()}


def requirement_uri(cls: str, rule: str) -> str:
    """The URI of one rule requirement in one class."""
    return f"{BASE}/req/{cls}/{rule}"


def _export_requirements() -> list[Requirement]:
    return [
        Requirement(
            f"{BASE}/req/export/recognised",
            EXPORT,
            ID,
            VERSION,
            Obligation.MUSS,
            "Jedes gelieferte Dokument ist wohlgeformt und entspricht genau einem XRechnung-Prüfszenario "
            "(UBL Invoice/CreditNote oder CII als CIUS, Extension oder CVD).",
            SPEC,
        ),
        Requirement(
            f"{BASE}/req/export/accepted",
            EXPORT,
            ID,
            VERSION,
            Obligation.MUSS,
            "Jedes gelieferte Dokument wird nach der Empfehlung der KoSIT-Prüfkonfiguration angenommen.",
            SPEC,
        ),
    ]


def _requirements(classes: dict[str, ConformanceClass]) -> list[Requirement]:
    found = []
    for row in rows():
        found.append(
            Requirement(
                requirement_uri(row["cls"], row["rule"]),
                classes[row["cls"]].uri,
                ID,
                VERSION,
                OBLIGATION.get(row["level"], Obligation.MUSS),
                row["statement"] or row["rule"],
                _spec(row["rule"]),
            )
        )
    return found


def _standard() -> tuple[Standard, str]:
    export = ConformanceClass(
        EXPORT, "export", "Lieferung (erkannt und angenommen)", "Export (recognised, accepted)", SPEC
    )
    try:
        classes = {c.short: c for c in (class_of(s) for s in xrechnung_scenarios())}
        requirements, problem = _requirements(classes), ""
    except (PackError, ConfigurationError, saxon.SaxonError, OSError) as exc:
        classes, requirements, problem = {}, [], str(exc)
    return Standard(
        ID,
        "XRechnung 3.0",
        VERSION,
        (export, *classes.values()),
        SPEC,
        ("path", "url"),
        (*_export_requirements(), *requirements),
        PACKS,
        "XRechnung 3.0",
        EXPORT_OPTIONS,
    ), problem


STANDARD, UNAVAILABLE = _standard()
