"""Every finding of the OGC API – Features suite, in English and German.

Notes, reasons, phrases used inside findings or as expected and actual values, and the kinds of things the checks
examine are in :mod:`conformance.suites.ogcapi_features.wording`; the RFC 7946 findings of the CRS84 check come
from :mod:`conformance.core.geojsonmessages`. Texts from a library (a schema validator's error) are parameters.
"""

from __future__ import annotations

from conformance.core.geojsonmessages import GEOJSON_MESSAGES
from conformance.core.messages import Catalogue, Message, Param
from conformance.suites.ogcapi_features.wording import EXAMINED, NOTES, PHRASES, REASONS

RESPONSES = {
    "features.status": (
        "{what}: expected HTTP {expected}, got {status}",
        "{what}: HTTP {expected} erwartet, {status} erhalten",
    ),
    "features.media-type": (
        "{what}: Content-Type is {found}, expected {expected}",
        "{what}: Content-Type ist {found}, erwartet {expected}",
    ),
    "features.not-object": (
        "{what}: the body is not a JSON object ({problem})",
        "{what}: der Body ist kein JSON-Objekt ({problem})",
    ),
    "features.schema": ("{error}", "{error}"),
    "features.body-unparsed": (
        "{rel}: the {served} body does not parse ({error})",
        "{rel}: der Body ({served}) lässt sich nicht lesen ({error})",
    ),
}

LINKS = {
    "features.no-links": ("{where} has no links", "{where} hat keine Links"),
    "features.no-rel": ("no link with rel={rel}", "kein Link mit rel={rel}"),
    "features.link-without": ("link without {absent}", "Link ohne {absent}"),
    "features.no-alternate": ("no alternate link of type {type}", "kein alternate-Link vom Typ {type}"),
    "features.no-api-link": (
        "no link to the API definition (rel=service-desc or service-doc)",
        "kein Link zur API-Definition (rel=service-desc oder service-doc)",
    ),
    "features.no-items-link": ("no items link of type {type}", "kein items-Link vom Typ {type}"),
    "features.no-typed-link": (
        "the landing page has no {rel} link of type {type}",
        "die Landingpage hat keinen {rel}-Link vom Typ {type}",
    ),
    "features.no-next": ("no next link ({why})", "kein next-Link ({why})"),
}

COLLECTIONS = {
    "features.class-undeclared": (
        "conformance class {cls} is not declared",
        "die Konformitätsklasse {cls} ist nicht erklärt",
    ),
    "features.no-collection": ("collections lists no collection", "collections führt keine Collection auf"),
    "features.id-twice": ("collection id {id} is listed twice", "die Collection-ID {id} ist zweimal aufgeführt"),
    "features.differs": (
        "{name} differs from the entry in /collections",
        "{name} weicht vom Eintrag in /collections ab",
    ),
    "features.extent-not-bbox": (
        "the spatial extent is not a CRS84 bbox of 4 or 6 numbers",
        "die räumliche Ausdehnung ist keine CRS84-bbox aus 4 oder 6 Zahlen",
    ),
    "features.outside-spatial": (
        "feature {feature} of {pointer} lies outside the spatial extent",
        "Feature {feature} von {pointer} liegt außerhalb der räumlichen Ausdehnung",
    ),
    "features.outside-temporal": (
        "feature {feature} ({time}) lies outside the temporal extent of {pointer}",
        "Feature {feature} ({time}) liegt außerhalb der zeitlichen Ausdehnung von {pointer}",
    ),
    "features.wrong-feature": (
        "asked for feature {wanted}, got id {got}",
        "Feature {wanted} angefragt, id {got} erhalten",
    ),
}

HTTP = {
    "features.head-unsupported": (
        "{what}: HEAD is not supported (HTTP {status})",
        "{what}: HEAD wird nicht unterstützt (HTTP {status})",
    ),
    "features.head-status": (
        "{what}: HEAD answered {head}, GET {get}",
        "{what}: HEAD antwortete mit {head}, GET mit {get}",
    ),
    "features.head-type": (
        "{what}: HEAD and GET give different Content-Types",
        "{what}: HEAD und GET liefern verschiedene Content-Types",
    ),
    "features.no-date": ("HTTP {status} without a Date header", "HTTP {status} ohne Date-Header"),
    "features.no-allow": ("HTTP 405 without an Allow header", "HTTP 405 ohne Allow-Header"),
    "features.http-1.0": (
        "the status line says HTTP/1.0: the server does not claim HTTP/1.1",
        "die Statuszeile nennt HTTP/1.0: der Server beansprucht HTTP/1.1 nicht",
    ),
    "features.etag-invalid": (
        "{what}: the ETag is not a valid entity-tag",
        "{what}: das ETag ist kein gültiges Entity-Tag",
    ),
    "features.etag-ignored": (
        "{what}: If-None-Match: {etag} (the current entity-tag) was answered with {status}",
        "{what}: If-None-Match: {etag} (das aktuelle Entity-Tag) wurde mit {status} beantwortet",
    ),
    "features.304-body": ("{what}: the 304 response has a body", "{what}: die Antwort 304 hat einen Body"),
    "features.304-lacks": ("{what}: the 304 response lacks {missing}", "{what}: der Antwort 304 fehlt {missing}"),
    "features.no-etag": ("{what}: the 200 response carries no ETag", "{what}: die Antwort 200 trägt kein ETag"),
}

ITEMS = {
    "features.not-collection": ("type is not FeatureCollection", "type ist nicht FeatureCollection"),
    "features.no-features": ("no features array", "kein Array features"),
    "features.timestamp-format": (
        "timeStamp is not an RFC 3339 date-time",
        "timeStamp ist kein Zeitpunkt nach RFC 3339",
    ),
    "features.timestamp-time": (
        "timeStamp is not the time the response was generated",
        "timeStamp ist nicht der Zeitpunkt, zu dem die Antwort erzeugt wurde",
    ),
    "features.number-returned": (
        "numberReturned is {value}, the page has {count} features",
        "numberReturned ist {value}, die Seite hat {count} Features",
    ),
    "features.both-missed": (
        "feature {feature} does not match the {parts} of a request combining bbox and datetime (both must match)",
        "Feature {feature} erfüllt {parts} einer Anfrage mit bbox und datetime nicht (beide müssen zutreffen)",
    ),
    "features.both-absent": (
        "feature {feature} matches bbox and datetime but was not returned",
        "Feature {feature} erfüllt bbox und datetime, wurde aber nicht geliefert",
    ),
    "features.too-many": (
        "{what}: {count} features returned, more than {bound}",
        "{what}: {count} Features geliefert, mehr als {bound}",
    ),
    "features.matched-changes": (
        "numberMatched changes while paging {collection}",
        "numberMatched ändert sich beim Blättern durch {collection}",
    ),
    "features.matched-total": (
        "numberMatched is {matched}, the collection {collection} has {total} features",
        "numberMatched ist {matched}, die Collection {collection} hat {total} Features",
    ),
    "features.matched-walked": (
        "numberMatched is {matched}, but {distinct} features were walked",
        "numberMatched ist {matched}, aber {distinct} Features wurden durchlaufen",
    ),
    "features.matched-filtered": (
        "bbox={box}: numberMatched is {matched}, the complete answer has {whole} features",
        "bbox={box}: numberMatched ist {matched}, die vollständige Antwort hat {whole} Features",
    ),
    "features.duplicate": (
        "feature {feature} returned again on page {page} of {collection}",
        "Feature {feature} auf Seite {page} von {collection} erneut geliefert",
    ),
    "features.cycle": (
        "paging of {collection} runs in a circle at page {page}: its features or its next page were returned before",
        "das Blättern durch {collection} läuft auf Seite {page} im Kreis: ihre Features oder ihre nächste Seite "
        "wurden schon geliefert",
    ),
    "features.page-size": (
        "page {page} of {collection} has {count} features, more than limit={limit}",
        "Seite {page} von {collection} hat {count} Features, mehr als limit={limit}",
    ),
}

PARAMETERS = {
    "features.unknown-accepted": (
        "undeclared query parameter {name} was answered with {status}",
        "der nicht deklarierte Query-Parameter {name} wurde mit {status} beantwortet",
    ),
    "features.invalid-accepted": (
        "invalid value {value} was answered with {status}",
        "der ungültige Wert {value} wurde mit {status} beantwortet",
    ),
    "features.undescribed": (
        "the API definition does not describe GET {path}",
        "die API-Definition beschreibt GET {path} nicht",
    ),
    "features.undeclared-param": (
        "GET {path} does not declare the query parameter {name}",
        "GET {path} deklariert den Query-Parameter {name} nicht",
    ),
    "features.param-shape": (
        "parameter {name}: {key} is {actual}, the standard says {value}",
        "Parameter {name}: {key} ist {actual}, der Standard sagt {value}",
    ),
    "features.limit-minimum": ("limit has no minimum of at least 1", "limit hat kein Minimum von mindestens 1"),
    "features.bbox-items": ("bbox items are not numbers", "die Elemente von bbox sind keine Zahlen"),
    "features.bbox-sizes": (
        "the declared bbox schema does not admit {size} numbers",
        "das deklarierte bbox-Schema lässt keine {size} Zahlen zu",
    ),
    "features.outside-bbox": (
        "feature {feature} lies outside bbox={box}",
        "Feature {feature} liegt außerhalb von bbox={box}",
    ),
    "features.inside-missing": (
        "feature {feature} lies inside the bbox but was not returned",
        "Feature {feature} liegt in der bbox, wurde aber nicht geliefert",
    ),
    "features.unlocated-missing": (
        "feature {feature} has no geometry but was not returned",
        "Feature {feature} hat keine Geometrie, wurde aber nicht geliefert",
    ),
    "features.window-all": (
        "a window outside the temporal extent selected all {total} features of {collection}: the datetime filter was "
        "ignored",
        "ein Zeitfenster außerhalb der zeitlichen Ausdehnung wählte alle {total} Features von {collection}: der "
        "datetime-Filter wurde nicht angewandt",
    ),
    "features.windows-differ": (
        "windows before and after the temporal extent of {collection} select different numbers of features (only "
        "features without time can match both)",
        "Zeitfenster vor und nach der zeitlichen Ausdehnung von {collection} wählen verschieden viele Features (nur "
        "Features ohne Zeit können beide erfüllen)",
    ),
    "features.outside-window": (
        "feature {feature} ({time}) does not intersect datetime={value}",
        "Feature {feature} ({time}) schneidet datetime={value} nicht",
    ),
}

ENCODINGS = {
    "features.served-as": ("asked for {wanted}, served as {served}", "{wanted} angefragt, als {served} ausgeliefert"),
    "features.served-as-claimed": (
        "asked for {wanted}, served as {served}; its self link claims {claimed}",
        "{wanted} angefragt, als {served} ausgeliefert; sein self-Link gibt {claimed} an",
    ),
    "features.no-links-member": (
        "the links are not given as the foreign member links",
        "die Links stehen nicht im zusätzlichen Element links",
    ),
    "features.no-doctype": (
        "{what}: the HTML page does not start with <!DOCTYPE html>",
        "{what}: die HTML-Seite beginnt nicht mit <!DOCTYPE html>",
    ),
    "features.no-body": ("{what}: the HTML page has no body", "{what}: die HTML-Seite hat keinen Body"),
    "features.no-anchor": ("{what}: no <a> for the {rel} link {href}", "{what}: kein <a> für den Link {rel} {href}"),
    "features.not-shown": (
        "{what}: {value} is not shown in the HTML body",
        "{what}: {value} wird im HTML-Body nicht gezeigt",
    ),
}

OPENAPI = {
    "features.no-version": ("{rel}: the media type lacks version=3.0", "{rel}: dem Medientyp fehlt version=3.0"),
    "features.openapi-version": ("openapi is {version}, not 3.0.x", "openapi ist {version}, nicht 3.0.x"),
    "features.status-undeclared": (
        "GET {path} answered {status}, which its operation does not declare",
        "GET {path} antwortete mit {status}, den seine Operation nicht deklariert",
    ),
    "features.type-undeclared": (
        "GET {path} answered 200 as {type}, which the response object does not declare",
        "GET {path} antwortete mit 200 als {type}, den das Response-Objekt nicht deklariert",
    ),
    "features.not-implemented": (
        "the documented operation GET {template} is not implemented: GET {path} answered {status}",
        "die beschriebene Operation GET {template} ist nicht implementiert: GET {path} antwortete mit {status}",
    ),
    "features.operation-fails": (
        "the documented operation GET {template} fails: GET {path} answered {status}",
        "die beschriebene Operation GET {template} schlägt fehl: GET {path} antwortete mit {status}",
    ),
    "features.error-undocumented": (
        "GET {path} answered {status}, a status its operation does not document",
        "GET {path} antwortete mit {status}, einem Status, den seine Operation nicht beschreibt",
    ),
    "features.error-type-undocumented": (
        "GET {path} answered {status} as {type}, which its response object does not document",
        "GET {path} antwortete mit {status} als {type}, den sein Response-Objekt nicht beschreibt",
    ),
    "features.error-not-json": (
        "the {status} body is not JSON ({error})",
        "der Body der Antwort {status} ist kein JSON ({error})",
    ),
    "features.scheme-undefined": (
        "the security requirement names the scheme {name}, which components.securitySchemes does not define",
        "die Sicherheitsanforderung nennt das Schema {name}, das components.securitySchemes nicht definiert",
    ),
    "features.unprotected-documented": (
        "GET {path} is access-controlled (HTTP {status}), but its operation documents no security requirement",
        "GET {path} ist zugriffsgeschützt (HTTP {status}), seine Operation beschreibt aber keinen Schutz",
    ),
    "features.served-without": (
        "GET {path} is documented as requiring {names}, but was served without credentials",
        "GET {path} ist als geschützt beschrieben ({names}), wurde aber ohne Anmeldedaten ausgeliefert",
    ),
}

FINDINGS = {
    **RESPONSES,
    **LINKS,
    **COLLECTIONS,
    **HTTP,
    **ITEMS,
    **PARAMETERS,
    **ENCODINGS,
    **OPENAPI,
}
MESSAGES = Catalogue.of({**FINDINGS, **PHRASES, **NOTES, **REASONS, **EXAMINED}).merged(GEOJSON_MESSAGES)


def m(code: str, **params: Param) -> Message:
    """A message of the Features suite (``code`` without the ``features.`` prefix)."""
    return MESSAGES(f"features.{code}", **params)


def both(first: Param, second: Param) -> Message:
    """Two things named together: "{first} and {second}"."""
    return m("phrase.and", first=first, second=second)


def either(first: Param, second: Param) -> Message:
    """Alternatives: "{first} or {second}"."""
    return m("phrase.or", first=first, second=second)


def on(request: str, collection: str) -> Message:
    """A request to a collection's items, as named in findings: "{request} on {collection}"."""
    return m("phrase.on", request=request, collection=collection)


def joined(items: list[Param], join: str = "and") -> Param:
    """A list named with "and" (or "or") between its items: "a", "a and b", "a and b and c"."""
    if len(items) == 1:
        return items[0]
    return m(f"phrase.{join}", first=items[0], second=joined(items[1:], join))
