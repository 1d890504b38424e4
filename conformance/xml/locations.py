"""Source lines of SVRL locations: each path resolved in the lxml tree the document was parsed into.

Locations come as ``/ubl:Invoice[1]/cac:InvoiceLine[7]/cbc:Note[1]`` (SchXslt, after ``svrl.readable``) or
``/ubl:Invoice/cac:InvoiceLine[7]/cac:Item`` (``name()``-style: an index only after the first sibling of a
name). Plain steps are walked with a per-parent index of the children by name, so a large invoice with a
finding on each of its 20,000 lines costs one pass over each parent's children, not one per finding; any
other path is evaluated as XPath.
"""

from __future__ import annotations

import re
from typing import Any

from lxml import etree

STEP = re.compile(
    r"(?:(?P<prefix>[\w.-]+):|\*:(?=[\w.-]+\[namespace-uri\(\)='(?P<uri>[^']*)'\]))?"
    r"(?P<local>[\w.-]+)(?:\[namespace-uri\(\)='[^']*'\])?(?:\[(?P<index>\d+)\])?"
)
SPLIT = re.compile(r"/((?:[^/\[]|\[[^\]]*\])+)")
LEAF = re.compile(r"@[\w.:-]+|text\(\)(?:\[\d+\])?")


class Lines:
    """Resolves locations of one parsed document to source lines (a step index built once per parent)."""

    def __init__(self, tree: etree._ElementTree, namespaces: dict[str, str]) -> None:
        self.tree = tree
        self.namespaces = namespaces
        self._children: dict[tuple[Any, bool], dict[str, list[Any]]] = {}

    def line(self, location: str) -> int | None:
        """The line of the element (or of the attribute's or text's element) a location names, if unique."""
        walked = self._walk(location)
        hit = walked if walked is not None else _unique(self.tree, location, self.namespaces)
        line = hit.sourceline if isinstance(hit, etree._Element) else None
        return line if isinstance(line, int) else None

    def _walk(self, location: str) -> etree._Element | None:
        steps = SPLIT.findall(location)
        if not steps or "".join(f"/{s}" for s in steps) != location:
            return None
        leaf = steps.pop() if LEAF.fullmatch(steps[-1]) and len(steps) > 1 else None
        node: Any = self.tree
        for step in steps:
            node = self._child(node, step)
            if node is None:
                return None
        if leaf is not None and len(_hits(node, leaf, self.namespaces)) != 1:
            return None
        return node if isinstance(node, etree._Element) else None

    def _child(self, parent: Any, step: str) -> etree._Element | None:
        match = STEP.fullmatch(step)
        if match is None:
            return None
        prefix, uri, local, index = match["prefix"], match["uri"], match["local"], int(match["index"] or 1)
        if prefix is not None:
            if prefix not in self.namespaces:
                return None
            uri = self.namespaces[prefix]
        key = f"{{{uri}}}{local}" if uri else local
        found = self._index(parent, uri is None).get(key, [])
        return found[index - 1] if 0 < index <= len(found) else None

    def _index(self, parent: Any, by_local_name: bool) -> dict[str, list[Any]]:
        cached = self._children.get((parent, by_local_name))
        if cached is None:
            children = [parent.getroot()] if isinstance(parent, etree._ElementTree) else parent
            cached = {}
            for child in children:
                if isinstance(child.tag, str):
                    name = etree.QName(child).localname if by_local_name else child.tag
                    cached.setdefault(name, []).append(child)
            self._children[(parent, by_local_name)] = cached
        return cached


def _unique(tree: etree._ElementTree, location: str, namespaces: dict[str, str]) -> etree._Element | None:
    hits = _hits(tree, location, namespaces) or _hits(tree, _indexed(location), namespaces)
    if len(hits) != 1:
        return None
    hit = hits[0]
    element = hit if isinstance(hit, etree._Element) else getattr(hit, "getparent", lambda: None)()
    return element if isinstance(element, etree._Element) else None


def _hits(context: etree._ElementTree | etree._Element, location: str, namespaces: dict[str, str]) -> list[Any]:
    try:
        hits = context.xpath(location, namespaces=namespaces)
    except etree.XPathError:
        return []
    return hits if isinstance(hits, list) else []


def _indexed(location: str) -> str:
    """A ``name()``-style path (index only after the first sibling of a name) as an XPath for lxml."""
    return "/".join(_step(step) for step in location.split("/"))


def _step(step: str) -> str:
    if not step or step.startswith("@"):
        return step
    name, _, index = step.partition("[")
    test = name if ":" in name else f"*[local-name()='{name}']"
    return f"{test}[{index or '1]'}"
