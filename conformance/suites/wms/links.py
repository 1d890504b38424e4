"""LegendURL and MetadataURL resources (06-042 7.2.4.6.5, 7.2.4.6.11), a sample of them fetched."""

from __future__ import annotations

from dataclasses import dataclass

from conformance.suites.wms.api import Observed
from conformance.suites.wms.client import Answer
from conformance.suites.wms.images import Picture, decodable, decode
from conformance.suites.wms.layers import Link


@dataclass(frozen=True)
class Fetched:
    """A linked resource and what came back (the decoded legend where it is a picture)."""

    link: Link
    answer: Answer
    picture: Picture | str | None


def fetch_links(obs: Observed) -> tuple[list[Fetched], list[Link]]:
    """Every sampled link on a declared host, fetched once; and the links on other hosts (not fetched)."""
    out, foreign = [], []
    for link in (item for sample in obs.caps().links.values() for item in sample.items):
        if not obs.target.http.allowed(link.url):
            foreign.append(link)
            continue
        answer = obs.client.fetch(link.url)
        picture = decode(answer.response.content) if answer.kind == "image" and decodable(link.format) else None
        out.append(Fetched(link, answer, picture))
    return out, foreign
