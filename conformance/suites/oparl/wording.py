"""The OParl suite's notes, reasons, phrases and the kinds of things its checks examine, in English and German."""

from __future__ import annotations

PHRASES = {
    "oparl.phrase.text": ("{text}", "{text}"),
    "oparl.phrase.answered": ("{url} answered HTTP {status}", "{url} antwortete mit HTTP {status}"),
    "oparl.phrase.answered-wait": (
        "{url} answered HTTP {status} (Retry-After: {wait})",
        "{url} antwortete mit HTTP {status} (Retry-After: {wait})",
    ),
    "oparl.phrase.answered-unparsed": (
        "{url} answered {type}, not JSON: {error}",
        "{url} antwortete mit {type}, kein JSON: {error}",
    ),
    "oparl.phrase.answered-no-object": (
        "{url} answered JSON that is not an object",
        "{url} antwortete mit JSON, das kein Objekt ist",
    ),
    "oparl.phrase.no-media-type": ("no media type", "ohne Medientyp"),
    "oparl.phrase.other-scheme": (
        "not fetched: {scheme} URL on the {home} host of the System",
        "nicht abgerufen: {scheme}-URL auf dem {home}-Host des Systems",
    ),
    "oparl.phrase.foreign-host": ("not fetched: {error}", "nicht abgerufen: {error}"),
    "oparl.phrase.germany": (
        "Germany (the Body names an ags or rgs)",
        "Deutschland (die Körperschaft nennt ags oder rgs)",
    ),
    "oparl.phrase.no-bom": ("no BOM", "keine BOM"),
    "oparl.phrase.byte": ("byte {at}", "Byte {at}"),
    "oparl.phrase.plain-text": ("plain UTF-8 text", "reiner UTF-8-Text"),
    "oparl.phrase.omitted": ("property omitted", "Eigenschaft weggelassen"),
    "oparl.phrase.omitted-or-text": ("property omitted or text", "Eigenschaft weggelassen oder Text"),
    "oparl.phrase.a-value": ("a value", "ein Wert"),
    "oparl.phrase.each-once": ("each object once", "jedes Objekt einmal"),
    "oparl.phrase.already-at": ("already at {at}", "bereits bei {at}"),
    "oparl.phrase.new-page": ("a new page or no links.next", "eine neue Seite oder kein links.next"),
    "oparl.phrase.at-most-100": ("pages of at most 100 entries", "Seiten mit höchstens 100 Einträgen"),
    "oparl.phrase.no-deleted-inside": (
        "no deleted object in internal output",
        "kein gelöschtes Objekt in interner Ausgabe",
    ),
    "oparl.phrase.no-deleted": ("no deleted objects", "keine gelöschten Objekte"),
    "oparl.phrase.200-deleted": ("200 with deleted: true", "200 mit deleted: true"),
    "oparl.phrase.200-with-object": ("200 with the object", "200 mit dem Objekt"),
    "oparl.phrase.a-list-page": ("a list page (data, pagination, links)", "eine Listenseite (data, pagination, links)"),
    "oparl.phrase.retrievable-object": ("a retrievable object", "ein abrufbares Objekt"),
    "oparl.phrase.listed-in": ("listed in the {kind} list", "in der Liste {kind} aufgeführt"),
    "oparl.phrase.listed": ("listed", "aufgeführt"),
    "oparl.phrase.not-listed": ("not listed", "nicht aufgeführt"),
    "oparl.phrase.objects": ("{count} objects", "{count} Objekte"),
    "oparl.phrase.present": ("{prop} present", "{prop} vorhanden"),
    "oparl.phrase.4xx": ("4xx (e.g. 404)", "4xx (z. B. 404)"),
    "oparl.phrase.no-attachment": ("no attachment disposition", "keine Disposition attachment"),
    "oparl.phrase.plain-path": ("a path without technical parts", "ein Pfad ohne technische Bestandteile"),
    "oparl.phrase.host-name": ("a host name", "ein Hostname"),
    "oparl.phrase.get-allowed": ("absent or including GET", "fehlt oder enthält GET"),
    "oparl.phrase.under-300": ("< 300 characters", "< 300 Zeichen"),
    "oparl.phrase.no-extension": ("a name without extension", "ein Name ohne Dateiendung"),
    "oparl.phrase.deleted-object": ("deleted object", "gelöschtes Objekt"),
    "oparl.phrase.deleted-listed-type": (
        "deleted object of a type with an external list",
        "gelöschtes Objekt eines Typs mit externer Liste",
    ),
}

NOTES = {
    "oparl.note.cache": (
        "{count} responses came from the response cache (oldest stored {oldest}); changes by the vendor after that "
        "time are not visible",
        "{count} Antworten stammen aus dem Zwischenspeicher (älteste gespeichert {oldest}); Änderungen des Anbieters "
        "danach sind nicht sichtbar",
    ),
    "oparl.note.cut-bodies": (
        "sampling cut: crawled the lists of {taken} of {total} bodies",
        "Stichprobe: die Listen von {taken} von {total} Körperschaften erfasst",
    ),
    "oparl.note.cut-pages": (
        "sampling cut: walked {taken} of {total} pages of {url} (max_pages)",
        "Stichprobe: {taken} von {total} Seiten von {url} durchlaufen (max_pages)",
    ),
    "oparl.note.cut-objects": (
        "sampling cut: stopped {url} after {taken} of {total} pages (max_objects)",
        "Stichprobe: {url} nach {taken} von {total} Seiten beendet (max_objects)",
    ),
    "oparl.note.cut-embedded": (
        "sampling cut: fetched {taken} of {total} embedded objects by their id (raise the sample option to check more)",
        "Stichprobe: {taken} von {total} eingebetteten Objekten über ihre id abgerufen (mehr mit einer höheren "
        "Stichprobenoption)",
    ),
    "oparl.note.cut-references": (
        "sampling cut: fetched {taken} of {total} unseen referenced objects (raise the sample option to check more)",
        "Stichprobe: {taken} von {total} nicht gesehenen referenzierten Objekten abgerufen (mehr mit einer höheren "
        "Stichprobenoption)",
    ),
    "oparl.note.cut-object-lists": (
        "sampling cut: walked {taken} of {total} lists {what} (object_lists)",
        "Stichprobe: {taken} von {total} Listen {what} durchlaufen (object_lists)",
    ),
    "oparl.note.cut-files": (
        "sampling cut: fetched {taken} of {total} files (file_samples)",
        "Stichprobe: {taken} von {total} Dateien abgerufen (file_samples)",
    ),
    "oparl.note.cut-epoch": (
        "sampling cut: walked {pages} pages of {cut} of {total} lists with modified_since={since} (deleted_pages)",
        "Stichprobe: {pages} Seiten von {cut} von {total} Listen mit modified_since={since} durchlaufen "
        "(deleted_pages)",
    ),
    "oparl.note.schema-detail": (
        "{count} {kind} objects are invalid; violations listed for the first {detail} (schema_detail)",
        "{count} Objekte {kind} sind ungültig; Verstöße für die ersten {detail} aufgeführt (schema_detail)",
    ),
}

REASONS = {
    "oparl.reason.new-in": (
        "new in OParl {version} (§{section} {heading}): OParl {older} has no such rule",
        "neu in OParl {version} (§{section} {heading}): OParl {older} enthält diese Regel nicht",
    ),
    "oparl.reason.unreadable": (
        "the System URL could not be read, so nothing was judged: {reason}",
        "die System-URL ließ sich nicht lesen, daher wurde nichts beurteilt: {reason}",
    ),
    "oparl.reason.requests-failed": (
        "{count} request(s) failed, so this could not be checked: {first}",
        "{count} Anfrage(n) schlugen fehl, daher konnte dies nicht geprüft werden: {first}",
    ),
    "oparl.reason.unchecked": ("could not be checked: {reason}", "nicht prüfbar: {reason}"),
    "oparl.reason.list-broken": (
        "could not be checked: the {kind} list {url} answered {answer}",
        "nicht prüfbar: die Liste {kind} {url} antwortete mit {answer}",
    ),
    "oparl.reason.no-kind": ("the endpoint showed no {kind} object", "der Endpunkt zeigte kein Objekt {kind}"),
    "oparl.reason.no-listed-id": ("no listed object with an id was met", "kein gelistetes Objekt mit id gefunden"),
    "oparl.reason.no-embedded-id": (
        "no embedded object with an id was met",
        "kein eingebettetes Objekt mit id gefunden",
    ),
    "oparl.reason.no-references": (
        "no object references another one or links a list",
        "kein Objekt verweist auf ein anderes oder verlinkt eine Liste",
    ),
    "oparl.reason.nothing-listed": (
        "no referenced or embedded object of a completely walked list type was met",
        "kein referenziertes oder eingebettetes Objekt eines vollständig durchlaufenen Listentyps gefunden",
    ),
    "oparl.reason.no-own-output": (
        "no LegislativeTerm, Membership, AgendaItem or Consultation was output on its own",
        "kein LegislativeTerm, Membership, AgendaItem oder Consultation wurde einzeln ausgegeben",
    ),
    "oparl.reason.no-first-last": (
        "no list page gives links.first or links.last",
        "keine Listenseite nennt links.first oder links.last",
    ),
    "oparl.reason.no-distinct": (
        "no list has objects with two distinct {attribute} values",
        "keine Liste hat Objekte mit zwei verschiedenen Werten von {attribute}",
    ),
    "oparl.reason.no-second-page": (
        "no filtered list had a second page (raise filter_pages or use a larger list)",
        "keine gefilterte Liste hatte eine zweite Seite (filter_pages erhöhen oder eine größere Liste nutzen)",
    ),
    "oparl.reason.no-omit-lists": (
        "the endpoint has no person, paper, meeting or agenda item list",
        "der Endpunkt hat keine Liste von Personen, Drucksachen, Sitzungen oder Tagesordnungspunkten",
    ),
    "oparl.reason.no-member": (
        "no {kind} object gives {member}: the rule does not apply",
        "kein Objekt {kind} gibt {member} an: die Regel trifft nicht zu",
    ),
    "oparl.reason.no-two-pages": (
        "no list walked has two pages before its last page: the rule does not apply",
        "keine durchlaufene Liste hat zwei Seiten vor ihrer letzten: die Regel trifft nicht zu",
    ),
    "oparl.reason.no-dated": (
        "no object gives both a comparable begin and end: the rule does not apply",
        "kein Objekt gibt vergleichbaren Beginn und Ende an: die Regel trifft nicht zu",
    ),
    "oparl.reason.no-embedded-modified": (
        "no embedded object and the object embedding it both give modified: the rule does not apply",
        "kein eingebettetes Objekt und das umgebende Objekt geben beide modified an: die Regel trifft nicht zu",
    ),
    "oparl.reason.no-files": ("no File object with an accessUrl was met", "kein File-Objekt mit accessUrl gefunden"),
    "oparl.reason.no-file-answered": (
        "could not be checked: no sampled file answered its accessUrl with HTTP 200",
        "nicht prüfbar: keine Datei der Stichprobe beantwortete ihre accessUrl mit HTTP 200",
    ),
    "oparl.reason.no-download": (
        "no sampled file offers a retrievable downloadUrl",
        "keine Datei der Stichprobe bietet eine abrufbare downloadUrl",
    ),
    "oparl.reason.no-https": (
        "the endpoint is not served over HTTPS, so nothing can be redirected from it",
        "der Endpunkt wird nicht über HTTPS ausgeliefert, daher kann von dort nichts umgeleitet werden",
    ),
    "oparl.reason.probe-skipped": (
        "the request for an unknown object ({url}) was not sent: {reason}",
        "die Anfrage nach einem unbekannten Objekt ({url}) wurde nicht gesendet: {reason}",
    ),
    "oparl.reason.lookups-open": (
        "could not be checked: {count} lookup(s) did not reach the end of the list within {pages} pages",
        "nicht prüfbar: {count} Suche(n) erreichten das Listenende nicht innerhalb von {pages} Seiten",
    ),
    "oparl.reason.no-deleted": (
        "no {what} was found after reading {objects} objects of the crawl and fetching {refs} referenced object(s)",
        "kein {what} gefunden, nachdem {objects} Objekte der Erfassung gelesen und {refs} referenzierte Objekte "
        "abgerufen wurden",
    ),
    "oparl.reason.no-deleted-epoch": (
        "no {what} was found after walking {lists} list(s) with modified_since={since} ({pages} pages), reading "
        "{objects} objects of the crawl and fetching {refs} referenced object(s)",
        "kein {what} gefunden, nachdem {lists} Liste(n) mit modified_since={since} durchlaufen ({pages} Seiten), "
        "{objects} Objekte der Erfassung gelesen und {refs} referenzierte Objekte abgerufen wurden",
    ),
}

EXAMINED = {
    "oparl.examined.documents": ("documents of the crawl", "Dokumente der Erfassung"),
    "oparl.examined.documents-200": ("documents of the crawl with HTTP 200", "Dokumente der Erfassung mit HTTP 200"),
    "oparl.examined.objects": ("objects of {types} types", "Objekte von {types} Typen"),
    "oparl.examined.typed-objects": ("{kind} objects", "Objekte {kind}"),
    "oparl.examined.dated-objects": (
        "objects with a begin and an end, of {types} types",
        "Objekte mit Beginn und Ende, von {types} Typen",
    ),
    "oparl.examined.with-member": ("{kind} objects with {member}", "Objekte {kind} mit {member}"),
    "oparl.examined.agenda-items": ("agenda items with order", "Tagesordnungspunkte mit order"),
    "oparl.examined.geojson": ("Location objects with geojson", "Location-Objekte mit geojson"),
    "oparl.examined.system": ("System object", "System-Objekt"),
    "oparl.examined.system-url": ("System URL", "System-URL"),
    "oparl.examined.system-and-bodies": ("System and Body objects", "System- und Body-Objekte"),
    "oparl.examined.server-urls": ("URLs on the System's host", "URLs auf dem Host des Systems"),
    "oparl.examined.answers": ("answers", "Antworten"),
    "oparl.examined.json-answers": ("JSON answers", "JSON-Antworten"),
    "oparl.examined.cookieless": ("requests repeated without cookies", "ohne Cookies wiederholte Anfragen"),
    "oparl.examined.list-pages": ("list pages", "Listenseiten"),
    "oparl.examined.first-pages": ("first list pages", "erste Listenseiten"),
    "oparl.examined.pages-again": ("list pages fetched again", "erneut abgerufene Listenseiten"),
    "oparl.examined.pages-compared": ("list pages compared with the first", "mit der ersten verglichene Listenseiten"),
    "oparl.examined.walks": ("list walks", "Listendurchläufe"),
    "oparl.examined.walks-ended": (
        "list walks that reached a page without next",
        "Listendurchläufe bis zu einer Seite ohne next",
    ),
    "oparl.examined.walks-with-objects": ("list walks with objects", "Listendurchläufe mit Objekten"),
    "oparl.examined.first-last-links": ("links.first and links.last followed", "verfolgte links.first und links.last"),
    "oparl.examined.embedded-objects": ("embedded objects", "eingebettete Objekte"),
    "oparl.examined.embedded-modified": (
        "embedded objects whose modified was compared with their parent's",
        "eingebettete Objekte, deren modified mit dem des umgebenden Objekts verglichen wurde",
    ),
    "oparl.examined.listed-objects": ("listed objects", "gelistete Objekte"),
    "oparl.examined.against-lists": (
        "referenced or embedded objects looked up in their lists",
        "in ihren Listen gesuchte referenzierte oder eingebettete Objekte",
    ),
    "oparl.examined.listed-by-id": ("listed objects fetched by their id", "über ihre id abgerufene gelistete Objekte"),
    "oparl.examined.embedded-by-id": (
        "embedded objects fetched by their id",
        "über ihre id abgerufene eingebettete Objekte",
    ),
    "oparl.examined.references": ("referenced URLs", "referenzierte URLs"),
    "oparl.examined.typed-references": ("references whose target type is known", "Verweise mit bekanntem Zieltyp"),
    "oparl.examined.object-lists": ("list URLs written in objects", "in Objekten angegebene Listen-URLs"),
    "oparl.examined.filtered-walks": ("lists walked with {filter}", "mit {filter} durchlaufene Listen"),
    "oparl.examined.later-pages": ("later pages of filtered lists", "Folgeseiten gefilterter Listen"),
    "oparl.examined.omit-objects": (
        "objects listed with omit_internal=true",
        "mit omit_internal=true gelistete Objekte",
    ),
    "oparl.examined.deleted": ("deleted objects", "gelöschte Objekte"),
    "oparl.examined.deleted-by-id": (
        "deleted objects fetched by their id",
        "über ihre id abgerufene gelöschte Objekte",
    ),
    "oparl.examined.gone": ("referenced objects answering 410 Gone", "mit 410 Gone antwortende referenzierte Objekte"),
    "oparl.examined.lookups": (
        "deleted objects looked up under modified_since",
        "unter modified_since gesuchte gelöschte Objekte",
    ),
    "oparl.examined.unknown-requests": ("requests for an unknown object", "Anfragen nach einem unbekannten Objekt"),
    "oparl.examined.error-answers": ("error answers", "Fehlerantworten"),
    "oparl.examined.files": ("sampled files", "Dateien der Stichprobe"),
    "oparl.examined.downloads": ("downloadUrl answers", "Antworten der downloadUrl"),
    "oparl.examined.conditional-gets": ("conditional GETs", "bedingte GETs"),
}
