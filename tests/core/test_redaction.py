"""The Redactor over random secrets: no derived form survives, wherever it sits and however it was cut."""

from __future__ import annotations

import base64
import html
import json
import re
from urllib.parse import quote, quote_plus, unquote

import markupsafe
from hypothesis import example, given, settings
from hypothesis import strategies as st

from conformance.core.secrets import REDACTED, Redactor

SECRET_CHARS = st.characters(codec="utf-8", exclude_categories=("Cs", "Cc", "Zl", "Zp"), exclude_characters="*")
SECRETS = st.text(SECRET_CHARS, min_size=8, max_size=40)
USERS = st.text(st.sampled_from("abcdefghijklmnopqrstuvwxyz._-"), min_size=1, max_size=12)
FILLER = st.text(st.sampled_from("*() \n\t;,.!?~^"), max_size=30)
LOWER_HEX = re.compile("%[0-9A-F]{2}")
SETTINGS = settings(max_examples=150)


def textual(secret: str) -> set[str]:
    """Every text form a secret takes in a response, a URL or a report (made here, independently of the code)."""
    once = json.dumps(secret)[1:-1]
    forms = {
        secret,
        quote(secret, safe=""),
        quote(secret),
        quote_plus(secret),
        quote(quote(secret, safe=""), safe=""),
        once,
        json.dumps(secret, ensure_ascii=False)[1:-1],
        once.replace("/", "\\/"),
        json.dumps(once.replace("/", "\\/"))[1:-1],
        html.escape(secret),
        html.escape(secret, quote=False),
        str(markupsafe.escape(secret)),
        LOWER_HEX.sub(lambda m: m.group().lower(), quote(secret, safe="")),
    }
    return {f for f in forms if f}


def encoded(data: bytes) -> set[str]:
    """base64 and base64url, with and without padding, and percent-encoded for a query string."""
    found = set()
    for text in (base64.b64encode(data).decode(), base64.urlsafe_b64encode(data).decode()):
        found |= {text, text.rstrip("="), quote(text, safe="")}
    return found


def derived(secret: str, user: str) -> set[str]:
    """The text forms, and the base64 of the secret and of ``user:secret`` (UTF-8, and Latin-1 as Basic auth)."""
    pair = f"{user}:{secret}"
    latin = pair.encode("latin-1", "ignore")
    return (
        textual(secret)
        | encoded(secret.encode())
        | encoded(pair.encode())
        | (encoded(latin) if latin.decode("latin-1") == pair else set())
    )


def hidden(secret: str, text: str) -> bool:
    """No trace of the secret: not as written, not percent-decoded, not HTML-unescaped, not in decoded base64."""
    views = [text, unquote(text), unquote(unquote(text)), html.unescape(text)]
    if any(secret in v for v in views):
        return False
    needle = secret.encode()
    for run in re.findall(r"[A-Za-z0-9+/_-]{8,}", text):
        for start in range(4):
            chunk = run[start:]
            chunk = chunk[: len(chunk) - len(chunk) % 4]
            for alphabet in (None, b"-_"):
                try:
                    if needle in base64.b64decode(chunk, altchars=alphabet, validate=False):
                        return False
                except ValueError:
                    continue
    return True


@SETTINGS
@given(secret=SECRETS, user=USERS, before=FILLER, after=FILLER)
def test_no_derived_form_survives_anywhere(secret: str, user: str, before: str, after: str) -> None:
    redactor = Redactor([secret, f"{user}:{secret}"])
    for form in derived(secret, user):
        out = redactor.text(before + form + after)
        assert form not in out and hidden(secret, out), (form, out)
        assert redactor.text(out) == out


@SETTINGS
@given(secret=SECRETS, before=st.binary(max_size=7), after=st.binary(max_size=7))
def test_base64_of_a_longer_text_holding_the_secret_gives_nothing_away(
    secret: str, before: bytes, after: bytes
) -> None:
    redactor = Redactor([secret])
    for form in encoded(before + secret.encode() + after):
        out = redactor.text(f"Basic {form}")
        assert hidden(secret, out), (form, out)


@SETTINGS
@given(secret=SECRETS, user=USERS, before=FILLER, cut=st.integers(min_value=4), ellipsis=st.sampled_from(["", "…"]))
@example(secret="000:0000", user="_", before="", cut=4, ellipsis="…")  # "000%" of "000%253A0000", cut at its "%"
def test_a_form_cut_short_at_the_end_of_an_excerpt_is_redacted(
    secret: str, user: str, before: str, cut: int, ellipsis: str
) -> None:
    redactor = Redactor([secret, f"{user}:{secret}"])
    for form in sorted(derived(secret, user)):
        piece = form[: min(cut, len(form) - 1)]
        if len(piece) >= 4:
            out = redactor.text(f"{before}got: {piece}{ellipsis}")
            assert piece not in out, (form, piece, out)


@SETTINGS
@given(secret=SECRETS, filler=st.text(st.sampled_from("ab \n{}"), max_size=300), limit=st.integers(0, 400))
def test_an_excerpt_is_redacted_before_it_is_cut(secret: str, filler: str, limit: int) -> None:
    redactor = Redactor([secret])
    filler = "".join(c for c in filler if c not in secret)
    for form in textual(secret):
        data = (filler + form + filler).encode()
        out = redactor.excerpt(data, limit)
        assert len(out) <= limit and hidden(secret, out)
        assert not any(form[:n] in out for n in range(4, len(form) + 1) if out.endswith(form[:n]))


@SETTINGS
@given(
    secret=st.text(st.sampled_from("0123456789"), min_size=8, max_size=20),
    text=st.text(st.sampled_from("XYZ xyz\n<>&\"'"), max_size=200),
)
def test_text_without_a_secret_is_left_as_it_is(secret: str, text: str) -> None:
    redactor = Redactor([secret])
    assert redactor.text(text) == text
    assert redactor.bytes(text.encode() + b"\xff") == text.encode() + b"\xff"


def test_deep_bytes_headers_and_a_marker_that_cannot_make_a_secret() -> None:
    secret = "x***y"
    redactor = Redactor([secret, "tok-12345678"], headers=["X-Key"])
    assert secret not in redactor.text("x" + secret + "y")
    data = {"a": ("tok-12345678", ["Bearer dG9rLTEyMzQ1Njc4"]), "tok-12345678": 1, 3: None}
    assert redactor.deep(data) == {"a": [REDACTED, [f"Bearer {REDACTED}"]], REDACTED: 1, 3: None}
    headers = redactor.header_map({"X-Key": "anything", "X-Echo": "tok-12345678", "Authorization": "Basic x"})
    assert headers == {"X-Key": REDACTED, "X-Echo": REDACTED, "Authorization": REDACTED}
    assert redactor.bytes(b"\xfe tok-12345678 \xff") == b"\xfe *** \xff"
