"""TEST DOUBLE: the HTML pages of the OGC API – Records double, made from the JSON representation of a resource.

A page is an HTML 5 document with the resource's title and an ``<a>`` element for every link of the JSON
representation (the defect ``html-without-links`` leaves the links out).
"""

from __future__ import annotations

from html import escape
from typing import Any


def page(body: Any, with_links: bool = True) -> bytes:
    """The HTML page of a JSON body."""
    title = ""
    if isinstance(body, dict):
        title = str(body.get("title") or (body.get("properties") or {}).get("title") or body.get("id") or "")
    found = body.get("links", []) if isinstance(body, dict) and with_links else []
    anchors = "".join(
        f'<li><a href="{escape(str(link.get("href", "")))}">{escape(str(link.get("rel", "")))}</a></li>'
        for link in found
        if isinstance(link, dict)
    )
    return (
        f'<!doctype html><html lang="de"><head><meta charset="utf-8"><title>{escape(title)}</title></head>'
        f"<body><h1>{escape(title)}</h1><ul>{anchors}</ul></body></html>"
    ).encode()
