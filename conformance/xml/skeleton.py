"""Stylesheets from the ISO Schematron skeleton (the precompiled CEN rules): locations in linear time.

The skeleton names the location of a fired assertion with the ``schematron-get-full-path-2`` template:
for each ancestor, its name and, after the first sibling of that name, its position, counted over all
preceding siblings. On an invoice with a finding on each of 20,000 lines that count makes the run
quadratic. The rewrite computes each parent's sibling positions once (a cached function; grouping by
``name()`` as the original compares ``name()``) and prints exactly the same path.
"""

from __future__ import annotations

from lxml import etree

XSL = "http://www.w3.org/1999/XSL/Transform"
NS = "urn:wechselbar:skeleton"
MODE = "schematron-get-full-path-2"
FUNCTION = f"""<xsl:function xmlns:xsl="{XSL}" xmlns:wechselbar="{NS}" version="3.0"
    name="wechselbar:sibling-positions" as="map(*)" cache="yes">
  <xsl:param name="parent" as="node()"/>
  <xsl:map>
    <xsl:for-each-group select="$parent/*" group-by="name(.)">
      <xsl:for-each select="current-group()">
        <xsl:map-entry key="generate-id(.)" select="position()"/>
      </xsl:for-each>
    </xsl:for-each-group>
  </xsl:map>
</xsl:function>"""
TEMPLATE = f"""<xsl:template xmlns:xsl="{XSL}" xmlns:wechselbar="{NS}" version="3.0"
    match="node() | @*" mode="{MODE}">
  <xsl:for-each select="ancestor-or-self::*">
    <xsl:variable name="position" select="wechselbar:sibling-positions(..)(generate-id(.))"/>
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


def linear_locations(stylesheet: bytes) -> bytes:
    """The stylesheet with the skeleton's location template replaced; unchanged if it has none."""
    root = etree.fromstring(stylesheet)
    found = root.find(f"{{{XSL}}}template[@mode='{MODE}'][@match='node() | @*']")
    if found is None:
        return stylesheet
    found.addnext(etree.fromstring(TEMPLATE))
    found.addnext(etree.fromstring(FUNCTION))
    root.remove(found)
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8")
