"""German renderings of the findings the checks word in English: OParl, xdomea, XÖV code lists, OGC API.

Findings are shown in German in German reports, beside the statement of each requirement. The results file
keeps the English wording (stable, searchable). A template matches one wording; its ``{placeholders}`` stand
for the varying parts (URLs, ids, statuses), carried over unchanged unless ``TERMS`` knows them (``items of
lakes`` → ``Features von lakes``). A finding no template matches is shown as written. Tests run the OParl and
Features suites against their test doubles with every defect switched on, and the xdomea negative controls,
and require a rendering for every finding.
"""

from __future__ import annotations

import re
from functools import cache

from conformance.reporting.findings_catalogue import OPARL, XDOMEA
from conformance.reporting.findings_ogc import OGC, TERMS

CACHED = re.compile(r"^(.*) \[response from the cache, stored ([^\]]+)\]$", re.S)
WORDS = {"listed": "gelistete", "embedded": "eingebettete", "(none)": "(keiner)", "'(default)'": "'(Standard)'",
         "'no location'": "'keinen Ort'"}


def german(finding: str) -> str | None:
    """The German rendering of a finding, or None when no template matches it."""
    cached = CACHED.match(finding)
    if cached:
        inner = german(cached[1])
        return f"{inner} [Antwort aus dem Zwischenspeicher, gespeichert {cached[2]}]" if inner else None
    for pattern, target in _compiled():
        found = pattern.match(finding)
        if found:
            return target.format(**{k: _term(v) for k, v in found.groupdict().items()})
    return None


def _term(value: str) -> str:
    """A variable part: a known word, a known resource phrase (``items of lakes``), or itself."""
    if value in WORDS:
        return WORDS[value]
    for pattern, target in _compiled_terms():
        found = pattern.match(value)
        if found:
            return target.format(**{k: _term(v) for k, v in found.groupdict().items()})
    return value


@cache
def _compiled() -> tuple[tuple[re.Pattern[str], str], ...]:
    return tuple((_pattern(english), target) for english, target in (*OPARL.items(), *XDOMEA.items(), *OGC.items()))


@cache
def _compiled_terms() -> tuple[tuple[re.Pattern[str], str], ...]:
    return tuple((_pattern(english), target) for english, target in TERMS.items())


def _pattern(template: str) -> re.Pattern[str]:
    parts = re.split(r"\{(\w+)\}", template)
    regex = "".join(re.escape(p) if i % 2 == 0 else f"(?P<{p}>.+?)" for i, p in enumerate(parts))
    return re.compile(f"^{regex}$", re.S)
