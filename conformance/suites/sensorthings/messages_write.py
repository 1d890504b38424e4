"""The messages of the SensorThings suite's Create-Update-Delete and MultiDatastream checks, in English and German."""

from __future__ import annotations

WRITE_MESSAGES = {
    "sta.write-status": (
        "{what} answered HTTP {status}, expected {expected}",
        "{what} wurde mit HTTP {status} beantwortet, erwartet {expected}",
    ),
    "sta.no-location": (
        "{what} answered without a Location header",
        "{what} wurde ohne Location-Header beantwortet",
    ),
    "sta.location-unresolved": (
        "the Location {url} of {what} does not answer with the entity (HTTP {status})",
        "die Location {url} von {what} liefert die Entität nicht (HTTP {status})",
    ),
    "sta.not-as-sent": (
        "{what}: {property} is {got}, sent was {sent}",
        "{what}: {property} ist {got}, gesendet wurde {sent}",
    ),
    "sta.no-created-entity": (
        "{what} answered 201 without the created entity (with @iot.id) in the body",
        "{what} wurde mit 201 ohne die angelegte Entität (mit @iot.id) im Body beantwortet",
    ),
    "sta.not-linked": (
        "{what}: {relation} of the new entity does not lead to {wanted}",
        "{what}: {relation} der neuen Entität führt nicht zu {wanted}",
    ),
    "sta.partly-created": (
        "a deep insert that failed with HTTP {status} still created the Thing {name}",
        "ein mit HTTP {status} gescheitertes Deep Insert hat den Thing {name} trotzdem angelegt",
    ),
    "sta.patch-altered": (
        "PATCH of {property} also changed {other} (was {before}, now {after})",
        "PATCH von {property} änderte auch {other} (vorher {before}, jetzt {after})",
    ),
    "sta.patch-missing-entity": (
        "PATCH of the deleted entity {url} answered HTTP {status}: the update did not fail",
        "PATCH der gelöschten Entität {url} wurde mit HTTP {status} beantwortet: die Änderung scheiterte nicht",
    ),
    "sta.put-kept": (
        "PUT without {member} in properties kept it (properties now {after})",
        "PUT ohne {member} in properties hat es behalten (properties jetzt {after})",
    ),
    "sta.still-there": (
        "{what} still answers HTTP {status} after the DELETE",
        "{what} antwortet nach dem DELETE weiterhin mit HTTP {status}",
    ),
    "sta.no-history": (
        "Thing {url} was created with a Location, but its HistoricalLocations hold {got}",
        "Thing {url} wurde mit einer Location angelegt, seine HistoricalLocations enthalten aber {got}",
    ),
    "sta.phrase.post": ("POST {target}", "POST {target}"),
    "sta.phrase.patch": ("PATCH {url}", "PATCH {url}"),
    "sta.phrase.put": ("PUT {url}", "PUT {url}"),
    "sta.phrase.delete": ("DELETE {url}", "DELETE {url}"),
    "sta.phrase.deep-insert": ("the deep insert POST {target}", "das Deep Insert POST {target}"),
    "sta.phrase.deleted-thing": ("the deleted Thing {url}", "der gelöschte Thing {url}"),
    "sta.phrase.thing-datastream": (
        "the Datastream {url} of the deleted Thing (deletion table: deleted with it)",
        "der Datastream {url} des gelöschten Things (Löschtabelle: wird mitgelöscht)",
    ),
    "sta.phrase.datastream-observation": (
        "the Observation {url} of the deleted Datastream (deletion table: deleted with it)",
        "die Observation {url} des gelöschten Datastreams (Löschtabelle: wird mitgelöscht)",
    ),
    "sta.phrase.failure": ("an answer of 400 or above", "eine Antwort ab 400"),
    "sta.phrase.one-or-more": ("at least one HistoricalLocation", "mindestens eine HistoricalLocation"),
    "sta.phrase.none": ("none", "keine"),
    "sta.writes-not-allowed": (
        "the vendors file does not allow writing to this service (option writes)",
        "die Herstellerdatei erlaubt kein Schreiben in diesen Dienst (Option writes)",
    ),
    "sta.skip.creation-failed": (
        "the suite could not create the entity it builds on ({what}: HTTP {status})",
        "die Suite konnte die Entität, auf der die Prüfung aufbaut, nicht anlegen ({what}: HTTP {status})",
    ),
    "sta.skip.put-unsupported": (
        "the service does not support PUT (HTTP {status}); PUT is optional",
        "der Dienst unterstützt PUT nicht (HTTP {status}); PUT ist optional",
    ),
    "sta.note.leftovers": (
        "removed the suite's entities left by an earlier, interrupted run: {urls}",
        "Entitäten der Suite aus einem früheren, abgebrochenen Lauf entfernt: {urls}",
    ),
    "sta.note.not-removed": (
        "could not remove the suite's entities: {urls}",
        "Entitäten der Suite ließen sich nicht entfernen: {urls}",
    ),
    "sta.note.unverified-rollback": (
        "whether the failed deep insert created anything could not be checked ($filter answered HTTP {status})",
        "ob das gescheiterte Deep Insert etwas angelegt hat, ließ sich nicht prüfen ($filter: HTTP {status})",
    ),
    "sta.note.invalid-accepted": (
        "the service accepted a Datastream without Sensor, ObservedProperty and unitOfMeasurement (HTTP {status})",
        "der Dienst nahm einen Datastream ohne Sensor, ObservedProperty und unitOfMeasurement an (HTTP {status})",
    ),
    "sta.examined.writes": ("write requests", "Schreibanfragen"),
    "sta.batch-no-responses": (
        "the answer to the JSON batch has no responses array",
        "die Antwort auf den JSON-Batch hat kein responses-Array",
    ),
    "sta.batch-status": (
        "the batch answers request {id} with status {status}, expected {expected}",
        "der Batch beantwortet die Anfrage {id} mit Status {status}, erwartet {expected}",
    ),
    "sta.phrase.responses": ("a responses array", "ein responses-Array"),
    "sta.kind.uoms": ("an array of units of measurement", "ein Array von Maßeinheiten"),
    "sta.kind.texts": ("an array of strings", "ein Array von Zeichenketten"),
    "sta.multi-size": (
        "MultiDatastream {entity} has {size} unitOfMeasurements, but {what} has {got} elements",
        "MultiDatastream {entity} hat {size} unitOfMeasurements, {what} aber {got} Elemente",
    ),
}
