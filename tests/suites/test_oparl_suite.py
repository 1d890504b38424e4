"""The OParl suite end to end, through the plugin, against the OParl test double.

One double serves a clean 1.1 and 1.0 endpoint and one endpoint per switchable defect; a second one serves
the clean 1.1 endpoint over HTTPS (self-signed certificate made with openssl). The suite runs once in a
child pytest over all of them and the tests read its results file. The clean endpoints over plain HTTP must
fail exactly the HTTPS recommendation (OParl 1.1/1.0 §2.3.2: HTTPS wird empfohlen) - the double does not
pretend to be HTTPS; over HTTPS the clean endpoint passes every requirement. A third, tiny HTTPS server with the
same certificate answers every path with a 301 to the plain-HTTP double: the negative control of no-downgrade.
"""

from __future__ import annotations

import re
import shutil
import socket
import subprocess
from contextlib import ExitStack
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest
from markupsafe import escape

from conformance.core.messages import Message
from conformance.core.records import Header, Result
from conformance.core.results import ResultsFile
from conformance.demo.oparl_defects import DEFECTS
from conformance.reporting.html import render_html
from conformance.reporting.junit import render_junit
from conformance.reporting.model import build_report
from conformance.reporting.tabular import render_csv
from conformance.suites.oparl import OPARL_10, STANDARDS, SUITE
from tests.suites.ows_support import assert_every_check_can_fail
from tests.suites.test_oparl_support import (
    defect_tenants,
    double,
    downgrading,
    results_by,
    run_suite,
    shared,
    text,
    texts,
    vendors_file,
)

CLEAN: list[dict[str, Any]] = [{"name": "clean11", "version": "1.1"}, {"name": "clean10", "version": "1.0"}]
# A 1.0 endpoint with empty strings and HTML error pages: neither is a rule of the 1.0 text (§2.4.3, §2.9).
QUIRKS: list[dict[str, Any]] = [
    {"name": "quirks10", "version": "1.0", "defects": ["empty-strings", "error-html"]},
    {"name": "nodeleted11", "version": "1.1", "deletions": False},
    {"name": "nodeleted10", "version": "1.0", "deletions": False},
]
WITHOUT_POSITION = {
    "https",
    "host-name",
    "stateless",
    "no-downgrade",
    "cors-origin",
    "cors-methods",
    "error-status",
    "error-object",
    "error-object-status",
    "list-page",
    "file-get",
    "access-inline",
    "download-attachment",
    "file-headers",
    "conditional-get",
    "soft-delete",
    "utf8",
    "json",
}
OBJECT_URL = re.compile(r"/[a-z]+/\d+/?$")
CASES = [pytest.param(d.name, v, id=f"{d.name}-{v}") for d in DEFECTS.values() for v in d.versions]


def _certificate(folder: Path) -> tuple[str, str] | None:
    if shutil.which("openssl") is None:
        return None
    folder.mkdir(parents=True, exist_ok=True)
    cert, key = folder / "cert.pem", folder / "key.pem"
    subprocess.run(
        [
            "openssl",
            "req",
            "-x509",
            "-newkey",
            "rsa:2048",
            "-nodes",
            "-keyout",
            str(key),
            "-out",
            str(cert),
            "-days",
            "2",
            "-subj",
            "/CN=localhost",
            "-addext",
            "subjectAltName=DNS:localhost,IP:127.0.0.1",
        ],
        check=True,
        capture_output=True,
        timeout=60,
    )
    return str(cert), str(key)


def _closed_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _downgrade_target(stack: ExitStack, tls: tuple[str, str], plain_system: str) -> dict[str, Any]:
    """The HTTPS System URL that redirects to the plain-HTTP clean11 double (a declared host), trusted through
    ca_bundle."""
    parts = urlsplit(plain_system)
    secure = stack.enter_context(downgrading(tls, f"{parts.scheme}://{parts.netloc}"))
    cut = {"max_pages": 1, "reference_samples": 1, "id_samples": 1, "object_lists": 1}
    return {
        "id": "downgrade11",
        "version": "1.1",
        "url": secure + parts.path,
        "ca_bundle": tls[0],
        "http": {"allowed_hosts": [parts.netloc]},
        "options": cut,
    }


def _run_all(folder: Path) -> list[dict[str, Any]]:
    with ExitStack() as stack:
        plain = stack.enter_context(double(folder / "plain", CLEAN + QUIRKS + defect_tenants()))
        targets = [
            {"id": name, "version": t["version"], "url": plain["systems"][name]}
            for t in CLEAN + QUIRKS + defect_tenants()
            for name in [t["name"]]
        ]
        targets.append(
            {
                "id": "cut11",
                "version": "1.1",
                "url": plain["systems"]["clean11"],
                "options": {"max_pages": 1, "reference_samples": 2, "id_samples": 1, "object_lists": 1},
            }
        )
        targets.append({"id": "down11", "version": "1.1", "url": f"http://127.0.0.1:{_closed_port()}/oparl/system"})
        targets.append(
            {
                "id": "notsystem10",
                "version": "1.0",
                "url": plain["systems"]["clean10"].replace("/system", "/body/1/papers"),
            }
        )
        tls = _certificate(folder / "tls")
        if tls is not None:
            secure = stack.enter_context(
                double(folder / "secure", CLEAN[:1], "--tls-cert", tls[0], "--tls-key", tls[1])
            )
            targets.append({"id": "tls11", "version": "1.1", "url": secure["systems"]["clean11"], "ca_bundle": tls[0]})
            targets.append(_downgrade_target(stack, tls, plain["systems"]["clean11"]))
        vendors = vendors_file(folder / "vendors.toml", targets)
        return run_suite(vendors, folder / "results.jsonl")


@pytest.fixture(scope="module")
def records(tmp_path_factory: pytest.TempPathFactory) -> list[dict[str, Any]]:
    return list(shared(tmp_path_factory.getbasetemp(), "oparl-suite", _run_all))


@pytest.fixture(scope="module")
def results(records: list[dict[str, Any]]) -> dict[str, dict[str, dict[str, Any]]]:
    return results_by(records)


def _rules(version: str) -> set[str]:
    standard = next(s for s in STANDARDS if s.version == version)
    return {r.uri.rsplit("/", 1)[1] for r in standard.requirements}


def _new_in_11() -> dict[str, str]:
    return {r.uri.rsplit("/", 1)[1]: "not_applicable" for r in OPARL_10.requirements if " neu in OParl 1.1 " in r.uri}


@pytest.mark.parametrize(("vendor", "version"), [("clean11", "1.1"), ("clean10", "1.0")])
def test_clean_http_endpoint_passes_all_but_the_https_recommendation(
    results: dict[str, Any], vendor: str, version: str
) -> None:
    mine = results[vendor]
    assert set(mine) == _rules(version)
    assert {k: r["outcome"] for k, r in mine.items() if r["outcome"] != "pass"} == {
        "https": "fail",
        "no-downgrade": "not_applicable",
        **(_new_in_11() if version == "1.0" else {}),
    }


def test_a_10_endpoint_is_not_judged_by_rules_new_in_11(results: dict[str, Any]) -> None:
    """Empty strings and HTML error pages break no rule of OParl 1.0: its §2.4.3 covers only null and [], its §2.9
    defines no error object. The 1.0 results say so instead of failing SOLL/MUSS rules the text does not have."""
    mine = results["quirks10"]
    assert {k: r["outcome"] for k, r in mine.items() if r["outcome"] != "pass"} == {
        "https": "fail",
        "no-downgrade": "not_applicable",
        **_new_in_11(),
    }
    for key in ("empty-string", "error-object", "error-object-status"):
        assert text(mine[key]["reason"]).startswith("new in OParl 1.1 (§"), text(mine[key]["reason"])
        assert text(mine[key]["reason"]).endswith("OParl 1.0 has no such rule")
    https = mine["https"]
    assert https["outcome"] == "fail" and https["obligation"] == "SOLL"
    assert https["findings"][0]["locator"]["where"].startswith("http://localhost:")


def test_clean_https_endpoint_passes_every_requirement(results: dict[str, Any]) -> None:
    if "tls11" not in results:
        pytest.skip("openssl is not available to make a test certificate")
    assert {k: r["outcome"] for k, r in results["tls11"].items() if r["outcome"] != "pass"} == {}
    assert len(results["tls11"]) == len(_rules("1.1"))


def test_an_https_endpoint_that_redirects_to_http_fails_no_downgrade(results: dict[str, Any]) -> None:
    """OParl 1.1 §2.3.2 (HTTP und HTTPS, SOLL): "Eine Weiterleitung von HTTPS auf HTTP wird nicht empfohlen." The
    HTTPS System URL answers 301 to the plain-HTTP double; the fail names the redirect and keeps the exchange."""
    if "downgrade11" not in results:
        pytest.skip("openssl is not available to make a test certificate")
    record = results["downgrade11"]["no-downgrade"]
    assert record["outcome"] == "fail", record["reason"]
    assert record["obligation"] == "SOLL" and record["requirement"].startswith("OParl 1.1 §2.3.2 HTTP und HTTPS/")
    [finding] = [f for f in record["findings"] if f["locator"]["where"].endswith("/clean11/system")]
    before, after = urlsplit(finding["locator"]["where"]), urlsplit(finding["actual"]["data"])
    assert finding["code"] == "oparl.downgrade" and finding["expected"]["data"] == "https://"
    assert (before.scheme, after.scheme, before.path) == ("https", "http", after.path)
    assert before.port != after.port
    assert record["exchanges"][finding["exchange"]]["url"] == finding["actual"]["data"]
    assert results["tls11"]["no-downgrade"]["outcome"] == "pass"


def test_the_downgrade_keeps_the_redirect_itself_in_the_results_and_the_reports(
    records: list[dict[str, Any]], results: dict[str, Any]
) -> None:
    """The 301 that did the downgrade is evidence of its own: method, URL, status and Location in the results file,
    named by the finding before the answer it led to, and shown in the matrix, the CSV and JUnit, German and
    English."""
    if "downgrade11" not in results:
        pytest.skip("openssl is not available to make a test certificate")
    record = results["downgrade11"]["no-downgrade"]
    [finding] = [f for f in record["findings"] if f["locator"]["where"].endswith("/clean11/system")]
    [hop] = [record["exchanges"][i] for i in finding["redirects"]]
    https, http = finding["locator"]["where"], finding["actual"]["data"]
    assert (hop["method"], hop["url"], hop["status"], hop["response_headers"]["Location"]) == ("GET", https, 301, http)
    answer = record["exchanges"][finding["exchange"]]
    assert (answer["url"], answer["status"]) == (http, 200) and finding["redirects"][-1] < finding["exchange"]
    downgrade = [Result.from_json(r) for r in records if r.get("vendor") == "downgrade11"]
    report = build_report(ResultsFile(Header.from_json(records[0]), tuple(downgrade)))
    for lang, word in (("de", "Weiterleitung"), ("en", "redirect")):
        assert f"{word}: <code>Location: {escape(http)}</code>" in render_html(report, lang)
        assert f"GET {https} → 301 (Location: {http}) ⇒ GET {http} → 200" in render_csv(report, lang)
        junit = render_junit(report, lang).decode()
        assert f"http ({word}): GET {escape(https)} -&gt; 301 (Location: {escape(http)})" in junit
        assert f"http: GET {escape(http)} -&gt; 200" in junit


def _caught(version: str) -> dict[str, set[str]]:
    """Defect → the rules it fails in ``version``; the clean plain-HTTP endpoint fails https, the HTTPS endpoint
    that redirects to it fails no-downgrade (both asserted above)."""
    caught = {d.name: set(d.rules) for d in DEFECTS.values() if version in d.versions}
    return {**caught, f"clean{version.replace('.', '')}": {"https"}, "downgrade11": {"no-downgrade"}}


def test_every_check_of_11_can_fail() -> None:
    caught = _caught("1.1")
    assert_every_check_can_fail(caught, caught, _rules("1.1"), {})


def test_every_check_of_10_can_fail_or_is_the_check_of_11_or_is_new_in_11() -> None:
    """A 1.0 rule is judged by the same check as the 1.1 rule of its key (RULE_CHECKS is keyed by rule, see
    test_oparl_catalogue): where no 1.0 tenant fails it, its 1.1 negative control fails that check. Rules new in
    1.1 are never judged in 1.0."""
    in_11 = set().union(*_caught("1.1").values())
    failed = set().union(*_caught("1.0").values())
    assert _rules("1.0") == failed | in_11 | set(_new_in_11())
    assert not failed & set(_new_in_11())


@pytest.mark.parametrize(("name", "version"), CASES)
def test_each_defect_is_caught_under_its_requirement_with_evidence(
    results: dict[str, Any], name: str, version: str
) -> None:
    defect = DEFECTS[name]
    mine = results[f"{name}-{version.replace('.', '')}"]
    for key in defect.rules:
        record = mine[key]
        assert record["outcome"] == "fail", f"{name}: {key} was {record['outcome']}: {record['reason']}"
        assert record["findings"], record
        texts = [
            v["locator"].get("where", "") + str(v["locator"].get("pointer", "")) + str(v.get("actual")) + v["text"]
            for v in record["findings"]
        ]
        assert any(defect.where in text for text in texts), (defect.where, texts[:3])
        assert record["exchanges"], "a fail keeps the HTTP exchanges as evidence"


def test_every_violation_names_a_url_and_content_rules_a_json_pointer(results: dict[str, Any]) -> None:
    fails = [
        (v, r)
        for by_rule in results.values()
        for r in by_rule.values()
        if r["outcome"] == "fail"
        for v in [r["requirement"].rsplit("/", 1)[1]]
    ]
    assert len(fails) > 60
    for key, record in fails:
        for violation in record["findings"]:
            assert violation["locator"]["where"].startswith(("http://", "https://")), violation
            assert "HTTP None" not in violation["text"], violation
        if key not in WITHOUT_POSITION:
            assert all(
                "pointer" in v["locator"] or OBJECT_URL.search(v["locator"]["where"]) for v in record["findings"]
            ), (key, record["findings"][:2])


def test_no_harness_errors(results: dict[str, Any]) -> None:
    errors = [
        (vendor, key, text(r["reason"]))
        for vendor, by_rule in results.items()
        for key, r in by_rule.items()
        if r["outcome"] == "error" and vendor != "down11"
    ]
    assert errors == []


def test_an_unreachable_endpoint_is_an_error_never_a_fail(results: dict[str, Any]) -> None:
    outcomes = {r["outcome"] for r in results["down11"].values()}
    assert outcomes == {"error"}
    assert all("could not be read" in text(r["reason"]) for r in results["down11"].values())


def test_a_url_that_is_no_system_fails_the_endpoint_rule_only_where_it_can_tell(results: dict[str, Any]) -> None:
    mine = results["notsystem10"]
    assert mine["system-endpoint"]["outcome"] == "fail"
    assert mine["schema-system"]["outcome"] == "fail"
    assert {r["outcome"] for r in mine.values()} <= {"pass", "fail", "not_applicable", "not_verified", "skip"}


def test_sampling_cuts_are_noted_in_the_results(results: dict[str, Any]) -> None:
    cut = results["cut11"]
    assert any("sampling cut" in note and "max_pages" in note for note in texts(cut["next"]["notes"]))
    assert any("sampling cut" in note for note in texts(cut["references-resolve"]["notes"]))
    assert any(
        note.startswith("sampling cut: walked 1 of ") and "lists Organization.meeting (object_lists)" in note
        for note in texts(cut["list-page"]["notes"])
    ), cut["list-page"]["notes"]
    clean = texts(results["clean11"]["next"]["notes"])
    assert not any("sampling cut" in note and "max_pages" in note for note in clean)


def test_results_header_describes_both_versions(records: list[dict[str, Any]]) -> None:
    header = records[0]
    assert header["record"] == "header"
    standards = {s["id"]: s for s in header["standards"]}
    assert set(standards) == {"oparl-1.1", "oparl-1.0"}
    for standard in standards.values():
        shorts = {c["short"] for c in standard["classes"]}
        assert {"paginierung", "filter", "transport", "integritaet", "Meeting", "Paper"} <= shorts
        assert len(shorts) == 20


def test_every_finding_and_reason_is_a_message_code_that_reads_in_german(results: dict[str, Any]) -> None:
    """Each finding the defects provoke carries a code of the suite's catalogue, rendered in German from its
    parameters (schema findings are jsonschema's own words, a parameter); so does every reason the suite words."""
    found = [
        v for by_rule in results.values() for r in by_rule.values() if r["outcome"] == "fail" for v in r["findings"]
    ]
    assert len({v["code"] for v in found}) > 40
    for finding in found:
        message = Message.from_json(finding)
        assert message.code in SUITE.messages, finding
        assert SUITE.messages.render(message, "en") == finding["text"]
        if not message.code.endswith(".schema"):
            assert SUITE.messages.render(message, "de") != message.text, finding
    reasons = [
        Message.from_json(r["reason"])
        for by_rule in results.values()
        for r in by_rule.values()
        if r["outcome"] in ("not_applicable", "not_verified", "skip") and r["reason"]
    ]
    own = [m for m in reasons if m.code.startswith("oparl.")]
    assert own
    assert [m.text for m in own if SUITE.messages.render(m, "de") == m.text] == []


def test_every_result_says_what_it_examined(results: dict[str, Any]) -> None:
    for vendor, by_rule in results.items():
        for key, record in by_rule.items():
            if record["outcome"] in ("pass", "fail"):
                assert record["examined"], (vendor, key)
            if record["outcome"] == "pass":
                assert any(e["count"] > 0 for e in record["examined"]), (vendor, key)


@pytest.mark.parametrize(
    ("vendor", "keys"),
    [
        ("nodeleted11", ("soft-delete", "deleted-keeps", "deleted-with-modified-since", "deleted-hidden")),
        ("nodeleted10", ("soft-delete", "deleted-keeps")),
    ],
)
def test_rules_on_deleted_objects_are_not_verified_where_no_deleted_object_appears(
    results: dict[str, Any], vendor: str, keys: tuple[str, ...]
) -> None:
    """Nothing deleted shows anywhere, not even under modified_since at the epoch (1.1): the rules apply but
    could not be tested. That is neither a pass nor *not applicable*, and the reason says what was searched."""
    mine = results[vendor]
    assert {k for k, r in mine.items() if r["outcome"] == "not_verified"} == set(keys)
    for key in keys:
        reason = text(mine[key]["reason"])
        assert reason.startswith("no deleted object"), reason
        assert ("modified_since=1970-01-01T00:00:00+00:00" in reason) is (vendor == "nodeleted11"), reason


def test_deleted_objects_found_only_by_the_epoch_probe_are_looked_up_incrementally(results: dict[str, Any]) -> None:
    """Deleted memberships are referenced by nothing; only modified_since at the epoch shows them. A server that
    drops them from incremental lists (OParl 1.1 §2.5.5) fails with the lookup as evidence."""
    record = results["deleted-dropped-incremental-11"]["deleted-with-modified-since"]
    assert record["outcome"] == "fail"
    messages = [v["text"] for v in record["findings"]]
    assert any(m.startswith("the deleted Membership ") for m in messages), messages
    assert all("modified_since=" in v["locator"]["where"] for v in record["findings"])
