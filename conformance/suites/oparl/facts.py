"""Facts of the OParl schema that a JSON Schema cannot express: lists, embedded objects, references.

Taken from the specification text (chapter Schema) of OParl 1.0 and 1.1: which Body attribute links to
which external list, which attributes embed objects, which attributes reference objects by URL, and which
back references an object must carry when it is fetched on its own.
"""

from __future__ import annotations

from dataclasses import dataclass

VERSIONS = ("1.1", "1.0")

TYPES = (
    "System",
    "Body",
    "LegislativeTerm",
    "Organization",
    "Person",
    "Membership",
    "Meeting",
    "AgendaItem",
    "Paper",
    "Consultation",
    "File",
    "Location",
)

MAIN_LISTS = {"organization": "Organization", "person": "Person", "meeting": "Meeting", "paper": "Paper"}
NEW_LISTS = {
    "agendaItem": "AgendaItem",
    "consultation": "Consultation",
    "file": "File",
    "locationList": "Location",
    "legislativeTermList": "LegislativeTerm",
    "membership": "Membership",
}

EMBEDDED = {
    "Body": {"legislativeTerm": "LegislativeTerm", "location": "Location"},
    "Organization": {"location": "Location"},
    "Person": {"membership": "Membership", "locationObject": "Location"},
    "Meeting": {
        "location": "Location",
        "invitation": "File",
        "resultsProtocol": "File",
        "verbatimProtocol": "File",
        "auxiliaryFile": "File",
        "agendaItem": "AgendaItem",
    },
    "AgendaItem": {"resolutionFile": "File", "auxiliaryFile": "File"},
    "Paper": {"mainFile": "File", "auxiliaryFile": "File", "location": "Location", "consultation": "Consultation"},
}

REFERENCES = {
    "Body": {"system": "System"},
    "LegislativeTerm": {"body": "Body"},
    "Organization": {"body": "Body", "membership": "Membership", "subOrganizationOf": "Organization"},
    "Person": {"body": "Body", "location": "Location"},
    "Membership": {"person": "Person", "organization": "Organization", "onBehalfOf": "Organization"},
    "Meeting": {"organization": "Organization", "participant": "Person"},
    "AgendaItem": {"meeting": "Meeting", "consultation": "Consultation"},
    "Paper": {
        "body": "Body",
        "relatedPaper": "Paper",
        "superordinatedPaper": "Paper",
        "subordinatedPaper": "Paper",
        "originatorPerson": "Person",
        "underDirectionOf": "Organization",
        "originatorOrganization": "Organization",
    },
    "Consultation": {
        "paper": "Paper",
        "agendaItem": "AgendaItem",
        "meeting": "Meeting",
        "organization": "Organization",
    },
    "File": {
        "masterFile": "File",
        "derivativeFile": "File",
        "meeting": "Meeting",
        "agendaItem": "AgendaItem",
        "paper": "Paper",
    },
    "Location": {"bodies": "Body", "papers": "Paper"},
}
LOCATION_REFS = {
    "1.1": {"organizations": "Organization", "persons": "Person", "meetings": "Meeting"},
    "1.0": {"organization": "Organization", "meeting": "Meeting"},
}

OBJECT_LISTS = {"Organization": {"meeting": "Meeting", "consultation": "Consultation"}}
NEW_OBJECT_LISTS = {("Organization", "consultation")}

BACKREFERENCES = {"LegislativeTerm": "body", "Membership": "person", "AgendaItem": "meeting", "Consultation": "paper"}

OMIT_INTERNAL = {
    "AgendaItem": ("auxiliaryFile",),
    "Meeting": ("auxiliaryFile",),
    "Paper": ("auxiliaryFile", "location"),
    "Person": ("membership",),
}

SOFT_DELETED = {
    "1.1": frozenset({"System", "Body", "Organization", "Person", "Meeting", "Paper", "File", "Location"}),
    "1.0": frozenset({"System", "Body", "Organization", "Person", "Meeting", "Paper", "File"}),
}
KEPT_WHEN_DELETED = {"1.1": ("id", "type", "created", "modified"), "1.0": ("id", "type", "modified")}

DATE_PAIRS = {
    "LegislativeTerm": ("startDate", "endDate"),
    "Organization": ("startDate", "endDate"),
    "Membership": ("startDate", "endDate"),
    "Meeting": ("start", "end"),
    "AgendaItem": ("start", "end"),
}


@dataclass(frozen=True)
class Version:
    """The facts of one OParl version."""

    number: str

    @property
    def namespace(self) -> str:
        """The namespace URL of the version's object types."""
        return f"https://schema.oparl.org/{self.number}/"

    def type_url(self, type_name: str) -> str:
        """The type URL an object of this type must carry."""
        return self.namespace + type_name

    def type_name(self, url: object) -> str | None:
        """The OParl type name of a type URL of this version, or None."""
        if isinstance(url, str) and url.startswith(self.namespace):
            name = url[len(self.namespace) :]
            return name if name in TYPES else None
        return None

    @property
    def lists(self) -> dict[str, str]:
        """Body attribute → object type of every external list of a Body."""
        return {**MAIN_LISTS, **NEW_LISTS} if self.number == "1.1" else dict(MAIN_LISTS)

    def references(self, type_name: str) -> dict[str, str]:
        """Attribute → referenced type for the URL references of one type."""
        refs = dict(REFERENCES.get(type_name, {}))
        if type_name == "Location":
            refs.update(LOCATION_REFS[self.number])
        return refs

    def embedded(self, type_name: str) -> dict[str, str]:
        """Attribute → embedded type for the internal output of one type."""
        found = dict(EMBEDDED.get(type_name, {}))
        if self.number == "1.0":
            found.pop("locationObject", None)
        return found

    def object_lists(self, type_name: str) -> dict[str, str]:
        """Attribute → listed type for the list URLs an object of this type carries (Organization.meeting, …)."""
        found = dict(OBJECT_LISTS.get(type_name, {}))
        if self.number == "1.0":
            found = {k: v for k, v in found.items() if (type_name, k) not in NEW_OBJECT_LISTS}
        return found

    @property
    def soft_deleted(self) -> frozenset[str]:
        """The types whose deleted objects stay retrievable (§2.8); the others may simply disappear."""
        return SOFT_DELETED[self.number]

    @property
    def kept_when_deleted(self) -> tuple[str, ...]:
        """The members a deleted object keeps (§2.8); 1.0 made created mandatory only for some types."""
        return KEPT_WHEN_DELETED[self.number]

    @property
    def listed_types(self) -> frozenset[str]:
        """The types every object of which must appear in an external list."""
        return frozenset(self.lists.values()) | {"Body"}


def version(number: str) -> Version:
    """The facts of one OParl version ("1.1" or "1.0")."""
    if number not in VERSIONS:
        raise KeyError(f"unknown OParl version {number!r}")
    return Version(number)
