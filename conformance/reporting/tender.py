"""A profile as the text a tender's Leistungsbeschreibung needs, in German or English.

The text is a list of blocks (headings, paragraphs, tables) built once from the profile, the catalogues of its
standards and the pack lock; :mod:`conformance.reporting.tender_odt` and the Markdown and HTML renderers here
each turn the blocks into one format. Each required standard and class is named with its official title,
version and link and the number of its requirements by obligation; the waiver policy and how the check is run
(the command, the wechselbar version and the hash of every pack the standards use) follow.
"""

from __future__ import annotations

import html
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from conformance.core.model import ConformanceClass, Standard
from conformance.core.outcomes import Obligation
from conformance.core.packs import lock
from conformance.core.profile import Profile

OBLIGATIONS = (Obligation.MUSS, Obligation.SOLL, Obligation.KANN)
TEXT = {
    "title": ("Leistungsbeschreibung: {name}", "Tender specification: {name}"),
    "standards": ("Geforderte Standards", "Required standards"),
    "standard": ("{title}, Version {version}", "{title}, version {version}"),
    "link": ("Spezifikation: {url}", "Specification: {url}"),
    "class": ("Konformitätsklasse", "Conformance class"),
    "profile": ("im Profil", "in the profile"),
    "MUSS": ("gefordert (MUSS)", "required (MUST)"),
    "SOLL": ("empfohlen (SOLL)", "recommended (SHOULD)"),
    "count": ("Anforderungen {o}", "requirements {o}"),
    "basis": ("Grundlage ({classes}, {obligation}): {basis}", "Basis ({classes}, {obligation}): {basis}"),
    "all-classes": ("alle Klassen", "all classes"),
    "waivers": ("Umgang mit Abweichungen (Ausnahmen)", "Deviations (waivers)"),
    "waiver-rule": (
        "Eine Ausnahme gilt für einen Anbieter und eine Anforderung, nennt einen Grund und ein Ablaufdatum; eine "
        "ausgenommene Abweichung erscheint im Bericht als ausgenommen, eine abgelaufene zählt wieder als Fehler.",
        "A waiver covers one vendor and one requirement and names a reason and an expiry date; a waived deviation "
        "is reported as waived, an expired one counts as a failure again.",
    ),
    "no-policy": (
        "Das Profil legt keine Ausnahmen fest: jede Abweichung von einer MUSS-Anforderung zählt.",
        "The profile allows no waivers: every deviation from a required class counts.",
    ),
    "check": ("Prüfverfahren", "How conformance is checked"),
    "command": (
        "Prüfung mit wechselbar {version} (Befehl): {command}",
        "Checked with wechselbar {version} (command): {command}",
    ),
    "verdict": (
        "Ein Angebot erfüllt das Profil, wenn jede Anforderung der geforderten Klassen bestanden ist oder nicht "
        "anwendbar ist; Ergebnisse, Belege und Berichte schreibt der Befehl in den Ausgabeordner.",
        "An offer meets the profile when every requirement of the required classes passes or does not apply; the "
        "command writes results, evidence and reports to the output folder.",
    ),
    "packs": ("Offizielle Artefakte (Pakete) mit ihren Prüfsummen", "Official artefacts (packs) and their hashes"),
    "pack": ("Paket", "Pack"),
    "version": ("Version", "Version"),
    "digest": ("SHA-256 (Paket)", "SHA-256 (pack)"),
    "none": ("keine", "none"),
}


@dataclass(frozen=True)
class Block:
    """One block of the text: a heading (level 1–3), a paragraph, or a table (header row and rows)."""

    kind: str
    text: str = ""
    level: int = 0
    rows: tuple[tuple[str, ...], ...] = ()


def tender_text(key: str, lang: str, **params: object) -> str:
    """A label in the language, filled."""
    german, english = TEXT[key]
    return (german if lang == "de" else english).format(**params)


def blocks(profile: Profile, standards: Mapping[str, Standard], lang: str, version: str) -> list[Block]:
    """The whole tender text of a profile as blocks."""
    found = [Block("h", tender_text("title", lang, name=profile.name), 1)]
    found += [Block("p", profile.description)] if profile.description else []
    found.append(Block("h", tender_text("standards", lang), 2))
    chosen = [standards[s] for s in dict.fromkeys(i.standard for i in profile.items)]
    for standard in chosen:
        found += standard_blocks(profile, standard, lang)
    found.append(Block("h", tender_text("waivers", lang), 2))
    found += [
        Block("p", profile.waiver_policy or tender_text("no-policy", lang)),
        Block("p", tender_text("waiver-rule", lang)),
    ]
    found += check_blocks(profile, chosen, lang, version)
    return found


def standard_blocks(profile: Profile, standard: Standard, lang: str) -> list[Block]:
    """A standard's heading, link and the table of its classes the profile names."""
    title = standard.title_de if lang == "de" and standard.title_de else standard.title
    header = (
        tender_text("class", lang),
        tender_text("profile", lang),
        *(tender_text("count", lang, o=o.value) for o in OBLIGATIONS),
    )
    rows = [header]
    for cls in standard.classes:
        obligation = profile.obligation(standard.id, cls.uri)
        if obligation is not None:
            rows.append(class_row(standard, cls, obligation, lang))
    return [
        Block("h", tender_text("standard", lang, title=title, version=standard.version), 3),
        Block("p", tender_text("link", lang, url=standard.spec_url)),
        Block("table", rows=tuple(rows)),
        *basis_blocks(profile, standard, lang),
    ]


def basis_blocks(profile: Profile, standard: Standard, lang: str) -> list[Block]:
    """For each line of the profile about the standard that names its source: the classes, obligation and source."""
    titles = {c.uri: c.title_de if lang == "de" else c.title_en for c in standard.classes}
    return [
        Block(
            "p",
            tender_text(
                "basis",
                lang,
                classes=", ".join(titles[c] for c in item.classes) or tender_text("all-classes", lang),
                obligation=tender_text(item.obligation.value, lang),
                basis=item.basis,
            ),
        )
        for item in profile.items
        if item.standard == standard.id and item.basis
    ]


def class_row(standard: Standard, cls: ConformanceClass, obligation: Obligation, lang: str) -> tuple[str, ...]:
    """One class: its title, link, obligation in the profile and its requirements by obligation."""
    counts = Counter(r.obligation for r in standard.requirements if r.cls == cls.uri)
    title = cls.title_de if lang == "de" else cls.title_en
    link = cls.spec_url or standard.spec_url
    return (f"{title} ({cls.uri}; {link})", tender_text(obligation.value, lang), *(str(counts[o]) for o in OBLIGATIONS))


def check_blocks(profile: Profile, chosen: list[Standard], lang: str, version: str) -> list[Block]:
    """The command, the version and the packs with their hashes."""
    name = Path(profile.path).name if profile.path else f"{profile.id}.toml"
    command = f"conformance run --vendors vendors.toml --profile {name} --waivers waivers.toml --out bericht/"
    packs = lock()
    used = sorted({p for s in chosen for p in s.packs})
    rows = [(tender_text("pack", lang), tender_text("version", lang), tender_text("digest", lang))]
    rows += [(f"{p} ({packs[p].title})", packs[p].version, packs[p].digest) for p in used]
    return [
        Block("h", tender_text("check", lang), 2),
        Block("p", tender_text("command", lang, version=version, command=command)),
        Block("p", tender_text("verdict", lang)),
        Block("h", tender_text("packs", lang), 3),
        Block("table", rows=tuple(rows)) if used else Block("p", tender_text("none", lang)),
    ]


def markdown(found: list[Block]) -> str:
    """The blocks as Markdown."""
    out: list[str] = []
    for block in found:
        if block.kind == "h":
            out.append(f"{'#' * block.level} {block.text}")
        elif block.kind == "p":
            out.append(block.text)
        else:
            cells = [[c.replace("|", "\\|") for c in row] for row in block.rows]
            out += ["| " + " | ".join(cells[0]) + " |", "|" + "---|" * len(cells[0])]
            out += ["| " + " | ".join(row) + " |" for row in cells[1:]]
        out.append("")
    return "\n".join(out)


def to_html(found: list[Block], lang: str) -> str:
    """The blocks as a standalone HTML page."""
    body: list[str] = []
    for block in found:
        if block.kind == "h":
            body.append(f"<h{block.level}>{html.escape(block.text)}</h{block.level}>")
        elif block.kind == "p":
            body.append(f"<p>{html.escape(block.text)}</p>")
        else:
            head = "".join(f"<th>{html.escape(c)}</th>" for c in block.rows[0])
            rows = "".join("<tr>" + "".join(f"<td>{html.escape(c)}</td>" for c in r) + "</tr>" for r in block.rows[1:])
            body.append(f"<table><thead><tr>{head}</tr></thead><tbody>{rows}</tbody></table>")
    title = html.escape(found[0].text)
    return (
        f'<!DOCTYPE html>\n<html lang="{lang}"><head><meta charset="utf-8"><title>{title}</title>'
        "<style>table{border-collapse:collapse}td,th{border:1px solid #999;padding:4px}</style></head>"
        f"<body>\n{chr(10).join(body)}\n</body></html>\n"
    )
