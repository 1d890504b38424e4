"""The request series of the CSW suite, each made once per target by the first check that needs it: the
GetRecords walk (hits, then the pages nextRecord leads to), the element sets, GetRecordById in both output
schemas, and the requests that provoke exceptions."""

from __future__ import annotations

from dataclasses import dataclass, field

from lxml import etree

from conformance.core.messages import Message
from conformance.suites.csw.messages import m
from conformance.suites.csw.service import CSW, DC, GCO, GMD, Answer, Observed, tag
from conformance.suites.ows_service import CodeProbe

NAMESPACE = f"xmlns(csw={CSW})"
SETS = ("brief", "summary", "full")
UNKNOWN = "wechselbar-no-such-{}"


def records(answer: Answer) -> list[etree._Element]:
    """The records of a GetRecordsResponse (children of csw:SearchResults) or of a GetRecordByIdResponse."""
    if answer.tree is None:
        return []
    root = answer.tree.getroot()
    holder = root.find(f"{{{CSW}}}SearchResults") if root.tag == f"{{{CSW}}}GetRecordsResponse" else root
    return [child for child in holder if isinstance(child.tag, str)] if holder is not None else []


def identifier(record: etree._Element) -> str:
    """dc:identifier of a csw record, gmd:fileIdentifier of an ISO one."""
    found = record.findtext(f"{{{DC}}}identifier")
    if found is None:
        found = record.findtext(f"{{{GMD}}}fileIdentifier/{{{GCO}}}CharacterString")
    return (found or "").strip()


def results(answer: Answer) -> etree._Element | None:
    """The csw:SearchResults of a GetRecordsResponse."""
    if answer.tree is None or not answer.is_a(tag("GetRecordsResponse")):
        return None
    return answer.tree.getroot().find(f"{{{CSW}}}SearchResults")


def get_records(obs: Observed, **params: str) -> Answer:
    """GetRecords on csw:Record (results, brief, page_size records), parameters overridden by ``params``."""
    sent = {
        "TYPENAMES": "csw:Record",
        "NAMESPACE": NAMESPACE,
        "RESULTTYPE": "results",
        "ELEMENTSETNAME": "brief",
        "MAXRECORDS": str(int(obs.option("page_size"))),
    }
    return obs.call("GetRecords", {**sent, **{k.upper(): v for k, v in params.items()}})


@dataclass(frozen=True)
class Walk:
    """resultType=hits, then the pages (startPosition, answer) nextRecord led to, and whether it ended."""

    hits: Answer
    pages: list[tuple[int, Answer]]
    ended: bool
    notes: list[Message] = field(default_factory=list)

    @property
    def matched(self) -> int | None:
        """numberOfRecordsMatched of the hits answer, if it is a number."""
        found = results(self.hits)
        value = found.get("numberOfRecordsMatched", "") if found is not None else ""
        return int(value) if value.isdigit() else None


def next_record(answer: Answer) -> int | None:
    """nextRecord of a GetRecords answer, if it is a number."""
    found = results(answer)
    value = (found.get("nextRecord", "") if found is not None else "").strip()
    return int(value) if value.isdigit() else None


def walk(obs: Observed) -> Walk:
    """Every page from startPosition 1 on, as nextRecord leads, within the option max_pages."""
    hits, limit = get_records(obs, resultType="hits"), int(obs.option("max_pages"))
    pages: list[tuple[int, Answer]] = []
    notes: list[Message] = []
    start: int | None = 1
    while start and (not pages or start > pages[-1][0]):
        if len(pages) == limit:
            notes.append(m("note-cut-pages", limit=limit))
            return Walk(hits, pages, False, notes)
        pages.append((start, get_records(obs, startPosition=str(start))))
        start = next_record(pages[-1][1])
    return Walk(hits, pages, start == 0, notes)


def element_sets(obs: Observed) -> dict[str, Answer]:
    """The first page in each element set."""
    return {name: get_records(obs, elementSetName=name) for name in SETS}


@dataclass(frozen=True)
class ByIdRun:
    """GetRecordById for sampled identifiers: (identifier, answer) in the csw and in the ISO output schema."""

    core: list[tuple[str, Answer]]
    iso: list[tuple[str, Answer]]
    notes: list[Message] = field(default_factory=list)


def sampled_ids(obs: Observed) -> tuple[list[str], list[Message]]:
    """Identifiers of records the walk met, spread over them, within the option max_records (a cut is noted)."""
    seen = [identifier(r) for _, page in obs.part("walk", walk).pages for r in records(page)]
    ids = list(dict.fromkeys(i for i in seen if i))
    limit = max(1, int(obs.option("max_records")))
    if len(ids) <= limit:
        return ids, []
    return ids[:: len(ids) // limit][:limit], [m("note-cut-records", limit=limit, total=len(ids))]


def by_id(obs: Observed) -> ByIdRun:
    """GetRecordById (full) for each sampled identifier, in csw:Record and in ISO 19139."""
    ids, notes = sampled_ids(obs)
    core = [(i, obs.call("GetRecordById", {"ID": i, "ELEMENTSETNAME": "full"})) for i in ids]
    iso = [(i, obs.call("GetRecordById", {"ID": i, "ELEMENTSETNAME": "full", "OUTPUTSCHEMA": GMD})) for i in ids]
    return ByIdRun(core, iso, notes)


def unknown_by_id(obs: Observed) -> tuple[str, Answer]:
    """GetRecordById for an identifier no record carries."""
    unknown = UNKNOWN.format("record")
    return unknown, obs.call("GetRecordById", {"ID": unknown, "ELEMENTSETNAME": "full"})


def iso_records(obs: Observed) -> Answer:
    """GetRecords for gmd:MD_Metadata in the ISO output schema (full)."""
    return get_records(
        obs, typeNames="gmd:MD_Metadata", namespace=f"xmlns(gmd={GMD})", outputSchema=GMD, elementSetName="full"
    )


def code_probes(obs: Observed) -> list[CodeProbe]:
    """One request per exception code the suite provokes."""
    unknown_set, unknown_op = UNKNOWN.format("set"), "WechselbarNoSuchOperation"
    return [
        CodeProbe("MissingParameterValue", m("asked-missing-id"), obs.call("GetRecordById", {})),
        CodeProbe(
            "InvalidParameterValue",
            m("asked-unknown-set", value=unknown_set),
            get_records(obs, elementSetName=unknown_set),
        ),
        CodeProbe("OperationNotSupported", m("asked-unknown-operation", value=unknown_op), obs.call(unknown_op, {})),
    ]
