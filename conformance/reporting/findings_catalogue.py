"""German renderings of the OParl, xdomea and XÖV code-list findings (templates; see :mod:`findings`)."""

from __future__ import annotations

# fmt: off

OPARL = {
    "the OParl endpoint (System URL) is served over plain HTTP":
        "der OParl-Endpunkt (System-URL) wird über unverschlüsseltes HTTP ausgeliefert",
    "the OParl endpoint is addressed by an IP address": "der OParl-Endpunkt wird über eine IP-Adresse angesprochen",
    "{url} is a plain HTTP URL": "{url} ist eine unverschlüsselte HTTP-URL",
    "{url} uses {scheme}, the System URL {system}": "{url} verwendet {scheme}, die System-URL {system}",
    "redirect from HTTPS to HTTP": "Weiterleitung von HTTPS auf HTTP",
    "the URL path shows the implementation ({part})": "der URL-Pfad verrät die Implementierung ({part})",
    "Access-Control-Allow-Origin is {value}": "Access-Control-Allow-Origin ist {value}",
    "Access-Control-Allow-Methods omits GET": "Access-Control-Allow-Methods enthält GET nicht",
    "without cookies the request answers HTTP {status}": "ohne Cookies antwortet die Anfrage mit HTTP {status}",
    "without cookies the list page holds other objects": "ohne Cookies enthält die Listenseite andere Objekte",
    "the response is not JSON: {error}": "die Antwort ist kein JSON: {error}",
    "JSON is served as no media type": "JSON wird ohne Medientyp ausgeliefert",
    "JSON is served as {type}": "JSON wird als {type} ausgeliefert",
    "the response starts with a UTF-8 byte order mark": "die Antwort beginnt mit einer UTF-8-Bytereihenfolgemarke",
    "the response is not UTF-8: {error}": "die Antwort ist nicht UTF-8: {error}",
    "HTML entity {entity} in a string value": "HTML-Entität {entity} in einem Zeichenkettenwert",
    "the mandatory property is null": "die Pflichteigenschaft ist null",
    "the optional property is null; omit it instead":
        "die optionale Eigenschaft ist null; sie ist stattdessen wegzulassen",
    "the optional property is an empty list; omit it instead":
        "die optionale Eigenschaft ist eine leere Liste; sie ist stattdessen wegzulassen",
    "the property is an empty string; a missing value is omitted":
        "die Eigenschaft ist eine leere Zeichenkette; ein fehlender Wert wird weggelassen",
    "the list page answered HTTP {status}": "die Listenseite antwortete mit HTTP {status}",
    "the list page has no {name} {kind}": "die Listenseite hat kein {name} ({kind})",
    "data holds a {kind}, not an internally output object": "data enthält ein {kind}, kein intern ausgegebenes Objekt",
    "page {current} of {total} has no links.next": "Seite {current} von {total} hat kein links.next",
    "the walk ended after {count} of totalElements {total} objects":
        "der Durchlauf endete nach {count} von totalElements {total} Objekten",
    "{id} appears twice in the list": "{id} kommt zweimal in der Liste vor",
    "links.next leads back to a page already walked: a cycle":
        "links.next führt auf eine bereits besuchte Seite zurück: ein Zyklus",
    "elementsPerPage changes between pages": "elementsPerPage ändert sich zwischen den Seiten",
    "{count} entries on one page without pagination": "{count} Einträge auf einer Seite ohne Paginierung",
    "an embedded {kind} is deleted": "ein eingebettetes Objekt ({kind}) ist gelöscht",
    "the same page lists other objects or another order on a second request":
        "dieselbe Seite liefert bei einer zweiten Anfrage andere Objekte oder eine andere Reihenfolge",
    "links.{rel} of {url} does not lead to the {rel2} page": "links.{rel} von {url} führt nicht zur Seite {rel2}",
    "{name}={value} returned an object outside the filter": "{name}={value} lieferte ein Objekt außerhalb des Filters",
    "{id} matches {name}={value} but is missing": "{id} erfüllt {name}={value}, fehlt aber",
    "a deleted {kind} is listed without modified_since":
        "ein gelöschtes Objekt ({kind}) wird ohne modified_since aufgeführt",
    "{prop} is output despite omit_internal=true": "{prop} wird trotz omit_internal=true ausgegeben",
    "the deleted {kind} {id} answers HTTP {status} under its id":
        "das gelöschte Objekt ({kind}) {id} antwortet unter seiner id mit HTTP {status}",
    "a referenced object answers 410 Gone: deleted without soft delete":
        "ein referenziertes Objekt antwortet mit 410 Gone: gelöscht, ohne als gelöscht markiert zu bleiben",
    "the deleted {kind} lost {member}": "das gelöschte Objekt ({kind}) hat {member} verloren",
    "modified of the {parent} is older than modified of its embedded {child}":
        "modified des Objekts {parent} ist älter als modified des eingebetteten Objekts {child}",
    "the deleted {kind} {id} is missing under modified_since":
        "das gelöschte Objekt ({kind}) {id} fehlt unter modified_since",
    "a request for an unknown object answered HTTP {status}":
        "eine Anfrage nach einem unbekannten Objekt ergab HTTP {status}",
    "the error answer is not an OParl error object": "die Fehlerantwort ist kein OParl-Fehlerobjekt",
    "the error object has no {member}": "das Fehlerobjekt hat kein {member}",
    "an error object came with HTTP {status}": "ein Fehlerobjekt kam mit HTTP {status}",
    "GET on the accessUrl of {file} answered HTTP {status}": "GET auf die accessUrl von {file} ergab HTTP {status}",
    "the accessUrl sends Content-Disposition: attachment": "die accessUrl sendet Content-Disposition: attachment",
    "the downloadUrl does not send Content-Disposition: attachment; filename=…":
        "die downloadUrl sendet kein Content-Disposition: attachment; filename=…",
    "the file answer has no {header} header": "die Antwort der Datei hat keinen Header {header}",
    "a conditional GET answered HTTP {status}": "ein bedingtes GET ergab HTTP {status}",
    "the {what} {kind} is not retrievable under its id (HTTP {status})":
        "das {what} Objekt ({kind}) ist unter seiner id nicht abrufbar (HTTP {status})",
    "fetched by its id, the {kind} carries another id":
        "über seine id abgerufen, trägt das Objekt ({kind}) eine andere id",
    "{prop} of the {kind} references the list {url}, which gives no list page (HTTP {status})":
        "{prop} des Objekts {kind} verweist auf die Liste {url}, die keine Listenseite liefert (HTTP {status})",
    "sampling cut: walked {count} of {total} lists {what} (object_lists)":
        "Stichprobe: {count} von {total} Listen {what} durchlaufen (object_lists)",
    "sampling cut: fetched {count} of {total} embedded objects by their id (raise the sample option to check more)":
        "Stichprobe: {count} von {total} eingebetteten Objekten über ihre id abgerufen (für mehr die Stichprobe "
        "vergrößern)",
    "sampling cut: fetched {count} of {total} unseen referenced objects (raise the sample option to check more)":
        "Stichprobe: {count} von {total} noch nicht gesehenen referenzierten Objekten abgerufen (für mehr die "
        "Stichprobe vergrößern)",
    "sampling cut: fetched {count} of {total} files (file_samples)":
        "Stichprobe: {count} von {total} Dateien abgerufen (file_samples)",
    "sampling cut: walked {pages} pages of {count} of {total} lists with modified_since={since} (deleted_pages)":
        "Stichprobe: je {pages} Seiten von {count} der {total} Listen mit modified_since={since} durchlaufen "
        "(deleted_pages)",
    "sampling cut: crawled the lists of {count} of {total} bodies":
        "Stichprobe: die Listen von {count} der {total} Körperschaften erfasst",
    "sampling cut: walked {count} of {total} pages of {url} (max_pages)":
        "Stichprobe: {count} von {total} Seiten von {url} durchlaufen (max_pages)",
    "sampling cut: stopped {url} after {count} of {total} pages (max_objects)":
        "Stichprobe: {url} nach {count} von {total} Seiten beendet (max_objects)",
    "{count} further violations not listed (max_violations {max})":
        "{count} weitere Verstöße nicht aufgeführt (max_violations {max})",
    "no File object with an accessUrl was met": "kein File-Objekt mit accessUrl gefunden",
    "no sampled file offers a retrievable downloadUrl":
        "keine der Stichproben-Dateien bietet eine abrufbare downloadUrl",
    "no list has objects with two distinct {name} values":
        "keine Liste hat Objekte mit zwei verschiedenen Werten von {name}",
    "no filtered list had a second page (raise filter_pages or use a larger list)":
        "keine gefilterte Liste hatte eine zweite Seite (filter_pages erhöhen oder eine größere Liste wählen)",
    "the endpoint has no person, paper, meeting or agenda item list":
        "der Endpunkt hat keine Liste von Personen, Drucksachen, Sitzungen oder Tagesordnungspunkten",
    "no listed object with an id was met": "kein gelistetes Objekt mit id gefunden",
    "no embedded object with an id was met": "kein eingebettetes Objekt mit id gefunden",
    "no object references another one or links a list":
        "kein Objekt verweist auf ein anderes oder verlinkt eine Liste",
    "no referenced or embedded object of a completely walked list type was met":
        "kein referenziertes oder eingebettetes Objekt eines vollständig durchlaufenen Listentyps gefunden",
    "no LegislativeTerm, Membership, AgendaItem or Consultation was output on its own":
        "kein LegislativeTerm, keine Membership, kein AgendaItem und keine Consultation wurde einzeln ausgegeben",
    "no list page gives links.first or links.last": "keine Listenseite nennt links.first oder links.last",
    "the endpoint is not served over HTTPS, so nothing can be redirected from it":
        "der Endpunkt wird nicht über HTTPS ausgeliefert, also kann von dort nichts weitergeleitet werden",
    "the endpoint showed no {kind} object": "der Endpunkt zeigte kein Objekt vom Typ {kind}",
    "{prop} references {url}, which answers HTTP {status}":
        "{prop} verweist auf {url}, das mit HTTP {status} antwortet",
    "{url} exists but is missing from the {kind} list": "{url} existiert, fehlt aber in der Liste {kind}",
    "the embedded {kind} {id} is missing from the {kind2} list":
        "das eingebettete Objekt ({kind}) {id} fehlt in der Liste {kind2}",
    "{prop} must reference a {kind}, but {url} is a {actual}":
        "{prop} muss auf ein Objekt {kind} verweisen, aber {url} ist ein {actual}",
    "the {kind} output on its own lacks its back reference {prop}":
        "dem einzeln ausgegebenen Objekt ({kind}) fehlt sein Rückverweis {prop}",
    "{kind} ends before it begins": "{kind} endet, bevor es beginnt",
    "neither the System nor every Body names a license": "weder das System noch jeder Body nennt eine Lizenz",
    "oparlVersion is not {version}": "oparlVersion ist nicht {version}",
    "no deleted object was found after walking {lists} list(s) with modified_since={since} ({pages} pages), reading "
    "{objects} objects of the crawl and fetching {refs} referenced object(s)":
        "kein gelöschtes Objekt gefunden, nachdem {lists} Liste(n) mit modified_since={since} durchlaufen ({pages} "
        "Seiten), {objects} Objekte der Erfassung gelesen und {refs} referenzierte Objekte abgerufen wurden",
    "no deleted object was found after reading {objects} objects of the crawl and fetching {refs} referenced "
    "object(s)": "kein gelöschtes Objekt gefunden, nachdem {objects} Objekte der Erfassung gelesen und {refs} "
                 "referenzierte Objekte abgerufen wurden",
    "no deleted object of a type with an external list was found after walking {lists} list(s) with "
    "modified_since={since} ({pages} pages), reading {objects} objects of the crawl and fetching {refs} referenced "
    "object(s)": "kein gelöschtes Objekt eines Typs mit externer Liste gefunden, nachdem {lists} Liste(n) mit "
                 "modified_since={since} durchlaufen ({pages} Seiten), {objects} Objekte der Erfassung gelesen und "
                 "{refs} referenzierte Objekte abgerufen wurden",
    "new in OParl {version} ({section}): OParl {older} has no such rule":
        "neu in OParl {version} ({section}): OParl {older} enthält diese Regel nicht",
    "type of a {kind} is not {expected}": "type eines Objekts {kind} ist nicht {expected}",
    "order differs from the position in agendaItem": "order weicht von der Position in agendaItem ab",
    "location does not name the locationObject": "location nennt nicht das locationObject",
    "life is 300 characters or longer": "life ist 300 Zeichen lang oder länger",
    "life is given without lifeSource": "life ist ohne lifeSource angegeben",
    "name carries a file extension": "name enthält eine Dateiendung",
    "meetingState is not one of the recommended values": "meetingState ist keiner der empfohlenen Werte",
}

XDOMEA = {
    "ID {id} is used by an earlier object of this message; every object needs its own":
        "die ID {id} trägt schon ein früheres Objekt dieser Nachricht; jedes Objekt braucht eine eigene",
    "primary document {name} is not in the package next to the message":
        "das Primärdokument {name} liegt nicht im Paket neben der Nachricht",
    "{role} names no agency: no Behoerdenkennung/Behoerdenschluessel and no name of an Institution or "
    "Organisationseinheit": "{role} nennt keine Behörde: weder Behoerdenkennung/Behoerdenschluessel noch den Namen "
                            "einer Institution oder Organisationseinheit",
    "the sending system is not named: {first} and {second} missing":
        "das sendende System ist nicht benannt: {first} und {second} fehlen",
    "the sending system is not named: {missing} missing": "das sendende System ist nicht benannt: {missing} fehlt",
    "the header gives message type {code} but the message is {message} (type {expected})":
        "der Nachrichtenkopf nennt den Nachrichtentyp {code}, die Nachricht ist aber {message} (Typ {expected})",
    "ProzessID {value} is not a UUID (8-4-4-4-12 hexadecimal digits)":
        "ProzessID {value} ist keine UUID (8-4-4-4-12 Hexadezimalziffern)",
    "creation time {time} lies in the future (checked at {now})":
        "der Erstellungszeitpunkt {time} liegt in der Zukunft (geprüft um {now})",
    "the message is {found}, not xdomea 3.0.0 ({namespace})": "die Nachricht ist {found}, nicht xdomea 3.0.0 "
                                                              "({namespace})",
    "the root element uses prefix {prefix}, the specification prescribes 'xdomea'":
        "das Wurzelelement verwendet das Präfix {prefix}, die Spezifikation schreibt 'xdomea' vor",
    "xsi:schemaLocation gives {location} for {namespace}, not the schema of the message group ({wanted}); a "
    "hint only, the location is not constrained by the XML Schema":
        "xsi:schemaLocation nennt {location} für {namespace}, nicht das Schema der Nachrichtengruppe ({wanted}); "
        "nur ein Hinweis, das XML-Schema schränkt den Ort nicht ein",
    "code {code} of XÖV code type {type}: {first} and {second} are empty or missing in the instance and not fixed "
    "by the schema, so its code list cannot be determined":
        "Code {code} des XÖV-Codetyps {type}: {first} und {second} sind in der Instanz leer oder fehlen und sind im "
        "Schema nicht festgelegt, daher lässt sich seine Codeliste nicht bestimmen",
    "code {code} of XÖV code type {type}: {missing} is empty or missing in the instance and not fixed by the "
    "schema, so its code list cannot be determined":
        "Code {code} des XÖV-Codetyps {type}: {missing} ist in der Instanz leer oder fehlt und ist im Schema nicht "
        "festgelegt, daher lässt sich seine Codeliste nicht bestimmen",
    "code list {uri} (version {version}) is not among the {count} code lists of the standard; code {code} cannot "
    "be checked": "die Codeliste {uri} (Version {version}) gehört nicht zu den {count} Codelisten des Standards; "
                  "Code {code} kann nicht geprüft werden",
    "version {version} of code list {uri} is not held offline (held: {known}); membership of code {code} not "
    "checked": "die Version {version} der Codeliste {uri} liegt offline nicht vor (vorhanden: {known}); ob Code "
               "{code} in ihr steht, wurde nicht geprüft",
    "code {code} is not in code list {uri} version {version} (valid: {valid})":
        "Code {code} steht nicht in der Codeliste {uri} Version {version} (gültig: {valid})",
}
