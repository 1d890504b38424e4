"""No file a run touches holds a secret in any form: a full ``conformance run`` against a vendor that echoes
every credential (basic auth, bearer token, API key) into its bodies, its headers and a redirect's query string.

Every file under the output folder, the cache folder (``WECHSELBAR_CACHE``) and the temporary folder, and the
run's console output, are searched for each secret as written and for every form the secret can take (percent-
and double-percent-encoded, JSON- and HTML-escaped, base64 and base64url of the secret and of ``user:password``
at any alignment), decoding what they hold, and for any piece of six characters of a secret.
"""

from __future__ import annotations

import base64
import html
import json
import os
import re
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import unquote, unquote_plus

import pytest

from conformance.core.results import read_run
from tests.harness.echo import echo_server

USER = "ann.lyst"
PASSWORD = 'Pw/9x"q+Zr ä&<k>7~%2F'
TOKEN = "tK/7+Qm9vXz2==Lp_8"
KEY = "aK-93f/Zq%77w+w"
PIECE = 6


def vendors(url: str) -> str:
    auths = {
        "basic": '{ type = "basic", username = "ann.lyst", password = "${WB_PASSWORD}" }',
        "bearer": '{ type = "bearer", token = "${WB_TOKEN}" }',
        "apikey": '{ type = "api-key", header = "X-Key", value = "${WB_KEY}" }',
    }
    targets = (
        '[[vendors.targets]]\nstandard = "ogcapi-features-1"\nurl = "{url}/{id}/api"\n'
        '[[vendors.targets]]\nstandard = "oparl-1.1"\nurl = "{url}/{id}/oparl"\n'
        "options = {{ cache_ttl = 3600 }}\n"
        '[[vendors.targets]]\nstandard = "openapi-3"\nurl = "{url}/{id}/openapi.json"\n'
    )
    return "".join(
        f'[[vendors]]\nid = "{vid}"\nname = "{vid}"\nversion = "1"\nauth = {auth}\n'
        "http = { retries = 0, test_deadline = 20 }\n" + targets.format(url=url, id=vid)
        for vid, auth in auths.items()
    )


@pytest.fixture(scope="module")
def touched(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Path, str]]:
    """One run against the echoing vendor: the folder it worked in and its console output."""
    folder = tmp_path_factory.mktemp("echo")
    for name in ("cache", "tmp"):
        (folder / name).mkdir()
    env = {
        **os.environ,
        "WB_PASSWORD": PASSWORD,
        "WB_TOKEN": TOKEN,
        "WB_KEY": KEY,
        "TMPDIR": str(folder / "tmp"),
        "WECHSELBAR_CACHE": str(folder / "cache"),
    }
    with echo_server() as url:
        (folder / "vendors.toml").write_text(vendors(url), encoding="utf-8")
        done = subprocess.run(
            [
                sys.executable,
                "-m",
                "conformance",
                "run",
                "--vendors",
                "vendors.toml",
                "--out",
                "out",
                "--lang",
                "en",
                "-v",
            ],
            cwd=folder,
            env=env,
            capture_output=True,
            text=True,
            timeout=900,
            check=False,
        )
    assert done.returncode in (1, 3), done.stderr[-3000:]
    yield folder, done.stdout + done.stderr


def secrets() -> dict[str, bytes]:
    """What must never show: each secret, and the bytes HTTP Basic auth encodes."""
    return {
        "password": PASSWORD.encode(),
        "token": TOKEN.encode(),
        "key": KEY.encode(),
        "basic": f"{USER}:{PASSWORD}".encode("latin-1"),
        "basic-utf8": f"{USER}:{PASSWORD}".encode(),
    }


def views(text: str) -> list[str]:
    """The text, and the text decoded in every way a secret could have been encoded into it."""
    found = [
        text,
        unquote(text),
        unquote_plus(text),
        unquote(unquote(text)),
        html.unescape(text),
        html.unescape(unquote(text)),
    ]
    found += [unescaped for view in list(found) if (unescaped := _json_unescaped(view))]
    return found


def _json_unescaped(text: str) -> str:
    return re.sub(
        r"\\u([0-9a-fA-F]{4})|\\(.)", lambda m: chr(int(m[1], 16)) if m[1] else {"n": "\n"}.get(m[2], m[2]), text
    )


def decoded_base64(text: str) -> Iterator[bytes]:
    """Every run of base64 characters decoded at each alignment, in both alphabets."""
    for view in (text, unquote(text)):
        for run in re.findall(r"[A-Za-z0-9+/_-]{8,}", view):
            for start in range(4):
                chunk = run[start:][: (len(run) - start) // 4 * 4]
                for alphabet in (None, b"-_"):
                    try:
                        yield base64.b64decode(chunk, altchars=alphabet)
                    except ValueError:
                        continue


def leaks(text: str) -> list[str]:
    """Which secret (or piece of one) the text gives away, and how."""
    found = []
    for name, secret in secrets().items():
        plain = secret.decode("utf-8", "replace")
        pieces = {plain[i : i + PIECE] for i in range(len(plain) - PIECE + 1)} if name != "basic-utf8" else {plain}
        found += [
            f"{name} (piece {p!r})" for p in pieces if not p.startswith(USER) and any(p in v for v in views(text))
        ]
        found += [f"{name} (base64)" for data in decoded_base64(text) if secret in data][:1]
    return found


def files(folder: Path) -> list[Path]:
    return [p for p in folder.rglob("*") if p.is_file() and p.name != "vendors.toml"]


def test_the_run_saw_the_echoes(touched: tuple[Path, str]) -> None:
    folder, _ = touched
    run = read_run(folder / "out" / "results.jsonl")
    echoed = [e for r in run.results for e in r.exchanges if "***" in json.dumps(e.to_json())]
    assert {r.vendor for r in run.results} == {"basic", "bearer", "apikey"} and echoed
    assert any("?echo=" in e.url for e in echoed) and any("X-Echo" in e.response_headers for e in echoed)
    stored = [p.read_text(encoding="utf-8") for p in (folder / "cache").rglob("oparl-responses/*/*/*.json")]
    assert not [text for text in stored if "echo" in text], "an answer that echoed a secret was cached"


def test_no_file_under_the_output_folder_or_the_temporary_folder_holds_a_secret(touched: tuple[Path, str]) -> None:
    folder, _ = touched
    written = files(folder / "out") + files(folder / "tmp")
    assert {p.name for p in written} >= {
        "results.jsonl",
        "matrix.html",
        "summary.md",
        "results.csv",
        "matrix.json",
        "junit.xml",
    }
    found = {str(p.relative_to(folder)): leaks(p.read_text(encoding="utf-8", errors="replace")) for p in written}
    assert not {k: v for k, v in found.items() if v}


def test_the_console_output_holds_no_secret(touched: tuple[Path, str]) -> None:
    assert not leaks(touched[1])


def test_no_file_in_the_cache_holds_a_secret(touched: tuple[Path, str]) -> None:
    folder, _ = touched
    found = {
        str(p.relative_to(folder)): leaks(p.read_text(encoding="utf-8", errors="replace"))
        for p in files(folder / "cache")
    }
    assert not {k: v for k, v in found.items() if v}
