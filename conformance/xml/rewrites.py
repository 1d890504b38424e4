"""Indexed match patterns: rule contexts that Saxon-HE would evaluate in quadratic time, rewritten with keys.

A rule context such as ``ubl-invoice:Invoice[cac:InvoicePeriod/cbc:StartDate]/cac:InvoiceLine/...``
(PEPPOL-EN16931-R110) tests the predicate of the invoice once per invoice line; when the invoice has no
period, each test walks all of the invoice's children, so the check takes time quadratic in the number of
lines. The rewrite moves such a leading step into an ``xsl:key`` (indexed once per document) and starts the
pattern with ``key(...)``. A node matches the new pattern exactly when it matches the old one (the key
holds the elements matching the leading step, the rest of the path is unchanged, and template priorities
are explicit in compiled Schematron). Only leading steps whose predicate is a plain child path are
rewritten; every other pattern is left as it is.
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
