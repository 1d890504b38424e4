"""Messages: a finding, reason or note as a code with parameters, rendered from a catalogue in English or German.

Every text the harness or a suite words for a report is a :class:`Message`. A suite declares its messages in a
:class:`Catalogue` (code → English and German template with the same ``{placeholders}``). The results file keeps
code, parameters and the English text; reports render code and parameters in the chosen language. A parameter
may itself be a message (a phrase such as "items of lakes"), rendered in the same language.
"""

from __future__ import annotations

import string
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any, TypeAlias

LANGS = ("en", "de")
Scalar: TypeAlias = str | int | float | bool | None
Param: TypeAlias = "Scalar | Message | list[Any]"


class CatalogueError(ValueError):
    """A catalogue entry is malformed, a code is unknown, or a message's parameters do not fit its template."""


def placeholders(template: str) -> frozenset[str]:
    """The ``{names}`` a template uses (format specs and conversions are not allowed)."""
    names = set()
    for _, name, spec, conversion in string.Formatter().parse(template):
        if name is None:
            continue
        if not name.isidentifier() or spec or conversion:
            raise CatalogueError(f"placeholder {{{name}}} in {template!r}: use plain {{name}} placeholders")
        names.add(name)
    return frozenset(names)


@dataclass(frozen=True)
class Template:
    """One message code's wording in every report language, with the same placeholders in each."""

    code: str
    en: str
    de: str

    def __post_init__(self) -> None:
        if placeholders(self.en) != placeholders(self.de):
            raise CatalogueError(
                f"{self.code}: English and German templates use different placeholders "
                f"({sorted(placeholders(self.en))} vs {sorted(placeholders(self.de))})"
            )

    @property
    def names(self) -> frozenset[str]:
        """The placeholders of the template."""
        return placeholders(self.en)

    def text(self, lang: str) -> str:
        """The template in a language (``en`` or ``de``)."""
        return self.de if lang == "de" else self.en

    def to_json(self) -> dict[str, str]:
        """As stored in a results header: ``{"en": …, "de": …}``."""
        return {"en": self.en, "de": self.de}


@dataclass(frozen=True)
class Message:
    """A code with parameters and its English text; the unit of every reason, finding and note."""

    code: str
    params: Mapping[str, Param] = field(default_factory=dict)
    text: str = ""

    def __str__(self) -> str:
        return self.text or self.code

    def __hash__(self) -> int:
        return hash((self.code, self.text))

    def to_json(self) -> dict[str, Any]:
        """As stored in the results file: code, parameters (nested messages as objects) and the English text."""
        return {"code": self.code, "params": {k: _param_json(v) for k, v in self.params.items()}, "text": self.text}

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> Message:
        """Read a stored message back (nested message parameters included)."""
        params = {k: _param_read(v) for k, v in dict(data.get("params") or {}).items()}
        return cls(str(data["code"]), params, str(data.get("text", "")))


def _param_json(value: Param) -> Any:
    if isinstance(value, Message):
        return value.to_json()
    if isinstance(value, list | tuple):
        return [_param_json(v) for v in value]
    return value


def _param_read(value: Any) -> Param:
    if isinstance(value, dict) and "code" in value:
        return Message.from_json(value)
    if isinstance(value, list):
        return [_param_read(v) for v in value]
    return value  # type: ignore[no-any-return]


class Catalogue:
    """Message codes → templates; builds messages (checking code and parameters) and renders them."""

    def __init__(self, templates: Iterable[Template] = ()) -> None:
        self.templates: dict[str, Template] = {}
        for template in templates:
            self.add(template)

    @classmethod
    def of(cls, entries: Mapping[str, tuple[str, str]]) -> Catalogue:
        """A catalogue from ``{code: (english, german)}``."""
        return cls(Template(code, en, de) for code, (en, de) in entries.items())

    def add(self, template: Template) -> None:
        """Add one template; a code may be declared only once (with the same wording)."""
        known = self.templates.get(template.code)
        if known is not None and known != template:
            raise CatalogueError(f"message code {template.code} declared twice with different wording")
        self.templates[template.code] = template

    def merged(self, *others: Catalogue) -> Catalogue:
        """One catalogue holding this one's templates and the others'."""
        out = Catalogue(self.templates.values())
        for other in others:
            for template in other.templates.values():
                out.add(template)
        return out

    def __contains__(self, code: object) -> bool:
        return code in self.templates

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Catalogue) and self.templates == other.templates

    __hash__ = None  # type: ignore[assignment]

    def __len__(self) -> int:
        return len(self.templates)

    def __call__(self, code: str, **params: Param) -> Message:
        """A message of this catalogue; an unknown code or a missing or extra parameter is a harness fault."""
        template = self.templates.get(code)
        if template is None:
            raise CatalogueError(f"unknown message code {code!r}")
        if set(params) != template.names:
            raise CatalogueError(f"{code}: parameters {sorted(params)} do not fit {sorted(template.names)}")
        return Message(code, params, _fill(template.en, params, "en", self))

    def render(self, message: Message, lang: str) -> str:
        """The message in ``lang``; a code this catalogue lacks falls back to the stored English text."""
        template = self.templates.get(message.code)
        if template is None or set(message.params) != template.names:
            return message.text or message.code
        return _fill(template.text(lang), message.params, lang, self)

    def to_json(self) -> dict[str, dict[str, str]]:
        """Every template, as stored in a results header."""
        return {code: t.to_json() for code, t in sorted(self.templates.items())}

    @classmethod
    def from_json(cls, data: Mapping[str, Mapping[str, str]]) -> Catalogue:
        """Read templates stored in a results header."""
        return cls(Template(code, t["en"], t["de"]) for code, t in data.items())


def _fill(template: str, params: Mapping[str, Param], lang: str, catalogue: Catalogue) -> str:
    return template.format(**{k: _show(v, lang, catalogue) for k, v in params.items()})


def _show(value: Param, lang: str, catalogue: Catalogue) -> str:
    if isinstance(value, Message):
        return catalogue.render(value, lang)
    if isinstance(value, list | tuple):
        return ", ".join(_show(v, lang, catalogue) for v in value)
    if value is None:
        return "–"
    return str(value)
