"""The Features suite's notes, reasons, phrases and the kinds of things its checks examine, in English and German.

Phrases name resources inside findings ("items of lakes") or stand as expected and actual values ("an ETag
header"); they are parameters of other messages and render in the same language. Findings are in
:mod:`conformance.suites.ogcapi_features.messages`, which builds the catalogue from both modules.
"""

from __future__ import annotations

RESOURCES = {
    "features.phrase.landing-page": ("landing page", "Landingpage"),
    "features.phrase.conformance-declaration": ("conformance declaration", "Konformitätserklärung"),
    "features.phrase.collections": ("collections", "Collections"),
    "features.phrase.collection": ("collection {id}", "Collection {id}"),
    "features.phrase.items": ("items of {collection}", "Features von {collection}"),
    "features.phrase.get-items": ("GET items of {collection}", "GET Features von {collection}"),
    "features.phrase.feature": ("feature {feature} of {collection}", "Feature {feature} von {collection}"),
    "features.phrase.unknown-collection": ("unknown collection", "unbekannte Collection"),
    "features.phrase.unknown-items": ("items of an unknown collection", "Features einer unbekannten Collection"),
    "features.phrase.unknown-feature": (
        "unknown feature of collection {collection}",
        "unbekanntes Feature der Collection {collection}",
    ),
    "features.phrase.on": ("{request} on {collection}", "{request} auf {collection}"),
    "features.phrase.as-html": ("{url} as HTML", "{url} als HTML"),
    "features.phrase.get-link": ("GET {rel} link", "GET {rel}-Link"),
    "features.phrase.link": ("{rel} link", "{rel}-Link"),
    "features.phrase.next-of": ("next link of {collection}", "next-Link von {collection}"),
    "features.phrase.the-document": ("the document", "das Dokument"),
    "features.phrase.items-pages": ("items", "Features"),
    "features.phrase.single-features": ("single features", "einzelne Features"),
    "features.phrase.items-or-features": ("items or features", "Features oder einzelne Features"),
    "features.phrase.collection-extent": ("the collection extent", "der Ausdehnung der Collection"),
}

PHRASES = {
    **RESOURCES,
    "features.phrase.and": ("{first} and {second}", "{first} und {second}"),
    "features.phrase.or": ("{first} or {second}", "{first} oder {second}"),
    "features.phrase.missing": ("missing", "nicht angegeben"),
    "features.phrase.none": ("none", "keins"),
    "features.phrase.not-json": ("not JSON: {error}", "kein JSON: {error}"),
    "features.phrase.json-object": ("a JSON object", "ein JSON-Objekt"),
    "features.phrase.one-per-collection": ("one entry per collection", "ein Eintrag je Collection"),
    "features.phrase.unique-ids": ("unique ids", "eindeutige IDs"),
    "features.phrase.as-for-get": ("HTTP {status}, as for GET", "HTTP {status}, wie bei GET"),
    "features.phrase.entity-tag": ('W/"…" or "…" (RFC 7232 §2.3)', 'W/"…" oder "…" (RFC 7232 §2.3)'),
    "features.phrase.answer": ("HTTP {status}, ETag {etag}", "HTTP {status}, ETag {etag}"),
    "features.phrase.no-body": ("no body (RFC 7232 §4.1)", "kein Body (RFC 7232 §4.1)"),
    "features.phrase.bytes": ("{count} bytes", "{count} Bytes"),
    "features.phrase.etag-and-date": ("ETag and Date (RFC 7232 §4.1)", "ETag und Date (RFC 7232 §4.1)"),
    "features.phrase.etag-header": ("an ETag header", "ein ETag-Header"),
    "features.phrase.an-array": ("an array", "ein Array"),
    "features.phrase.rfc3339": ("RFC 3339 date-time", "Zeitpunkt nach RFC 3339"),
    "features.phrase.near-date": (
        "within {seconds} s of the Date header {date}",
        "höchstens {seconds} s vom Date-Header {date} entfernt",
    ),
    "features.phrase.both-filters": ("intersects bbox {box} and {window}", "schneidet bbox {box} und {window}"),
    "features.phrase.where": ("envelope {envelope}, time {time}", "Umhüllende {envelope}, Zeit {time}"),
    "features.phrase.no-limit": (
        "no limit (the declared default or maximum applies)",
        "kein limit (es gilt der deklarierte Standard- oder Höchstwert)",
    ),
    "features.phrase.at-most": ("at most {count}", "höchstens {count}"),
    "features.phrase.returned": (
        "{returned} of {total} features returned",
        "{returned} von {total} Features geliefert",
    ),
    "features.phrase.returned-at-least": (
        "{returned} of at least {total} features returned",
        "{returned} von mindestens {total} Features geliefert",
    ),
    "features.phrase.new-features": ("new features", "neue Features"),
    "features.phrase.new-page": ("a new page", "eine neue Seite"),
    "features.phrase.free-form": (
        "400 (not declared by name; the free-form parameter {names} is not counted as declaring it)",
        "400 (nicht namentlich deklariert; der freie Parameter {names} zählt nicht als Deklaration)",
    ),
    "features.phrase.at": ("{name} at {location}", "{name} unter {location}"),
    "features.phrase.operation-for": ("an operation for {path}", "eine Operation für {path}"),
    "features.phrase.schema-type": ("schema type", "Schema-Typ"),
    "features.phrase.four-or-six": ("4 or 6 items", "4 oder 6 Elemente"),
    "features.phrase.intersects": ("intersects {box}", "schneidet {box}"),
    "features.phrase.envelope": ("envelope {box}", "Umhüllende {box}"),
    "features.phrase.without-time": (
        "only features without a temporal geometry (fewer than {total})",
        "nur Features ohne zeitliche Geometrie (weniger als {total})",
    ),
    "features.phrase.no-content-type": ("no Content-Type", "kein Content-Type"),
    "features.phrase.no-media-type": ("no media type", "kein Medientyp"),
    "features.phrase.links-array": ("an array of links", "ein Array von Links"),
    "features.phrase.html5": ("an HTML 5 document", "ein HTML-5-Dokument"),
    "features.phrase.no-body-element": ("no body element", "kein body-Element"),
    "features.phrase.anchors": ("{count} <a> elements", "{count} <a>-Elemente"),
    "features.phrase.documented-at": (
        "a response as documented at {location}",
        "eine Antwort wie unter {location} beschrieben",
    ),
    "features.phrase.security-at": (
        "a security requirement at {location} or /security",
        "eine Sicherheitsanforderung unter {location} oder /security",
    ),
    "features.phrase.denied": ("401 or 403 without credentials", "401 oder 403 ohne Anmeldedaten"),
    "features.phrase.credentials": ("credentials", "Anmeldedaten"),
}

NOTES = {
    "features.note.not-feature-collections": (
        "{count} entries of /collections are not feature collections with an id and were not checked",
        "{count} Einträge von /collections sind keine Feature-Collections mit id und wurden nicht geprüft",
    ),
    "features.note.collections-cut": (
        "sampling cut: checked {cap} of {total} collections (max_collections={cap})",
        "Stichprobe begrenzt: {cap} von {total} Collections geprüft (max_collections={cap})",
    ),
    "features.note.unclaimed": (
        "declared by the API but not claimed in the vendors file, so not tested: {classes}",
        "von der API erklärt, in der Lieferantendatei aber nicht beansprucht, daher nicht geprüft: {classes}",
    ),
    "features.note.no-etags": (
        "no response carried an entity-tag (ETag): conditional requests were not exercised",
        "keine Antwort trug ein Entity-Tag (ETag): bedingte Anfragen wurden nicht geprüft",
    ),
    "features.note.plain-http": (
        "the API is served over plain HTTP: the HTTPS part of the requirement does not apply",
        "die API wird über unverschlüsseltes HTTP ausgeliefert: der HTTPS-Teil der Anforderung gilt nicht",
    ),
    "features.note.tls-verified": (
        "every request went over TLS with a certificate verified for the host (RFC 2818)",
        "jede Anfrage lief über TLS mit einem für den Host geprüften Zertifikat (RFC 2818)",
    ),
    "features.note.tls-unverified": (
        "TLS certificate verification is switched off in the vendors file: RFC 2818 was not checked",
        "die Prüfung der TLS-Zertifikate ist in der Lieferantendatei abgeschaltet: RFC 2818 wurde nicht geprüft",
    ),
    "features.note.declaration-unchecked": (
        "no readable API definition: the declaration of {name} was not checked",
        "keine lesbare API-Definition: die Deklaration von {name} wurde nicht geprüft",
    ),
    "features.note.bounds-unchecked": (
        "no readable API definition: pages were not checked against a declared default or maximum of limit",
        "keine lesbare API-Definition: Seiten wurden nicht gegen einen deklarierten Standard- oder Höchstwert von "
        "limit geprüft",
    ),
    "features.note.pages-cut": (
        "sampling cut: walked {pages} pages of collection {collection} (max_pages={pages}); the end was not reached",
        "Stichprobe begrenzt: {pages} Seiten der Collection {collection} durchlaufen (max_pages={pages}); das Ende "
        "wurde nicht erreicht",
    ),
    "features.note.probe-undeclared": (
        "no readable API definition: the probe parameter {name} was taken as undeclared",
        "keine lesbare API-Definition: der Prüfparameter {name} wurde als nicht deklariert angenommen",
    ),
    "features.note.free-form": (
        "the API definition declares free-form query parameters ({names}); wechselbar does not count a catch-all as "
        "specifying a parameter (see the suite's checks_params module)",
        "die API-Definition deklariert freie Query-Parameter ({names}); wechselbar zählt einen Sammelparameter nicht "
        "als Deklaration eines Parameters (siehe das Modul checks_params der Prüfung)",
    ),
    "features.note.six-rejected": (
        "bbox with six numbers is not accepted on {collection} (see fc-bbox-definition): answers to it were not judged",
        "bbox mit sechs Zahlen wird auf {collection} nicht angenommen (siehe fc-bbox-definition): Antworten darauf "
        "wurden nicht beurteilt",
    ),
    "features.note.unwalked": (
        "the items of {collection} could not be walked to the end: whether a bbox selects its features without "
        "geometry was not checked",
        "die Features von {collection} ließen sich nicht bis zum Ende durchlaufen: ob eine bbox ihre Features ohne "
        "Geometrie auswählt, wurde nicht geprüft",
    ),
    "features.note.servers": (
        "paths were called below the base URL {base}, not the definition's servers entry {server}",
        "Pfade wurden unterhalb der Basis-URL {base} aufgerufen, nicht unter dem servers-Eintrag {server} der "
        "Definition",
    ),
    "features.note.credentials": (
        "requests carried the vendor's credentials: whether operations are served without them was not observed",
        "Anfragen trugen die Anmeldedaten des Lieferanten: ob Operationen ohne sie ausgeliefert werden, wurde nicht "
        "beobachtet",
    ),
    "features.note.schema-unresolved": (
        "the schema of the {status} response of {url} refers to {ref} which is not resolved offline: its body was "
        "not validated",
        "das Schema der Antwort {status} von {url} verweist auf {ref}, das offline nicht aufgelöst wird: ihr Body "
        "wurde nicht validiert",
    ),
    "features.note.no-feature-id": (
        "collection {collection} returned no feature with an id: its feature operation was not called",
        "die Collection {collection} lieferte kein Feature mit id: ihre Feature-Operation wurde nicht aufgerufen",
    ),
}

REASONS = {
    "features.landing-status": (
        "the landing page {url} answered HTTP {status}, so nothing was judged",
        "die Landingpage {url} antwortete mit HTTP {status}, daher wurde nichts beurteilt",
    ),
    "features.landing-not-object": (
        "the landing page {url} is not a JSON object ({problem}), so nothing was judged",
        "die Landingpage {url} ist kein JSON-Objekt ({problem}), daher wurde nichts beurteilt",
    ),
    "features.skip.unavailable": (
        "{what} is unavailable (HTTP {status})",
        "{what} ist nicht verfügbar (HTTP {status})",
    ),
    "features.skip.unavailable-because": (
        "{what} is unavailable (HTTP {status}, {error})",
        "{what} ist nicht verfügbar (HTTP {status}, {error})",
    ),
    "features.skip.no-feature-collection": (
        "/collections lists no feature collection",
        "/collections führt keine Feature-Collection auf",
    ),
    "features.skip.nothing-200": ("no 200 response of {what} to judge", "keine Antwort 200 für {what} zu beurteilen"),
    "features.skip.no-sampled-features": (
        "no sampled collection returned features with an id",
        "keine Collection der Stichprobe lieferte Features mit id",
    ),
    "features.skip.no-api-link": (
        "the landing page links no API definition (see /req/core/root-success)",
        "die Landingpage verlinkt keine API-Definition (siehe /req/core/root-success)",
    ),
    "features.skip.extent-no-items": (
        "no collection answered its items request with 200: no feature to compare with the extent",
        "keine Collection beantwortete ihre items-Anfrage mit 200: kein Feature zum Vergleich mit der Ausdehnung",
    ),
    "features.skip.no-pages": ("no 200 items response to page through", "keine items-Antwort 200 zum Durchblättern"),
    "features.skip.probe-declared": (
        "the API definition declares the probe parameter {name} for {path}",
        "die API-Definition deklariert den Prüfparameter {name} für {path}",
    ),
    "features.skip.no-definition": (
        "no readable API definition is linked from the landing page (rel=service-desc)",
        "die Landingpage verlinkt keine lesbare API-Definition (rel=service-desc)",
    ),
    "features.skip.no-html-pages": (
        "no resource answered both as JSON and as HTML with 200 (see /req/html/definition)",
        "keine Ressource antwortete sowohl als JSON als auch als HTML mit 200 (siehe /req/html/definition)",
    ),
    "features.skip.no-operations": (
        "the API definition documents no GET operation of a Features Part 1 path",
        "die API-Definition beschreibt keine GET-Operation eines Pfads von Features Teil 1",
    ),
    "features.skip.no-error-answers": (
        "no documented operation answered an error situation with an error status",
        "keine beschriebene Operation beantwortete eine Fehlersituation mit einem Fehlerstatus",
    ),
    "features.not-secured": (
        "the API definition declares no security scheme and no Features operation answered 401 or 403: the "
        "operations are not access-controlled as far as can be observed",
        "die API-Definition deklariert kein Sicherheitsschema und keine Features-Operation antwortete mit 401 oder "
        "403: die Operationen sind, soweit erkennbar, nicht zugriffsgeschützt",
    ),
}

EXAMINED = {
    "features.examined.landing-page": ("landing page", "Landingpage"),
    "features.examined.definition-links": (
        "API definitions linked from the landing page",
        "von der Landingpage verlinkte API-Definitionen",
    ),
    "features.examined.conformance": ("conformance declaration", "Konformitätserklärung"),
    "features.examined.http-responses": ("responses judged against HTTP 1.1", "nach HTTP 1.1 beurteilte Antworten"),
    "features.examined.unknown-requests": (
        "requests with an undeclared query parameter",
        "Anfragen mit einem nicht deklarierten Query-Parameter",
    ),
    "features.examined.invalid-requests": (
        "requests with an invalid parameter value",
        "Anfragen mit einem ungültigen Parameterwert",
    ),
    "features.examined.located-features": (
        "features with coordinates on the walked pages",
        "Features mit Koordinaten auf den durchlaufenen Seiten",
    ),
    "features.examined.collections-document": ("collections document", "Collections-Dokument"),
    "features.examined.entries": ("entries of /collections", "Einträge von /collections"),
    "features.examined.extent-features": (
        "features of collections that declare an extent",
        "Features von Collections mit deklarierter Ausdehnung",
    ),
    "features.examined.collections": ("sampled collections", "Collections der Stichprobe"),
    "features.examined.items": ("items responses of the sampled collections", "items-Antworten der Stichprobe"),
    "features.examined.limit-requests": ("items requests with and without limit", "items-Anfragen mit und ohne limit"),
    "features.examined.bbox-requests": ("items requests with a bbox", "items-Anfragen mit bbox"),
    "features.examined.time-collections": (
        "collections with a temporal extent or time-stamped features",
        "Collections mit zeitlicher Ausdehnung oder Features mit Zeitstempel",
    ),
    "features.examined.pages": ("items pages", "items-Seiten"),
    "features.examined.links": ("links of items pages", "Links von items-Seiten"),
    "features.examined.timestamps": ("items responses with a timeStamp", "items-Antworten mit timeStamp"),
    "features.examined.number-matched": (
        "counts of features matched (numberMatched)",
        "Zählungen passender Features (numberMatched)",
    ),
    "features.examined.number-returned": ("items pages with numberReturned", "items-Seiten mit numberReturned"),
    "features.examined.features": ("sampled features", "Features der Stichprobe"),
    "features.examined.head": ("resources asked with HEAD", "mit HEAD angefragte Ressourcen"),
    "features.examined.etag": ("resources answering GET with 200", "Ressourcen, die GET mit 200 beantworten"),
    "features.examined.next-needed": (
        "selections with more features than one page returned",
        "Auswahlen mit mehr Features als eine Seite lieferte",
    ),
    "features.examined.next-followed": ("pages reached through next links", "über next-Links erreichte Seiten"),
    "features.examined.media-types": ("responses judged for their media type", "nach Medientyp beurteilte Antworten"),
    "features.examined.validated": (
        "documents validated against their schema",
        "gegen ihr Schema validierte Dokumente",
    ),
    "features.examined.served-links": ("service-desc and service-doc links", "service-desc- und service-doc-Links"),
    "features.examined.definition": ("API definition", "API-Definition"),
    "features.examined.operations": (
        "documented Features operations called",
        "aufgerufene beschriebene Features-Operationen",
    ),
    "features.examined.error-answers": (
        "error answers of documented operations",
        "Fehlerantworten beschriebener Operationen",
    ),
    "features.examined.declared-answers": (
        "answers compared with the operations the API definition documents",
        "mit den beschriebenen Operationen verglichene Antworten",
    ),
    "features.examined.html-requests": ("resources asked for as HTML", "als HTML angefragte Ressourcen"),
    "features.examined.html-pages": (
        "HTML pages compared with their JSON representation",
        "mit ihrer JSON-Darstellung verglichene HTML-Seiten",
    ),
}
