"""Every label of every report, in German (the default) and English, in one place."""

from __future__ import annotations

LANGS = ("de", "en")

LABELS: dict[str, tuple[str, str]] = {
    # outcomes
    "outcome.pass": ("erfüllt", "passed"),
    "outcome.fail": ("nicht erfüllt", "failed"),
    "outcome.error": ("Fehler (kein Urteil)", "error (no verdict)"),
    "outcome.skip": ("übersprungen", "skipped"),
    "outcome.not_applicable": ("nicht anwendbar", "not applicable"),
    "outcome.waived": ("ausgenommen (Waiver)", "waived"),
    # obligations
    "obl.MUSS": ("MUSS", "SHALL"),
    "obl.SOLL": ("SOLL", "SHOULD"),
    "obl.KANN": ("KANN", "MAY"),
    # cell states
    "state.pass": ("alle MUSS-Anforderungen erfüllt", "every SHALL requirement passed"),
    "state.fail": ("MUSS-Anforderung nicht erfüllt", "a SHALL requirement failed"),
    "state.warn": ("prüfen: Fehler, Waiver, Übersprungenes oder SOLL/KANN nicht erfüllt",
                   "check: errors, waivers, skips or SHOULD/MAY failed"),
    "state.none": ("nichts anwendbar oder nicht geprüft", "nothing applicable or not tested"),
    # vendor verdicts
    "verdict.meets": ("erfüllt das Profil", "meets profile"),
    "verdict.fails": ("erfüllt das Profil nicht", "does not meet profile"),
    "verdict.undecided": ("kein Urteil möglich", "no verdict reached"),
    "verdict.clean": ("keine Anforderung nicht erfüllt", "nothing failed"),
    "verdict.failures": ("Anforderungen nicht erfüllt", "requirements failed"),
    "verdict.missing": ("Es fehlt", "Missing"),
    "verdict.findings": ("Nicht erfüllt oder ohne Urteil", "Failed or without verdict"),
    "verdict.recommended": ("Empfohlen (SOLL), nicht erfüllt", "Recommended (SHOULD), not met"),
    "verdict.waived": ("mit Waiver ausgenommen", "waived"),
    "verdict.incomplete": ("Lauf unvollständig: nicht alle Prüfungen liegen vor",
                           "run incomplete: not every check has a result"),
    # what is missing from a profile
    "missing.failed": ("nicht erfüllt", "failed"),
    "missing.error": ("Fehler, kein Urteil", "error, no verdict"),
    "missing.skip": ("übersprungen", "skipped"),
    "missing.not-claimed": ("Klasse gefordert, aber nicht beansprucht", "class required but not claimed"),
    "missing.no-target": ("Standard gefordert, aber kein Prüfziel angegeben",
                          "standard required but no target configured"),
    "missing.not-run": ("in diesem Lauf nicht geprüft", "not tested in this run"),
    "missing.untested": ("keine Ergebnisse für diese Klasse", "no results for this class"),
    "missing.no-result": ("nicht geprüft", "not tested"),
    "missing.waived": ("ausgenommen (Waiver)", "waived"),
    "missing.not_applicable": ("nicht anwendbar", "not applicable"),
    "missing.incomplete": ("Lauf unvollständig, kein Urteil", "run incomplete, no verdict"),
    # switchability
    "switch.title": ("Wechselbarkeit", "Switchability"),
    "switch.rule.profile": (
        "Mit Profil: B kann A ersetzen, wenn B das Profil erfüllt; A und B sind austauschbar, wenn beide es "
        "erfüllen. Was einen Wechsel blockiert, ist das, was B am Profil fehlt.",
        "With a profile: B can replace A if B meets the profile; A and B are interchangeable if both meet it. "
        "What blocks a switch is what B lacks for the profile."),
    "switch.rule.plain": (
        "Ohne Profil: B kann A ersetzen, wenn B jede Anforderung erfüllt, die A erfüllt. Blockiert wird ein "
        "Wechsel durch jede Anforderung, die A erfüllt und B nicht.",
        "Without a profile: B can replace A if B passes every requirement A passes. A switch is blocked by "
        "every requirement A passes and B does not."),
    "switch.groups": ("Austauschbar untereinander", "Interchangeable with each other"),
    "switch.none": ("keine austauschbaren Anbieter", "no interchangeable vendors"),
    "switch.from": ("bisher (A) ↓ / ersetzt durch (B) →", "current (A) ↓ / replaced by (B) →"),
    "switch.ok": ("kann ersetzen", "can replace"),
    "switch.compared": ("{n} von A erfüllte Anforderungen verglichen", "{n} requirements passed by A compared"),
    "switch.blocked": ("blockiert", "blocked"),
    "switch.blockers": ("Was den Wechsel blockiert", "What blocks the switch"),
    # report texts
    "title": ("Wechselbarkeitsmatrix", "Switchability matrix"),
    "incomplete": ("UNVOLLSTÄNDIGER LAUF", "INCOMPLETE RUN"),
    "incomplete.text": (
        "Der Lauf wurde nicht beendet. Der Bericht zeigt nur die Prüfungen, die vor dem Abbruch fertig waren; "
        "fehlende Prüfungen sind nicht bewertet, ein Gesamturteil ist nicht möglich.",
        "The run did not finish. This report shows only the checks that completed before it stopped; missing "
        "checks are not judged and no overall verdict can be reached."),
    "profile": ("Profil", "Profile"),
    "profile.none": ("kein Profil (alle Ergebnisse zählen)", "no profile (every result counts)"),
    "profile.requires": ("Das Profil fordert", "The profile requires"),
    "profile.all_classes": ("alle Konformitätsklassen", "every conformance class"),
    "verdicts": ("Urteil je Anbieter", "Verdict per vendor"),
    "verdict": ("Urteil", "Verdict"),
    "vendor": ("Anbieter", "Vendor"),
    "standard": ("Standard", "Standard"),
    "class": ("Konformitätsklasse", "Conformance class"),
    "requirement": ("Anforderung", "Requirement"),
    "profile_obligation": ("Im Profil", "In the profile"),
    "outcome": ("Ergebnis", "Outcome"),
    "reason": ("Begründung", "Reason"),
    "target": ("Prüfziel", "Target"),
    "test": ("Test", "Test"),
    "duration": ("Dauer", "Duration"),
    "spec": ("Text des Standards", "Text of the standard"),
    "expected": ("erwartet", "expected"),
    "actual": ("vorgefunden", "found"),
    "locator": ("Fundstelle", "Location"),
    "exchange": ("HTTP-Austausch", "HTTP exchange"),
    "request_headers": ("Anfrage-Header", "Request headers"),
    "response_headers": ("Antwort-Header", "Response headers"),
    "body": ("Antwort (Auszug)", "Response body (excerpt)"),
    "notes": ("Stichproben-Hinweise", "Sampling notes"),
    "notes.none": ("keine Stichproben-Grenze hat etwas abgeschnitten", "no sampling limit cut anything"),
    "waivers": ("Waiver", "Waivers"),
    "waivers.none": ("keine Waiver", "no waivers"),
    "waiver.applied": ("angewendet", "applied"),
    "waiver.expired": ("abgelaufen (Fehlschlag zählt)", "expired (the failure counts)"),
    "waiver.unused-passes": ("besteht jetzt: Waiver entfernen", "now passes: remove the waiver"),
    "waiver.unused": ("nicht verwendet", "unused"),
    "waiver.expires": ("gültig bis", "expires"),
    "waiver.ticket": ("Vorgang", "Ticket"),
    "legend": ("Legende", "Legend"),
    "legend.counts": (
        "„12/14 MUSS“: 12 erfüllt von 14 bewerteten MUSS-Anforderungen (bewertet = erfüllt + nicht erfüllt + "
        "Fehler + Waiver). Übersprungene und nicht anwendbare Anforderungen werden daneben gezählt.",
        "“12/14 SHALL”: 12 passed of 14 judged SHALL requirements (judged = passed + failed + error + waived). "
        "Skipped and not applicable requirements are counted beside them."),
    "details": ("Einzelergebnisse mit Nachweisen", "Results with evidence"),
    "metadata": ("Angaben zum Lauf", "About this run"),
    "run_id": ("Lauf-ID", "Run id"),
    "suite_version": ("Version der Prüfsuite", "Suite version"),
    "started": ("Beginn", "Started"),
    "finished": ("Ende", "Finished"),
    "not_finished": ("nicht beendet", "not finished"),
    "platform": ("Plattform", "Platform"),
    "config": ("Konfigurationsdateien (SHA-256)", "Configuration files (SHA-256)"),
    "packs": ("Artefakt-Pakete", "Artefact packs"),
    "merged_from": ("Zusammengeführt aus den Läufen", "Merged from runs"),
    "problems": ("Probleme beim Lesen der Ergebnisdatei", "Problems reading the results file"),
    "exit_code": ("Exit-Code", "Exit code"),
    "matrix_file": ("Matrix", "Matrix"),
    "no_results": ("keine Ergebnisse", "no results"),
    "more": ("und {n} weitere", "and {n} more"),
}


def label(key: str, lang: str, **values: object) -> str:
    """The label for a key in a language; unknown keys show as themselves, so a gap is visible, not fatal."""
    pair = LABELS.get(key)
    if pair is None:
        return key
    text = pair[1] if lang == "en" else pair[0]
    return text.format(**values) if values else text


class Labels:
    """Labels bound to one language, callable from templates: ``t("outcome.pass")``."""

    def __init__(self, lang: str) -> None:
        if lang not in LANGS:
            raise ValueError(f"unknown language {lang!r}; use one of {', '.join(LANGS)}")
        self.lang = lang

    def __call__(self, key: str, **values: object) -> str:
        """The label for a key."""
        return label(key, self.lang, **values)
