"""The Features suite's message catalogue: every code a check names exists, every code is used, both languages.

Read from the suite's source (no run needed), so a code that only an unusual server provokes is still checked.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

from conformance.core.geojsonmessages import GEOJSON_MESSAGES
from conformance.suites import ogcapi_features
from conformance.suites.ogcapi_features import SUITE
from conformance.suites.ogcapi_features.messages import both, either, joined, m

PACKAGE = Path(ogcapi_features.__file__).parent
OWN = {code for code in SUITE.messages.templates if code.startswith("features.")}


def _trees() -> Iterator[ast.Module]:
    for path in sorted(PACKAGE.glob("*.py")):
        yield ast.parse(path.read_text(encoding="utf-8"))


def _constants(node: ast.expr) -> list[str]:
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return [node.value]
    if isinstance(node, ast.IfExp):
        return _constants(node.body) + _constants(node.orelse)
    return []


def _named() -> list[str]:
    """Codes the source names: the first argument of ``m(…)``, the kind of ``ctx.examined(…)``."""
    found = []
    for tree in _trees():
        for node in ast.walk(tree):
            if not isinstance(node, ast.Call):
                continue
            if isinstance(node.func, ast.Name) and node.func.id == "m" and node.args:
                found += [f"features.{code}" for code in _constants(node.args[0])]
            if isinstance(node.func, ast.Attribute) and node.func.attr == "examined" and len(node.args) > 1:
                found += _constants(node.args[1])
    return found


def _literals() -> set[str]:
    return {
        n.value for tree in _trees() for n in ast.walk(tree) if isinstance(n, ast.Constant) and isinstance(n.value, str)
    }


def test_every_code_a_check_names_is_in_the_catalogue() -> None:
    named = _named()
    assert len(named) > 150
    assert sorted(set(named) - set(SUITE.messages.templates)) == []


def test_every_code_of_the_suite_is_used() -> None:
    literals = _literals()
    unused = {code for code in OWN if code not in literals and code.removeprefix("features.") not in literals}
    assert sorted(unused) == []


def test_the_catalogue_holds_the_geojson_findings_and_reads_in_german() -> None:
    assert set(GEOJSON_MESSAGES.templates) <= set(SUITE.messages.templates)
    for code in OWN:
        template = SUITE.messages.templates[code]
        assert template.en.strip() and template.de.strip(), code


def test_lists_are_named_with_and_and_or_in_either_language() -> None:
    names = joined(["key", "oauth", "basic"])
    assert names.text == "key and oauth and basic"  # type: ignore[union-attr]
    assert SUITE.messages.render(either(both("a", "b"), "c"), "de") == "a und b oder c"
    assert joined(["only"]) == "only"


def test_findings_read_in_german_with_their_variable_parts_kept() -> None:
    outside = m("outside-bbox", feature="'h001'", box="170,-90,-170,90")
    assert outside.text == "feature 'h001' lies outside bbox=170,-90,-170,90"
    assert SUITE.messages.render(outside, "de") == "Feature 'h001' liegt außerhalb von bbox=170,-90,-170,90"
    anchor = m("no-anchor", what=m("phrase.items", collection="lakes"), rel="next", href="http://x/items?offset=10")
    assert anchor.text == "items of lakes: no <a> for the next link http://x/items?offset=10"
    assert (
        SUITE.messages.render(anchor, "de") == "Features von lakes: kein <a> für den Link next http://x/items?offset=10"
    )
