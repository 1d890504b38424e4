"""The messages of the SensorThings suite's Data Array and JSON PATCH checks, in English and German."""

from __future__ import annotations

EXT_MESSAGES: dict[str, tuple[str, str]] = {
    "sta.array-status": (
        "{url} with $resultFormat=dataArray answered HTTP {status}",
        "{url} mit $resultFormat=dataArray wurde mit HTTP {status} beantwortet",
    ),
    "sta.array-no-groups": (
        "{url} with $resultFormat=dataArray holds no value array of objects",
        "{url} mit $resultFormat=dataArray enthält kein value-Array aus Objekten",
    ),
    "sta.array-no-components": (
        "a group of {url} has no components array of property names",
        "eine Gruppe von {url} hat kein components-Array aus Eigenschaftsnamen",
    ),
    "sta.array-row-size": (
        "row {row} of the dataArray of {url} has {got} values for {size} components",
        "Zeile {row} des dataArray von {url} hat {got} Werte für {size} components",
    ),
    "sta.array-count": (
        "dataArray@iot.count of {url} is {got}, but the dataArray has {size} rows",
        "dataArray@iot.count von {url} ist {got}, das dataArray hat aber {size} Zeilen",
    ),
    "sta.array-differs": (
        "Observation {id}: {property} is {packed} in the dataArray of {url}, but {plain} when read normally",
        "Observation {id}: {property} ist im dataArray von {url} {packed}, normal gelesen aber {plain}",
    ),
    "sta.array-created": (
        "POST CreateObservations answered with {got} instead of one selfLink per row ({size})",
        "POST CreateObservations antwortete mit {got} statt einem selfLink je Zeile ({size})",
    ),
    "sta.array-not-stored": (
        "the Observation with result {result} created by CreateObservations is not among {url}",
        "die mit CreateObservations angelegte Observation mit result {result} fehlt in {url}",
    ),
    "sta.note.array-no-writes": (
        "creating Observations with CreateObservations not checked: the vendors file does not set writes = true",
        "Anlegen von Observations mit CreateObservations nicht geprüft: die Anbieterdatei setzt writes = true nicht",
    ),
    "sta.examined.array-rows": ("dataArray rows", "dataArray-Zeilen"),
    "sta.patch-json-status": (
        "PATCH of {url} as application/json-patch+json answered HTTP {status}, expected 200 / 204",
        "PATCH von {url} als application/json-patch+json wurde mit HTTP {status} beantwortet, erwartet 200 / 204",
    ),
    "sta.patch-json-not-applied": (
        "after the JSON PATCH of {url}, {pointer} is {got}, the patch set {sent}",
        "nach dem JSON PATCH von {url} ist {pointer} {got}, der Patch setzte {sent}",
    ),
    "sta.skip.json-patch-unsupported": (
        "the service does not support JSON PATCH (PATCH as application/json-patch+json answered HTTP {status}); "
        "18-088 makes JSON PATCH optional",
        "der Dienst unterstützt JSON PATCH nicht (PATCH als application/json-patch+json wurde mit HTTP {status} "
        "beantwortet); 18-088 stellt JSON PATCH frei",
    ),
}

MQTT_MESSAGES = {
    "sta.mqtt-unreachable": (
        "the declared MQTT endpoint {url} cannot be reached: {error}",
        "der angegebene MQTT-Endpunkt {url} ist nicht erreichbar: {error}",
    ),
    "sta.mqtt-not-received": (
        "no Observation with the created result arrived on {topic} at {url} (got {got})",
        "auf {topic} bei {url} kam keine Observation mit dem angelegten result an (erhalten: {got})",
    ),
    "sta.mqtt-not-selected": (
        "the message on {topic} carries properties that were not selected: {extra}",
        "die Nachricht auf {topic} enthält nicht ausgewählte Eigenschaften: {extra}",
    ),
    "sta.mqtt-not-created": (
        "the Observation published to {topic} at {url} was not created: {listing} does not hold it",
        "die an {topic} bei {url} veröffentlichte Observation wurde nicht angelegt: {listing} enthält sie nicht",
    ),
    "sta.skip.mqtt-no-endpoint": (
        "serverSettings names no mqtt:// endpoint under {requirement}",
        "serverSettings nennt unter {requirement} keinen mqtt://-Endpunkt",
    ),
    "sta.skip.mqtt-undeclared": (
        "the MQTT endpoint {url} is not on a host the vendors file declares (add it to allowed_hosts)",
        "der MQTT-Endpunkt {url} liegt auf keinem in der Anbieterdatei angegebenen Host (in allowed_hosts eintragen)",
    ),
    "sta.mqtt-no-answer": (
        "the MQTT broker {url} sent no {what} within {seconds} s (option mqtt_wait)",
        "der MQTT-Broker {url} hat binnen {seconds} s kein {what} gesendet (Option mqtt_wait)",
    ),
    "sta.mqtt-refused": (
        "the MQTT broker {url} refused the subscription to {topics}",
        "der MQTT-Broker {url} hat das Abonnement von {topics} abgelehnt",
    ),
    "sta.mqtt-packet-too-large": (
        "the MQTT broker {url} announced a packet of {size} bytes, above the cap of {cap} bytes "
        "(option mqtt_max_packet); it was not read",
        "der MQTT-Broker {url} kündigte ein Paket von {size} Byte an, mehr als die Grenze von {cap} Byte "
        "(Option mqtt_max_packet); es wurde nicht gelesen",
    ),
    "sta.mqtt-budget": (
        "the MQTT broker {url} sent more than {cap} bytes in one check (option mqtt_max_bytes); reading stopped",
        "der MQTT-Broker {url} sandte in einer Prüfung mehr als {cap} Byte (Option mqtt_max_bytes); "
        "das Lesen wurde abgebrochen",
    ),
    "sta.mqtt-deadline": (
        "the exchange with the MQTT broker {url} did not end before the check's deadline ({read} bytes read)",
        "der Austausch mit dem MQTT-Broker {url} endete nicht vor dem Zeitlimit der Prüfung ({read} Byte gelesen)",
    ),
    "sta.mqtt-closed": (
        "the MQTT broker {url} closed the connection ({read} bytes read)",
        "der MQTT-Broker {url} hat die Verbindung geschlossen ({read} Byte gelesen)",
    ),
    "sta.mqtt-malformed": (
        "the MQTT broker {url} sent a malformed packet: {problem}",
        "der MQTT-Broker {url} sandte ein fehlerhaftes Paket: {problem}",
    ),
}
