"""Every label of every report, in German (the default) and English, in one place."""

from __future__ import annotations

from conformance.core.messages import Catalogue, Message
from conformance.reporting.transferwords import TRANSFER_LABELS

LANGS = ("de", "en")

LABELS: dict[str, tuple[str, str]] = {
    # outcomes
    "outcome.pass": ("erfüllt", "passed"),
    "outcome.fail": ("nicht erfüllt", "failed"),
    "outcome.error": ("Fehler – kein Urteil möglich", "error – no verdict"),
    "outcome.skip": ("übersprungen", "skipped"),
    "outcome.not_applicable": ("nicht anwendbar", "not applicable"),
    "outcome.not_verified": ("nicht verifiziert", "not verified"),
    "outcome.waived": ("Abweichung zugelassen", "waived"),
    # obligations
    "obl.MUSS": ("MUSS", "SHALL"),
    "obl.SOLL": ("SOLL", "SHOULD"),
    "obl.KANN": ("KANN", "MAY"),
    # cell states
    "state.pass": ("alle MUSS-Anforderungen erfüllt", "every SHALL requirement passed"),
    "state.fail": ("mindestens eine MUSS-Anforderung nicht erfüllt", "a SHALL requirement failed"),
    "state.warn": (
        "prüfen: Fehler ohne Urteil, zugelassene Abweichungen, übersprungene oder nicht verifizierte "
        "Prüfungen oder nicht erfüllte SOLL-/KANN-Anforderungen",
        "check: errors without verdict, waivers, skipped or unverified checks or failed SHOULD/MAY requirements",
    ),
    "state.none": ("nichts anwendbar oder nicht geprüft", "nothing applicable or not tested"),
    # vendor verdicts
    "verdict.meets": ("erfüllt das Profil", "meets the profile"),
    "verdict.fails": ("erfüllt das Profil nicht", "does not meet the profile"),
    "verdict.undecided": ("kein Urteil möglich", "no verdict reached"),
    "verdict.clean": ("ohne Beanstandung", "nothing failed"),
    "verdict.failures": ("Anforderungen nicht erfüllt", "requirements failed"),
    "verdict.missing": ("Was zum Profil fehlt", "Missing for the profile"),
    "verdict.findings": ("Nicht erfüllt oder ohne Urteil", "Failed or without verdict"),
    "verdict.recommended": ("Nicht erfüllte Empfehlungen (SOLL)", "Recommendations (SHOULD) not met"),
    "verdict.waived": ("Zugelassene Abweichungen", "Waived"),
    "verdict.incomplete": (
        "Lauf unvollständig: Es liegen nicht alle Prüfergebnisse vor.",
        "Run incomplete: not every check has a result.",
    ),
    # what is missing from a profile
    "missing.failed": ("nicht erfüllt", "failed"),
    "missing.error": ("Fehler – kein Urteil möglich", "error – no verdict"),
    "missing.skip": ("übersprungen", "skipped"),
    "missing.unexamined": ("nichts zu prüfen gefunden – kein Urteil möglich", "nothing found to examine – no verdict"),
    "missing.not-claimed": (
        "Klasse gefordert, Konformität aber nicht erklärt",
        "class required but conformance not claimed",
    ),
    "missing.no-target": (
        "Standard gefordert, aber kein Prüfziel angegeben",
        "standard required but no target configured",
    ),
    "missing.not-run": ("in diesem Lauf nicht geprüft", "not tested in this run"),
    "missing.untested": ("Klasse nicht geprüft, keine Ergebnisse", "class not tested, no results"),
    "missing.no-result": ("nicht geprüft", "not tested"),
    "missing.waived": ("Abweichung zugelassen", "waived"),
    "missing.not_applicable": ("nicht anwendbar", "not applicable"),
    "missing.incomplete": ("Lauf unvollständig, kein Urteil möglich", "run incomplete, no verdict"),
    # switchability
    "switch.title": ("Wechselbarkeit", "Switchability"),
    "switch.rule.profile": (
        "Mit Profil: B kann A ersetzen, wenn B das Profil erfüllt – bei mehreren Prüfzielen eines Standards mit "
        "jedem davon. A und B sind austauschbar, wenn beide es erfüllen. Einen Wechsel blockiert, was B zum Profil "
        "fehlt.",
        "With a profile: B can replace A if B meets the profile – on every one of its targets where a standard has "
        "several. A and B are interchangeable if both meet it. A switch is blocked by what B lacks for the profile.",
    ),
    "switch.rule.plain": (
        "Ohne Profil: B kann A ersetzen, wenn B jede Anforderung erfüllt, die A erfüllt. Hat ein Anbieter für einen "
        "Standard mehrere Prüfziele, braucht jedes Prüfziel von A ein Prüfziel von B, das alles erfüllt, was jenes "
        "erfüllt. Einen Wechsel blockiert jede Anforderung, die A erfüllt und B nicht.",
        "Without a profile: B can replace A if B passes every requirement A passes. Where a vendor has several "
        "targets for a standard, each target of A needs a target of B that passes everything it passes. A switch "
        "is blocked by every requirement A passes and B does not.",
    ),
    "switch.groups": ("Untereinander austauschbar", "Interchangeable with each other"),
    "switch.none": ("keine austauschbaren Anbieter", "no interchangeable vendors"),
    "switch.from": ("bisher (A) ↓ / ersetzt durch (B) →", "current (A) ↓ / replaced by (B) →"),
    "switch.ok": ("kann ersetzen", "can replace"),
    "switch.compared": ("{n} von A erfüllte Anforderungen verglichen", "{n} requirements passed by A compared"),
    "switch.blocked": ("blockiert: {n}", "blocked: {n}"),
    "switch.blockers": ("Was den Wechsel blockiert", "What blocks the switch"),
    # the first screen
    "toc": ("Inhalt", "Contents"),
    "decision": ("Entscheidung auf einen Blick", "Decision at a glance"),
    "decision.blocks": (
        "Was zum Profil fehlt – das blockiert jeden Wechsel zu diesem Anbieter",
        "Missing for the profile – this blocks every switch to this vendor",
    ),
    "decision.nothing": ("nichts", "nothing"),
    "decision.all": ("alle Befunde mit Begründung", "every finding with its reason"),
    "notes.lines": ("eine Zeile je Anbieter und Standard", "one line per vendor and standard"),
    # report texts
    "title": ("Wechselbarkeitsmatrix", "Switchability matrix"),
    "incomplete": ("UNVOLLSTÄNDIGER LAUF", "INCOMPLETE RUN"),
    "incomplete.text": (
        "Der Lauf wurde nicht beendet. Der Bericht zeigt nur die Prüfungen, die vor dem Abbruch fertig waren; "
        "fehlende Prüfungen sind nicht bewertet, ein Gesamturteil ist nicht möglich.",
        "The run did not finish. This report shows only the checks that completed before it stopped; missing "
        "checks are not judged and no overall verdict can be reached.",
    ),
    "legacy.note": (
        "Diese Ergebnisdatei ist älter als die Meldungscodes (Format wechselbar-results/1): Begründungen, Befunde "
        "und Hinweise stehen im gespeicherten englischen Wortlaut.",
        "This results file predates message codes (format wechselbar-results/1): reasons, findings and notes are "
        "shown in their stored English wording.",
    ),
    "interrupted.text": (
        "Abgebrochen durch {by} ({at}); „conformance run --resume“ mit demselben Ausgabeordner führt den Lauf zu Ende.",
        "Stopped by {by} ({at}); “conformance run --resume” with the same output folder finishes the run.",
    ),
    "interrupted.resume": (
        "Lauf abgebrochen: {out}/results.jsonl ist als abgebrochen markiert; „conformance run "
        "--resume --out {out}“ (mit denselben Dateien) führt ihn zu Ende.",
        "Run stopped: {out}/results.jsonl is marked interrupted; “conformance run --resume "
        "--out {out}” (with the same files) finishes it.",
    ),
    "interrupted.noreports": (
        "Ein zweites Signal hat das Schreiben der Berichte abgebrochen; „conformance report“ "
        "erzeugt sie aus results.jsonl.",
        "A second signal stopped the reports; “conformance report” renders them from results.jsonl.",
    ),
    "profile": ("Profil", "Profile"),
    "profile.none": ("kein Profil – alle Ergebnisse zählen", "no profile – every result counts"),
    "profile.requires": ("Das Profil „{name}“ fordert:", "The profile “{name}” requires:"),
    "profile.all_classes": ("alle Konformitätsklassen", "every conformance class"),
    "verdicts": ("Urteil je Anbieter", "Verdict per vendor"),
    "verdict": ("Urteil", "Verdict"),
    "vendor": ("Produkt und Anbieter", "Product and vendor"),
    "product": ("Produkt", "Product"),
    "version": ("Version", "version"),
    "overview": ("Übersicht", "Overview"),
    "by_class": ("Ergebnisse je Konformitätsklasse", "Results per conformance class"),
    "standard": ("Standard", "Standard"),
    "class": ("Konformitätsklasse", "Conformance class"),
    "requirement": ("Anforderung", "Requirement"),
    "profile_obligation": ("Im Profil", "In the profile"),
    "profile_class": ("Klasse im Profil", "class in the profile"),
    "absent": ("nicht vorhanden", "absent"),
    "unreachable": ("nicht erreichbar", "unreachable"),
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
    "redirect": ("Weiterleitung", "redirect"),
    "redirects": ("über Weiterleitungen", "through redirects"),
    "request_headers": ("Anfrage-Header", "Request headers"),
    "response_headers": ("Antwort-Header", "Response headers"),
    "body": ("Antwort, Auszug", "Response body, excerpt"),
    "notes": ("Hinweise zu Stichproben", "Sampling notes"),
    "examined": ("geprüft", "examined"),
    "findings_omitted": ("nicht aufgeführt", "not listed"),
    # kinds of findings
    "kind.violation": ("Verstoß", "violation"),
    "kind.status": ("HTTP-Status", "HTTP status"),
    "kind.media-type": ("Medientyp", "media type"),
    "kind.header": ("HTTP-Header", "HTTP header"),
    "kind.schema": ("Schema", "schema"),
    "kind.missing": ("fehlt", "missing"),
    "kind.value": ("Wert", "value"),
    "kind.link": ("Link", "link"),
    "kind.paging": ("Blättern", "paging"),
    "kind.parse": ("nicht lesbar", "unreadable"),
    "kind.rule": ("Regel", "rule"),
    "kind.not-claimed": ("Konformität nicht erklärt", "conformance not claimed"),
    "notes.none": ("Keine Stichprobengrenze hat etwas abgeschnitten.", "No sampling limit cut anything."),
    "waivers": ("Zugelassene Abweichungen (Waiver)", "Waivers"),
    "waivers.none": ("keine zugelassenen Abweichungen", "no waivers"),
    "waiver.applied": ("angewendet", "applied"),
    "waiver.expired": ("abgelaufen – zählt wieder als nicht erfüllt", "expired – the failure counts"),
    "waiver.unused-passes": ("jetzt erfüllt – Ausnahme kann entfallen", "now passes – remove the waiver"),
    "waiver.unused": ("nicht angewendet", "unused"),
    "waiver.expires": ("gültig bis", "expires"),
    "waiver.ticket": ("Vorgang", "Ticket"),
    "legend": ("Legende", "Legend"),
    "legend.counts": (
        "„12/14 MUSS“: Von 14 bewerteten MUSS-Anforderungen sind 12 erfüllt. Als bewertet zählen Anforderungen, "
        "die erfüllt oder nicht erfüllt sind, für die eine Abweichung zugelassen ist oder deren Prüfung mit einem "
        "Fehler endete. Fehler, zugelassene Abweichungen, Übersprungenes und KANN-Anforderungen stehen klein "
        "darunter. Nicht anwendbare Anforderungen (z. B. einer Klasse, deren Konformität der Anbieter nicht "
        "erklärt) zählen nicht mit; ihre genaue Zahl steht im Tooltip der Zelle und bei den Einzelergebnissen.",
        "“12/14 SHALL”: 12 of 14 judged SHALL requirements passed. Judged are passed, failed, waived and errors "
        "without verdict. Errors, waivers, skips and MAY requirements are shown small below. Not applicable "
        "requirements (e.g. of a class the vendor does not claim) are not counted; their exact number is in the "
        "cell's tooltip and with the results.",
    ),
    "legend.console": (
        "erfüllt/bewertet je Verbindlichkeit; nicht anwendbare Anforderungen sind nicht gezählt (genaue Zahlen in "
        "der Matrix)",
        "passed/judged per obligation; not applicable requirements are not counted (exact numbers in the matrix)",
    ),
    "legend.short": (
        "erfüllt/bewertet je Verbindlichkeit; nicht anwendbare Anforderungen sind nicht gezählt – die genauen Zahlen "
        "stehen im Tooltip jeder Zelle und bei den Einzelergebnissen.",
        "passed/judged per obligation; not applicable requirements are not counted – the exact numbers are in each "
        "cell's tooltip and with the results.",
    ),
    "others": ("Weiteres", "Other"),
    "details": ("Einzelergebnisse mit Nachweisen", "Results with evidence"),
    "group.show": ("Enthaltene Anforderungen", "Requirements in this group"),
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
    "no_target": ("kein Prüfziel", "no target"),
    # comparing two runs
    "diff.title": ("Änderungen zwischen zwei Läufen", "Changes between two runs"),
    "diff.before": ("Vorher", "Before"),
    "diff.after": ("Jetzt", "Now"),
    "diff.run": ("Lauf {id} vom {started}", "run {id} of {started}"),
    "diff.caveats": ("Achtung, nicht nur die Anbieter haben sich geändert", "Note: not only the vendors changed"),
    "diff.caveat.suite-version": ("Version der Prüfsuite: {before} → {after}", "suite version: {before} → {after}"),
    "diff.caveat.pack": ("Artefakt-Paket {subject}: {before} → {after}", "artefact pack {subject}: {before} → {after}"),
    "diff.caveat.profile": ("Profil: „{before}“ → „{after}“", "profile: “{before}” → “{after}”"),
    "diff.caveat.incomplete": ("Lauf „{subject}“ ist unvollständig", "the “{subject}” run is incomplete"),
    "diff.verdicts": ("Profilurteil", "Profile verdict"),
    "diff.verdicts.same": ("Kein Profilurteil hat sich geändert.", "No profile verdict changed."),
    "diff.absent": ("nicht im Lauf", "not in the run"),
    "diff.regressed": ("Verschlechtert: jetzt nicht erfüllt", "Regressed: now failing"),
    "diff.fixed": ("Behoben", "Fixed"),
    "diff.new-error": ("Neu ohne Urteil (Fehler)", "Newly without verdict (error)"),
    "diff.check-changed": ("Prüfung geändert, nicht der Anbieter", "Check changed, not the vendor"),
    "diff.revision": ("Revision der Prüfung {before} → {after}", "check revision {before} → {after}"),
    "diff.changed": ("Sonst geändert", "Otherwise changed"),
    "diff.added": ("Neu geprüft", "Newly tested"),
    "diff.removed": ("Nicht mehr geprüft", "No longer tested"),
    "diff.added_failing": ("davon nicht erfüllt", "of them failing"),
    "diff.unchanged": ("unverändert", "unchanged"),
    "diff.cut": ("… und {n} weitere (vollständig mit --format json)", "… and {n} more (all with --format json)"),
}
LABELS |= TRANSFER_LABELS

# Counted phrases: (singular, plural) in German, then in English.
COUNTS: dict[str, tuple[tuple[str, str], tuple[str, str]]] = {
    "pass": (("{n} erfüllt", "{n} erfüllt"), ("{n} passed", "{n} passed")),
    "fail": (("{n} nicht erfüllt", "{n} nicht erfüllt"), ("{n} failed", "{n} failed")),
    "error": (
        ("{n} Fehler ohne Urteil", "{n} Fehler ohne Urteil"),
        ("{n} error, no verdict", "{n} errors, no verdict"),
    ),
    "skip": (("{n} übersprungen", "{n} übersprungen"), ("{n} skipped", "{n} skipped")),
    "not_applicable": (("{n} nicht anwendbar", "{n} nicht anwendbar"), ("{n} not applicable", "{n} not applicable")),
    "not_verified": (("{n} nicht verifiziert", "{n} nicht verifiziert"), ("{n} not verified", "{n} not verified")),
    "waived": (("{n} zugelassene Abweichung", "{n} zugelassene Abweichungen"), ("{n} waived", "{n} waived")),
    "requirements": (("{n} Anforderung", "{n} Anforderungen"), ("{n} requirement", "{n} requirements")),
    "more": (("und {n} weiterer Befund", "und {n} weitere Befunde"), ("and {n} more", "and {n} more")),
    "omitted": (
        ("{n} weiterer Befund, nicht aufgeführt", "{n} weitere Befunde, nicht aufgeführt"),
        ("{n} further finding, not listed", "{n} further findings, not listed"),
    ),
    "notes": (
        ("{n} Hinweis zur Stichprobe", "{n} Hinweise zu Stichproben"),
        ("{n} sampling note", "{n} sampling notes"),
    ),
}


def label(key: str, lang: str, **values: object) -> str:
    """The label for a key in a language; unknown keys show as themselves, so a gap is visible, not fatal."""
    pair = LABELS.get(key)
    if pair is None:
        return key
    text = pair[1] if lang == "en" else pair[0]
    return text.format(**values) if values else text


def counted(key: str, n: int, lang: str) -> str:
    """``3 nicht erfüllt``, ``1 zugelassene Abweichung``: a number with its phrase, singular or plural."""
    forms = COUNTS[key][1 if lang == "en" else 0]
    return forms[0 if n == 1 else 1].format(n=n)


class Labels:
    """Labels and a run's messages bound to one language, callable from templates: ``t("outcome.pass")``,
    ``t.msg(result.reason)``."""

    def __init__(self, lang: str, messages: Catalogue | None = None) -> None:
        if lang not in LANGS:
            raise ValueError(f"unknown language {lang!r}; use one of {', '.join(LANGS)}")
        self.lang = lang
        self.messages = messages or Catalogue()

    def __call__(self, key: str, **values: object) -> str:
        """The label for a key."""
        return label(key, self.lang, **values)

    def msg(self, message: Message | None) -> str:
        """A message of the run (reason, note, finding, phrase) in this language; "" for none."""
        return "" if message is None else self.messages.render(message, self.lang)

    def kind(self, kind: str) -> str:
        """The kind of a finding (``media-type``: Medientyp); a kind without a label as it is."""
        return label(f"kind.{kind}", self.lang) if f"kind.{kind}" in LABELS else kind

    def n(self, key: str, count: int) -> str:
        """A counted phrase: ``t.n("fail", 3)``."""
        return counted(key, count, self.lang)
