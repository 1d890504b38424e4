"""German renderings of the OGC API – Features findings, and of the resource phrases inside them.

``TERMS`` translates the variable parts a finding names (``items of lakes``, ``landing page``); see
:mod:`conformance.reporting.findings` for how templates are matched.
"""

from __future__ import annotations

OGC = {
    "{what}: expected HTTP {expected}, got {status}": "{what}: HTTP {expected} erwartet, {status} erhalten",
    "{what}: {count} features returned, more than {bound}": "{what}: {count} Features geliefert, mehr als {bound}",
    "bbox={box}: numberMatched is {matched}, the complete answer has {whole} features":
        "bbox={box}: numberMatched ist {matched}, die vollständige Antwort hat {whole} Features",
    "{what}: HEAD is not supported (HTTP {status})": "{what}: HEAD wird nicht unterstützt (HTTP {status})",
    "{what}: HEAD and GET give different Content-Types": "{what}: HEAD und GET liefern verschiedene Content-Types",
    "{what}: HEAD answered {head}, GET {get}": "{what}: HEAD antwortete mit {head}, GET mit {get}",
    "{what}: If-None-Match: {etag} (the current entity-tag) was answered with {status}":
        "{what}: If-None-Match: {etag} (das aktuelle Entity-Tag) wurde mit {status} beantwortet",
    "{what}: the {status} response carries no ETag": "{what}: die Antwort {status} trägt kein ETag",
    "{what}: the 304 response has a body": "{what}: die Antwort 304 hat einen Body",
    "{what}: the 304 response lacks {missing}": "{what}: der Antwort 304 fehlt {missing}",
    "{what}: the ETag is not a valid entity-tag": "{what}: das ETag ist kein gültiges Entity-Tag",
    "{what}: Content-Type is {found}, expected {expected}": "{what}: Content-Type ist {found}, erwartet {expected}",
    "{what}: the body is not a JSON object ({error})": "{what}: der Body ist kein JSON-Objekt ({error})",
    "{what}: no <a> for the {rel} link {href}": "{what}: kein <a> für den Link {rel} {href}",
    "{what}: the HTML page does not start with <!DOCTYPE html>":
        "{what}: die HTML-Seite beginnt nicht mit <!DOCTYPE html>",
    "{what}: the HTML page has no body": "{what}: die HTML-Seite hat keinen Body",
    "{rel}: the media type lacks version=3.0": "{rel}: dem Medientyp fehlt version=3.0",
    "{rel}: the {served} body does not parse ({error})": "{rel}: der Body ({served}) lässt sich nicht lesen ({error})",
    "GET {path} is documented as requiring {names}, but was served without credentials":
        "GET {path} ist als geschützt beschrieben ({names}), wurde aber ohne Anmeldedaten ausgeliefert",
    "GET {path} is access-controlled (HTTP {status}), but its operation documents no security requirement":
        "GET {path} ist zugriffsgeschützt (HTTP {status}), seine Operation beschreibt aber keinen Schutz",
    "GET {path} answered {status}, a status its operation does not document":
        "GET {path} antwortete mit {status}, einem Status, den seine Operation nicht beschreibt",
    "GET {path} answered {status}, which its operation does not declare":
        "GET {path} antwortete mit {status}, den seine Operation nicht deklariert",
    "GET {path} answered {status} as {type}, which the response object does not declare":
        "GET {path} antwortete mit {status} als {type}, den das Response-Objekt nicht deklariert",
    "GET {path} does not declare the query parameter {name}": "GET {path} deklariert den Query-Parameter {name} nicht",
    "the documented operation GET {template} is not implemented: GET {path} answered {status}":
        "die beschriebene Operation GET {template} ist nicht implementiert: GET {path} antwortete mit {status}",
    "the documented operation GET {template} fails: GET {path} answered {status}":
        "die beschriebene Operation GET {template} schlägt fehl: GET {path} antwortete mit {status}",
    "a window outside the temporal extent selected all {total} features of {collection}: the datetime filter was "
    "ignored": "ein Zeitfenster außerhalb der zeitlichen Ausdehnung wählte alle {total} Features von {collection}: "
               "der datetime-Filter wurde nicht angewandt",
    "windows before and after the temporal extent of {collection} select different numbers of features (only "
    "features without time can match both)": "Zeitfenster vor und nach der zeitlichen Ausdehnung von {collection} "
                                             "wählen verschieden viele Features (nur Features ohne Zeit können "
                                             "beide erfüllen)",
    "asked for {wanted}, served as {served}; its self link claims {claimed}":
        "{wanted} angefragt, als {served} ausgeliefert; sein self-Link gibt {claimed} an",
    "asked for {wanted}, served as {served}": "{wanted} angefragt, als {served} ausgeliefert",
    "asked for feature {wanted}, got id {got}": "Feature {wanted} angefragt, id {got} erhalten",
    "feature {feature} lies inside the bbox but was not returned":
        "Feature {feature} liegt in der bbox, wurde aber nicht geliefert",
    "feature {feature} has no geometry but was not returned":
        "Feature {feature} hat keine Geometrie, wurde aber nicht geliefert",
    "feature {feature} matches bbox and datetime but was not returned":
        "Feature {feature} erfüllt bbox und datetime, wurde aber nicht geliefert",
    "feature {feature} does not match the {parts} of a request combining bbox and datetime (both must match)":
        "Feature {feature} erfüllt {parts} einer Anfrage mit bbox und datetime nicht (beide müssen zutreffen)",
    "feature {feature} lies outside bbox={box}": "Feature {feature} liegt außerhalb von bbox={box}",
    "feature {feature} of {pointer} lies outside the spatial extent":
        "Feature {feature} von {pointer} liegt außerhalb der räumlichen Ausdehnung",
    "feature {feature} ({time}) lies outside the temporal extent of {pointer}":
        "Feature {feature} ({time}) liegt außerhalb der zeitlichen Ausdehnung von {pointer}",
    "feature {feature} ({time}) does not intersect datetime={value}":
        "Feature {feature} ({time}) schneidet datetime={value} nicht",
    "feature {feature} returned again on page {page} of {collection}":
        "Feature {feature} auf Seite {page} von {collection} erneut geliefert",
    "invalid value {value} was answered with {status}": "der ungültige Wert {value} wurde mit {status} beantwortet",
    "undeclared query parameter {name} was answered with {status}":
        "der nicht deklarierte Query-Parameter {name} wurde mit {status} beantwortet",
    "link without {absent}": "Link ohne {absent}",
    "no alternate link of type {type}": "kein alternate-Link vom Typ {type}",
    "no items link of type {type}": "kein items-Link vom Typ {type}",
    "no link to the API definition (rel=service-desc or service-doc)":
        "kein Link zur API-Definition (rel=service-desc oder service-doc)",
    "no link with rel={rel}": "kein Link mit rel={rel}",
    "no next link ({why})": "kein next-Link ({why})",
    "the landing page has no {rel} link of type {type}": "die Landingpage hat keinen {rel}-Link vom Typ {type}",
    "numberMatched is {matched}, the collection {collection} has {total} features":
        "numberMatched ist {matched}, die Collection {collection} hat {total} Features",
    "numberMatched is {matched}, but {distinct} features were walked":
        "numberMatched ist {matched}, aber {distinct} Features wurden durchlaufen",
    "numberMatched changes while paging {collection}": "numberMatched ändert sich beim Blättern durch {collection}",
    "numberReturned is {value}, the page has {count} features":
        "numberReturned ist {value}, die Seite hat {count} Features",
    "paging of {collection} runs in a circle at page {page}: its features or its next page were returned before":
        "das Blättern durch {collection} läuft auf Seite {page} im Kreis: ihre Features oder ihre nächste Seite "
        "wurden schon geliefert",
    "page {page} of {collection} has {count} features, more than limit={limit}":
        "Seite {page} von {collection} hat {count} Features, mehr als limit={limit}",
    "timeStamp is not the time the response was generated":
        "timeStamp ist nicht der Zeitpunkt, zu dem die Antwort erzeugt wurde",
    "timeStamp is not an RFC 3339 date-time": "timeStamp ist kein Zeitpunkt nach RFC 3339",
    "{name} differs from the entry in /collections": "{name} weicht vom Eintrag in /collections ab",
    "the {status} body is not JSON ({error})": "der Body der Antwort {status} ist kein JSON ({error})",
    "openapi is {version}, not 3.0.x": "openapi ist {version}, nicht 3.0.x",
    "parameter {name}: {key} is {actual}, the standard says {value}":
        "Parameter {name}: {key} ist {actual}, der Standard sagt {value}",
    "the declared bbox schema does not admit {size} numbers":
        "das deklarierte bbox-Schema lässt keine {size} Zahlen zu",
    "collection id {id} is listed twice": "die Collection-ID {id} ist zweimal aufgeführt",
}

TERMS = {
    "landing page": "Landingpage", "conformance declaration": "Konformitätserklärung",
    "unknown collection": "unbekannte Collection",
    "items of an unknown collection": "Features einer unbekannten Collection",
    "unknown feature of collection {c}": "unbekanntes Feature der Collection {c}",
    "feature {f} of {c}": "Feature {f} von {c}", "items of {c}": "Features von {c}",
    "collection {c}": "Collection {c}",
    "GET items of {c}": "GET Features von {c}", "{x} on {c}": "{x} auf {c}", "{x} as HTML": "{x} als HTML",
    "no limit (the declared default or maximum applies)": "kein limit (es gilt der deklarierte Standard- oder "
                                                          "Höchstwert)",
    "{a} of {b} features returned": "{a} von {b} Features geliefert",
    "{a} of at least {b} features returned": "{a} von mindestens {b} Features geliefert",
    "rel and type": "rel und type", "bbox and datetime": "bbox und datetime",
}
