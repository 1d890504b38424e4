"""TEST DOUBLE data: meetings with agenda items, papers with consultations, and their files."""

from __future__ import annotations

import datetime as dt
import hashlib

from conformance.demo import oparl_people
from conformance.demo.oparl_data import PAPER_TYPES, ROLES, Builder, Dataset, Record

STATES = ("terminiert", "eingeladen", "durchgeführt")


def build(version: str, base: str, size: int = 400, seed: int = 1, deletions: bool = True) -> Dataset:
    """A data set of one Body and about ``size`` objects of the other eleven types (some deleted, if asked)."""
    builder = Builder(version, base, size, seed)
    oparl_people.add_body(builder)
    oparl_people.add_people(builder)
    add_meetings(builder)
    add_organization_meetings(builder)
    add_papers(builder)
    if deletions:
        oparl_people.delete_some(builder)
    return builder.data


def add_file(b: Builder, parent: Record, prop: str, name: str, many: bool = True) -> Record:
    """A PDF file embedded in a parent, with access and download URLs and a back reference."""
    number = b.serial.get("File", 0) + 1
    slug = f"{name.lower().replace(' ', '-')}-{number}"
    digest = hashlib.sha1(slug.encode(), usedforsecurity=False).hexdigest()
    file = b.record(
        "File",
        "file",
        name=name,
        fileName=f"{slug}.pdf",
        mimeType="application/pdf",
        size=1024 + number,
        sha1Checksum=digest,
        accessUrl=f"{b.data.base}/files/{number}.pdf",
        downloadUrl=f"{b.data.base}/files/download/{number}.pdf",
    )
    if b.new:
        file.fields["sha512Checksum"] = hashlib.sha512(slug.encode()).hexdigest()
    file.backrefs[parent.type[0].lower() + parent.type[1:]] = [b.data.url(parent.key)]
    b.embed(parent, prop, file, many=many)
    return file


def add_meetings(b: Builder) -> None:
    """Meetings of organizations, each with a location, an invitation and agenda items."""
    per_meeting = max(1, b.counts["AgendaItem"] // b.counts["Meeting"])
    for index in range(b.counts["Meeting"]):
        org = b.data.records[b.pick("Organization")[0]]
        meeting = b.record(
            "Meeting",
            "meeting",
            name=f"{index + 1}. Sitzung: {org.fields['name']}",
            organization=[b.data.url(org.key)],
            meetingState=b.rnd.choice(STATES),
            cancelled=False,
        )
        start = b.when(meeting.created, 60)
        meeting.fields.update(
            start=start.isoformat(),
            end=(start + dt.timedelta(hours=3)).isoformat(),
            participant=b.urls(b.pick("Person", 4)),
        )
        b.embed(meeting, "location", b.data.records[b.pick("Location")[0]], many=False)
        add_file(b, meeting, "invitation", "Einladung", many=False)
        for order in range(per_meeting):
            add_agenda_item(b, meeting, order, start)


def add_organization_meetings(b: Builder) -> None:
    """Each organization links the external list of its meetings (Organization.meeting, a list URL)."""
    for key in b.keys("Organization"):
        path = f"{key}/meetings"
        url = b.data.url(key)
        b.data.sublists[path] = [m for m in b.keys("Meeting") if url in b.data.records[m].fields["organization"]]
        b.data.records[key].fields["meeting"] = b.data.url(path)


def add_agenda_item(b: Builder, meeting: Record, order: int, start: dt.datetime) -> Record:
    """An agenda item embedded in its meeting."""
    item = b.record(
        "AgendaItem",
        "agendaItem",
        number=f"{order + 1}.",
        name=f"Tagesordnungspunkt {order + 1}",
        public=b.rnd.random() < 0.85,
    )
    if b.new:
        item.fields["order"] = order
    begin = start + dt.timedelta(minutes=20 * order)
    item.fields.update(start=begin.isoformat(), end=(begin + dt.timedelta(minutes=15)).isoformat())
    item.backrefs["meeting"] = b.data.url(meeting.key)
    b.embed(meeting, "agendaItem", item)
    return item


def add_papers(b: Builder) -> None:
    """Papers with a main file and consultations in agenda items."""
    items = b.keys("AgendaItem")
    b.rnd.shuffle(items)
    per_paper = max(1, b.counts["Consultation"] // b.counts["Paper"])
    for index in range(b.counts["Paper"]):
        paper = b.record(
            "Paper",
            "paper",
            body=b.data.url("body/1"),
            name=f"Vorlage {index + 1}/2024",
            reference=f"{1000 + index}/2024",
            paperType=b.rnd.choice(PAPER_TYPES),
            originatorPerson=b.urls(b.pick("Person", 1)),
        )
        paper.fields["date"] = paper.created.date().isoformat()
        add_file(b, paper, "mainFile", "Beschlussvorlage", many=False)
        for _ in range(per_paper if items else 0):
            add_consultation(b, paper, items.pop())
        if index % 4 == 0:
            b.embed(paper, "location", b.data.records[b.pick("Location")[0]])
    _spend_files(b)


def add_consultation(b: Builder, paper: Record, item_key: str) -> Record:
    """A consultation of a paper in an agenda item, embedded in the paper."""
    item = b.data.records[item_key]
    meeting = item.backrefs["meeting"]
    organizations = b.data.records[meeting[len(b.data.base) + 1 :]].fields["organization"]
    consultation = b.record(
        "Consultation",
        "consultation",
        agendaItem=b.data.url(item.key),
        meeting=meeting,
        organization=list(organizations),
        role=b.rnd.choice(ROLES),
        authoritative=b.rnd.random() < 0.5,
    )
    consultation.backrefs["paper"] = b.data.url(paper.key)
    item.fields["consultation"] = b.data.url(consultation.key)
    b.embed(paper, "consultation", consultation)
    return consultation


def _spend_files(b: Builder) -> None:
    papers = b.keys("Paper")
    while b.serial.get("File", 0) < b.counts["File"]:
        add_file(b, b.data.records[b.rnd.choice(papers)], "auxiliaryFile", "Anlage")
