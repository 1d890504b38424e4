"""Helpers for the WMS and WFS suite tests (no tests here): vendors files, and CLI runs whose records are keyed by
(vendor, requirement name), the part of the URI after ``/req/``."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from pathlib import Path

from conformance.demo.testserver import DefectServer
from tests.suites import test_ogcapi_features_support as features

FinishedRun = features.FinishedRun
evidence_complete = features.evidence_complete


def vendors_file(path: Path, standard: str, targets: dict[str, str], options: str = "") -> Path:
    """One vendor per (id → URL) target of a standard."""
    blocks = [
        f'[[vendors]]\nid = "{vendor}"\nname = "{vendor}"\nversion = "1"\n\n[[vendors.targets]]\n'
        f'standard = "{standard}"\nurl = "{url}"\n{options}'
        for vendor, url in targets.items()
    ]
    path.write_text("\n".join(blocks), encoding="utf-8")
    return path


def run_cli(vendors: Path, out: Path, *extra: str) -> FinishedRun:
    """``conformance run`` in a child process (plugin, results file, reports)."""
    done = features.run_cli(vendors, out, *extra)
    named = {(vendor, uri.split("/req/", 1)[1]): record for (vendor, uri), record in done.records.items()}
    return FinishedRun(done.code, done.out, named, done.stderr)


def run_double(server: DefectServer, standard: str, folder: Path) -> FinishedRun:
    """One CLI run of ``standard`` over a started defect server: a vendor per tenant, named like the tenant."""
    targets = {name: server.url(name) for name in server.views}
    return run_cli(vendors_file(folder / "vendors.toml", standard, targets), folder / "out")


def one_tenant_per_defect(defects: Iterable[str]) -> dict[str, frozenset[str]]:
    """A conformant tenant ``clean`` and one tenant per defect, named like it."""
    return {"clean": frozenset(), **{d: frozenset({d}) for d in defects}}


def assert_exactly(run: FinishedRun, vendor: str, failing: set[str], everything: set[str], unjudged: set[str]) -> None:
    """The vendor fails exactly ``failing``, is not applicable for exactly ``unjudged``, passes all else."""
    outcomes = run.outcomes(vendor)
    assert {n for n, o in outcomes.items() if o == "fail"} == failing, outcomes
    assert {n for n, o in outcomes.items() if o == "not_applicable"} == unjudged, outcomes
    assert {n for n, o in outcomes.items() if o == "pass"} == everything - failing - unjudged, outcomes


def assert_every_check_can_fail(
    caught: Mapping[str, set[str]],
    defects: Iterable[str],
    everything: set[str],
    without: Mapping[str, str] | None = None,
) -> None:
    """Each defect of the double names what it fails, and every requirement is failed by some defect, except those
    ``without`` a negative control (requirement → why no defect of the double fails it)."""
    assert set(caught) == set(defects)
    without = without or {}
    failed: set[str] = set().union(*caught.values())
    assert failed.isdisjoint(without), sorted(failed & set(without))
    assert set(without) <= everything, sorted(set(without) - everything)
    assert failed | set(without) == everything, sorted(everything - failed - set(without))
