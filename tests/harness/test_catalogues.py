"""Every message code of every catalogue renders in German and in English from the same parameters, and every
label pair of the reports uses the same placeholders in both languages."""

from __future__ import annotations

import string

import pytest

from conformance.core.harnessmessages import HARNESS, msg
from conformance.core.messages import Catalogue, Message, placeholders
from conformance.harness.registry import registered
from conformance.reporting.i18n import COUNTS, LABELS


def catalogues() -> dict[str, Catalogue]:
    """The harness's catalogue and that of every suite on the contract (with the shared ones they merge)."""
    found = {"harness": HARNESS}
    found.update({entry.name: entry.suite.messages for entry in registered() if entry.suite is not None})
    return found


@pytest.mark.parametrize("name", sorted(catalogues()))
def test_every_code_renders_in_both_languages_with_the_same_parameters(name: str) -> None:
    catalogue = catalogues()[name]
    assert len(catalogue) > 0
    for code, template in catalogue.templates.items():
        values = {p: f"<{p}-{i}>" for i, p in enumerate(sorted(template.names))}
        message = catalogue(code, **values)
        english, german = catalogue.render(message, "en"), catalogue.render(message, "de")
        assert english == message.text and english.strip() and german.strip(), code
        for value in values.values():
            assert value in english and value in german, (code, value)


def test_a_phrase_as_parameter_is_rendered_in_the_language_of_the_message() -> None:
    phrase = msg("source-vendors-file")
    message = msg("not-claimed", cls="html", source=phrase)
    assert HARNESS.render(message, "de") == "Konformität zur Klasse html nicht erklärt (Lieferantendatei)"
    assert HARNESS.render(message, "en") == "class html not claimed (the vendors file)"
    assert isinstance(message.params["source"], Message)


def test_every_report_label_has_the_same_placeholders_in_both_languages() -> None:
    for key, (german, english) in LABELS.items():
        assert german.strip() and english.strip(), key
        assert placeholders(german) == placeholders(english), key
    for key, forms in COUNTS.items():
        names = {frozenset(n for _, n, _, _ in string.Formatter().parse(f) if n) for pair in forms for f in pair}
        assert names == {frozenset({"n"})}, key
