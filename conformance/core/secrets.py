"""Secrets: ``${ENV_VAR}`` expansion in configuration and redaction of every output.

A secret is redacted in every form it takes on its way into a response, a URL or a file: as written;
percent-encoded (``quote``, ``quote_plus``, either case of hex, encoded twice); JSON-escaped (``\\/``, ``\\"``,
``\\uXXXX``); HTML-escaped (named, decimal and hex character references); any mixture of these, character by
character (ASCII letters and digits as written: no encoder changes them); base64 and base64url (with or without
padding, also of the Latin-1 bytes HTTP Basic auth sends) of the secret alone and inside a longer encoded text, at
each of the three alignments, with the neighbouring characters that carry a few of its bits; and the beginning (four
characters or more) of any of these at the end of a text, where an excerpt cut a secret off.
"""

from __future__ import annotations

import base64
import builtins
import html
import json
import os
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from html.entities import codepoint2name
from typing import Any
from urllib.parse import quote, quote_plus

_REF = re.compile(r"\$\{([A-Za-z_][A-Za-z0-9_]*)\}")
REDACTED = "***"
SENSITIVE_HEADERS = frozenset({"authorization", "proxy-authorization", "cookie", "set-cookie", "x-api-key"})
MIN_SECRET = 3
MIN_CORE = 6
MIN_PIECE = 4
TRAIL_CHARS = 64
PASSES = 3
_LOWER_HEX = re.compile("%[0-9A-F]{2}")
WIDEST = 20  # characters one secret character can take once encoded (%25XX for each of four UTF-8 bytes)
_SHORT_JSON = {'"': '"', "\\": "", "/": "/", "\b": "b", "\f": "f", "\n": "n", "\r": "r", "\t": "t"}
_ESCAPES = r"\\+"  # a JSON escape, also escaped again (JSON inside a JSON string): \/ as well as \\/
_B64_CHAR = "[A-Za-z0-9+/_-]"
_PAD = "(?:=|%3[dD])*"
_USERINFO = re.compile(r"(?i)(\b[a-z][a-z0-9+.-]*://[^/?#@\s:]*:)[^/?#@\s]*@")
_TRAIL = re.compile(r"(?:…|\.\.\.|\ufffd|%[0-9A-Fa-f]?|&#?[xX]?[0-9A-Fa-f]*|\\u?[0-9A-Fa-f]{0,3}|\s)*\Z")


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


@dataclass(frozen=True)
class _Form:
    """One form of a secret: a pattern, and a literal it always contains, looked for first (cheap)."""

    pattern: re.Pattern[str]
    anchor: str
    before: int
    after: int


class Redactor:
    """Replaces every form of the known secrets, and sensitive headers, before anything is written or shown."""

    def __init__(self, secrets: Iterable[str] = (), headers: Iterable[str] = ()) -> None:
        self.secrets = sorted({s for s in secrets if len(s) >= MIN_SECRET}, key=len, reverse=True)
        self.headers = SENSITIVE_HEADERS | {h.lower() for h in headers}
        self.forms = [_form(*spec) for spec in sorted({f for s in self.secrets for f in _specs(s)})]

        plain = {f for s in self.secrets for f in _plain_forms(s)}
        self.heads = frozenset(f[:n] for f in plain for n in range(MIN_PIECE, len(f)))
        self.grams = frozenset(f[i : i + MIN_PIECE] for f in plain for i in range(len(f) - MIN_PIECE + 1))
        self.longest = max((len(f) for f in plain), default=0)
        self.slack = WIDEST * self.longest

    def text(self, value: str) -> str:
        """Redact every form of every secret inside a string, and a piece of one cut off at either end."""
        if not self.forms:
            return value
        for _ in range(PASSES):  # a marker next to a secret's own stars must not spell a secret again
            redacted = self._edges(self._whole(value))
            if redacted == value:
                break
            value = redacted
        return value

    def _whole(self, value: str) -> str:
        spans = sorted(span for form in self.forms if form.anchor in value for span in _matches(form, value))
        out, done = [], 0
        for start, end in spans:
            if start >= done:
                out += [value[done:start], REDACTED]
            done = max(done, end)
        return "".join([*out, value[done:]])

    def _edges(self, value: str) -> str:
        """A secret cut short at the end of a text (an excerpt), also before an ellipsis or a cut escape. A text
        that is nothing but such a piece is left alone: it is a name or a number, not an excerpt."""
        trail = _TRAIL.search(value, max(0, len(value) - TRAIL_CHARS))
        first = trail.start() if trail else len(value)
        for stop in range(len(value), first - 1, -1):  # the trail may itself begin inside the form ("000%…")
            size = self._piece(value[:stop])
            if size and (value[: stop - size].strip() or value[stop:].strip()):
                return value[: stop - size] + REDACTED + value[stop:]
        return value

    def _piece(self, text: str) -> int:
        """The length of the longest beginning of a secret's form that ``text`` ends with; 0 if none."""
        if text[-MIN_PIECE:] not in self.grams:
            return 0
        return next((n for n in range(min(self.longest, len(text)), MIN_PIECE - 1, -1) if text[-n:] in self.heads), 0)

    def bytes(self, data: bytes) -> bytes:
        """Redact a body or file (UTF-8; bytes that are not UTF-8 are kept as they are)."""
        if not self.forms:
            return data
        return self.text(data.decode("utf-8", "surrogateescape")).encode("utf-8", "surrogateescape")

    def excerpt(self, data: builtins.bytes, limit: int) -> str:
        """The first ``limit`` characters of a body, redacted before it is cut, so no secret is cut in half."""
        return self.text(data[: 4 * limit + self.slack + MIN_PIECE].decode("utf-8", errors="replace"))[:limit]

    def header_map(self, headers: Mapping[str, str]) -> dict[str, str]:
        """Redact sensitive headers entirely and secrets inside the others (names too), also the password of a
        URL written in one (a redirect's ``Location``)."""
        return {
            self.text(str(k)): (REDACTED if str(k).lower() in self.headers else self.url(str(v)))
            for k, v in headers.items()
        }

    def url(self, value: str) -> str:
        """Redact secrets inside a text and the password of every URL in it (``scheme://user:password@``), known
        as a secret or not."""
        return self.text(_USERINFO.sub(rf"\1{REDACTED}@", value) if "@" in value else value)

    def deep(self, value: Any) -> Any:
        """Redact strings anywhere in a JSON-like structure (keys too; tuples become lists)."""
        if isinstance(value, str):
            return self.text(value)
        if isinstance(value, list | tuple):
            return [self.deep(v) for v in value]
        if isinstance(value, dict):
            return {self.deep(k) if isinstance(k, str) else k: self.deep(v) for k, v in value.items()}
        return value

    def merged(self, other: Redactor) -> Redactor:
        """A redactor that knows the secrets and headers of both."""
        return Redactor([*self.secrets, *other.secrets], [*self.headers, *other.headers])


def _specs(secret: str) -> set[tuple[str, bool]]:
    """The literal forms of one secret: as written, and its base64 texts (True: extend to the neighbouring
    base64 characters, which carry a few of its bits)."""
    found = {(secret, False)}
    for data in _encodings(secret):
        whole = base64.b64encode(data).decode().rstrip("=")
        cores = _cores(data)
        found |= {(core, True) for core in cores} | ({(whole, True)} if len(whole) >= MIN_PIECE else set())
    return found


def _form(literal: str, base64_text: bool) -> _Form:
    anchor = max(re.findall("[A-Za-z0-9]+", literal), key=len, default="")
    at = literal.find(anchor) if anchor else 0
    body = "".join(_char(c, base64_text) for c in literal)
    pattern = f"{_B64_CHAR}?{body}{_B64_CHAR}?{_PAD}" if base64_text else body
    rest = len(literal) - at - len(anchor)
    return _Form(re.compile(pattern), anchor, WIDEST * at + 1, len(anchor) + WIDEST * rest + 8)


def _matches(form: _Form, value: str) -> list[tuple[int, int]]:
    """Where the form occurs: searched near each occurrence of its anchor only (everywhere if it has none)."""
    if not form.anchor:
        return [m.span() for m in form.pattern.finditer(value)]
    found, at = [], value.find(form.anchor)
    while at != -1:
        found += [m.span() for m in form.pattern.finditer(value, max(0, at - form.before), at + form.after)]
        at = value.find(form.anchor, at + 1)
    return found


def _plain_forms(secret: str) -> set[str]:
    """The forms whose pieces are looked for at the ends of a text (where an excerpt may have cut one)."""
    once = quote(secret, safe="")
    forms = {
        secret,
        once,
        quote(secret),
        quote_plus(secret),
        quote(once, safe=""),
        html.escape(secret),
        html.escape(secret, quote=False),
        _numeric_html(secret),
        json.dumps(secret)[1:-1],
        json.dumps(secret, ensure_ascii=False)[1:-1],
        json.dumps(secret)[1:-1].replace("/", "\\/"),
    }
    forms |= {json.dumps(f)[1:-1] for f in list(forms) if "\\" in f}
    for data in _encodings(secret):
        for text in (base64.b64encode(data).decode(), base64.urlsafe_b64encode(data).decode()):
            forms |= {text, text.rstrip("="), quote(text, safe="")}
    forms |= {_LOWER_HEX.sub(lambda m: m.group().lower(), f) for f in forms}
    return {f for f in forms if len(f) > MIN_PIECE}


def _numeric_html(text: str) -> str:
    """HTML escaping as template engines do it (``&#34;`` and ``&#39;``)."""
    return html.escape(text, quote=False).replace('"', "&#34;").replace("'", "&#39;")


def _encodings(secret: str) -> list[bytes]:
    """UTF-8, and Latin-1 where it differs (what HTTP Basic auth sends for a non-ASCII password)."""
    latin = secret.encode("latin-1", "ignore")
    return list(dict.fromkeys([secret.encode("utf-8"), *([latin] if latin.decode("latin-1") == secret else [])]))


def _cores(data: bytes) -> set[str]:
    """The base64 characters that depend on ``data`` alone, wherever it starts inside a longer encoded text."""
    found = set()
    for offset in (0, 1, 2):
        encoded = base64.b64encode(bytes(offset) + data).decode()
        core = encoded[-(-8 * offset // 6) : 8 * (offset + len(data)) // 6]
        if len(core) >= MIN_CORE:
            found.add(core)
    return found


def _char(c: str, base64_text: bool = False) -> str:
    """One character as written, percent-encoded (once or twice), JSON-escaped (once or more) or as an HTML
    reference; ASCII letters and digits only as written (no encoder changes them), base64's ``+/`` also as
    base64url's ``-_``."""
    if c.isascii() and c.isalnum():
        return c
    data = c.encode("utf-8")
    options = {re.escape(c), "".join("%" + _hex(b) for b in data), "".join("%25" + _hex(b) for b in data)}
    options.add("".join(_ESCAPES + "u" + _hex(u, 4) for u in _utf16(c)))
    options |= {f"&#0*{ord(c)};", f"&#[xX]0*{_hex(ord(c), 1)};"}
    if c in _SHORT_JSON:
        options.add(_ESCAPES + re.escape(_SHORT_JSON[c]))
    if ord(c) in codepoint2name:
        options.add(f"&{codepoint2name[ord(c)]};")
    if c == "'":
        options.add("&apos;")
    if c == " ":
        options.add(r"\+")
    if base64_text:
        options.add({"+": "-", "/": "_"}[c])
    return "(?:" + "|".join(sorted(options, key=len, reverse=True)) + ")"


def _utf16(c: str) -> list[int]:
    data = c.encode("utf-16-be")
    return [int.from_bytes(data[i : i + 2], "big") for i in range(0, len(data), 2)]


def _hex(number: int, width: int = 2) -> str:
    """Hex digits of a number, each letter in either case, as a pattern."""
    return "".join(f"[{d}{d.upper()}]" if d.isalpha() else d for d in f"{number:0{width}x}")
