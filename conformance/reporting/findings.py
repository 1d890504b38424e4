"""German renderings of the findings that suites not yet on message codes word in English: OParl, xdomea, XÖV
code lists and the shared GeoJSON checks as OParl files them.

Findings are shown in German in German reports, beside the statement of each requirement. The results file
keeps the English wording (stable, searchable). A template matches one wording; its ``{placeholders}`` stand
for the varying parts (URLs, ids, statuses), carried over unchanged unless ``WORDS`` knows them. A finding no
template matches is shown as written. Tests run the OParl suite against its test double with every defect
switched on, and the xdomea negative controls, and require a rendering for every finding. Suites on the suite
contract (OpenAPI, OGC API – Features) carry message codes whose German wording is in their own catalogue.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from functools import cache

from conformance.reporting.findings_catalogue import OPARL, XDOMEA
from conformance.reporting.findings_geojson import GEOJSON, WHERE

CACHED = re.compile(r"^(.*) \[response from the cache, stored ([^\]]+)\]$", re.S)
WORDS = {
    "listed": "gelistete",
    "embedded": "eingebettete",
    "(none)": "(keiner)",
    "'(default)'": "'(Standard)'",
    "'no location'": "'keinen Ort'",
    **WHERE,
}
PHRASES = frozenset({"what", "code", "prefix", "location"})
Compiled = tuple[tuple[re.Pattern[str], str], ...]
Slot = Callable[[str, str], str]


def german(finding: str) -> str | None:
    """The German rendering of a finding, or None when no template matches it."""
    cached = CACHED.match(finding)
    if cached:
        inner = german(cached[1])
        return f"{inner} [Antwort aus dem Zwischenspeicher, gespeichert {cached[2]}]" if inner else None
    return render(finding, _findings(), _slot)


def render(text: str, compiled: Compiled, slot: Slot) -> str | None:
    """The target of the first template matching ``text``, each placeholder filled by ``slot(name, value)``."""
    for pattern, target in compiled:
        found = pattern.match(text)
        if found:
            return target.format(**{k: slot(k, v) for k, v in found.groupdict().items()})
    return None


def compile_templates(templates: Mapping[str, str]) -> Compiled:
    """``{placeholder}`` templates as anchored regular expressions, each with its target."""
    return tuple((_pattern(english), target) for english, target in templates.items())


def _slot(name: str, value: str) -> str:
    """Placeholders naming a phrase (``{what}``: ``listed``) are translated; data is not."""
    return WORDS.get(value, value) if name in PHRASES else value


@cache
def _findings() -> Compiled:
    return compile_templates({**OPARL, **XDOMEA, **GEOJSON})


def _pattern(template: str) -> re.Pattern[str]:
    parts = re.split(r"\{(\w+)\}", template)
    regex = "".join(re.escape(p) if i % 2 == 0 else f"(?P<{p}>.+?)" for i, p in enumerate(parts))
    return re.compile(f"^{regex}$", re.S)
