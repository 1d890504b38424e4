"""Each OParl version is judged by its own text: sections, obligations and rules new in 1.1, quoted from both texts.

The quotes are from the specification text of each version (OParl/spec, branch 1.0 and tag v1.1.1). Where the
1.0 text has no such rule, the 1.0 requirement is *not applicable* and says that the rule is new in OParl 1.1.
"""

from __future__ import annotations

import pytest

from conformance.core.outcomes import Obligation
from conformance.suites.oparl import OPARL_10, OPARL_11
from conformance.suites.oparl.facts import version

MUSS, SOLL = Obligation.MUSS, Obligation.SOLL

# (rule key, quote of the 1.0 text or None if 1.0 has no such rule, 1.0 obligation, 1.1 quote, 1.1 obligation)
TEXTS = [
    (
        "error-status",
        "Wenn ein Server eine Anfrage nicht bearbeiten kann, [...] dann **sollte** er mit dem "
        "entsprechenden HTTP-Statuscode antworten.",
        SOLL,
        "dann **sollte** er mit dem entsprechenden HTTP-Statuscode antworten.",
        SOLL,
    ),
    (
        "error-object",
        None,
        None,
        "Ein Server **sollte** in diesem Fall ein Objekt ausgeben, das die folgenden 3 "
        "Attribute enthält: type [...], message [...], debug",
        SOLL,
    ),
    (
        "error-object-status",
        None,
        None,
        "Wenn ein Server ein solches Objekt ausgibt, dann **muss** er dazu einen "
        "HTTP-Statuscode senden, der einen Fehler anzeigt.",
        MUSS,
    ),
    (
        "null-optional",
        "Eigenschaften **sollten** nicht mit dem Wert `null` ausgegeben werden.",
        SOLL,
        "Eigenschaften **sollten** nicht mit dem Wert `null` ausgegeben werden, wenn zu einer Eigenschaft keine "
        "Daten vorliegen.",
        SOLL,
    ),
    (
        "null-mandatory",
        "Obligatorische Eigenschaften **dürfen nicht** den Wert `null` haben.",
        MUSS,
        "Obligatorische Eigenschaften **dürfen nicht** den Wert `null` haben.",
        MUSS,
    ),
    (
        "empty-list",
        "Wie bei `null` wird auch hier **empfohlen**, auf die Ausgabe einer Eigenschaft mit dem Wert "
        "`[]` zu verzichten.",
        SOLL,
        "[...] **empfohlen**, auf die Ausgabe einer Eigenschaft mit dem Wert `[]` zu "
        "verzichten, wenn zu einer Eigenschaft keine Daten vorliegen.",
        SOLL,
    ),
    (
        "empty-string",
        None,
        None,
        "**sollten** nicht [...] ausgegeben werden, wenn zu einer Eigenschaft keine Daten vorliegen.",
        SOLL,
    ),
    (
        "backreferences",
        "Rückreferenz auf Person, welches nur dann ausgegeben werden muss, wenn das "
        "Membership-Objekt einzeln abgerufen wird (no bold keyword; §3.2.1: sämtliche Felder im Schema als "
        "**empfohlen** zu behandeln, wenn nicht explizit etwas anderes angegeben wurde)",
        SOLL,
        "Einzeln ausgegebene Objekte geben ihre Rückreferenz aus (§3.1)",
        MUSS,
    ),
    (
        "soft-delete",
        "Es **darf** insbesondere **nicht** einfach gelöscht werden, so dass unter der betreffenden "
        "URL ein HTTP Fehlercode 404 oder 410 ausgeliefert wird.",
        MUSS,
        "Es **darf** insbesondere **nicht** einfach gelöscht werden, so dass unter der betreffenden URL kein "
        "gültiges Objekt ausgeliefert wird.",
        MUSS,
    ),
    (
        "deleted-keeps",
        "**müssen** die Attribute `id`, `type` und `created` erhalten bleiben",
        MUSS,
        "**müssen** die Attribute `id`, `type` und `created` erhalten bleiben",
        MUSS,
    ),
]


def _requirement(standard: object, key: str) -> object:
    return next(r for r in standard.requirements if r.uri.endswith(f"/{key}"))  # type: ignore[attr-defined]


@pytest.mark.parametrize(
    ("key", "quote_10", "obligation_10", "quote_11", "obligation_11"), TEXTS, ids=[t[0] for t in TEXTS]
)
def test_each_version_has_the_obligation_its_own_text_words(
    key: str, quote_10: str | None, obligation_10: Obligation | None, quote_11: str, obligation_11: Obligation
) -> None:
    assert quote_11
    newer, older = _requirement(OPARL_11, key), _requirement(OPARL_10, key)
    assert newer.obligation is obligation_11 and newer.uri.startswith("OParl 1.1 §")  # type: ignore[attr-defined]
    if quote_10 is None:
        assert " neu in OParl 1.1 (§" in older.uri, older.uri  # type: ignore[attr-defined]
        assert older.statement.startswith("Neu in OParl 1.1, in OParl 1.0 keine Anforderung")  # type: ignore[attr-defined]
    else:
        assert older.obligation is obligation_10 and older.uri.startswith("OParl 1.0 §")  # type: ignore[attr-defined]


def test_the_types_that_must_stay_retrievable_when_deleted_follow_each_text() -> None:
    """1.0: „Dies gilt nur für die Hauptobjekte (d.h. System, Body, Organisation, Person, Meeting, Paper, File)“;
    1.1: „Das Löschen der Objekte System, Body, Organisation, Person, Meeting, Paper, File und Location muss in
    OParl gesondert vermerkt werden“ – LegislativeTerm, Membership, AgendaItem and Consultation may just go."""
    assert version("1.1").soft_deleted - version("1.0").soft_deleted == {"Location"}
    assert not {"LegislativeTerm", "Membership", "AgendaItem", "Consultation"} & version("1.1").soft_deleted
    assert "created" not in version("1.0").kept_when_deleted and "created" in version("1.1").kept_when_deleted
