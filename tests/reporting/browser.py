"""Measure a report page in headless Chromium (the Debian package, no driver, no download).

A copy of the page gets a measuring script appended; Chromium loads it at a given window size and dumps the DOM,
from which the script's JSON answer is read back. The report's own only script is its fixed print handler.
"""

from __future__ import annotations

import html
import json
import re
import shutil
import subprocess
from pathlib import Path
from typing import Any

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
MISSING = "chromium is not installed (.ci/install-targets.sh installs the Debian package `chromium` as root)"

# Bottom edges (CSS px from the top of the page) of the decision content, the page height with every <details>
# closed, then the same with the page's print rules applied as screen rules.
LAYOUT = """
(function () {
  const bottom = (el) => Math.round(el.getBoundingClientRect().bottom + window.scrollY);
  const all = (css) => Array.from(document.querySelectorAll(css));
  const deep = all('details:not([open]) details:not([open]) .violation');
  const out = {
    width: window.innerWidth,
    height: document.documentElement.scrollHeight,
    switch: all('#decision table.switch').map(bottom),
    verdicts: all('#decision table.decision tbody tr .badge').map(bottom),
    blockers: all('#decision table.decision tbody tr').map(bottom),
    hidden: deep.filter((el) => !el.checkVisibility()).length,
    deep: deep.length,
  };
  const rules = [];
  for (const sheet of document.styleSheets) for (const rule of sheet.cssRules)
    if (rule.media && rule.media.mediaText === 'print') for (const inner of rule.cssRules) rules.push(inner.cssText);
  const style = document.createElement('style');
  style.textContent = rules.join('\\n');
  document.head.appendChild(style);
  out.printed = document.documentElement.scrollHeight;
  out.printed_hidden = deep.filter((el) => !el.checkVisibility()).length;
  const answer = document.createElement('pre');
  answer.id = 'measured';
  answer.textContent = JSON.stringify(out);
  document.body.appendChild(answer);
})();
"""


def measure(page: Path, script: str, folder: Path, width: int = 1400, height: int = 900) -> dict[str, Any]:
    """Load ``page`` with ``script`` appended in a ``width`` × ``height`` window; the object the script wrote into
    ``<pre id="measured">``."""
    assert CHROMIUM, MISSING
    copy = folder / f"measured-{page.name}"
    copy.write_text(page.read_text(encoding="utf-8").replace("</body>", f"<script>{script}</script></body>"), "utf-8")
    done = subprocess.run(
        [
            CHROMIUM,
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--hide-scrollbars",
            f"--user-data-dir={folder / 'chromium-profile'}",
            f"--window-size={width},{height}",
            "--dump-dom",
            copy.as_uri(),
        ],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    found = re.search(r'<pre id="measured">([^<]*)</pre>', done.stdout)
    assert found, (done.returncode, done.stderr[-2000:])
    answer: dict[str, Any] = json.loads(html.unescape(found.group(1)))
    return answer


# Counts of <details> (all, open) and of hidden findings: as loaded with the first section opened by the reader,
# after a ``beforeprint`` event and after the ``afterprint`` that follows it.
PRINT = """
(function () {
  const details = () => Array.from(document.querySelectorAll('details'));
  const state = () => ({
    open: details().filter((d) => d.open).length,
    first: details()[0].open,
    hidden: Array.from(document.querySelectorAll('details .violation')).filter((el) => !el.checkVisibility()).length,
  });
  details()[0].open = true;
  const out = {details: details().length, loaded: state()};
  window.dispatchEvent(new Event('beforeprint'));
  out.printing = state();
  window.dispatchEvent(new Event('afterprint'));
  out.printed = state();
  const answer = document.createElement('pre');
  answer.id = 'measured';
  answer.textContent = JSON.stringify(out);
  document.body.appendChild(answer);
})();
"""
