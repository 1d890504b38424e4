"""The yardstick of ``bench_validate.py``: a straightforward XRechnung pipeline over the same files and stylesheets.

Usage: ``python bench/plain_pipeline.py MANIFEST.json`` (written by ``bench_validate.py``). Needs only lxml and
saxonche. For every file, one after the other in one process: parse with lxml, parse with Saxon, take the
first scenario whose ``match`` XPath holds, validate with the scenario's XSD (lxml), run its Schematron
stylesheets (SaxonC-HE) and count the fired assertions of error level after the scenario's custom levels.
Schemas and stylesheets are compiled on first use. Prints one JSON object: documents, accepted.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

from lxml import etree
from saxonche import PySaxonProcessor

SVRL = "{http://purl.oclc.org/dsdl/svrl}"
PARSER = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False)


class Pipeline:
    """The scenarios of the manifest, with schemas and stylesheets compiled on first use."""

    def __init__(self, manifest: dict[str, Any]) -> None:
        self.scenarios = manifest["scenarios"]
        self.saxon = PySaxonProcessor(license=False)
        self.xslt = self.saxon.new_xslt30_processor()
        self.schemas: dict[str, etree.XMLSchema] = {}
        self.stylesheets: dict[str, Any] = {}

    def accepted(self, path: str) -> bool:
        """Whether one document passes: well-formed, a scenario, valid XSD, no error-level assertion."""
        data = Path(path).read_bytes()
        try:
            tree = etree.fromstring(data, PARSER).getroottree()
            node = self.saxon.parse_xml(xml_text=data.decode("utf-8"))
        except Exception:  # any refusal (lxml or Saxon) rejects the document
            return False
        scenario = next((s for s in self.scenarios if self.matches(node, s)), None)
        if scenario is None or not self.schema(scenario["xsd"]).validate(tree):
            return False
        levels = scenario["levels"]
        for xslt in scenario["xslt"]:
            report = etree.fromstring(self.stylesheet(xslt).transform_to_string(xdm_node=node).encode())
            for fired in report.iter(f"{SVRL}failed-assert", f"{SVRL}successful-report"):
                level = levels.get(fired.get("id"), fired.get("flag") or "error")
                if level in ("fatal", "error"):
                    return False
        return True

    def matches(self, node: Any, scenario: dict[str, Any]) -> bool:
        xpath = self.saxon.new_xpath_processor()
        for prefix, uri in scenario["namespaces"].items():
            xpath.declare_namespace(prefix, uri)
        xpath.set_context(xdm_item=node)
        return bool(xpath.effective_boolean_value(scenario["match"]))

    def schema(self, path: str) -> etree.XMLSchema:
        if path not in self.schemas:
            self.schemas[path] = etree.XMLSchema(etree.parse(path))
        return self.schemas[path]

    def stylesheet(self, path: str) -> Any:
        if path not in self.stylesheets:
            self.stylesheets[path] = self.xslt.compile_stylesheet(stylesheet_file=path)
        return self.stylesheets[path]


def main() -> None:
    """Validate every file of the manifest and print the counts."""
    manifest = json.loads(Path(sys.argv[1]).read_text(encoding="utf-8"))
    pipeline = Pipeline(manifest)
    accepted = sum(pipeline.accepted(path) for path in manifest["files"])
    print(json.dumps({"documents": len(manifest["files"]), "accepted": accepted}))


if __name__ == "__main__":
    main()
