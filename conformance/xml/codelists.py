"""Code-list tests of compiled Schematron answered from a map instead of a scan of the list's text.

The CEN rules test a code against its list as ``contains(' C62 H87 XPP … ', concat(' ', normalize-space(@unitCode),
' '))``: every test scans the literal (8.5 kB for the unit codes) for the code framed in spaces, so an invoice
with 20,000 lines scans 170 MB for the unit codes alone. The rewrite passes the same arguments to
``wechselbar:listed``, which looks a code without spaces up in a map of the list's words (a static variable,
built once when the stylesheet is compiled, not per document) and falls back to the same ``contains``
otherwise. For a probe ``' w '`` whose ``w`` is not empty and has no space, ``' w '`` occurs in the list exactly
when ``w`` is one of the words that ``tokenize(list, ' ')`` yields between two others, so the result is the same
for every input; errors raised by the probe's expression stay the same, as the ``concat`` is kept as it is.
"""

from __future__ import annotations

import re

from lxml import etree

from conformance.xml.rewrites import unquoted

XSL = "http://www.w3.org/1999/XSL/Transform"
NS = "urn:wechselbar:rewrites"
LITERAL = r"'(?:[^']|'')*'|\"(?:[^\"]|\"\")*\""
HEAD = re.compile(rf"(?<![\w.:$-])contains\(\s*(?P<list>{LITERAL})\s*,\s*(?P<probe>concat\()")
SPACE = ("' '", '" "')
MINIMUM = 64
FUNCTION = f"""<xsl:function xmlns:xsl="{XSL}" xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:map="http://www.w3.org/2005/xpath-functions/map" xmlns:wechselbar="{NS}" version="3.0"
    name="wechselbar:listed" as="xs:boolean">
  <xsl:param name="words" as="map(*)"/>
  <xsl:param name="list" as="xs:string"/>
  <xsl:param name="probe" as="xs:string"/>
  <xsl:variable name="word" select="substring($probe, 2, string-length($probe) - 2)"/>
  <xsl:sequence select="if ($word ne '' and not(contains($word, ' '))) then map:contains($words, $word)
    else contains($list, $probe)"/>
</xsl:function>"""
WORDS = f"""<xsl:variable xmlns:xsl="{XSL}" xmlns:map="http://www.w3.org/2005/xpath-functions/map" version="3.0"
    as="map(*)" static="yes"/>"""
MAP = (
    "map:merge(for $word in tokenize({}, ' ')[position() gt 1 and position() lt last()]"
    " return map:entry($word, true()))"
)


def listed(stylesheet: bytes) -> bytes:
    """The stylesheet with each test of a code against a literal list of at least ``MINIMUM`` characters
    answered by ``wechselbar:listed`` (else unchanged)."""
    root = etree.fromstring(stylesheet)
    lists: dict[str, int] = {}
    for element in root.iter(f"{{{XSL}}}when", f"{{{XSL}}}if"):
        test = element.get("test")
        if test and "contains" in test:
            element.set("test", rewrite(test, lists))
    if not lists:
        return stylesheet
    root.append(etree.fromstring(FUNCTION))
    for text, number in lists.items():
        words = etree.fromstring(WORDS)
        words.set("name", f"Q{{{NS}}}words-{number}")
        words.set("select", MAP.format(text))
        root.append(words)
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8")


def rewrite(expression: str, lists: dict[str, int]) -> str:
    """The XPath expression with its code-list tests rewritten; ``lists`` numbers the literal lists met."""
    out: list[str] = []
    start = 0
    for match in HEAD.finditer(expression):
        if match.start() < start or len(match["list"]) < MINIMUM:
            continue
        end = _probe_end(expression, match.end("probe"))
        if end is None or not expression[end:].lstrip().startswith(")"):
            continue
        number = lists.setdefault(match["list"], len(lists) + 1)
        probe = expression[match.start("probe") : end]
        out += [
            expression[start : match.start()],
            f"Q{{{NS}}}listed($Q{{{NS}}}words-{number}, {match['list']}, {probe}",
        ]
        start = end
    return "".join(out) + expression[start:]


def _probe_end(expression: str, opened: int) -> int | None:
    """The end of ``concat(' ', x, ' ')`` whose arguments start at ``opened`` (None for any other form)."""
    arguments, end = _arguments(expression, opened)
    if end is None or len(arguments) != 3 or arguments[0].strip() not in SPACE or arguments[2].strip() not in SPACE:
        return None
    return end + 1


def _arguments(expression: str, opened: int) -> tuple[list[str], int | None]:
    """The top-level arguments of a call whose ``(`` ends just before ``opened``, and the index of its ``)``."""
    parts: list[str] = []
    begin = opened
    for index, char, depth in unquoted(expression, opened):
        if depth < 0:
            return ([*parts, expression[begin:index]], index) if char == ")" else (parts, None)
        if char == "," and depth == 0:
            parts.append(expression[begin:index])
            begin = index + 1
    return parts, None
