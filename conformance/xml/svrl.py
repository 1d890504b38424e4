"""SVRL (Schematron Validation Report Language) to findings: rule id, severity, location and message."""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping

from lxml import etree

from conformance.core.xmlsafe import hardened_parser
from conformance.xml.report import Finding

SVRL = "http://purl.oclc.org/dsdl/svrl"
FIRED = (f"{{{SVRL}}}failed-assert", f"{{{SVRL}}}successful-report")
KNOWN_PREFIXES = {
    "urn:oasis:names:specification:ubl:schema:xsd:Invoice-2": "ubl",
    "urn:oasis:names:specification:ubl:schema:xsd:CreditNote-2": "cn",
    "urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2": "cac",
    "urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2": "cbc",
    "urn:oasis:names:specification:ubl:schema:xsd:CommonExtensionComponents-2": "ext",
    "urn:un:unece:uncefact:data:standard:CrossIndustryInvoice:100": "rsm",
    "urn:un:unece:uncefact:data:standard:ReusableAggregateBusinessInformationEntity:100": "ram",
    "urn:un:unece:uncefact:data:standard:UnqualifiedDataType:100": "udt",
    "urn:un:unece:uncefact:data:standard:QualifiedDataType:100": "qdt",
}
_BRACED = re.compile(r"Q\{([^}]*)\}([\w.-]+)")
_WILDCARD = re.compile(r"\*:([\w.-]+)\[namespace-uri\(\)='([^']*)'\]")


def severity(flag: str | None, role: str | None) -> str:
    """The level of a fired assertion, as the KoSIT report derives it from @flag and @role."""
    marks = {m.lower() for m in (flag, role) if m}
    if marks & {"fatal", "error"}:
        return "fatal" if "fatal" in marks else "error"
    if marks & {"warning", "warn"}:
        return "warning"
    if marks & {"information", "info"}:
        return "information"
    return "error"


def readable(location: str, prefixes: Mapping[str, str]) -> str:
    """An SVRL location with ``Q{uri}name`` and ``*:name[namespace-uri()=...]`` steps as ``prefix:name``."""

    def name(uri: str, local: str) -> str:
        prefix = prefixes.get(uri)
        if not uri:
            return local
        return f"{prefix}:{local}" if prefix else f"*:{local}[namespace-uri()='{uri}']"

    text = _BRACED.sub(lambda m: name(m[1], m[2]), location)
    return _WILDCARD.sub(lambda m: name(m[2], m[1]), text)


def prefixes_of(root: etree._Element) -> dict[str, str]:
    """Namespace URI → prefix: the well-known e-invoice prefixes, then the document's own declarations."""
    found = dict(KNOWN_PREFIXES)
    for prefix, uri in root.nsmap.items():
        if prefix and uri not in found:
            found[uri] = prefix
    return found


def parse(svrl: str | bytes) -> etree._Element:
    """The root element of an SVRL document; ValueError if it is not one."""
    data = svrl.encode() if isinstance(svrl, str) else svrl
    root = etree.fromstring(data, hardened_parser())
    if root.tag != f"{{{SVRL}}}schematron-output":
        raise ValueError(f"not an SVRL report: root element is {root.tag}")
    return root


def findings(svrl: str | bytes, prefixes: Mapping[str, str] | None = None) -> list[Finding]:
    """Every failed assertion and successful report of an SVRL document, in document order."""
    return fired(parse(svrl), prefixes)


def fired(root: etree._Element, prefixes: Mapping[str, str] | None = None) -> list[Finding]:
    """Every failed assertion and successful report of a parsed SVRL document, in document order."""
    return list(_fired(root, prefixes or KNOWN_PREFIXES))


def _fired(root: etree._Element, prefixes: Mapping[str, str]) -> Iterator[Finding]:
    for node in root.iter(*FIRED):
        text = node.findtext(f"{{{SVRL}}}text") or ""
        yield Finding(
            rule=node.get("id") or "UNSPECIFIC",
            severity=severity(node.get("flag"), node.get("role")),
            location=readable(node.get("location") or "/", prefixes),
            message=" ".join(text.split()),
            source="schematron",
        )
