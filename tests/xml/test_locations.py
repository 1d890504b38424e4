"""Source lines of SVRL locations, walked step by step or evaluated as XPath."""

from __future__ import annotations

import pytest
from lxml import etree

from conformance.xml.locations import Lines

DOC = b"""<inv:Invoice xmlns:inv="urn:inv" xmlns:c="urn:c">
<c:Line>
  <c:Amount currency="EUR">1</c:Amount>
</c:Line>
<c:Line>
  <c:Amount currency="EUR">2</c:Amount>
  <c:Amount>3</c:Amount>
</c:Line>
<Plain>text</Plain>
</inv:Invoice>"""
DEFAULT = b"""<Invoice xmlns="urn:inv">
<Line/>
<Line><Note/></Line>
</Invoice>"""
NAMESPACES = {"ubl": "urn:inv", "cac": "urn:c"}


@pytest.mark.parametrize(
    ("location", "line"),
    [
        ("/ubl:Invoice[1]", 1),
        ("/ubl:Invoice[1]/cac:Line[2]/cac:Amount[2]", 7),
        ("/ubl:Invoice/cac:Line[2]/cac:Amount", 6),
        ("/ubl:Invoice/cac:Line[2]/cac:Amount[1]/@currency", 6),
        ("/ubl:Invoice/Plain/text()[1]", 9),
        ("/inv:Invoice/c:Line[2]/c:Amount[2]", 7),
        ("/ubl:Invoice/cac:Line[1]/cac:Amount[1]/@missing", None),
        ("/ubl:Invoice/cac:Line[3]", None),
        ("/ubl:Invoice/unknown:Line[1]", None),
        ("/*:Invoice[namespace-uri()='urn:inv'][1]/*:Line[namespace-uri()='urn:c'][2]", 5),
        ("//cac:Amount[. = '3']", 7),
        ("//cac:Amount", None),
    ],
)
def test_locations_resolve_to_the_line_of_their_element(location: str, line: int | None) -> None:
    tree = etree.ElementTree(etree.fromstring(DOC))
    assert Lines(tree, {**NAMESPACES, "inv": "urn:inv", "c": "urn:c"}).line(location) == line


def test_unprefixed_name_style_steps_match_by_local_name() -> None:
    tree = etree.ElementTree(etree.fromstring(DEFAULT))
    lines = Lines(tree, NAMESPACES)
    assert lines.line("/Invoice/Line[2]/Note") == 3
    assert lines.line("/Invoice/Line") == 2


def test_many_siblings_are_indexed_once() -> None:
    count = 5000
    body = "".join(f"<c:Line>\n<c:Id>{n}</c:Id></c:Line>" for n in range(count))
    tree = etree.ElementTree(
        etree.fromstring(f'<inv:Invoice xmlns:inv="urn:inv" xmlns:c="urn:c">{body}</inv:Invoice>'.encode())
    )
    lines = Lines(tree, NAMESPACES)
    assert [lines.line(f"/ubl:Invoice[1]/cac:Line[{n}]/cac:Id[1]") for n in (1, 2, count)] == [2, 3, count + 1]
    assert len(lines._children) == 2 + 3
