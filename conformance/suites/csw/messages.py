"""Every message of the CSW suite: findings, reasons, notes, phrases and what the checks examined, in English and
German. Texts from a library or from the server (a schema validator's error, a record title) are parameters.
"""

from __future__ import annotations

from conformance.core.messages import Catalogue, Message, Param

FINDINGS = {
    "csw.not-capabilities": (
        "GetCapabilities did not give CSW 2.0.2 capabilities: {actual}",
        "GetCapabilities lieferte keine CSW-2.0.2-Capabilities: {actual}",
    ),
    "csw.capabilities-unreadable": (
        "the capabilities are not readable XML: {error}",
        "die Capabilities sind kein lesbares XML: {error}",
    ),
    "csw.schema-error": ("{document} not schema-valid: {text}", "{document} nicht schemagültig: {text}"),
    "csw.wrong-version": (
        "the capabilities declare version {actual}, not 2.0.2",
        "die Capabilities geben Version {actual} an, nicht 2.0.2",
    ),
    "csw.operation-missing": (
        "the capabilities do not list the operation {operation}",
        "die Capabilities nennen die Operation {operation} nicht",
    ),
    "csw.answer-not-document": (
        "{request} gave no {document}: {actual}",
        "{request} lieferte kein {document}: {actual}",
    ),
    "csw.record-not-described": (
        "the DescribeRecord response describes no element Record in the CSW 2.0.2 namespace",
        "die DescribeRecord-Antwort beschreibt kein Element Record im Namensraum von CSW 2.0.2",
    ),
    "csw.by-id-other": (
        "GetRecordById with Id={id} gave the records {actual} instead of that one record",
        "GetRecordById mit Id={id} lieferte die Datensätze {actual} statt genau dieses einen",
    ),
    "csw.code-missed": (
        "{asked}: expected the exception {exception}, got {actual}",
        "{asked}: erwartet war die Ausnahme {exception}, erhalten {actual}",
    ),
    "csw.hits-no-number": (
        "GetRecords with resultType=hits gives no number numberOfRecordsMatched",
        "GetRecords mit resultType=hits nennt keine Zahl numberOfRecordsMatched",
    ),
    "csw.hits-with-records": (
        "GetRecords with resultType=hits returned {actual} records",
        "GetRecords mit resultType=hits lieferte {actual} Datensätze",
    ),
    "csw.too-many": (
        "GetRecords from startPosition={start} with maxRecords={size} returned {actual} records",
        "GetRecords ab startPosition={start} mit maxRecords={size} lieferte {actual} Datensätze",
    ),
    "csw.returned-wrong": (
        "GetRecords from startPosition={start}: numberOfRecordsReturned is {actual}, but {count} records came",
        "GetRecords ab startPosition={start}: numberOfRecordsReturned ist {actual}, es kamen aber {count} Datensätze",
    ),
    "csw.matched-differs": (
        "GetRecords from startPosition={start}: numberOfRecordsMatched is {actual}, resultType=hits gave {matched}",
        "GetRecords ab startPosition={start}: numberOfRecordsMatched ist {actual}, resultType=hits ergab {matched}",
    ),
    "csw.duplicate": (
        "the record {id} came again on the page from startPosition={start}",
        "der Datensatz {id} kam auf der Seite ab startPosition={start} noch einmal",
    ),
    "csw.next-wrong": (
        "GetRecords from startPosition={start} returned {count} of {matched} records: nextRecord is {actual}, "
        "expected {expected}",
        "GetRecords ab startPosition={start} lieferte {count} von {matched} Datensätzen: nextRecord ist {actual}, "
        "erwartet {expected}",
    ),
    "csw.total-wrong": (
        "following nextRecord gave {actual} different records, numberOfRecordsMatched is {matched}",
        "das Folgen von nextRecord ergab {actual} verschiedene Datensätze, numberOfRecordsMatched ist {matched}",
    ),
    "csw.paging-stuck": (
        "following nextRecord stopped before the end: the page from startPosition={start} gives nextRecord {actual}",
        "das Folgen von nextRecord endete vor dem Ende: die Seite ab startPosition={start} nennt nextRecord {actual}",
    ),
    "csw.set-root": (
        "the element set {set} gave a record {actual}",
        "die Elementmenge {set} lieferte einen Datensatz {actual}",
    ),
    "csw.set-not-contained": (
        "record {id}: the {small} view has elements the {large} view lacks: {elements}",
        "Datensatz {id}: die Sicht {small} hat Elemente, die der Sicht {large} fehlen: {elements}",
    ),
    "csw.constraint-nothing": (
        "{asked} returned no record, although the title of {id} holds the word",
        "{asked} lieferte keinen Datensatz, obwohl der Titel von {id} das Wort enthält",
    ),
    "csw.constraint-mismatch": (
        "{asked} returned the record {id} whose title does not hold the word: {title}",
        "{asked} lieferte den Datensatz {id}, dessen Titel das Wort nicht enthält: {title}",
    ),
    "csw.iso-not-offered": (
        "the capabilities do not offer {value} for the parameter {parameter} of {operation}",
        "die Capabilities bieten {value} für den Parameter {parameter} von {operation} nicht an",
    ),
    "csw.iso-not-metadata": (
        "the ISO output schema gave the record {id} as {actual}, not as gmd:MD_Metadata",
        "das ISO-Ausgabeschema lieferte den Datensatz {id} als {actual}, nicht als gmd:MD_Metadata",
    ),
    "csw.iso-by-id-other": (
        "GetRecordById in the ISO output schema with Id={id} gave the records {actual} instead of that one record",
        "GetRecordById im ISO-Ausgabeschema mit Id={id} lieferte die Datensätze {actual} statt genau dieses einen",
    ),
    "csw.iso-profiles-missing": (
        "the IsoProfiles constraint does not list {value} (IsoProfiles: {actual})",
        "die Einschränkung IsoProfiles nennt {value} nicht (IsoProfiles: {actual})",
    ),
    "csw.unknown-id-no-exception": (
        "GetRecordById with the unknown Id={id} did not fail with an exception report: {actual}",
        "GetRecordById mit der unbekannten Id={id} scheiterte nicht mit einem Ausnahmebericht: {actual}",
    ),
}

PHRASES = {
    "csw.phrase-none": ("none", "keine"),
    "csw.phrase-capabilities": ("the capabilities", "die Capabilities"),
    "csw.phrase-described": ("DescribeRecord response", "DescribeRecord-Antwort"),
    "csw.phrase-by-id": ("GetRecordById response", "GetRecordById-Antwort"),
    "csw.phrase-response": ("GetRecords response", "GetRecords-Antwort"),
    "csw.phrase-report": ("the exception report", "der Ausnahmebericht"),
    "csw.phrase-exception": ("the exception {exception}", "die Ausnahme {exception}"),
    "csw.phrase-records": (
        "a GetRecordById response with the records: {records}",
        "eine GetRecordById-Antwort mit den Datensätzen: {records}",
    ),
    "csw.phrase-iso-record": ("the ISO record {id}", "der ISO-Datensatz {id}"),
    "csw.asked-by-id": ("GetRecordById with Id={id}", "GetRecordById mit Id={id}"),
    "csw.asked-iso-by-id": (
        "GetRecordById in the ISO output schema with Id={id}",
        "GetRecordById im ISO-Ausgabeschema mit Id={id}",
    ),
    "csw.asked-iso-records": (
        "GetRecords for gmd:MD_Metadata in the ISO output schema",
        "GetRecords für gmd:MD_Metadata im ISO-Ausgabeschema",
    ),
    "csw.asked-missing-id": ("GetRecordById without Id", "GetRecordById ohne Id"),
    "csw.asked-unknown-set": ("GetRecords with ElementSetName={value}", "GetRecords mit ElementSetName={value}"),
    "csw.asked-unknown-operation": ("REQUEST={value}", "REQUEST={value}"),
    "csw.asked-hits": ("GetRecords with resultType=hits", "GetRecords mit resultType=hits"),
    "csw.asked-page": ("GetRecords from startPosition={start}", "GetRecords ab startPosition={start}"),
    "csw.asked-set": ("GetRecords with ElementSetName={set}", "GetRecords mit ElementSetName={set}"),
    "csw.asked-cql": (
        "GetRecords with the CQL constraint dc:title LIKE '%{word}%'",
        "GetRecords mit der CQL-Bedingung dc:title LIKE '%{word}%'",
    ),
    "csw.asked-filter": (
        "GetRecords with the OGC Filter dc:title PropertyIsLike %{word}% (KVP)",
        "GetRecords mit dem OGC-Filter dc:title PropertyIsLike %{word}% (KVP)",
    ),
    "csw.asked-post": (
        "POSTed GetRecords with the OGC Filter dc:title PropertyIsLike %{word}%",
        "per POST gesendetes GetRecords mit dem OGC-Filter dc:title PropertyIsLike %{word}%",
    ),
}

NOTES = {
    "csw.skip-capabilities": ("the capabilities are unusable: {reason}", "die Capabilities sind unbrauchbar: {reason}"),
    "csw.note-cut-pages": (
        "sampling cut: following nextRecord stopped after {limit} pages (option max_pages)",
        "Stichprobe: das Folgen von nextRecord endete nach {limit} Seiten (Option max_pages)",
    ),
    "csw.note-cut-records": (
        "sampling cut: GetRecordById asked for {limit} of {total} records met (option max_records)",
        "Stichprobe: GetRecordById fragte {limit} von {total} gefundenen Datensätzen ab (Option max_records)",
    ),
    "csw.note-not-verified": (
        "the ISO record {id} is not verified against the ISO 19139 schema: it uses elements of {namespaces}, for "
        "which the schema pack holds no schema",
        "der ISO-Datensatz {id} ist nicht gegen das ISO-19139-Schema geprüft: er verwendet Elemente aus "
        "{namespaces}, für die das Schemapaket kein Schema enthält",
    ),
    "csw.na-no-iso-profiles": (
        "the capabilities advertise no IsoProfiles constraint (OGC 07-045 7.5: catalogues MAY advertise it)",
        "die Capabilities nennen keine Einschränkung IsoProfiles (OGC 07-045 7.5: Kataloge KÖNNEN sie nennen)",
    ),
    "csw.na-no-matched": (
        "resultType=hits gave no number of matching records to page against",
        "resultType=hits nannte keine Zahl passender Datensätze, gegen die geblättert werden könnte",
    ),
    "csw.na-no-word": (
        "no record title the catalogue returned holds a word to search for",
        "kein Titel eines gelieferten Datensatzes enthält ein Wort, nach dem gesucht werden könnte",
    ),
    "csw.na-no-cql": (
        "the capabilities do not offer CQL_TEXT as a constraint language of GetRecords",
        "die Capabilities bieten CQL_TEXT nicht als Abfragesprache von GetRecords an",
    ),
    "csw.na-no-post": (
        "the capabilities offer no POST binding for GetRecords",
        "die Capabilities bieten für GetRecords keine POST-Bindung an",
    ),
}

EXAMINED = {
    "csw.examined.capabilities": ("capabilities document", "Capabilities-Dokument"),
    "csw.examined.described": ("DescribeRecord response", "DescribeRecord-Antwort"),
    "csw.examined.by-id": ("GetRecordById requests", "GetRecordById-Anfragen"),
    "csw.examined.exception-requests": ("requests provoking an exception", "Anfragen, die eine Ausnahme provozieren"),
    "csw.examined.exception-reports": ("exception reports", "Ausnahmeberichte"),
    "csw.examined.hits": ("GetRecords requests with resultType=hits", "GetRecords-Anfragen mit resultType=hits"),
    "csw.examined.pages": ("GetRecords pages", "GetRecords-Seiten"),
    "csw.examined.set-records": (
        "records compared across the element sets",
        "über die Elementmengen verglichene Datensätze",
    ),
    "csw.examined.matches": ("records returned for the constraint", "für die Bedingung gelieferte Datensätze"),
    "csw.examined.iso-records": ("ISO records returned by GetRecords", "von GetRecords gelieferte ISO-Datensätze"),
}

MESSAGES = Catalogue.of({**FINDINGS, **PHRASES, **NOTES, **EXAMINED})


def m(key: str, /, **params: Param) -> Message:
    """A message of the CSW suite (``key`` is the code without the ``csw.`` prefix)."""
    return MESSAGES(f"csw.{key}", **params)
