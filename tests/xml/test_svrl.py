"""SVRL parsing: ids, severities as the KoSIT report derives them, readable locations."""

from __future__ import annotations

import pytest

from conformance.xml import svrl

UBL = "urn:oasis:names:specification:ubl:schema:xsd:Invoice-2"
REPORT = f"""<svrl:schematron-output xmlns:svrl="http://purl.oclc.org/dsdl/svrl">
 <svrl:failed-assert id="BR-01" flag="fatal" location="/Q{{{UBL}}}Invoice[1]">
  <svrl:text>  Spec   id missing </svrl:text></svrl:failed-assert>
 <svrl:successful-report role="warning"
   location="/*:Invoice[namespace-uri()='{UBL}'][1]/*:Note[namespace-uri()='urn:x'][1]">
  <svrl:text>note</svrl:text></svrl:successful-report>
</svrl:schematron-output>"""


def test_findings_carry_id_severity_location_and_message() -> None:
    found = svrl.findings(REPORT)
    assert [(f.rule, f.severity, f.location, f.message) for f in found] == [
        ("BR-01", "fatal", "/ubl:Invoice[1]", "Spec id missing"),
        ("UNSPECIFIC", "warning", "/ubl:Invoice[1]/*:Note[namespace-uri()='urn:x'][1]", "note"),
    ]


@pytest.mark.parametrize(
    ("flag", "role", "level"),
    [
        ("fatal", None, "fatal"),
        (None, "error", "error"),
        ("warning", None, "warning"),
        (None, "warn", "warning"),
        ("information", None, "information"),
        (None, "info", "information"),
        (None, None, "error"),
        ("warning", "fatal", "fatal"),
    ],
)
def test_severity_follows_the_kosit_report(flag: str | None, role: str | None, level: str) -> None:
    assert svrl.severity(flag, role) == level


def test_a_non_svrl_document_is_refused() -> None:
    with pytest.raises(ValueError, match="not an SVRL report"):
        svrl.findings("<x/>")
