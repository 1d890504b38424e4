"""The XML conformance engine: XSD, Schematron, scenarios and document reports."""
