"""Rule contexts counted: how many nodes each Schematron rule's context matched in one document.

A rule whose context never occurs cannot fire, so "no finding" says nothing about it. The compiled stylesheets
(SchXslt output and the ISO skeleton of the CEN rules) are rewritten once, when they are built: every rule
with an assertion or report gets a number, and whenever its context matches a node (after Schematron's
first-rule-in-a-pattern choice: a suppressed rule counts nothing) it adds its number to the report being
built. The report ends with one count per rule that matched::

    <wechselbar:contexts><wechselbar:rule n="12" count="3"/>…</wechselbar:contexts>

The numbers never reach the serialised report, so a large invoice costs one grouping pass, not an element per
node. A table beside the stylesheet (``<name>.contexts.json``) names the assertion ids of each rule number.
:func:`strip` removes the counts from a report that is passed on (the KoSIT validation report carries the SVRL
as the official stylesheets write it).
"""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path

from lxml import etree

from conformance.xml.report import RuleContext

XSL = "http://www.w3.org/1999/XSL/Transform"
SVRL = "http://purl.oclc.org/dsdl/svrl"
SCHXSLT = "https://doi.org/10.5281/zenodo.1495494"
NS = "urn:wechselbar:rewrites"
CONTEXTS = f"{{{NS}}}contexts"
RULE = f"{{{NS}}}rule"
NUMBER = "wechselbar-rule"
ASSERTIONS = (f"{{{SVRL}}}failed-assert", f"{{{SVRL}}}successful-report")
REPORT = "wechselbar-report"
HEAD = f'xmlns:wechselbar="{NS}" xmlns:xsl="{XSL}" xsl:exclude-result-prefixes="#all"'
ROW = '<wechselbar:rule n="{current-grouping-key()}" count="{count(current-group())}"/>'
GATHER_SKELETON = (
    f'<wechselbar:contexts {HEAD} xmlns:xs="http://www.w3.org/2001/XMLSchema"><xsl:for-each-group '
    f'select="${REPORT}[. instance of xs:integer]" group-by=".">{ROW}</xsl:for-each-group>'
    "</wechselbar:contexts>"
)
GATHER_SCHXSLT = (
    f'<wechselbar:contexts {HEAD} xmlns:schxslt="{SCHXSLT}" xmlns:xs="http://www.w3.org/2001/XMLSchema">'
    f'<xsl:for-each-group select="$report/schxslt:document/schxslt:rule[@{NUMBER}]" '
    f'group-by="xs:integer(@{NUMBER})">{ROW}</xsl:for-each-group></wechselbar:contexts>'
)

Table = tuple[tuple[str, ...], ...]


class NotCountable(ValueError):
    """A stylesheet whose report element or rules the rewrite does not recognise."""


def counted(stylesheet: bytes) -> tuple[bytes, Table]:
    """The compiled stylesheet with every rule counting the nodes its context matched, and its rule table."""
    root = etree.fromstring(stylesheet)
    outputs = list(root.iter(f"{{{SVRL}}}schematron-output"))
    if len(outputs) != 1:
        raise NotCountable(f"expected one svrl:schematron-output in the stylesheet, found {len(outputs)}")
    table: list[tuple[str, ...]] = []
    schxslt = False
    for template in root.iterfind(f"{{{XSL}}}template[@match]"):
        ids = tuple(dict.fromkeys(i for node in template.iter(*ASSERTIONS) if (i := _id(node))))
        if ids:
            schxslt |= _mark(template, len(table))
            table.append(ids)
    if not table:
        raise NotCountable("no rule with an assertion or report found in the stylesheet")
    _gather(outputs[0], schxslt)
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8"), tuple(table)


def _mark(template: etree._Element, number: int) -> bool:
    """Number one rule; True for SchXslt's output (the rule's result element carries the number)."""
    rule = next((r for r in template.iter(f"{{{SCHXSLT}}}rule") if len(r)), None)
    if rule is not None:
        rule.set(NUMBER, str(number))
        return True
    params = sum(1 for child in template if child.tag == f"{{{XSL}}}param")
    template.insert(params, etree.Element(f"{{{XSL}}}sequence", select=str(number)))
    return False


def _id(node: etree._Element) -> str:
    dynamic = node.find(f"{{{XSL}}}attribute[@name='id']")
    return (node.get("id") or (dynamic.text if dynamic is not None else "") or "").strip()


def _gather(output: etree._Element, schxslt: bool) -> None:
    """Add the counts at the end of the report; the skeleton's report is first collected, then written
    without the rule numbers."""
    if schxslt:
        output.append(etree.fromstring(GATHER_SCHXSLT))
        return
    variable = etree.Element(f"{{{XSL}}}variable", {"name": REPORT, "as": "item()*"})
    variable.text, output.text = output.text, None
    variable.extend(list(output))
    keep = etree.Element(f"{{{XSL}}}sequence", select=f"${REPORT}[. instance of node()]")
    output.extend([variable, keep, etree.fromstring(GATHER_SKELETON)])


def table_path(stylesheet: Path) -> Path:
    """Where the rule table of a counted stylesheet lies."""
    return stylesheet.with_suffix(".contexts.json")


def write(stylesheet: bytes, target: Path) -> Path:
    """Write a compiled stylesheet counting its rule contexts, with its rule table beside it."""
    text, found = counted(stylesheet)
    target.write_bytes(text)
    table_path(target).write_text(json.dumps([list(ids) for ids in found]), encoding="utf-8")
    return target


@cache
def table(stylesheet: Path) -> Table | None:
    """The rule table of a stylesheet, or None when the stylesheet does not count its contexts."""
    path = table_path(stylesheet)
    if not path.exists():
        return None
    return tuple(tuple(ids) for ids in json.loads(path.read_text(encoding="utf-8")))


def read(root: etree._Element, rules: Table) -> tuple[RuleContext, ...]:
    """Every rule of a counted report whose context matched, with the number of nodes."""
    block = root.find(CONTEXTS)
    if block is None:
        return ()
    return tuple(RuleContext(rules[int(row.get("n") or 0)], int(row.get("count") or 0)) for row in block.iterfind(RULE))


def strip(root: etree._Element) -> etree._Element:
    """The report without its counts (in place, whitespace around them too), as the official stylesheets write it."""
    for block in root.findall(CONTEXTS):
        before = block.getprevious()
        rest = ((before.tail if before is not None else root.text) or "").rstrip() + (block.tail or "")
        rest = rest if rest.strip() or len(root) > 1 else ""
        if before is not None:
            before.tail = rest or None
        else:
            root.text = rest or None
        root.remove(block)
    return root
