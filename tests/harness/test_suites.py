"""Every registered suite meets the contract: checks match the catalogue, messages exist in both languages.

Suites not yet on the contract run their decorator-style tests on the old path and word their findings as
plain English (legacy messages); :func:`legacy_suites` names them, and the list may only shrink.
"""

from __future__ import annotations

from conformance.core.harnessmessages import HARNESS
from conformance.core.messages import Catalogue, placeholders
from conformance.harness.registry import registered
from conformance.harness.suite import checks_of

STILL_LEGACY: set[str] = set()


def legacy_suites() -> set[str]:
    """The registered suites that still run decorator-style tests with plain-text findings."""
    return {r.name for r in registered() if r.suite is None}


def test_legacy_suites_only_shrink() -> None:
    assert legacy_suites() <= STILL_LEGACY


def test_every_contract_suite_has_a_check_per_requirement_and_a_bilingual_catalogue() -> None:
    suites = [r.suite for r in registered() if r.suite is not None]
    assert suites
    for suite in suites:
        for standard in suite.standards:
            checks = checks_of(suite, standard)
            assert all(c.revision >= 1 for c in checks.values())
        assert len(suite.messages) > 0
        bilingual(suite.messages)


def test_the_harness_messages_are_bilingual_and_apart_from_every_suite() -> None:
    bilingual(HARNESS)
    assert all(code.startswith("harness.") for code in HARNESS.templates)
    for entry in registered():
        if entry.suite is not None:
            assert not set(entry.suite.messages.templates) & set(HARNESS.templates)


def bilingual(catalogue: Catalogue) -> None:
    for template in catalogue.templates.values():
        assert template.en.strip() and template.de.strip(), template.code
        assert placeholders(template.en) == placeholders(template.de), template.code
