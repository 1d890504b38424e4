"""Every label the reports use exists in German and English."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from conformance.core.evidence import Violation
from conformance.core.outcomes import Outcome
from conformance.core.transfer import LOSSLESS, NO_VERDICT, PROBLEMS, STATUSES, WITH_CHANGES, WITH_LOSS
from conformance.core.transferdiff import KINDS as TRANSFER_KINDS
from conformance.reporting import i18n
from conformance.reporting.diff import CAVEATS, Change
from conformance.reporting.matrix import OBLIGATIONS, State
from conformance.reporting.verdict import VerdictState

REPORTING = Path(i18n.__file__).parent
KINDS = (
    "failed",
    "error",
    "unexamined",
    "skip",
    "not-claimed",
    "no-target",
    "not-run",
    "untested",
    "no-result",
    "waived",
    "not_applicable",
    "incomplete",
)


def used_keys() -> set[str]:
    sources = [*REPORTING.glob("*.py"), *REPORTING.glob("templates/*.j2"), *REPORTING.parent.glob("commands/*.py")]
    found = set()
    for path in sources:
        found |= set(re.findall(r"""\bt\(\s*["']([a-z_.\-]+)["']\s*[,)]""", path.read_text(encoding="utf-8")))
    return found


def dynamic_keys() -> set[str]:
    return (
        {f"outcome.{o.value}" for o in Outcome}
        | {f"obl.{o}" for o in OBLIGATIONS}
        | {f"state.{s.value}" for s in State}
        | {f"verdict.{v.value}" for v in VerdictState}
        | {f"missing.{k}" for k in KINDS}
        | {f"waiver.{s}" for s in ("applied", "expired", "unused-passes", "unused")}
        | {f"diff.{c.value}" for c in Change}
        | {f"diff.caveat.{k}" for k in CAVEATS}
        | {f"kind.{v.kind}" for v in (Violation, *Violation.__subclasses__())}
        | {f"transfer.{v}" for v in (LOSSLESS, WITH_CHANGES, WITH_LOSS, NO_VERDICT)}
        | {f"transfer.status.{s}" for s in STATUSES}
        | {f"transfer.kind.{k}" for k in TRANSFER_KINDS}
        | {f"transfer.problem.{p}" for p in PROBLEMS}
        | {
            "verdict.clean",
            "verdict.failures",
            "verdict.findings",
            "verdict.missing",
            "switch.rule.plain",
            "switch.rule.profile",
        }
    )


def test_every_used_label_exists_in_both_languages() -> None:
    keys = used_keys() | dynamic_keys()
    assert len(used_keys()) > 40
    assert sorted(k for k in keys if k not in i18n.LABELS) == []
    assert sorted(k for k in i18n.LABELS if k not in keys) == []
    for key in keys:
        de, en = i18n.LABELS[key]
        assert de.strip() and en.strip(), key


def test_every_counted_phrase_has_both_numbers_in_both_languages() -> None:
    used = set()
    for path in [*REPORTING.glob("*.py"), *REPORTING.glob("templates/*.j2")]:
        used |= set(re.findall(r"""\bt\.n\(\s*["']([a-z_]+)["']""", path.read_text(encoding="utf-8")))
    assert used | {o.value for o in Outcome} == set(i18n.COUNTS)
    for key, forms in i18n.COUNTS.items():
        for one, other in forms:
            assert "{n}" in one and "{n}" in other, key
    assert i18n.counted("waived", 1, "de") == "1 zugelassene Abweichung"
    assert i18n.counted("waived", 2, "de") == "2 zugelassene Abweichungen"
    assert i18n.counted("error", 2, "en") == "2 errors, no verdict"


def test_no_label_nests_parentheses() -> None:
    texts = [text for pair in i18n.LABELS.values() for text in pair]
    texts += [text for forms in i18n.COUNTS.values() for pair in forms for text in pair]
    assert not [t for t in texts if re.search(r"\([^()]*\(", t)]


def test_german_is_the_default_and_unknown_languages_are_refused() -> None:
    assert i18n.label("outcome.fail", "de") == "nicht erfüllt"
    assert i18n.label("outcome.fail", "en") == "failed"
    assert i18n.counted("more", 3, "de") == "und 3 weitere Befunde"
    assert i18n.counted("more", 1, "de") == "und 1 weiterer Befund"
    with pytest.raises(ValueError, match="unknown language"):
        i18n.Labels("fr")
