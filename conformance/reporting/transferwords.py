"""The words of the data transfer section (German, English), merged into the reports' labels."""

from __future__ import annotations

TRANSFER_LABELS: dict[str, tuple[str, str]] = {
    "transfer.title": ("Datenübernahme", "Data transfer"),
    "transfer.intro": (
        "Die Daten von A wurden über die Lese-Schnittstelle des Standards gelesen, über seine Schreib-Schnittstelle "
        "in B geschrieben, aus B zurückgelesen und Attribut für Attribut verglichen; alles Geschriebene wurde "
        "danach wieder entfernt.",
        "A's data was read through the standard's read API, written into B through its write API, read back "
        "from B and compared attribute by attribute; everything written was removed afterwards.",
    ),
    "transfer.pair": ("Von → nach", "From → to"),
    "transfer.standard": ("Standard", "Standard"),
    "transfer.verdict": ("Ergebnis", "Result"),
    "transfer.items": ("Objekte", "Items"),
    "transfer.counts": (
        "{read} gelesen, {written} geschrieben, {compared} verglichen, {removed} entfernt",
        "{read} read, {written} written, {compared} compared, {removed} removed",
    ),
    "transfer.sample": ("Stichprobe: {n} je Sammlung", "sample: {n} per collection"),
    "transfer.share": ("bei {n} von {total} Objekten", "in {n} of {total} items"),
    "transfer.all": ("alle Objekte", "every item"),
    "transfer.lossless": ("verlustfrei", "lossless"),
    "transfer.with-changes": ("mit Änderungen", "with changes"),
    "transfer.with-loss": ("mit Verlust", "with loss"),
    "transfer.no-verdict": ("kein Urteil", "no verdict"),
    "transfer.collection": ("Sammlung", "Collection"),
    "transfer.attribute": ("Attribut", "Attribute"),
    "transfer.status": ("Befund", "Finding"),
    "transfer.evidence": ("Beleg (Wert in A → Wert in B)", "Evidence (value in A → value in B)"),
    "transfer.all_unchanged": ("Alle {n} Attribute unverändert.", "All {n} attributes unchanged."),
    "transfer.problems": ("Hindernisse", "Obstacles"),
    "transfer.status.unchanged": ("unverändert", "unchanged"),
    "transfer.status.changed": ("geändert", "changed"),
    "transfer.status.lost": ("verloren", "lost"),
    "transfer.status.added": ("hinzugekommen", "added"),
    "transfer.kind.precision": ("numerische Genauigkeit", "numeric precision"),
    "transfer.kind.type": ("Datentyp", "type"),
    "transfer.kind.axis-order": ("Achsenreihenfolge", "axis order"),
    "transfer.kind.crs": ("Koordinatenreferenzsystem", "CRS"),
    "transfer.kind.dimension": ("Dimension der Koordinaten", "coordinate dimension"),
    "transfer.kind.timezone": ("Zeitzone", "time zone"),
    "transfer.kind.id": ("Kennung (id)", "id"),
    "transfer.kind.links": ("Verweise", "links"),
    "transfer.kind.value": ("Wert", "value"),
    "transfer.kind.item": ("ganzes Objekt", "whole item"),
    "transfer.problem.no-writes": (
        "B erklärt das Schreiben nicht ({detail} fehlt in {url}); nichts wurde geschrieben",
        "B does not declare writing ({detail} missing from {url}); nothing was written",
    ),
    "transfer.problem.not-opted-in": (
        "das Prüfziel {url} von B erlaubt kein Schreiben (writes = true fehlt in der Anbieterdatei)",
        "B's target {url} does not allow writes (writes = true is not set in the vendors file)",
    ),
    "transfer.problem.collection-missing": (
        "B hat keine Sammlung {url}: ihre Objekte gehen verloren",
        "B has no collection {url}: its items are lost",
    ),
    "transfer.problem.write-failed": (
        "Schreiben nach {url} schlug fehl (HTTP {status}) {detail}",
        "writing to {url} failed (HTTP {status}) {detail}",
    ),
    "transfer.problem.read-back-failed": (
        "Zurücklesen von {url} schlug fehl (HTTP {status}) {detail}",
        "reading back {url} failed (HTTP {status}) {detail}",
    ),
    "transfer.problem.delete-failed": (
        "Entfernen von {url} schlug fehl (HTTP {status}) {detail}: steht noch im Aufräumprotokoll",
        "removing {url} failed (HTTP {status}) {detail}: still in the cleanup journal",
    ),
    "transfer.problem.read-failed": (
        "Lesen aus A ({url}) schlug fehl (HTTP {status}) {detail}",
        "reading from A ({url}) failed (HTTP {status}) {detail}",
    ),
    "transfer.problem.conflict": (
        "B hat schon ein Objekt unter {url}: nicht überschrieben, nicht verglichen",
        "B already holds an item at {url}: not overwritten, not compared",
    ),
    "transfer.problem.nothing-read": ("A lieferte keine Objekte", "A gave no items"),
}
