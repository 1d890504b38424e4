"""The OParl suite's message catalogue: every code the source names exists, every code is used, both languages.

Read from the suite's source (no run needed), so a code that only an unusual server provokes is still checked.
"""

from __future__ import annotations

import ast
import re
from collections.abc import Iterator
from pathlib import Path

from conformance.core.geojsonmessages import GEOJSON_MESSAGES
from conformance.suites import oparl
from conformance.suites.oparl import SUITE
from conformance.suites.oparl.messages import m
from conformance.suites.oparl.run import cached

PACKAGE = Path(oparl.__file__).parent
OWN = {code for code in SUITE.messages.templates if code.startswith("oparl.")}
BUILT = re.compile(r"^oparl\.((listed|embedded)-not-retrievable|wrong-(first|last)|examined\.(listed|embedded)-by-id)$")


def _calls() -> Iterator[ast.Call]:
    for path in sorted(PACKAGE.glob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Name):
                yield node


def _named() -> list[str]:
    """Codes the source names: the first argument of ``m(…)``, the kind of ``counted(…)``."""
    found = []
    for call in _calls():
        name = call.func.id  # type: ignore[attr-defined]
        if name == "m" and call.args and isinstance(call.args[0], ast.Constant):
            found.append(f"oparl.{call.args[0].value}")
        if name == "counted" and len(call.args) > 1 and isinstance(call.args[1], ast.Constant):
            found.append(f"oparl.examined.{call.args[1].value}")
    return found


def test_every_code_the_source_names_is_in_the_catalogue() -> None:
    named = _named()
    assert len(named) > 150
    assert sorted(set(named) - set(SUITE.messages.templates)) == []


def _literals() -> set[str]:
    texts = (path.read_text(encoding="utf-8") for path in sorted(PACKAGE.glob("*.py")) if path.name != "wording.py")
    return {
        f"oparl.{n.value}"
        for text in texts
        for n in ast.walk(ast.parse(text))
        if isinstance(n, ast.Constant) and isinstance(n.value, str)
    }


def test_every_code_of_the_suite_is_used() -> None:
    used = set(_named()) | _literals()
    assert sorted(code for code in OWN - used if not BUILT.match(code)) == []


def test_the_catalogue_holds_the_geojson_findings() -> None:
    assert set(GEOJSON_MESSAGES.templates) <= set(SUITE.messages.templates)


def test_findings_read_in_german_with_their_variable_parts_kept() -> None:
    finding = m("deleted-status", kind="Person", id="http://x/person/4", status=404)
    assert finding.text == "the deleted Person http://x/person/4 answers HTTP 404 under its id"
    assert SUITE.messages.render(finding, "de") == (
        "das gelöschte Objekt (Person) http://x/person/4 antwortet unter seiner id mit HTTP 404"
    )


def test_a_reason_names_what_was_searched_in_either_language() -> None:
    reason = m("reason.no-deleted", what=m("phrase.deleted-object"), objects=12, refs=3)
    assert reason.text == (
        "no deleted object was found after reading 12 objects of the crawl and fetching 3 referenced object(s)"
    )
    assert SUITE.messages.render(reason, "de").startswith("kein gelöschtes Objekt gefunden, nachdem 12 Objekte")


def test_cached_evidence_is_marked_in_either_language() -> None:
    class Answer:
        cached = "2026-01-01T00:00:00+00:00"

    marked = cached(m("bom"), Answer())  # type: ignore[arg-type]
    assert marked.text.endswith("[response from the cache, stored 2026-01-01T00:00:00+00:00]")
    assert SUITE.messages.render(marked, "de").startswith("die Antwort beginnt mit einer UTF-8-Bytereihenfolgemarke [")
