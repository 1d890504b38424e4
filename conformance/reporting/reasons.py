"""Reasons written by the harness itself, rendered in the report's language.

A results file keeps every reason as the run wrote it (English, stable, searchable). The harness words a few
reasons the same way for every suite: classes not claimed, waivers, missing targets, unreachable vendors,
harness faults, findings cut to the first one. These are recognised here and rendered in German for German
reports; findings of the checks go to :mod:`findings`; anything else is shown as it was written.
"""

from __future__ import annotations

from functools import cache

from conformance.reporting.findings import Compiled, compile_templates, german, render

# fmt: off

ERRORS = {"TargetUnreachable": "nicht erreichbar", "DeadlineExceeded": "Zeitlimit der Prüfung überschritten",
          "ResponseTooLarge": "Antwort über der Größengrenze", "ForeignHost": "nicht freigegebener Host",
          "TooManyRedirects": "zu viele Weiterleitungen", "TargetStopped": "Ziel antwortet nicht mehr",
          "RateLimited": "vom Server abgewiesen (HTTP 429, zu viele Anfragen)"}
HARNESS = {
    "{text} (+{count} more)": "{text} (+{count} weitere)",
    "waived until {date}: {why} (finding: {text})": "ausgenommen bis {date}: {why} (Befund: {text})",
    "waiver expired on {date}; {text}": "Ausnahme abgelaufen am {date}; {text}",
    "class {cls} not claimed (the vendors file)": "Konformität zur Klasse {cls} nicht erklärt (Lieferantendatei)",
    "class {cls} not claimed (the implementation's declaration)":
        "Konformität zur Klasse {cls} nicht erklärt (Konformitätserklärung der Implementierung)",
    "required by the profile, not claimed": "vom Profil gefordert, Konformität aber nicht erklärt",
    "vendor {vendor} gives no URL for {standard}": "Lieferant {vendor} nennt keine URL für {standard}",
    "vendor {vendor} names no export paths or URLs for {standard}":
        "Lieferant {vendor} nennt keine Exportdateien für {standard}",
    "vendor {vendor} names no export paths for {standard}":
        "Lieferant {vendor} nennt keine Exportdateien für {standard}",
    "rejected: {count} error(s): {rules}": "abgelehnt: {count} Fehler: {rules}",
    "no verdict: a response or document is nested too deeply to be checked (RecursionError)":
        "kein Urteil: eine Antwort oder ein Dokument ist zu tief verschachtelt, um geprüft zu werden",
    "harness fault: a check asserted without evidence ({error})":
        "Fehler im Prüfwerkzeug: eine Prüfung brach ohne Nachweis ab ({error})",
    "harness fault: {error}": "Fehler im Prüfwerkzeug: {error}",
    "TargetStopped: target stopped answering after {count} timeouts":
        "Ziel antwortet nicht mehr: nach {count} Zeitüberschreitungen in diesem Lauf nicht mehr angefragt",
    **{f"{name}: {{detail}}": f"{word}: {{detail}}" for name, word in ERRORS.items()},
}


def localise(reason: str, lang: str) -> str:
    """The reason in the report's language: harness wordings and known findings translated, the rest unchanged."""
    if lang == "en" or not reason:
        return reason
    return render(reason, _harness(), _slot) or german(reason) or reason


def _slot(name: str, value: str) -> str:
    """``{text}`` holds a reason or finding of its own; every other placeholder is data, kept as it is."""
    return localise(value, "de") if name == "text" else value


@cache
def _harness() -> Compiled:
    return compile_templates(HARNESS)
