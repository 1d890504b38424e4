"""TEST DOUBLE data: the Body, legislative terms, locations, organizations, persons and memberships."""

from __future__ import annotations

import datetime as dt

from conformance.demo.oparl_data import COMMITTEES, FAMILY, GIVEN, STREETS, Builder, Record

LIST_PATHS = {
    "organization": "organizations",
    "person": "persons",
    "meeting": "meetings",
    "paper": "papers",
    "agendaItem": "agendaItems",
    "consultation": "consultations",
    "file": "files",
    "locationList": "locations",
    "legislativeTermList": "legislativeTerms",
    "membership": "memberships",
}
DELETED_AT = dt.datetime(2024, 6, 3, 9, 30, tzinfo=dt.timezone(dt.timedelta(hours=2)))


def add_body(b: Builder) -> Record:
    """The one Body with its lists, legislative terms and seat."""
    body = b.record(
        "Body",
        "body",
        name="Stadt Beispielstadt",
        shortName="Beispielstadt",
        website="https://www.beispielstadt.example/",
        ags="05315000",
        rgs="053150000000",
        contactEmail="ris@beispielstadt.example",
        contactName="RIS-Betreuung",
        classification="Kreisfreie Stadt",
        license="https://creativecommons.org/licenses/by/4.0/",
    )
    body.fields["system"] = f"{b.data.base}/system"
    names = (
        LIST_PATHS
        if b.new
        else {k: v for k, v in LIST_PATHS.items() if k in ("organization", "person", "meeting", "paper")}
    )
    body.fields.update({attr: f"{b.data.url(body.key)}/{path}" for attr, path in names.items()})
    for number, start in enumerate((2009, 2014, 2020), start=16):
        term = b.record(
            "LegislativeTerm",
            "legislativeTermList",
            name=f"{number}. Wahlperiode",
            startDate=f"{start}-11-01",
            endDate=f"{start + 5}-10-31",
        )
        term.backrefs["body"] = b.data.url(body.key)
        b.embed(body, "legislativeTerm", term)
    seat = add_location(b, "Rathaus der Beispielstadt, Rathausplatz 1, 12345 Beispielstadt")
    seat.backrefs["bodies"] = [b.data.url(body.key)]
    b.embed(body, "location", seat, many=False)
    return body


def add_location(b: Builder, description: str | None = None) -> Record:
    """A location with a GeoJSON point feature."""
    street = f"{b.rnd.choice(STREETS)} {b.rnd.randrange(1, 200)}"
    lon, lat = round(7.0 + b.rnd.random() / 10, 5), round(50.9 + b.rnd.random() / 10, 5)
    return b.record(
        "Location",
        "locationList",
        description=description or f"{street}, 12345 Beispielstadt",
        streetAddress=street,
        postalCode="12345",
        locality="Beispielstadt",
        geojson={
            "type": "Feature",
            "properties": {"name": street},
            "geometry": {"type": "Point", "coordinates": [lon, lat]},
        },
    )


def add_people(b: Builder) -> None:
    """Locations, organizations, persons and their memberships."""
    for _ in range(b.counts["Location"] - 1):
        add_location(b)
    body = b.data.url("body/1")
    for index in range(b.counts["Organization"]):
        name = COMMITTEES[index % len(COMMITTEES)] + ("" if index < len(COMMITTEES) else f" {index}")
        kind = "Parlament" if index == 0 else "Ausschuss"
        org = b.record(
            "Organization",
            "organization",
            name=name,
            body=body,
            classification=kind,
            organizationType="Gremium",
            startDate="2014-11-01",
        )
        if index < 3:
            b.embed(org, "location", b.data.records[b.pick("Location")[0]], many=False)
    for _ in range(b.counts["Person"]):
        add_person(b, body)
    persons = b.keys("Person")
    for _ in range(b.counts["Membership"]):
        add_membership(b, b.data.records[b.rnd.choice(persons)])


def add_person(b: Builder, body: str) -> Record:
    """A council member."""
    given, family = b.rnd.choice(GIVEN), b.rnd.choice(FAMILY)
    person = b.record(
        "Person",
        "person",
        body=body,
        name=f"{given} {family}",
        givenName=given,
        familyName=family,
        formOfAddress=b.rnd.choice(("Frau", "Herr")),
        status=["Ratsmitglied"],
    )
    if b.rnd.random() < 0.3:
        person.fields.update(life="Seit 2014 Mitglied des Rates.", lifeSource="Angaben der Person")
    if b.new and b.rnd.random() < 0.3:
        place = b.data.records[b.pick("Location")[0]]
        person.fields["location"] = b.data.url(place.key)
        b.embed(person, "locationObject", place, many=False)
    return person


def add_membership(b: Builder, person: Record) -> Record:
    """A membership of a person in an organization, embedded in the person."""
    org = b.pick("Organization")[0]
    start = dt.date(2014, 11, 1) + dt.timedelta(days=b.rnd.randrange(2000))
    member = b.record(
        "Membership",
        "membership",
        organization=b.data.url(org),
        role=b.rnd.choice(("Mitglied", "Vorsitzende", "Stellvertretung")),
        votingRight=b.rnd.random() < 0.8,
        startDate=start.isoformat(),
    )
    if b.rnd.random() < 0.4:
        member.fields["endDate"] = (start + dt.timedelta(days=b.rnd.randrange(1, 900))).isoformat()
    member.backrefs["person"] = b.data.url(person.key)
    b.embed(person, "membership", member)
    return member


def delete_some(b: Builder) -> None:
    """Soft-delete a few persons and memberships (the parent's modified follows the deletion)."""
    for key in b.keys("Person")[3::17]:
        _delete(b, b.data.records[key])
    if not b.new:
        return
    for person in b.keys("Person")[5::23]:
        record = b.data.records[person]
        if record.deleted or not record.children.get("membership"):
            continue
        member = b.data.records[record.children["membership"].pop()]
        _delete(b, member)
        record.modified = max(record.modified, member.modified)


def _delete(b: Builder, record: Record) -> None:
    record.deleted = True
    record.modified = max(record.modified, DELETED_AT) + dt.timedelta(minutes=b.rnd.randrange(600))
