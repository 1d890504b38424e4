"""Reasons written by the harness itself, rendered in the report's language.

A results file keeps every reason as the run wrote it (English, stable, searchable). The harness words a few
reasons the same way for every suite: classes not claimed, waivers, missing targets, unreachable vendors,
harness faults, findings cut to the first one. These are recognised here and rendered in German for German
reports; findings of the checks go to :mod:`findings`; anything else is shown as it was written.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from conformance.reporting.findings import german

WORDS = {"the vendors file": "Lieferantendatei",
         "the implementation's declaration": "Konformitätserklärung der Implementierung",
         "TargetUnreachable": "nicht erreichbar",
         "DeadlineExceeded": "Zeitlimit der Prüfung überschritten",
         "ResponseTooLarge": "Antwort über der Größengrenze",
         "ForeignHost": "nicht freigegebener Host",
         "TooManyRedirects": "zu viele Weiterleitungen"}
ERRORS = ("TargetUnreachable", "DeadlineExceeded", "ResponseTooLarge", "ForeignHost", "TooManyRedirects")


@dataclass(frozen=True)
class Pattern:
    """One harness wording: its regular expression and the German rendering of its groups."""

    regex: re.Pattern[str]
    german: str
    nested: tuple[int, ...] = ()


PATTERNS = (
    Pattern(re.compile(r"^(.*) \(\+(\d+) more\)$", re.S), "{0} (+{1} weitere)", (0,)),
    Pattern(re.compile(r"^waived until (\S+): (.*) \(finding: (.*)\)$", re.S),
            "ausgenommen bis {0}: {1} (Befund: {2})", (2,)),
    Pattern(re.compile(r"^waiver expired on (\S+); (.*)$", re.S), "Ausnahme abgelaufen am {0}; {1}", (1,)),
    Pattern(re.compile(r"^class (\S+) not claimed \((the vendors file|the implementation's declaration)\)$"),
            "Konformität zur Klasse {0} nicht erklärt ({1})"),
    Pattern(re.compile(r"^required by the profile, not claimed$"),
            "vom Profil gefordert, Konformität aber nicht erklärt"),
    Pattern(re.compile(r"^vendor (\S+) gives no URL for (\S+)$"), "Lieferant {0} nennt keine URL für {1}"),
    Pattern(re.compile(r"^vendor (\S+) names no export paths(?: or URLs)? for (\S+)$"),
            "Lieferant {0} nennt keine Exportdateien für {1}"),
    Pattern(re.compile(r"^rejected: (\d+) error\(s\): (.*)$", re.S), "abgelehnt: {0} Fehler: {1}"),
    Pattern(re.compile(r"^no verdict: a response or document is nested too deeply to be checked \(RecursionError\)$"),
            "kein Urteil: eine Antwort oder ein Dokument ist zu tief verschachtelt, um geprüft zu werden"),
    Pattern(re.compile(r"^harness fault: a check asserted without evidence \((.*)\)$", re.S),
            "Fehler im Prüfwerkzeug: eine Prüfung brach ohne Nachweis ab ({0})"),
    Pattern(re.compile(r"^harness fault: (.*)$", re.S), "Fehler im Prüfwerkzeug: {0}"),
    Pattern(re.compile(r"^(" + "|".join(ERRORS) + r"): (.*)$", re.S), "{0}: {1}"),
)


def localise(reason: str, lang: str) -> str:
    """The reason in the report's language: harness wordings translated, anything else unchanged."""
    if lang == "en" or not reason:
        return reason
    for pattern in PATTERNS:
        found = pattern.regex.match(reason)
        if found:
            return pattern.german.format(*_groups(pattern, found))
    return german(reason) or reason


def _groups(pattern: Pattern, found: re.Match[str]) -> list[str]:
    groups = list(found.groups())
    for index in pattern.nested:
        groups[index] = localise(groups[index], "de")
    return [WORDS.get(group, group) for group in groups]
