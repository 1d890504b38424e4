"""ISO Schematron with the XSLT 2 query binding: SchXslt compiles, SaxonC-HE runs, SVRL becomes findings.

Compiled stylesheets are cached on disk under the cache folder, keyed by the digests of every pack that
went into them and of the modules that build and rewrite them, so each pack version is compiled once and a
changed rewrite never meets a build made before it.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import tempfile
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from conformance.core.packs import PackStore, default_store
from conformance.core.paths import cache_dir
from conformance.xml import contexts, rewrites, saxon, svrl
from conformance.xml.report import Finding

SCHXSLT = "schxslt"
PIPELINE = "core/src/main/resources/xslt/2.0/pipeline-for-svrl.xsl"
ENGINE = "wechselbar-schematron-6"
BUILD_CODE = ("schematron.py", "rewrites.py", "codelists.py", "contexts.py", "kosit.py")


@dataclass(frozen=True)
class Rules:
    """A compiled Schematron stylesheet (SVRL output), ready to run against documents."""

    name: str
    xslt: Path

    def run(self, node: Any) -> str:
        """The SVRL report for one Saxon document node (sandboxed: no file or network access)."""
        return saxon.transform(saxon.executable(self.xslt), node)

    def check(self, node: Any, prefixes: Mapping[str, str] | None = None) -> list[Finding]:
        """The fired assertions and reports for one document node."""
        return svrl.findings(self.run(node), prefixes)

    @property
    def table(self) -> contexts.Table | None:
        """The assertion ids of each rule number, if the stylesheet counts its rule contexts."""
        return contexts.table(self.xslt)


def build_key(*parts: str) -> str:
    """A short hash naming a cached build from the digests and settings that went into it."""
    return hashlib.sha256("\n".join((ENGINE, _code_digest(), *parts)).encode()).hexdigest()[:16]


@cache
def _code_digest() -> str:
    """The digest of the modules whose code shapes a build (compilation, rewrites, context counting, recipes)."""
    digest = hashlib.sha256()
    for name in BUILD_CODE:
        digest.update(Path(__file__).with_name(name).read_bytes())
    return digest.hexdigest()


def cached(name: str, key: str, build: Callable[[Path], None]) -> Path:
    """The folder of a cached build; ``build`` fills a fresh temporary folder that is then moved in place."""
    target = cache_dir() / "xslt" / name / key
    if (target / ".complete").exists():
        return target
    target.parent.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(dir=target.parent, prefix=".build-"))
    try:
        build(work)
    except BaseException:
        shutil.rmtree(work, ignore_errors=True)
        raise
    (work / ".complete").write_text(key, encoding="utf-8")
    try:
        os.replace(work, target)
    except OSError:
        shutil.rmtree(work, ignore_errors=True)
        if not (target / ".complete").exists():
            raise
    return target


def compile_schematron(
    sch: Path,
    out: Path,
    store: PackStore | None = None,
    compact: bool = False,
    indexed: bool = True,
    counted: bool = False,
) -> Path:
    """Compile a Schematron file with SchXslt's pipeline (include, expand abstract patterns, compile for SVRL).

    ``compact`` sets SchXslt's ``schxslt.svrl.compact``: the SVRL leaves out fired-rule and active-pattern
    records (the findings, failed asserts and successful reports, are the same). ``indexed`` rewrites rule
    contexts and location numbering that would take quadratic time into equivalent forms (``rewrites``).
    ``counted`` makes the report end with the number of nodes each rule's context matched (``contexts``).
    """
    pipeline = (store or default_store()).path(SCHXSLT, PIPELINE)
    params = {"schxslt.svrl.compact": True} if compact else {}
    text = saxon.build_step(pipeline, sch, params).encode("utf-8")
    text = rewrites.linear_locations(rewrites.keyed(text)) if indexed else text
    if counted:
        return contexts.write(text, out)
    out.write_bytes(text)
    return out


def pack_xslt(pack_id: str, relpath: str, store: PackStore | None = None) -> Rules:
    """Schematron rules a pack ships precompiled to XSLT (e.g. the CEN EN 16931 rules)."""
    return Rules(Path(relpath).stem, (store or default_store()).path(pack_id, relpath))
