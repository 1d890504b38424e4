"""Every registered suite meets the contract: checks match the catalogue, messages exist in both languages."""

from __future__ import annotations

from conformance.core.harnessmessages import HARNESS
from conformance.core.messages import Catalogue, placeholders
from conformance.harness.registry import registered
from conformance.harness.suite import checks_of


def test_every_contract_suite_has_a_check_per_requirement_and_a_bilingual_catalogue() -> None:
    suites = [r.suite for r in registered()]
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


def test_an_entry_point_naming_a_package_of_test_functions_is_refused() -> None:
    import types  # noqa: PLC0415

    import pytest  # noqa: PLC0415

    from conformance.harness import registry  # noqa: PLC0415

    package = types.ModuleType("oldsuite")
    entry = types.SimpleNamespace(name="old", value="oldsuite", module="oldsuite", load=lambda: package)
    with pytest.raises(registry.RegistryError, match="names a module, not a Suite"):
        registry._load(entry)  # type: ignore[arg-type]
