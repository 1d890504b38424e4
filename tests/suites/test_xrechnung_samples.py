"""The invoice generator makes accepted XRechnung invoices of the size asked for."""

from __future__ import annotations

from conformance.suites.xrechnung.samples import large_invoice
from conformance.xml import pipeline
from conformance.xml.report import Source


def test_generated_invoices_are_accepted_and_sized() -> None:
    small, larger = large_invoice(20, line_bytes=2000), large_invoice(40, line_bytes=2000)
    assert larger.count(b"<cac:InvoiceLine>") == 40
    assert 20 * 1800 < len(larger) - len(small) < 20 * 2200
    for data in (small, larger):
        report = pipeline.validate(Source("generated.xml", data=data))
        assert report.valid and report.accepted, [f.to_json() for f in report.findings]
