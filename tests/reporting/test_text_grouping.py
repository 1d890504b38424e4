"""summary.md and the terminal tell identical causes once, grouped as the matrix groups them (German and English)."""

from __future__ import annotations

import io

import pytest
from rich.console import Console

from conformance.reporting.markdown import render_markdown
from conformance.reporting.model import build_report
from conformance.reporting.summary import print_summary
from tests.reporting.test_layout import CHECKS, GAMMA, gamma_down

WORDS = {
    "de": (
        "nicht erreichbar",
        "keine Verbindung",
        f"{CHECKS} Anforderungen",
        "nicht erfüllt: MUSS /req/geojson/content",
    ),
    "en": ("unreachable", "connection failed", f"{CHECKS} requirements", "failed: SHALL /req/geojson/content"),
}


def terminal(lang: str) -> str:
    out = io.StringIO()
    print_summary(build_report(gamma_down()), {}, lang, Console(file=out, width=400, highlight=False))
    return out.getvalue()


@pytest.mark.parametrize("lang", sorted(WORDS))
def test_markdown_names_an_unreachable_vendor_once_with_its_url_and_the_count(lang: str) -> None:
    unreachable, failure, count, failed = WORDS[lang]
    text = render_markdown(build_report(gamma_down()), lang)
    lines = [line for line in text.splitlines() if GAMMA in line and not line.startswith("|")]
    assert len(lines) == 1, text
    assert lines[0].startswith(f"  - {unreachable}: {GAMMA} (") and failure in lines[0] and count in lines[0]
    assert "earlier in this run" not in text and "schon zuvor" not in text
    assert f"  - ogcapi-features-1 – {failed}" in text


@pytest.mark.parametrize("lang", sorted(WORDS))
def test_the_terminal_groups_like_the_matrix(lang: str) -> None:
    unreachable, failure, count, failed = WORDS[lang]
    text = terminal(lang)
    lines = [line.strip() for line in text.splitlines() if GAMMA in line and "│" not in line]
    assert [line for line in lines if line.startswith(f"{unreachable}: {GAMMA} (")] == lines, text
    assert len(lines) == 1 and failure in lines[0] and count in lines[0]
    assert f"ogcapi-features-1 – {failed}" in text
    assert "earlier in this run" not in text and "schon zuvor" not in text


def test_markdown_and_terminal_tell_the_same_lines() -> None:
    markdown = [
        line[4:] for line in render_markdown(build_report(gamma_down()), "en").splitlines() if line[:4] == "  - "
    ]
    shown = {line.strip() for line in terminal("en").splitlines()}
    assert markdown and all(line.replace("\\", "") in shown for line in markdown)
