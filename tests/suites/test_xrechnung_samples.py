"""The invoice generator makes accepted XRechnung invoices of the size asked for."""

from __future__ import annotations

from conformance.xml import pipeline
from conformance.xml.report import Source
from tests.samples.xrechnung import large_invoice


def test_generated_invoices_are_accepted_and_sized() -> None:
    small, larger = large_invoice(20, line_bytes=2000), large_invoice(40, line_bytes=2000)
    assert larger.count(b"<cac:InvoiceLine>") == 40
    assert 20 * 1800 < len(larger) - len(small) < 20 * 2200
    for data in (small, larger):
        report = pipeline.validate(Source("generated.xml", data=data))
        assert report.valid and report.accepted, [f.to_json() for f in report.findings]


def test_a_broken_invoice_fires_a_cen_and_an_xrechnung_rule_on_every_line() -> None:
    report = pipeline.validate(Source("broken.xml", data=large_invoice(3, line_bytes=800, broken=True)))
    assert report.valid is False and report.accepted is False
    for rule in ("BR-25", "PEPPOL-EN16931-R101"):
        fired = report.fired(rule)
        assert (
            [f.location.split("/")[2] for f in fired] == ["cac:InvoiceLine", "cac:InvoiceLine[2]", "cac:InvoiceLine[3]"]
            if rule == "BR-25"
            else ["cac:InvoiceLine[1]", "cac:InvoiceLine[2]", "cac:InvoiceLine[3]"]
        )
        assert all(f.line for f in fired)
    assert {f.rule for f in report.errors} == {"BR-25", "PEPPOL-EN16931-R101"}
