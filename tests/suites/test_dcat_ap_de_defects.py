"""Every DCAT-AP.de requirement can fail: the valid catalogue of :mod:`tests.suites.dcat_defects` passes each
requirement whose target it holds, and each requirement's negative control (that catalogue with one mutation)
fails it through the suite's own check, with a finding at the mutated focus node naming the mutated path, and fails
nothing else anywhere but there. All negative controls are judged in one merged graph, each under its own base IRI.
Values of a vocabulary's namespace that the offline copy lacks stay *not checked*, never violations."""

from __future__ import annotations

from collections import defaultdict
from functools import cache
from typing import Any, cast

import pyoxigraph as ox
import pytest

from conformance.core.evidence import Locator, NotApplicable, ParseViolation, Skipped, Violation
from conformance.core.judgement import Judgement
from conformance.core.messages import Message
from conformance.core.outcomes import Outcome
from conformance.harness.suite import CheckContext
from conformance.suites.dcat_ap_de.build import curie
from conformance.suites.dcat_ap_de.catalogue import READABLE, STANDARD, rows
from conformance.suites.dcat_ap_de.checks import CHECKS
from conformance.suites.dcat_ap_de.export import Export
from conformance.suites.dcat_ap_de.messages import MESSAGES, m
from conformance.suites.dcat_ap_de.validate import validate
from tests.suites.dcat_defects import Defect, Triple, defects, unchecked_values, valid

DE = "http://dcat-ap.de/def/dcatde/3.0/shacl/"
NOT_IN_A_VALID_CATALOGUE = {  # requirement → why the valid catalogue holds no node it targets
    DE + f"Deprecated_{name}": f"targets only the subjects of the deprecated property {name}, which a valid "
    "catalogue does not use"
    for name in (
        "dcatde_geocodingDescription",
        "dcatde_legalBasis",
        "dcatde_maintainer",
        "dcatde_originator",
        "dcatde_politicalGeocodingURI",
        "dcatde_qualityProcessURI",
        "dcterms_hasVersion",
        "dcterms_isVersionOf",
    )
}
CANNOT_FAIL: dict[str, str] = {}  # requirement → why no catalogue can fail it (none so far)
PROVEN = 305  # requirements derived from the shapes, every one failed by its negative control


class Judged:
    """The suite's checks run on one observed graph, each once."""

    def __init__(self, triples: list[Triple]) -> None:
        self.export = Export(documents=1, triples=len(triples))
        _, self.export.outcome = validate([ox.Quad(s, p, o) for s, p, o in triples])
        for result in self.export.outcome.results:
            self.export.results[result.requirement].append(result)
        self.notes: dict[str, list[Message]] = {}

    @cache  # noqa: B019  (one instance per module)
    def judge(self, uri: str) -> Judgement | Exception:
        """The check's judgement, or the not-applicable or skip it raised."""
        requirement = next(r for r in STANDARD.requirements if r.uri == uri)
        ctx = CheckContext(cast(Any, None), STANDARD, requirement, MESSAGES, lambda: self.export)
        try:
            return CHECKS[uri].run(ctx)
        except (NotApplicable, Skipped) as exc:
            return exc
        finally:
            self.notes[uri] = ctx.notes


def findings(judged: Judged) -> list[tuple[str, Violation]]:
    """Every finding of every shape requirement, with its requirement."""
    found = []
    for row in rows():
        judgement = judged.judge(row.uri)
        if isinstance(judgement, Judgement):
            found += [(row.uri, f) for f in judgement.findings]
    return found


@pytest.fixture(scope="module")
def controls() -> tuple[list[Defect], Judged]:
    made = list(defects())
    return made, Judged([t for d in made for t in d.triples])


def test_the_valid_catalogue_passes_every_requirement_it_holds_a_target_of() -> None:
    judged = Judged(valid("https://valid.example/"))
    outcomes = {row.uri: judged.judge(row.uri) for row in rows()}
    unjudged = {uri for uri, o in outcomes.items() if isinstance(o, NotApplicable)}
    assert unjudged == set(NOT_IN_A_VALID_CATALOGUE)
    passed = {uri for uri, o in outcomes.items() if isinstance(o, Judgement) and o.outcome is Outcome.PASS}
    assert passed == {row.uri for row in rows()} - unjudged, {u: o for u, o in outcomes.items() if u not in passed}
    assert not any(judged.notes.values()), judged.notes


def test_every_requirement_fails_on_its_negative_control_at_its_focus_node_and_path(
    controls: tuple[list[Defect], Judged],
) -> None:
    made, judged = controls
    assert {d.requirement for d in made} == {row.uri for row in rows()}
    paths = {row.uri: row.path for row in rows()}
    proven = set()
    for defect in made:
        judgement = judged.judge(defect.requirement)
        assert isinstance(judgement, Judgement) and judgement.outcome is Outcome.FAIL, (defect, judgement)
        wheres = {(f.locator.where, f.locator.pointer) for f in judgement.findings}
        assert (defect.focus.value, paths[defect.requirement]) in wheres, (defect.requirement, defect.kind, wheres)
        assert paths[defect.requirement] == " | ".join(curie(p) for p in defect.path)
        proven.add(defect.requirement)
    assert not proven & set(CANNOT_FAIL)
    assert len(proven) >= PROVEN and proven | set(CANNOT_FAIL) == {row.uri for row in rows()}


def test_each_negative_control_fails_only_at_its_focus_node_and_path(controls: tuple[list[Defect], Judged]) -> None:
    made, judged = controls
    by_base = {d.base: d for d in made}
    stray: dict[str, set[tuple[str, str, str | None]]] = defaultdict(set)
    for uri, finding in findings(judged):
        base = next((b for b in by_base if finding.locator.where.startswith(b)), "")
        defect = by_base.get(base)
        mutated = {curie(p) for p in defect.path} if defect else set()
        pointer = set((finding.locator.pointer or "").split(" | "))
        if defect is None or finding.locator.where != defect.focus.value or not pointer & mutated:
            stray[defect.requirement if defect else "?"].add((uri, finding.locator.where, finding.locator.pointer))
    assert not stray, dict(stray)


def test_a_node_shape_names_the_path_its_property_shapes_judge() -> None:
    paths = {row.uri: row.path for row in rows()}
    assert paths[DE + "Deprecated_owl_versionInfo"] == "owl:versionInfo"
    assert paths[DE + "Deprecated_dcatde_maintainer"] == "dcatde:maintainer"
    assert all(paths.values()), [uri for uri, path in paths.items() if not path]


def test_values_the_offline_vocabularies_lack_are_not_checked_never_violations() -> None:
    made = list(unchecked_values())
    judged = Judged([t for d in made for t in d.triples])
    assert len(made) == len({r.uri for r in rows() if r.schemes}) > 20
    assert not findings(judged)
    for defect in made:
        judgement = judged.judge(defect.requirement)
        assert isinstance(judgement, Skipped) or judged.notes[defect.requirement], defect.requirement


def test_the_readability_requirement_fails_on_an_unreadable_document() -> None:
    text = m("unreadable", document="broken.ttl", syntax="Turtle", text="unexpected end of file")
    export = Export(problems=[("broken.ttl", text)])
    requirement = next(r for r in STANDARD.requirements if r.uri == READABLE)
    judgement = CHECKS[READABLE].run(CheckContext(cast(Any, None), STANDARD, requirement, MESSAGES, lambda: export))
    assert judgement.outcome is Outcome.FAIL
    assert [type(f) for f in judgement.findings] == [ParseViolation]
    assert judgement.findings[0].locator == Locator(where="broken.ttl")
