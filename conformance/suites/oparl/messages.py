"""Every finding of the OParl suite, in English and German.

Notes, reasons, phrases used inside findings or as expected and actual values, and the kinds of things the checks
examine are in :mod:`conformance.suites.oparl.wording`; the RFC 7946 findings of the Location.geojson checks come
from :mod:`conformance.core.geojsonmessages`. Texts from a library (a schema validator's error) are parameters.
"""

from __future__ import annotations

from conformance.core.geojsonmessages import GEOJSON_MESSAGES
from conformance.core.messages import Catalogue, Message, Param
from conformance.suites.oparl.wording import EXAMINED, NOTES, PHRASES, REASONS

TRANSPORT = {
    "oparl.plain-endpoint": (
        "the OParl endpoint (System URL) is served over plain HTTP",
        "der OParl-Endpunkt (System-URL) wird über unverschlüsseltes HTTP ausgeliefert",
    ),
    "oparl.ip-host": (
        "the OParl endpoint is addressed by an IP address",
        "der OParl-Endpunkt wird über eine IP-Adresse angesprochen",
    ),
    "oparl.plain-url": ("{url} is a plain HTTP URL", "{url} ist eine unverschlüsselte HTTP-URL"),
    "oparl.other-scheme": (
        "{url} uses {scheme}, the System URL {system}",
        "{url} verwendet {scheme}, die System-URL {system}",
    ),
    "oparl.downgrade": ("redirect from HTTPS to HTTP", "Weiterleitung von HTTPS auf HTTP"),
    "oparl.tech-path": (
        "the URL path shows the implementation ({part})",
        "der URL-Pfad verrät die Implementierung ({part})",
    ),
    "oparl.cors-origin": ("Access-Control-Allow-Origin is {value}", "Access-Control-Allow-Origin ist {value}"),
    "oparl.cors-methods": ("Access-Control-Allow-Methods omits GET", "Access-Control-Allow-Methods enthält GET nicht"),
    "oparl.cookie-status": (
        "without cookies the request answers HTTP {status}",
        "ohne Cookies antwortet die Anfrage mit HTTP {status}",
    ),
    "oparl.cookie-data": (
        "without cookies the list page holds other objects",
        "ohne Cookies enthält die Listenseite andere Objekte",
    ),
}

JSON = {
    "oparl.not-json": ("the response is not JSON: {error}", "die Antwort ist kein JSON: {error}"),
    "oparl.served-as": ("JSON is served as {type}", "JSON wird als {type} ausgeliefert"),
    "oparl.bom": (
        "the response starts with a UTF-8 byte order mark",
        "die Antwort beginnt mit einer UTF-8-Bytereihenfolgemarke",
    ),
    "oparl.not-utf8": ("the response is not UTF-8: {error}", "die Antwort ist nicht UTF-8: {error}"),
    "oparl.html-entity": ("HTML entity {entity} in a string value", "HTML-Entität {entity} in einem Zeichenkettenwert"),
    "oparl.null-mandatory": ("the mandatory property is null", "die Pflichteigenschaft ist null"),
    "oparl.null-optional": (
        "the optional property is null; omit it instead",
        "die optionale Eigenschaft ist null; sie ist stattdessen wegzulassen",
    ),
    "oparl.empty-list": (
        "the optional property is an empty list; omit it instead",
        "die optionale Eigenschaft ist eine leere Liste; sie ist stattdessen wegzulassen",
    ),
    "oparl.empty-string": (
        "the property is an empty string; a missing value is omitted",
        "die Eigenschaft ist eine leere Zeichenkette; ein fehlender Wert wird weggelassen",
    ),
}

LISTS = {
    "oparl.list-status": ("the list page answered HTTP {status}", "die Listenseite antwortete mit HTTP {status}"),
    "oparl.list-member": ("the list page has no {name} {kind}", "die Listenseite hat kein {name} ({kind})"),
    "oparl.entry-not-object": (
        "data holds a {kind}, not an internally output object",
        "data enthält ein {kind}, kein intern ausgegebenes Objekt",
    ),
    "oparl.no-next": ("page {current} of {total} has no links.next", "Seite {current} von {total} hat kein links.next"),
    "oparl.walk-short": (
        "the walk ended after {count} of totalElements {total} objects",
        "der Durchlauf endete nach {count} von totalElements {total} Objekten",
    ),
    "oparl.twice": ("{id} appears twice in the list", "{id} kommt zweimal in der Liste vor"),
    "oparl.cycle": (
        "links.next leads back to a page already walked: a cycle",
        "links.next führt auf eine bereits besuchte Seite zurück: ein Zyklus",
    ),
    "oparl.elements-per-page": (
        "elementsPerPage changes between pages",
        "elementsPerPage ändert sich zwischen den Seiten",
    ),
    "oparl.unpaginated": (
        "{count} entries on one page without pagination",
        "{count} Einträge auf einer Seite ohne Paginierung",
    ),
    "oparl.embedded-deleted": ("an embedded {kind} is deleted", "ein eingebettetes Objekt ({kind}) ist gelöscht"),
    "oparl.order-changes": (
        "the same page lists other objects or another order on a second request",
        "dieselbe Seite liefert bei einer zweiten Anfrage andere Objekte oder eine andere Reihenfolge",
    ),
    "oparl.wrong-first": (
        "links.first of {url} does not lead to the first page",
        "links.first von {url} führt nicht zur ersten Seite",
    ),
    "oparl.wrong-last": (
        "links.last of {url} does not lead to the last page",
        "links.last von {url} führt nicht zur letzten Seite",
    ),
}

FILTERS = {
    "oparl.outside-filter": (
        "{name}={value} returned an object outside the filter",
        "{name}={value} lieferte ein Objekt außerhalb des Filters",
    ),
    "oparl.filter-missing": ("{id} matches {name}={value} but is missing", "{id} erfüllt {name}={value}, fehlt aber"),
    "oparl.not-omitted": (
        "{prop} is output despite omit_internal=true",
        "{prop} wird trotz omit_internal=true ausgegeben",
    ),
}

DELETED = {
    "oparl.deleted-listed": (
        "a deleted {kind} is listed without modified_since",
        "ein gelöschtes Objekt ({kind}) wird ohne modified_since aufgeführt",
    ),
    "oparl.deleted-status": (
        "the deleted {kind} {id} answers HTTP {status} under its id",
        "das gelöschte Objekt ({kind}) {id} antwortet unter seiner id mit HTTP {status}",
    ),
    "oparl.gone": (
        "a referenced object answers 410 Gone: deleted without soft delete",
        "ein referenziertes Objekt antwortet mit 410 Gone: gelöscht, ohne als gelöscht markiert zu bleiben",
    ),
    "oparl.deleted-lost": ("the deleted {kind} lost {member}", "das gelöschte Objekt ({kind}) hat {member} verloren"),
    "oparl.modified-older": (
        "modified of the {parent} is older than modified of its embedded {child}",
        "modified des Objekts {parent} ist älter als modified des eingebetteten Objekts {child}",
    ),
    "oparl.deleted-missing": (
        "the deleted {kind} {id} is missing under modified_since",
        "das gelöschte Objekt ({kind}) {id} fehlt unter modified_since",
    ),
}

ERRORS_AND_FILES = {
    "oparl.unknown-status": (
        "a request for an unknown object answered HTTP {status}",
        "eine Anfrage nach einem unbekannten Objekt ergab HTTP {status}",
    ),
    "oparl.no-error-object": (
        "the error answer is not an OParl error object",
        "die Fehlerantwort ist kein OParl-Fehlerobjekt",
    ),
    "oparl.error-member": ("the error object has no {member}", "das Fehlerobjekt hat kein {member}"),
    "oparl.error-with-status": ("an error object came with HTTP {status}", "ein Fehlerobjekt kam mit HTTP {status}"),
    "oparl.file-status": (
        "GET on the accessUrl of {file} answered HTTP {status}",
        "GET auf die accessUrl von {file} ergab HTTP {status}",
    ),
    "oparl.access-attachment": (
        "the accessUrl sends Content-Disposition: attachment",
        "die accessUrl sendet Content-Disposition: attachment",
    ),
    "oparl.download-inline": (
        "the downloadUrl does not send Content-Disposition: attachment; filename=…",
        "die downloadUrl sendet kein Content-Disposition: attachment; filename=…",
    ),
    "oparl.file-header": ("the file answer has no {header} header", "die Antwort der Datei hat keinen Header {header}"),
    "oparl.conditional-status": ("a conditional GET answered HTTP {status}", "ein bedingtes GET ergab HTTP {status}"),
}

INTEGRITY = {
    "oparl.listed-not-retrievable": (
        "the listed {kind} is not retrievable under its id (HTTP {status})",
        "das gelistete Objekt ({kind}) ist unter seiner id nicht abrufbar (HTTP {status})",
    ),
    "oparl.embedded-not-retrievable": (
        "the embedded {kind} is not retrievable under its id (HTTP {status})",
        "das eingebettete Objekt ({kind}) ist unter seiner id nicht abrufbar (HTTP {status})",
    ),
    "oparl.other-id": (
        "fetched by its id, the {kind} carries another id",
        "über seine id abgerufen, trägt das Objekt ({kind}) eine andere id",
    ),
    "oparl.no-list-page": (
        "{prop} of the {kind} references the list {url}, which gives no list page (HTTP {status})",
        "{prop} des Objekts {kind} verweist auf die Liste {url}, die keine Listenseite liefert (HTTP {status})",
    ),
    "oparl.unresolved": (
        "{prop} references {url}, which answers HTTP {status}",
        "{prop} verweist auf {url}, das mit HTTP {status} antwortet",
    ),
    "oparl.not-listed": (
        "{url} exists but is missing from the {kind} list",
        "{url} existiert, fehlt aber in der Liste {kind}",
    ),
    "oparl.embedded-not-listed": (
        "the embedded {kind} {id} is missing from the {kind} list",
        "das eingebettete Objekt ({kind}) {id} fehlt in der Liste {kind}",
    ),
    "oparl.wrong-type": (
        "{prop} must reference a {kind}, but {url} is a {actual}",
        "{prop} muss auf ein Objekt {kind} verweisen, aber {url} ist ein {actual}",
    ),
    "oparl.no-backreference": (
        "the {kind} output on its own lacks its back reference {prop}",
        "dem einzeln ausgegebenen Objekt ({kind}) fehlt sein Rückverweis {prop}",
    ),
    "oparl.ends-before": ("{kind} ends before it begins", "{kind} endet, bevor es beginnt"),
    "oparl.no-license": (
        "neither the System nor every Body names a license",
        "weder das System noch jeder Body nennt eine Lizenz",
    ),
}

SCHEMA = {
    "oparl.schema": ("{error}", "{error}"),
    "oparl.oparl-version": ("oparlVersion is not {version}", "oparlVersion ist nicht {version}"),
    "oparl.type-url": ("type of a {kind} is not {expected}", "type eines Objekts {kind} ist nicht {expected}"),
    "oparl.agenda-order": (
        "order differs from the position in agendaItem",
        "order weicht von der Position in agendaItem ab",
    ),
    "oparl.location-object": ("location does not name the locationObject", "location nennt nicht das locationObject"),
    "oparl.life-length": ("life is 300 characters or longer", "life ist 300 Zeichen lang oder länger"),
    "oparl.life-source": ("life is given without lifeSource", "life ist ohne lifeSource angegeben"),
    "oparl.file-extension": ("name carries a file extension", "name enthält eine Dateiendung"),
    "oparl.meeting-state": (
        "meetingState is not one of the recommended values",
        "meetingState ist keiner der empfohlenen Werte",
    ),
    "oparl.cached": (
        "{finding} [response from the cache, stored {stored}]",
        "{finding} [Antwort aus dem Zwischenspeicher, gespeichert {stored}]",
    ),
}

FINDINGS = {**TRANSPORT, **JSON, **LISTS, **FILTERS, **DELETED, **ERRORS_AND_FILES, **INTEGRITY, **SCHEMA}
MESSAGES = Catalogue.of({**FINDINGS, **PHRASES, **NOTES, **REASONS, **EXAMINED}).merged(GEOJSON_MESSAGES)


def m(code: str, **params: Param) -> Message:
    """A message of the OParl suite (``code`` without the ``oparl.`` prefix)."""
    return MESSAGES(f"oparl.{code}", **params)
