"""Equivalent forms of compiled Schematron stylesheets for parts Saxon-HE would run in quadratic time.

Each rewrite keeps what the stylesheet reports (rules fired, their locations and texts) and is tested
against the unrewritten stylesheet on the corpora.

Indexed match patterns (SchXslt output). A rule context such as
``ubl-invoice:Invoice[cac:InvoicePeriod/cbc:StartDate]/cac:InvoiceLine/...`` (PEPPOL-EN16931-R110) tests
the predicate of the invoice once per invoice line; when the invoice has no period, each test walks all of
the invoice's children, so the check takes time quadratic in the number of lines. The rewrite moves such a
leading step into an ``xsl:key`` (indexed once per document) and starts the pattern with ``key(...)``. A
node matches the new pattern exactly when it matches the old one (the key holds the elements matching the
leading step, the rest of the path is unchanged, and template priorities are explicit in compiled
Schematron). Only leading steps whose predicate is a plain child path are rewritten.

Locations. SchXslt numbers each step of a location with ``xsl:number`` and the ISO skeleton (the CEN
rules) counts the preceding siblings of the same ``name()``; both scan all earlier siblings, so an invoice
with a finding on each of 20,000 lines takes quadratic time. The rewrites compute each parent's sibling
positions once (a cached function grouping the children as the original counts them) and print exactly
the same path.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from lxml import etree

XSL = "http://www.w3.org/1999/XSL/Transform"
NAME = r"[A-Za-z_][\w.-]*:[A-Za-z_][\w.-]*"
LEADING = re.compile(rf"(?P<step>{NAME}\[(?P<path>{NAME}(?:/{NAME})*)\])(?P<rest>/{NAME}.*)", re.S)
KEY_VALUE = "'*'"
KEY_PREFIX = "wechselbar-indexed-"


def branches(pattern: str) -> list[str]:
    """The top-level alternatives of a union pattern (``|`` outside brackets, parentheses and strings)."""
    parts, depth, quote, start = [], 0, "", 0
    for index, char in enumerate(pattern):
        if quote:
            quote = "" if char == quote else quote
        elif char in "'\"":
            quote = char
        elif char in "[(":
            depth += 1
        elif char in "])":
            depth -= 1
        elif char == "|" and depth == 0:
            parts.append(pattern[start:index])
            start = index + 1
    return [*parts, pattern[start:]]


def keyed(stylesheet: bytes) -> bytes:
    """A compiled stylesheet with every rewritable leading step of its match patterns indexed by a key."""
    root = etree.fromstring(stylesheet)
    keys: dict[str, str] = {}
    scopes: dict[str, dict[str, str]] = {}
    for template in root.iterfind(f"{{{XSL}}}template[@match]"):
        found = [_rewrite(branch.strip(), keys) for branch in branches(template.get("match", ""))]
        if any(step for _, step in found):
            template.set("match", " | ".join(text for text, _ in found))
            scopes.update({step: {p: u for p, u in template.nsmap.items() if p} for _, step in found if step})
    for step, name in keys.items():
        etree.SubElement(root, f"{{{XSL}}}key", nsmap=scopes[step], name=name, match=step, use=KEY_VALUE)
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8")


def _rewrite(branch: str, keys: dict[str, str]) -> tuple[str, str]:
    """The branch (rewritten or not) and the leading step moved into a key ("" when unchanged)."""
    match = LEADING.fullmatch(branch)
    if match is None or _unsafe(match["rest"]):
        return branch, ""
    name = keys.setdefault(match["step"], f"{KEY_PREFIX}{len(keys) + 1}")
    return f"key('{name}', {KEY_VALUE}){match['rest']}", match["step"]


def _unsafe(rest: str) -> bool:
    """True when the rest of the path is not a plain sequence of child steps (kept out of the rewrite)."""
    return any(not re.fullmatch(rf"{NAME}(\[[^\[\]]*\])*", step) for step in _steps(rest[1:]))


def _steps(path: str) -> Iterator[str]:
    depth, start = 0, 0
    for index, char in enumerate(path):
        depth += char == "["
        depth -= char == "]"
        if char == "/" and depth == 0:
            yield path[start:index]
            start = index + 1
    yield path[start:]


NS = "urn:wechselbar:rewrites"
MODE = "schematron-get-full-path-2"
DECLARE = f'xmlns:xsl="{XSL}" xmlns:wechselbar="{NS}" xmlns:xs="http://www.w3.org/2001/XMLSchema" version="3.0"'
POSITIONS = """<xsl:function {declare} name="wechselbar:{name}" as="map(*)" cache="yes">
  <xsl:param name="parent" as="node()"/>
  <xsl:map>
    <xsl:for-each-group select="{children}" group-by="{key}">
      <xsl:for-each select="current-group()">
        <xsl:map-entry key="generate-id(.)" select="position()"/>
      </xsl:for-each>
    </xsl:for-each-group>
  </xsl:map>
</xsl:function>"""
NAMES = POSITIONS.format(declare=DECLARE, name="name-positions", children="$parent/*", key="name(.)")
SKELETON_PATH = f"""<xsl:template {DECLARE} match="node() | @*" mode="{MODE}">
  <xsl:for-each select="ancestor-or-self::*">
    <xsl:variable name="position" select="wechselbar:name-positions(..)(generate-id(.))"/>
    <xsl:text>/</xsl:text>
    <xsl:value-of select="name(.)"/>
    <xsl:if test="$position gt 1">
      <xsl:text>[</xsl:text>
      <xsl:value-of select="$position"/>
      <xsl:text>]</xsl:text>
    </xsl:if>
  </xsl:for-each>
  <xsl:if test="not(self::*)">
    <xsl:text/>/@<xsl:value-of select="name(.)"/>
  </xsl:if>
</xsl:template>"""
NUMBERS = POSITIONS.format(declare=DECLARE, name="numbers", children="$parent/node()", key="wechselbar:kind(.)")
KIND = f"""<xsl:function {DECLARE} name="wechselbar:kind" as="xs:string">
  <xsl:param name="node" as="node()"/>
  <xsl:sequence select="if ($node instance of element()) then concat('Q{{', namespace-uri($node), '}}',
    local-name($node)) else if ($node instance of processing-instruction()) then concat('?', name($node))
    else if ($node instance of comment()) then '!' else '#'"/>
</xsl:function>"""
NUMBER = f"""<xsl:variable {DECLARE} name="position"
    select="if (exists(..)) then wechselbar:numbers(..)(generate-id(.)) else 1"/>"""


def linear_locations(stylesheet: bytes) -> bytes:
    """The skeleton's location template or SchXslt's location numbering in linear time (else unchanged)."""
    root = etree.fromstring(stylesheet)
    template = root.find(f"{{{XSL}}}template[@mode='{MODE}'][@match='node() | @*']")
    number = root.find(f"{{{XSL}}}function[@name='schxslt:location']//{{{XSL}}}variable[@name='position']")
    if template is not None:
        _replace(template, SKELETON_PATH, NAMES)
    elif number is not None and _is_plain_number(number):
        _replace(number, NUMBER)
        root.append(etree.fromstring(NUMBERS))
        root.append(etree.fromstring(KIND))
    else:
        return stylesheet
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8")


def _is_plain_number(variable: etree._Element) -> bool:
    """True for ``<xsl:variable name="position"><xsl:number level="single"/></xsl:variable>``."""
    children = list(variable)
    plain = len(children) == 1 and children[0].tag == f"{{{XSL}}}number" and len(children[0].attrib) == 1
    return plain and children[0].get("level") == "single" and len(variable.attrib) == 1


def _replace(old: etree._Element, *new: str) -> None:
    for text in reversed(new):
        old.addnext(etree.fromstring(text))
    parent = old.getparent()
    if parent is not None:
        parent.remove(old)
