"""Messages: codes with parameters, rendered from a catalogue in English and German."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from conformance.core.evidence import ValueViolation
from conformance.core.judgement import Examined, Judgement
from conformance.core.messages import Catalogue, CatalogueError, Message, Template
from conformance.core.outcomes import Outcome

CAT = Catalogue.of(
    {
        "t.count": ("{count} features returned, more than {bound}", "{count} Features geliefert, mehr als {bound}"),
        "t.items": ("items of {collection}", "Features von {collection}"),
        "t.of": ("{what} answered HTTP {status}", "{what} antwortete mit HTTP {status}"),
    }
)


def test_a_message_keeps_code_params_and_english_text() -> None:
    message = CAT("t.count", count=3, bound=2)
    assert message.code == "t.count"
    assert message.params == {"count": 3, "bound": 2}
    assert message.text == "3 features returned, more than 2"
    assert CAT.render(message, "de") == "3 Features geliefert, mehr als 2"


def test_nested_messages_render_in_the_same_language() -> None:
    message = CAT("t.of", what=CAT("t.items", collection="lakes"), status=500)
    assert message.text == "items of lakes answered HTTP 500"
    assert CAT.render(message, "de") == "Features von lakes antwortete mit HTTP 500"
    back = Message.from_json(message.to_json())
    assert back == message
    assert CAT.render(back, "de") == "Features von lakes antwortete mit HTTP 500"


def test_templates_must_use_the_same_placeholders_in_both_languages() -> None:
    with pytest.raises(CatalogueError, match="different placeholders"):
        Template("x", "{a} and {b}", "{a}")
    with pytest.raises(CatalogueError, match="plain"):
        Template("x", "{a!r}", "{a!r}")


def test_unknown_codes_and_wrong_parameters_are_refused() -> None:
    with pytest.raises(CatalogueError, match="unknown"):
        CAT("t.nope")
    with pytest.raises(CatalogueError, match="do not fit"):
        CAT("t.count", count=1)
    with pytest.raises(CatalogueError, match="twice"):
        CAT.merged(Catalogue.of({"t.count": ("other", "andere")}))


def test_a_message_from_elsewhere_falls_back_to_its_english_text() -> None:
    assert CAT.render(Message("other.code", {}, "as written"), "de") == "as written"


def test_the_catalogue_round_trips_through_json() -> None:
    again = Catalogue.from_json(CAT.to_json())
    message = CAT("t.count", count=1, bound=0)
    assert again.render(message, "de") == CAT.render(message, "de")


@given(st.dictionaries(st.sampled_from(["count", "bound"]), st.integers() | st.text(), min_size=2))
def test_rendering_never_loses_a_parameter(params: dict[str, object]) -> None:
    message = CAT("t.count", **params)  # type: ignore[arg-type]
    for value in params.values():
        assert str(value) in CAT.render(message, "de")


def test_nothing_examined_is_never_a_pass() -> None:
    looked = CAT("t.items", collection="lakes")
    assert Judgement.of([], [Examined(0, looked)]).outcome is Outcome.NOT_APPLICABLE
    assert Judgement.of([]).outcome is Outcome.NOT_APPLICABLE
    assert Judgement.of([], [Examined(12, looked)]).outcome is Outcome.PASS
    finding = ValueViolation("too many", locator="http://x/items")
    assert Judgement.of([finding], [Examined(0, looked)]).outcome is Outcome.FAIL
    back = Examined.from_json(Examined(12, looked).to_json())
    assert back == Examined(12, looked)
