"""Every message of the WMS suite: findings, reasons, notes and what the checks examined, in English and German.

Texts from a library or from the server (a schema validator's error, an exception text) are parameters.
"""

from __future__ import annotations

from conformance.core.messages import Catalogue, Message, Param

CAPABILITIES = {
    "wms.schema-error": ("capabilities not schema-valid: {text}", "Capabilities nicht schemagültig: {text}"),
    "wms.schema-refused": (
        "schema {location} named in xsi:schemaLocation cannot be loaded: {reason}",
        "das in xsi:schemaLocation genannte Schema {location} lässt sich nicht laden: {reason}",
    ),
    "wms.schema-set-broken": (
        "the schemas named by the capabilities do not compile: {error}",
        "die von den Capabilities genannten Schemas lassen sich nicht übersetzen: {error}",
    ),
    "wms.layer-no-crs": (
        "layer {layer} has no CRS, neither declared nor inherited",
        "Layer {layer} hat kein CRS, weder eigenes noch geerbtes",
    ),
    "wms.layer-no-geo": (
        "layer {layer} has no EX_GeographicBoundingBox, neither declared nor inherited",
        "Layer {layer} hat keine EX_GeographicBoundingBox, weder eigene noch geerbte",
    ),
    "wms.geo-inverted": (
        "the EX_GeographicBoundingBox of layer {layer} has its south bound above its north bound",
        "die EX_GeographicBoundingBox von Layer {layer} hat die Südgrenze über der Nordgrenze",
    ),
    "wms.geo-unreadable": (
        "the EX_GeographicBoundingBox of layer {layer} has values that are not numbers",
        "die EX_GeographicBoundingBox von Layer {layer} enthält Werte, die keine Zahlen sind",
    ),
    "wms.box-duplicate": (
        "layer {layer} has more than one BoundingBox for {crs}",
        "Layer {layer} hat mehr als eine BoundingBox für {crs}",
    ),
    "wms.box-crs-not-listed": (
        "layer {layer} has a BoundingBox for {crs}, a CRS it does not list",
        "Layer {layer} hat eine BoundingBox für {crs}, ein CRS, das er nicht aufführt",
    ),
    "wms.box-empty": (
        "the BoundingBox {crs} of layer {layer} has a minimum not below its maximum",
        "die BoundingBox {crs} von Layer {layer} hat ein Minimum, das nicht unter dem Maximum liegt",
    ),
    "wms.box-geo-mismatch": (
        "the BoundingBox {crs} of layer {layer} describes another area than its EX_GeographicBoundingBox (axis order?)",
        "die BoundingBox {crs} von Layer {layer} beschreibt ein anderes Gebiet als ihre "
        "EX_GeographicBoundingBox (Achsenreihenfolge?)",
    ),
    "wms.box-unreadable": (
        "layer {layer} has a BoundingBox without CRS or with values that are not numbers",
        "Layer {layer} hat eine BoundingBox ohne CRS oder mit Werten, die keine Zahlen sind",
    ),
    "wms.style-redefined": (
        "layer {layer} redefines the inherited style {style}",
        "Layer {layer} definiert den geerbten Stil {style} neu",
    ),
    "wms.authority-redefined": (
        "layer {layer} redefines the inherited AuthorityURL {authority}",
        "Layer {layer} definiert die geerbte AuthorityURL {authority} neu",
    ),
    "wms.identifier-without-authority": (
        "layer {layer} has an Identifier of authority {authority} without an AuthorityURL of that name",
        "Layer {layer} hat einen Identifier der Stelle {authority} ohne AuthorityURL dieses Namens",
    ),
    "wms.dimension-redeclared": (
        "layer {layer} redeclares the dimension {dimension} with other units",
        "Layer {layer} deklariert die Dimension {dimension} mit anderen Einheiten neu",
    ),
}

PROBES = {
    "wms.not-capabilities": (
        "GetCapabilities (VERSION=1.3.0) did not give WMS 1.3.0 service metadata but {actual}",
        "GetCapabilities (VERSION=1.3.0) lieferte keine WMS-1.3.0-Dienstmetadaten, sondern {actual}",
    ),
    "wms.capabilities-unreadable": (
        "the capabilities cannot be read: {error}",
        "die Capabilities sind nicht lesbar: {error}",
    ),
    "wms.skip-capabilities": (
        "the capabilities are unusable: {reason}",
        "die Capabilities sind nicht verwendbar: {reason}",
    ),
    "wms.probe-missed": (
        "{asked}: expected {expected}, got {actual}",
        "{asked}: erwartet {expected}, erhalten {actual}",
    ),
    "wms.asked-no-version": ("GetCapabilities without VERSION", "GetCapabilities ohne VERSION"),
    "wms.asked-version": ("GetCapabilities with VERSION={version}", "GetCapabilities mit VERSION={version}"),
    "wms.asked-mixed-case": (
        "{operation} with parameter names in mixed case",
        "{operation} mit Parameternamen in gemischter Schreibweise",
    ),
    "wms.asked-extra": (
        "{operation} with an additional parameter WECHSELBAR_EXTRA",
        "{operation} mit einem zusätzlichen Parameter WECHSELBAR_EXTRA",
    ),
    "wms.asked-update-sequence": (
        "GetCapabilities with UPDATESEQUENCE={value}",
        "GetCapabilities mit UPDATESEQUENCE={value}",
    ),
    "wms.asked-value": ("GetMap with {key}={value}", "GetMap mit {key}={value}"),
    "wms.asked-exceptions": (
        "GetMap of an unknown layer with EXCEPTIONS={value}",
        "GetMap eines unbekannten Layers mit EXCEPTIONS={value}",
    ),
    "wms.asked-without": (
        "GetMap without {key} (the dimension has no default)",
        "GetMap ohne {key} (die Dimension hat keinen Standardwert)",
    ),
    "wms.asked-unadvertised": (
        "GetFeatureInfo, which the capabilities do not list",
        "GetFeatureInfo, das die Capabilities nicht aufführen",
    ),
    "wms.asked-point": ("GetFeatureInfo at I={i}, J={j}", "GetFeatureInfo bei I={i}, J={j}"),
    "wms.asked-query-layers": (
        "GetFeatureInfo with QUERY_LAYERS={layer}, INFO_FORMAT={format}",
        "GetFeatureInfo mit QUERY_LAYERS={layer}, INFO_FORMAT={format}",
    ),
    "wms.capabilities-media-type": (
        "the capabilities are served as {actual}, not text/xml",
        "die Capabilities werden als {actual} statt text/xml ausgeliefert",
    ),
    "wms.format-not-listed": (
        "{section} does not list the format {value}",
        "{section} führt das Format {value} nicht auf",
    ),
    "wms.url-not-prefix": (
        "the HTTP GET OnlineResource of {operation} ({url}) does not end in '?' or '&'",
        "die HTTP-GET-OnlineResource von {operation} ({url}) endet nicht auf '?' oder '&'",
    ),
    "wms.link-status": (
        "the {kind} URL of layer {layer} answers HTTP {status}",
        "die {kind}-URL von Layer {layer} antwortet mit HTTP {status}",
    ),
    "wms.link-media-type": (
        "the {kind} URL of layer {layer} is served as {actual}, not the advertised Format",
        "die {kind}-URL von Layer {layer} wird als {actual} statt im angegebenen Format ausgeliefert",
    ),
    "wms.legend-size": (
        "the legend of layer {layer} has another size than advertised",
        "die Legende von Layer {layer} hat eine andere Größe als angegeben",
    ),
    "wms.picture-undecodable": (
        "the picture cannot be decoded: {error}",
        "das Bild lässt sich nicht dekodieren: {error}",
    ),
}

MAPS = {
    "wms.map-not-image": (
        "GetMap of {layer} in {crs} as {format} gave {actual}, not a map",
        "GetMap von {layer} in {crs} als {format} lieferte {actual} statt einer Karte",
    ),
    "wms.map-media-type": (
        "GetMap as {format} was served as {actual}",
        "GetMap als {format} wurde als {actual} ausgeliefert",
    ),
    "wms.map-bytes-format": (
        "GetMap as {format} gave a picture encoded as {actual}",
        "GetMap als {format} lieferte ein als {actual} kodiertes Bild",
    ),
    "wms.map-size": (
        "GetMap as {format} gave a picture of another size than requested",
        "GetMap als {format} lieferte ein Bild in anderer Größe als angefordert",
    ),
    "wms.map-not-opaque": (
        "the map of {layer} without TRANSPARENT=TRUE has {pixels} transparent pixels",
        "die Karte von {layer} ohne TRANSPARENT=TRUE hat {pixels} transparente Pixel",
    ),
    "wms.background-not-transparent": (
        "with TRANSPARENT=TRUE, {pixels} background pixels of the map of {layer} stay opaque",
        "mit TRANSPARENT=TRUE bleiben {pixels} Hintergrundpixel der Karte von {layer} deckend",
    ),
    "wms.bgcolor-not-applied": (
        "{pixels} background pixels of the map of {layer} do not take the requested BGCOLOR",
        "{pixels} Hintergrundpixel der Karte von {layer} nehmen die angeforderte BGCOLOR nicht an",
    ),
    "wms.cannot-tell-background": (
        "cannot tell: the maps of {layers} sampled layers show no background (neither transparent with "
        "TRANSPARENT=TRUE nor changed by BGCOLOR)",
        "nicht feststellbar: die Karten von {layers} Stichproben-Layern zeigen keinen Hintergrund (weder transparent "
        "mit TRANSPARENT=TRUE noch durch BGCOLOR verändert)",
    ),
    "wms.bbox-invalid-accepted": (
        "GetMap with the invalid BBOX {bbox} (minimum above maximum) raised no exception",
        "GetMap mit der ungültigen BBOX {bbox} (Minimum über Maximum) löste keine Ausnahme aus",
    ),
    "wms.bbox-outside-drawn": (
        "GetMap of {layer} for the BBOX {bbox}, which does not overlap the layer, is not blank",
        "GetMap von {layer} für die BBOX {bbox}, die den Layer nicht überlappt, ist nicht leer",
    ),
    "wms.axis-differs": (
        "layer {layer}: the same area in CRS:84 and in EPSG:4326 (latitude first) gives different maps (they differ in "
        "{share} % of what they show)",
        "Layer {layer}: dasselbe Gebiet in CRS:84 und in EPSG:4326 (Breite zuerst) ergibt verschiedene Karten "
        "({share} % des Dargestellten weichen ab)",
    ),
    "wms.axis-swapped-same": (
        "layer {layer}: EPSG:4326 with the axes swapped gives the same map as with latitude first",
        "Layer {layer}: EPSG:4326 mit vertauschten Achsen ergibt dieselbe Karte wie mit Breite zuerst",
    ),
    "wms.cannot-tell-axis": (
        "cannot tell: the maps of {layers} sampled layers are blank in the area asked for",
        "nicht feststellbar: die Karten von {layers} Stichproben-Layern sind im angefragten Gebiet leer",
    ),
}

FAULTS = {
    "wms.code-missed": (
        "{asked}: expected the exception {exception}, got {actual}",
        "{asked}: erwartet die Ausnahme {exception}, erhalten {actual}",
    ),
    "wms.exception-media-type": (
        "a service exception is served as {actual}, not text/xml",
        "eine Dienstausnahme wird als {actual} statt text/xml ausgeliefert",
    ),
    "wms.exception-not-xml": (
        "a service exception is not well-formed XML: {error}",
        "eine Dienstausnahme ist kein wohlgeformtes XML: {error}",
    ),
    "wms.exception-invalid": (
        "a service exception is not valid against exceptions_1_3_0.xsd: {text}",
        "eine Dienstausnahme ist nicht gültig gegen exceptions_1_3_0.xsd: {text}",
    ),
    "wms.exception-format-not-picture": (
        "EXCEPTIONS={format} gave {actual}, not a picture of the requested format and size",
        "EXCEPTIONS={format} lieferte {actual} statt eines Bildes im angeforderten Format und in der angeforderten "
        "Größe",
    ),
    "wms.exception-blank-drawn": (
        "EXCEPTIONS=BLANK gave a picture that is not blank",
        "EXCEPTIONS=BLANK lieferte ein Bild, das nicht leer ist",
    ),
    "wms.info-failed": (
        "GetFeatureInfo on {layer} as {format} gave {actual}",
        "GetFeatureInfo auf {layer} als {format} lieferte {actual}",
    ),
    "wms.info-media-type": (
        "GetFeatureInfo as {format} was served as {actual}",
        "GetFeatureInfo als {format} wurde als {actual} ausgeliefert",
    ),
    "wms.info-not-xml": (
        "GetFeatureInfo as {format} is not well-formed XML: {error}",
        "GetFeatureInfo als {format} ist kein wohlgeformtes XML: {error}",
    ),
    "wms.feature-count-exceeded": (
        "GetFeatureInfo on {layer} with a limit of {limit} returned {count} features",
        "GetFeatureInfo auf {layer} mit der Grenze {limit} lieferte {count} Features",
    ),
}

PHRASES = {
    "wms.phrase-none": ("(none)", "(keine)"),
    "wms.phrase-map": ("a map picture", "ein Kartenbild"),
    "wms.phrase-blank": ("a blank picture", "ein leeres Bild"),
    "wms.phrase-capabilities": ("WMS 1.3.0 capabilities", "WMS-1.3.0-Capabilities"),
    "wms.phrase-exception": ("the service exception {exception}", "die Dienstausnahme {exception}"),
    "wms.phrase-exception-any": ("a service exception", "eine Dienstausnahme"),
    "wms.phrase-url-prefix": ("a URL ending in '?' or '&'", "eine URL, die auf '?' oder '&' endet"),
    "wms.phrase-picture": ("a {format} picture of {width}×{height}", "ein {format}-Bild von {width}×{height}"),
    "wms.phrase-version-highest": (
        "capabilities of version 1.3.0 or higher",
        "Capabilities in Version 1.3.0 oder höher",
    ),
    "wms.phrase-version-same": ("capabilities of version 1.3.0", "Capabilities in Version 1.3.0"),
    "wms.phrase-version-below-requested": (
        "capabilities of version 1.3.0 or higher, below 100.0.0",
        "Capabilities in Version 1.3.0 oder höher, unter 100.0.0",
    ),
    "wms.phrase-version-lowest": (
        "capabilities of a version not above 1.3.0",
        "Capabilities in einer Version nicht über 1.3.0",
    ),
    "wms.phrase-cut-layers": ("named layers", "benannte Layer"),
    "wms.phrase-cut-formats": ("GetMap formats", "GetMap-Formate"),
    "wms.phrase-cut-crs": ("CRS", "CRS"),
    "wms.phrase-cut-styles": ("styles", "Stile"),
    "wms.phrase-cut-links-legend": ("LegendURLs", "LegendURLs"),
    "wms.phrase-cut-links-metadata": ("MetadataURLs", "MetadataURLs"),
    "wms.phrase-cut-info-formats": ("INFO_FORMATs", "INFO_FORMATe"),
    "wms.phrase-cut-queryable": ("queryable layers", "abfragbare Layer"),
}

NOTES = {
    "wms.note-cut": (
        "sampling cut: {limit} of {total} {what} asked for",
        "Stichprobe begrenzt: {limit} von {total} {what} angefragt",
    ),
    "wms.note-cut-layer": (
        "sampling cut: {limit} of {total} {what} of layer {layer} asked for",
        "Stichprobe begrenzt: {limit} von {total} {what} von Layer {layer} angefragt",
    ),
    "wms.note-problems-kept": ("{kept} of {total} problems are listed", "{kept} von {total} Problemen sind aufgeführt"),
    "wms.note-foreign-url": (
        "the {operation} URL {url} is on a host not declared for the vendor; the requests went to the target URL",
        "die {operation}-URL {url} liegt auf einem für den Anbieter nicht angegebenen Host; die "
        "Anfragen gingen an die Ziel-URL",
    ),
    "wms.note-link-foreign": (
        "{url} is on a host not declared for the vendor and was not fetched",
        "{url} liegt auf einem für den Anbieter nicht angegebenen Host und wurde nicht abgerufen",
    ),
    "wms.note-update-sequence-opaque": (
        "no higher or lower value can be derived from updateSequence {value} (neither a number nor a timestamp)",
        "aus updateSequence {value} lässt sich kein höherer oder niedrigerer Wert ableiten (weder Zahl noch "
        "Zeitstempel)",
    ),
    "wms.note-crs-undescribed": (
        "not asked for: {crs} (no BoundingBox, and no projection the suite can compute)",
        "nicht angefragt: {crs} (keine BoundingBox und keine Projektion, die die Prüfung berechnen kann)",
    ),
    "wms.note-no-transparency-format": (
        "no advertised GetMap format permits transparency",
        "kein angegebenes GetMap-Format erlaubt Transparenz",
    ),
    "wms.note-layer-everywhere": (
        "the layer covers the whole world: no BBOX beside it was asked for",
        "der Layer bedeckt die ganze Welt: keine BBOX daneben wurde angefragt",
    ),
}

EXAMINED = {
    "wms.examined.requests": ("requests", "Anfragen"),
    "wms.examined.update-requests": ("requests with UPDATESEQUENCE", "Anfragen mit UPDATESEQUENCE"),
    "wms.examined.capabilities": ("capabilities document", "Capabilities-Dokument"),
    "wms.examined.metadata-items": ("capability metadata items", "Angaben der Capability-Metadaten"),
    "wms.examined.named-layers": ("named layers", "benannte Layer"),
    "wms.examined.layers-geo": (
        "layers with or needing an EX_GeographicBoundingBox",
        "Layer mit oder mit Bedarf an einer EX_GeographicBoundingBox",
    ),
    "wms.examined.bounding-boxes": ("BoundingBoxes", "BoundingBoxen"),
    "wms.examined.child-layers": ("child layers", "Kind-Layer"),
    "wms.examined.links": ("LegendURL and MetadataURL resources", "LegendURL- und MetadataURL-Ressourcen"),
    "wms.examined.maps": ("GetMap answers", "GetMap-Antworten"),
    "wms.examined.crs-maps": ("GetMap requests in a sampled CRS", "GetMap-Anfragen in einem Stichproben-CRS"),
    "wms.examined.style-maps": (
        "GetMap requests with a style or empty style items",
        "GetMap-Anfragen mit Stil oder leeren Stilangaben",
    ),
    "wms.examined.transparent-maps": ("layers whose background showed", "Layer, deren Hintergrund sichtbar wurde"),
    "wms.examined.bgcolor-maps": ("layers whose background showed", "Layer, deren Hintergrund sichtbar wurde"),
    "wms.examined.bbox-requests": (
        "GetMap requests with an invalid or a non-overlapping BBOX",
        "GetMap-Anfragen mit ungültiger oder nicht überlappender BBOX",
    ),
    "wms.examined.axis-layers": (
        "layers compared in CRS:84 and EPSG:4326 (not blank)",
        "in CRS:84 und EPSG:4326 verglichene Layer (nicht leer)",
    ),
    "wms.examined.exception-requests": (
        "requests provoking a service exception",
        "Anfragen, die eine Dienstausnahme provozieren",
    ),
    "wms.examined.exception-reports": ("service exception reports", "Dienstausnahmeberichte"),
    "wms.examined.exception-pictures": (
        "errors asked for as a picture (INIMAGE, BLANK)",
        "als Bild angeforderte Fehler (INIMAGE, BLANK)",
    ),
    "wms.examined.info-requests": ("GetFeatureInfo requests", "GetFeatureInfo-Anfragen"),
    "wms.examined.point-requests": (
        "GetFeatureInfo requests with I, J outside the map",
        "GetFeatureInfo-Anfragen mit I, J außerhalb der Karte",
    ),
    "wms.examined.count-points": (
        "points where more than one feature answers",
        "Punkte, an denen mehr als ein Feature antwortet",
    ),
}

MESSAGES = Catalogue.of({**CAPABILITIES, **PROBES, **MAPS, **FAULTS, **PHRASES, **NOTES, **EXAMINED})


def m(key: str, /, **params: Param) -> Message:
    """A message of the WMS suite (``key`` is the code without the ``wms.`` prefix)."""
    return MESSAGES(f"wms.{key}", **params)


def cut(what: str, limit: int, total: int, layer: str = "") -> Message:
    """The note that a sampling option left ``total - limit`` things of a kind out."""
    kind = m(f"phrase-cut-{what}")
    if layer:
        return m("note-cut-layer", what=kind, limit=limit, total=total, layer=layer)
    return m("note-cut", what=kind, limit=limit, total=total)
