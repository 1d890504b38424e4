"""Secrets: ``${ENV_VAR}`` expansion in configuration and redaction of every output."""

from __future__ import annotations

import os
import re
from collections.abc import Iterable, Mapping
from typing import Any

_REF = re.compile(r"\$\{([A-Za-z_][A-Za-z0-9_]*)\}")
REDACTED = "***"
SENSITIVE_HEADERS = frozenset({"authorization", "proxy-authorization", "cookie", "set-cookie", "x-api-key"})


class MissingSecret(KeyError):
    """A ``${VAR}`` reference names an environment variable that is not set."""


def expand(text: str, env: Mapping[str, str] | None = None) -> str:
    """Replace every ``${VAR}`` with the variable's value; a missing one raises MissingSecret."""
    source = os.environ if env is None else env

    def value(match: re.Match[str]) -> str:
        name = match.group(1)
        if name not in source:
            raise MissingSecret(name)
        return source[name]

    return _REF.sub(value, text)


def references(text: str) -> list[str]:
    """The environment variable names a string refers to."""
    return _REF.findall(text)


class Redactor:
    """Replaces known secret values and sensitive headers before anything is written."""

    def __init__(self, secrets: Iterable[str] = (), headers: Iterable[str] = ()) -> None:
        self.secrets = sorted({s for s in secrets if len(s) >= 3}, key=len, reverse=True)
        self.headers = SENSITIVE_HEADERS | {h.lower() for h in headers}

    def text(self, value: str) -> str:
        """Redact every secret value inside a string."""
        for secret in self.secrets:
            if secret in value:
                value = value.replace(secret, REDACTED)
        return value

    def header_map(self, headers: Mapping[str, str]) -> dict[str, str]:
        """Redact sensitive headers entirely and secrets inside the others."""
        return {
            k: (REDACTED if k.lower() in self.headers else self.text(str(v)))
            for k, v in headers.items()
        }

    def deep(self, value: Any) -> Any:
        """Redact strings anywhere in a JSON-like structure."""
        if isinstance(value, str):
            return self.text(value)
        if isinstance(value, list):
            return [self.deep(v) for v in value]
        if isinstance(value, dict):
            return {k: self.deep(v) for k, v in value.items()}
        return value

    def merged(self, other: Redactor) -> Redactor:
        """A redactor that knows the secrets and headers of both."""
        return Redactor([*self.secrets, *other.secrets], [*self.headers, *other.headers])
