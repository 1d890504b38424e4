"""What the suite observes of a vendor: the RDF documents of its export (files, folders, ZIPs, URLs and the pages
of a paged catalogue endpoint) merged into one graph with the offline vocabularies, and validated once."""

from __future__ import annotations

import glob
import zipfile
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

import pyoxigraph as ox

from conformance.core.evidence import NotApplicable
from conformance.core.messages import Message
from conformance.harness.target import TargetContext
from conformance.suites.dcat_ap_de.catalogue import ID
from conformance.suites.dcat_ap_de.engine import Outcome, Result
from conformance.suites.dcat_ap_de.messages import m
from conformance.suites.dcat_ap_de.pages import Pages
from conformance.suites.dcat_ap_de.rdf import FORMAT_NAMES, FORMATS, Offline, Unreadable, parse, sniff
from conformance.suites.dcat_ap_de.validate import validate
from conformance.xml.archives import Document, Walk, members
from conformance.xml.limits import ZipLimits
from conformance.xml.report import DocumentReport, Source, rejected


@dataclass
class Export:
    """The export read and validated: documents, problems (findings of the readability requirement), notes of
    documents not read offline, and the engine's outcome with its results by requirement."""

    documents: int = 0
    pages: int = 0
    triples: int = 0
    problems: list[tuple[str, Message]] = field(default_factory=list)
    offline: list[Message] = field(default_factory=list)
    outcome: Outcome = field(default_factory=Outcome)
    results: dict[str, list[Result]] = field(default_factory=lambda: defaultdict(list))


def observe(target: TargetContext) -> Export:
    """Every RDF document of the target's export paths and URLs, merged and validated."""
    if not target.target.paths and not target.target.urls:
        raise NotApplicable(m("na.no-exports", vendor=target.vendor.id, standard=ID))
    export, quads = Export(), []
    limits = ZipLimits.from_options(target.option)
    for document in local_documents(target.target.paths, limits, export):
        quads += read(document.name, document_bytes(document), FORMATS.get(suffix(document.name)), None, export)
    for url in target.target.urls:
        for page in Pages(target.http, url, int(target.option("max_pages", 1000)), export.problems):
            export.pages += 1
            quads += read(page.url, page.content, page.syntax, page.url, export, page.next_links)
    export.triples = len(quads)
    _, export.outcome = validate(quads)
    for result in export.outcome.results:
        export.results[result.requirement].append(result)
    return export


def read(
    name: str, data: bytes, syntax: ox.RdfFormat | None, base: str | None, export: Export, hook: object = None
) -> list[ox.Quad]:
    """The triples of one document, or none with a problem (unreadable) or a note (remote JSON-LD context)."""
    syntax = syntax or sniff(data)
    try:
        quads = parse(data, syntax, base)
    except Offline as exc:
        export.offline.append(m("note.offline", document=name, text=str(exc)))
        return []
    except Unreadable as exc:
        export.problems.append((name, m("unreadable", document=name, syntax=FORMAT_NAMES[syntax], text=str(exc))))
        return []
    export.documents += 1
    if callable(hook):
        hook(quads)
    return quads


def suffix(name: str) -> str:
    """The suffix of a document's name (of the member inside an archive)."""
    return Path(name.rsplit("!", 1)[-1]).suffix.lower()


def local_documents(specs: tuple[str, ...], limits: ZipLimits, export: Export) -> list[Document]:
    """The RDF documents of files, folders (recursively), globs and ZIP archives; problems for the rest."""
    walk = Walk(
        limits, lambda name, reason: rejected(Source(name), ID, reason, rule="EXPORT", kind="parse"), tuple(FORMATS)
    )
    found: list[Document] = []
    for spec in specs:
        paths = sorted(glob.glob(spec, recursive=True)) if glob.has_magic(spec) else [spec]
        for path in paths or [spec]:
            found += expand(Path(path), walk, export)
    return found


def expand(path: Path, walk: Walk, export: Export) -> list[Document]:
    """The documents below one path."""
    if path.is_symlink() or not path.exists():
        _refused(export, str(path), "symbolic link not followed" if path.is_symlink() else "no such file or folder")
        return []
    if path.is_dir():
        return [d for child in sorted(path.iterdir()) for d in expand(child, walk, export) if _wanted(child, walk)]
    if path.suffix.lower() == ".zip" or zipfile.is_zipfile(path):
        found = list(members(str(path), str(path), walk))
        for item in found:
            if not isinstance(item, Document):
                _refused(export, item.file, item.error or "refused")
        return [d for d in found if isinstance(d, Document)]
    return [Document(str(path), size=path.stat().st_size)]


def _wanted(child: Path, walk: Walk) -> bool:
    return child.is_dir() or child.suffix.lower() in (*walk.suffixes, ".zip")


def _problem(name: str, reason: str) -> DocumentReport:
    return rejected(Source(name), ID, reason, rule="EXPORT", kind="parse")


def _refused(export: Export, name: str, reason: str) -> None:
    export.problems.append((name, m("unreadable", document=name, syntax="RDF", text=reason)))


def document_bytes(document: Document) -> bytes:
    """The bytes of a file or archive member."""
    with document.open() as stream:
        return stream.read()
