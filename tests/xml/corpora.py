"""Shared access to the e-invoice corpora and compiled rules for the XML tests (cached per process)."""

from __future__ import annotations

from functools import cache
from pathlib import Path

from lxml import etree

from conformance.core.packs import default_store
from conformance.xml.kosit import Configuration, configuration
from conformance.xml.schematron import Rules, pack_xslt
from tests.xml import vefa

CEN_TESTS = "en16931-cen-tests"
TESTSUITE = "xrechnung-testsuite"
VCFG_TESTS = "xrechnung-validator-configuration-tests"
CEN_RULES = {
    "tc434-ubl": ("en16931-cen", "ubl/xslt/EN16931-UBL-validation.xslt"),
    "tc434-ubl-cn": ("en16931-cen", "ubl/xslt/EN16931-UBL-validation.xslt"),
    "tc434-cii": ("en16931-cen", "cii/xslt/EN16931-CII-validation.xslt"),
}
XRECHNUNG = "xrechnung-3.0"


def corpus(pack_id: str) -> Path:
    """The verified cache folder of a corpus."""
    return default_store().pack_dir(pack_id)


@cache
def cen_unit_tests() -> tuple[vefa.UnitTest, ...]:
    """The 1,140 VEFA unit tests of the CEN repository."""
    root = corpus(CEN_TESTS) / "test"
    return tuple(t for path in sorted(root.glob("*/*.xml")) for t in vefa.read(path, path.relative_to(root).as_posix()))


def cen_rules(configuration_id: str) -> Rules:
    """The CEN stylesheet a VEFA configuration (tc434-ubl, tc434-cii, ...) runs."""
    return pack_xslt(*CEN_RULES[configuration_id])


def cen_examples() -> list[Path]:
    """The CEN example documents (test/testfiles, ubl/examples, cii/examples)."""
    root = corpus(CEN_TESTS)
    folders = ("test/testfiles", "ubl/examples", "cii/examples")
    return sorted(p for f in folders for p in (root / f).iterdir() if p.suffix.lower() == ".xml")


def suite_instances() -> list[Path]:
    """The 86 XRechnung test-suite instances (all positive reference messages)."""
    return sorted((corpus(TESTSUITE) / "src/test").rglob("*.xml"))


def vcfg(group: str) -> list[Path]:
    """The validator-configuration test documents of one group (instances, integration, cen-unit-test, ...)."""
    return sorted((corpus(VCFG_TESTS) / "src/test" / group).glob("*.xml"))


def xrechnung() -> Configuration:
    """The shipped XRechnung 3.0 configuration."""
    return configuration(XRECHNUNG)


def prepared(path: Path) -> bytes:
    """A configuration test document as the upstream build copies it: Ant tokens replaced (XML only)."""
    raw = path.read_bytes()
    return xrechnung().detokenize(raw.decode("utf-8")).encode("utf-8") if raw.lstrip()[:1] == b"<" else raw


def root_name(data: bytes) -> str:
    """The root element's ``{ns}local`` name."""
    return str(etree.fromstring(data).tag)
