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

Idle traversals. The ISO skeleton (the CEN rules) walks the whole document once per pattern in the unnamed
mode, where nothing can match but an empty rule for text nodes; the walk writes nothing and is removed.
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
    parts, start = [], 0
    for index, char, depth in unquoted(pattern):
        if char == "|" and depth == 0:
            parts.append(pattern[start:index])
            start = index + 1
    return [*parts, pattern[start:]]


def unquoted(text: str, start: int = 0) -> Iterator[tuple[int, str, int]]:
    """Each character from ``start`` outside string literals, with its index and its bracket depth (an opening
    bracket counted after itself, a closing one before itself: the ``)`` closing a call begun before ``start``
    has depth -1)."""
    depth, quote = 0, ""
    for index in range(start, len(text)):
        char = text[index]
        if quote or char in "'\"":
            quote = "" if char == quote else quote or char
            continue
        depth -= char in ")]}"
        yield index, char, depth
        depth += char in "([{"


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


def without_idle_traversals(stylesheet: bytes) -> bytes:
    """The ISO skeleton's stylesheet without the unnamed-mode traversals that can write nothing (else unchanged).

    The skeleton opens every pattern's ``svrl:active-pattern`` with a bare ``<xsl:apply-templates/>``: in the
    unnamed mode, whose only rules are the document node's and an empty one for text nodes, it walks the whole
    document and yields the empty sequence (the built-in rules recurse through elements, drop comments and
    processing instructions, and every text node meets the empty rule). Removing it leaves the output the same.
    Nothing is removed when another rule could apply in the unnamed mode, a mode is declared, a default mode is
    set, or the stylesheet imports or includes others.
    """
    root = etree.fromstring(stylesheet)
    bare = [a for a in root.iter(f"{{{XSL}}}apply-templates") if not a.attrib and len(a) == 0]
    if not bare or not _idle_unnamed_mode(root):
        return stylesheet
    for element in bare:
        _remove(element)
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8")


def _idle_unnamed_mode(root: etree._Element) -> bool:
    """True when the unnamed mode has only built-in rules, the document node's rule and empty text rules."""
    declared = (f"{{{XSL}}}mode", f"{{{XSL}}}import", f"{{{XSL}}}include")
    if any(True for _ in root.iter(*declared)) or any(_sets_default_mode(e) for e in root.iter(etree.Element)):
        return False
    rules = [t for t in root.iterfind(f"{{{XSL}}}template[@match]") if _unnamed(t.get("mode"))]
    return all(t.get("match") == "/" or _empty_text_rule(t) for t in rules)


def _unnamed(mode: str | None) -> bool:
    return mode is None or bool({"#default", "#unnamed", "#all"} & set(mode.split()))


def _sets_default_mode(element: etree._Element) -> bool:
    own = "default-mode" if str(element.tag).startswith(f"{{{XSL}}}") else f"{{{XSL}}}default-mode"
    return element.get(own) is not None


def _empty_text_rule(template: etree._Element) -> bool:
    return template.get("match", "").strip() == "text()" and len(template) == 0 and not (template.text or "").strip()


def _remove(element: etree._Element) -> None:
    """Remove an element, keeping its tail text in place."""
    parent = element.getparent()
    if parent is None:
        return
    previous = element.getprevious()
    if element.tail:
        if previous is not None:
            previous.tail = (previous.tail or "") + element.tail
        else:
            parent.text = (parent.text or "") + element.tail
    parent.remove(element)
