"""Response paging (09-025r2 7.7.4.4): GetFeature with COUNT for each sampled type, its next links followed to
the end (within the option max_pages), and the previous link of the second page followed once."""

from __future__ import annotations

from dataclasses import dataclass, field

from conformance.core.messages import Message
from conformance.suites.wfs.features import members, sampled_types
from conformance.suites.wfs.messages import m
from conformance.suites.wfs.probes import GML_ID
from conformance.suites.wfs.service import Answer, Observed, answer_of


@dataclass(frozen=True)
class Walk:
    """The pages of one type, in the order the next links gave them, and the page the previous link gave."""

    type: str
    size: int
    pages: list[Answer]
    ended: bool
    previous: Answer | None = None


@dataclass(frozen=True)
class Walks:
    """Every walk and the notes on what the options cut."""

    walks: list[Walk]
    notes: list[Message] = field(default_factory=list)


def ids(answer: Answer) -> list[str]:
    """The gml:id of every feature of a page."""
    return [f.get(GML_ID, "") for f in members(answer)]


def link(answer: Answer, name: str) -> str:
    """The next or previous URI of a response collection, or empty."""
    return answer.tree.getroot().get(name, "") if answer.tree is not None else ""


def walks(obs: Observed) -> Walks:
    """One walk per sampled type."""
    notes: list[Message] = []
    size, limit = int(obs.option("page_size")), int(obs.option("max_pages"))
    found = [_walk(obs, name, size, limit, notes) for name in sampled_types(obs, notes)]
    return Walks(found, notes)


def _follow(obs: Observed, url: str, notes: list[Message]) -> Answer | None:
    if not obs.target.http.allowed(url):
        notes.append(m("note-foreign-link", url=url))
        return None
    return answer_of(obs.target.http.get(url))


def _walk(obs: Observed, name: str, size: int, limit: int, notes: list[Message]) -> Walk:
    pages = [obs.call("GetFeature", {"TYPENAMES": name, "COUNT": str(size)})]
    while link(pages[-1], "next") and len(pages) < limit:
        page = _follow(obs, link(pages[-1], "next"), notes)
        if page is None:
            return Walk(name, size, pages, False)
        pages.append(page)
    ended = not link(pages[-1], "next")
    if not ended:
        notes.append(m("note-cut-pages", limit=limit, type=name))
    back = link(pages[1], "previous") if len(pages) > 1 else ""
    return Walk(name, size, pages, ended, _follow(obs, back, notes) if back else None)
