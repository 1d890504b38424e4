"""The harness's own messages: reasons and notes it words the same way for every suite, in English and German.

The English wordings are the ones results files have always carried, so that reports of older runs read alike.
"""

from __future__ import annotations

from conformance.core.evidence import legacy
from conformance.core.messages import Catalogue, Message

TARGET_ERRORS = {
    "TargetUnreachable": "nicht erreichbar",
    "DeadlineExceeded": "Zeitlimit der Prüfung überschritten",
    "ResponseTooLarge": "Antwort über der Größengrenze",
    "ForeignHost": "nicht freigegebener Host",
    "TooManyRedirects": "zu viele Weiterleitungen",
    "TargetStopped": "Ziel antwortet nicht mehr",
    "RateLimited": "vom Server abgewiesen (HTTP 429, zu viele Anfragen)",
}
TRANSPORT = {
    "unreachable-earlier": (
        "{host} was unreachable earlier in this run: {cause}",
        "{host} war in diesem Lauf schon zuvor nicht erreichbar: {cause}",
    ),
    "request-failed": ("{method} {url}: {problem}", "{method} {url}: {problem}"),
    "connect-timeout": ("connect timeout", "Zeitüberschreitung beim Verbindungsaufbau"),
    "read-timeout": ("read timeout", "Zeitüberschreitung beim Lesen der Antwort"),
    "tls-error": ("TLS error", "TLS-Fehler"),
    "connection-failed": ("connection failed", "keine Verbindung"),
    "connection-closed": (
        "connection closed without a complete answer",
        "Verbindung ohne vollständige Antwort geschlossen",
    ),
    "too-many-redirects": (
        "more than {count} redirects, last to {url}",
        "mehr als {count} Weiterleitungen, zuletzt nach {url}",
    ),
    "foreign-host": (
        "{url} is not a declared host of vendor {vendor}",
        "{url} ist kein angegebener Host des Lieferanten {vendor}",
    ),
    "too-large": (
        "{method} {url}: response exceeds the cap of {cap} bytes",
        "{method} {url}: die Antwort überschreitet die Grenze von {cap} Bytes",
    ),
    "rate-limited": (
        "{method} {url}: HTTP 429 Too Many Requests, after {count} attempts",
        "{method} {url}: HTTP 429 (zu viele Anfragen), nach {count} Versuchen",
    ),
    "rate-limited-wait": (
        "{method} {url}: HTTP 429 Too Many Requests, retry asked after {asked} s (max_retry_after {longest} s)",
        "{method} {url}: HTTP 429 (zu viele Anfragen), Wiederholung erst nach {asked} s verlangt "
        "(max_retry_after {longest} s)",
    ),
    "deadline": ("the test deadline ran out", "das Zeitlimit der Prüfung ist abgelaufen"),
    "deadline-during": (
        "the test deadline ran out during {method} {url}",
        "das Zeitlimit der Prüfung lief während {method} {url} ab",
    ),
    "deadline-retry": (
        "the test deadline ran out while waiting to retry",
        "das Zeitlimit der Prüfung lief beim Warten auf eine Wiederholung ab",
    ),
    "deadline-rate-limit": (
        "the test deadline ran out while waiting for the rate limit",
        "das Zeitlimit der Prüfung lief beim Warten auf die Ratenbegrenzung ab",
    ),
    "observe-budget": (
        "the observation's budget of {seconds} s ran out",
        "das Zeitbudget der Erfassung von {seconds} s ist aufgebraucht",
    ),
    "stopped": (
        "target stopped answering after {count} timeouts",
        "Ziel antwortet nach {count} Zeitüberschreitungen in diesem Lauf nicht mehr",
    ),
}

HARNESS = Catalogue.of(
    {
        **{
            f"harness.error.{name}": (f"{name}: {{detail}}", f"{word}: {{detail}}")
            for name, word in TARGET_ERRORS.items()
        },
        "harness.nothing-examined": (
            "nothing examined: looked for {looked_for}",
            "nichts geprüft: gesucht wurde nach {looked_for}",
        ),
        "harness.more-findings": ("{text} (+{count} more)", "{text} (+{count} weitere)"),
        "harness.findings-capped": (
            "only the first {kept} of {total} findings are kept",
            "nur die ersten {kept} von {total} Befunden sind festgehalten",
        ),
        "harness.not-claimed": (
            "class {cls} not claimed ({source})",
            "Konformität zur Klasse {cls} nicht erklärt ({source})",
        ),
        "harness.source-vendors-file": ("the vendors file", "Lieferantendatei"),
        "harness.source-declaration": ("the implementation's declaration", "Konformitätserklärung der Implementierung"),
        "harness.required-not-claimed": (
            "required by the profile, not claimed",
            "vom Profil gefordert, Konformität aber nicht erklärt",
        ),
        "harness.class-claimed": ("class {cls} claimed", "Konformität zur Klasse {cls} erklärt"),
        "harness.not-claimed-in": ("not claimed in {source}", "nicht erklärt in {source}"),
        "harness.no-url": (
            "vendor {vendor} gives no URL for {standard}",
            "Lieferant {vendor} nennt keine URL für {standard}",
        ),
        "harness.waived": (
            "waived until {date}: {why} (finding: {text})",
            "ausgenommen bis {date}: {why} (Befund: {text})",
        ),
        "harness.waiver-expired": ("waiver expired on {date}; {text}", "Ausnahme abgelaufen am {date}; {text}"),
        "harness.target-error": ("{error}: {detail}", "{error}: {detail}"),
        "harness.too-deep": (
            "no verdict: a response or document is nested too deeply to be checked (RecursionError)",
            "kein Urteil: eine Antwort oder ein Dokument ist zu tief verschachtelt, um geprüft zu werden",
        ),
        "harness.asserted": (
            "harness fault: a check asserted without evidence ({error})",
            "Fehler im Prüfwerkzeug: eine Prüfung brach ohne Nachweis ab ({error})",
        ),
        "harness.fault": ("harness fault: {error}", "Fehler im Prüfwerkzeug: {error}"),
        "harness.skipped": ("{text}", "{text}"),
        **{f"harness.{code}": wording for code, wording in TRANSPORT.items()},
    }
)


def msg(code: str, **params: object) -> Message:
    """A harness message (``code`` without the ``harness.`` prefix)."""
    return HARNESS(f"harness.{code}", **params)  # type: ignore[arg-type]


def target_error(exc: BaseException) -> Message:
    """The reason of a check that reached no verdict because of the target (unreachable, deadline, …)."""
    name = type(exc).__name__
    said = exc.args[0] if exc.args and isinstance(exc.args[0], Message) else legacy(str(exc))
    if name in TARGET_ERRORS:
        return msg(f"error.{name}", detail=said)
    return msg("target-error", error=name, detail=said)
