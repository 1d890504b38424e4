"""Vendors, profile and waiver files: valid ones load, invalid ones name the file and the key."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from click.testing import CliRunner

from conformance.cli import main
from conformance.core.config import ConfigError
from conformance.core.outcomes import Obligation
from conformance.core.profile import load_profile, load_waivers
from conformance.core.vendors import load_vendors
from conformance.harness.registry import standards
from conformance.harness.runconfig import load_run_config

VENDORS = """
[http]
read_timeout = 7

[[vendors]]
id = "acme"
name = "ACME Geo"
version = "4.2"
auth = { type = "bearer", token = "${ACME_TOKEN}" }
http = { rate_limit = 5, allowed_hosts = ["cdn.acme.test"] }

[[vendors.targets]]
standard = "ogcapi-features-1"
url = "https://geo.acme.test/ogc"
claims = ["core"]
options = { max_pages = 3 }
"""


def write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_vendors_file_loads_with_secret_from_environment(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ACME_TOKEN", "s3cr3t-token-value")
    loaded = load_vendors(write(tmp_path, "v.toml", VENDORS))
    vendor = loaded.vendor("acme")
    assert vendor.auth.token == "s3cr3t-token-value"
    assert vendor.http.read_timeout == 7 and vendor.http.rate_limit == 5
    assert vendor.hosts() == {"geo.acme.test:443", "cdn.acme.test"}
    assert vendor.targets[0].options == {"max_pages": 3}
    assert loaded.redactor.text("Bearer s3cr3t-token-value") == "Bearer ***"


def test_yaml_and_toml_give_the_same_vendors(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ACME_TOKEN", "x-token")
    yaml_text = """
vendors:
  - id: acme
    name: ACME Geo
    version: "4.2"
    auth: {type: bearer, token: "${ACME_TOKEN}"}
    http: {rate_limit: 5, allowed_hosts: [cdn.acme.test]}
    targets:
      - {standard: ogcapi-features-1, url: "https://geo.acme.test/ogc", claims: [core], options: {max_pages: 3}}
http: {read_timeout: 7}
"""
    from_yaml = load_vendors(write(tmp_path, "v.yaml", yaml_text)).vendors
    from_toml = load_vendors(write(tmp_path, "v.toml", VENDORS)).vendors
    assert from_yaml == from_toml


@pytest.mark.parametrize(
    ("snippet", "replacement", "message"),
    [
        (
            'token = "${ACME_TOKEN}"',
            'token = "plain-secret"',
            "vendors[0].auth.token: secrets must be written as ${ENV_VAR}",
        ),
        ('version = "4.2"\n', "", "'version' is a required property"),
        ('url = "https://geo.acme.test/ogc"', 'url = "ftp://x"', "vendors[0].targets[0].url"),
        ("rate_limit = 5", "rate_limit = -1", "vendors[0].http.rate_limit"),
        ('standard = "ogcapi-features-1"', 'standard = "wfs-9"', "unknown standard 'wfs-9'"),
        ('name = "ACME Geo"', 'name = "ACME Geo"\ncolour = "red"', "vendors[0]: unknown key"),
    ],
)
def test_invalid_vendors_file_names_file_and_key(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, snippet: str, replacement: str, message: str
) -> None:
    monkeypatch.setenv("ACME_TOKEN", "x-token")
    path = write(tmp_path, "vendors.toml", VENDORS.replace(snippet, replacement))
    with pytest.raises(ConfigError) as caught:
        load_vendors(path, frozenset(standards()))
    assert str(path) in str(caught.value)
    assert message in str(caught.value)


def test_missing_environment_variable_is_named(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("ACME_TOKEN", raising=False)
    with pytest.raises(ConfigError, match=r"vendors\[0\].auth.token: environment variable ACME_TOKEN is not set"):
        load_vendors(write(tmp_path, "v.toml", VENDORS))


def test_unparsable_file_is_a_config_error(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="not valid toml"):
        load_vendors(write(tmp_path, "v.toml", "[[vendors]\nid="))
    with pytest.raises(ConfigError, match="cannot read file"):
        load_vendors(tmp_path / "missing.toml")


def test_duplicate_vendor_ids_and_unknown_claims(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ACME_TOKEN", "x-token")
    twice = VENDORS + VENDORS.split("[http]\nread_timeout = 7\n")[1]
    with pytest.raises(ConfigError, match=r"vendors\[1\].id: duplicate vendor id 'acme'"):
        load_vendors(write(tmp_path, "v.toml", twice))
    bad_claim = write(tmp_path, "c.toml", VENDORS.replace('claims = ["core"]', 'claims = ["teleport"]'))
    with pytest.raises(ConfigError, match=r"vendors\[0\].targets\[0\].claims: .*teleport"):
        load_run_config(bad_claim)


def test_profile_maps_short_class_ids_to_uris(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        "p.toml",
        """
name = "Musterstadt Geodienste 2026"
[[requirements]]
standard = "ogcapi-features-1"
classes = ["core"]
obligation = "MUSS"
""",
    )
    profile = load_profile(path, standards())
    core = standards()["ogcapi-features-1"].cls("core").uri
    assert profile.obligation("ogcapi-features-1", core) is Obligation.MUSS
    assert profile.obligation("ogcapi-features-1", "http://example/other") is None
    assert profile.id == "p"


def test_profile_errors_name_the_item(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        "p.toml",
        """
name = "x"
[[requirements]]
standard = "ogcapi-features-1"
classes = ["nope"]
obligation = "required"
""",
    )
    with pytest.raises(ConfigError, match=r"requirements\[0\]: .*nope"):
        load_profile(path, standards())
    bad = write(
        tmp_path, "q.toml", 'name = "x"\n[[requirements]]\nstandard = "ogcapi-features-1"\nobligation = "maybe"\n'
    )
    with pytest.raises(ConfigError, match=r"requirements\[0\].obligation"):
        load_profile(bad, standards())


def test_waivers_load_and_unknown_vendor_is_an_error(tmp_path: Path) -> None:
    text = """
[[waivers]]
vendor = "acme"
requirement = "http://www.opengis.net/spec/ogcapi-features-1/1.0/req/core/root-op"
reason = "fix promised for release 4.3"
expires = 2027-01-31
"""
    waivers = load_waivers(write(tmp_path, "w.toml", text), frozenset({"acme"}))
    assert waivers.items[0].expires == dt.date(2027, 1, 31)
    assert waivers.find("acme", waivers.items[0].requirement) is waivers.items[0]
    with pytest.raises(ConfigError, match=r"waivers\[0\].vendor: unknown vendor 'acme'"):
        load_waivers(write(tmp_path, "w2.toml", text), frozenset({"other"}))
    with pytest.raises(ConfigError, match=r"waivers\[0\].expires"):
        load_waivers(write(tmp_path, "w3.toml", text.replace("2027-01-31", '"soon"')))


def test_proxy_credentials_come_from_the_environment_and_are_redacted(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("ACME_TOKEN", "x-token")
    monkeypatch.setenv("PROXY_PASS", "pr0xy-s3cret")
    text = VENDORS.replace("[http]\n", '[http]\nproxy = "http://stadt:${PROXY_PASS}@proxy.stadt.local:3128"\n')
    loaded = load_vendors(write(tmp_path, "v.toml", text))
    assert loaded.vendor("acme").http.proxy == "http://stadt:pr0xy-s3cret@proxy.stadt.local:3128"
    assert "pr0xy-s3cret" not in loaded.redactor.text("via http://stadt:pr0xy-s3cret@proxy.stadt.local:3128")
    monkeypatch.delenv("PROXY_PASS")
    with pytest.raises(ConfigError, match=r"vendors\[0\].http.proxy: environment variable PROXY_PASS is not set"):
        load_vendors(write(tmp_path, "v.toml", text))


def test_run_without_targets_for_the_standard_is_a_usage_error(tmp_path: Path) -> None:
    vendors = write(
        tmp_path,
        "v.toml",
        '[[vendors]]\nid = "a"\nname = "A"\nversion = "1"\n'
        '[[vendors.targets]]\nstandard = "oparl-1.1"\nurl = "http://127.0.0.1:9/"\n',
    )
    result = CliRunner().invoke(
        main,
        [
            "run",
            "--vendors",
            str(vendors),
            "--standard",
            "ogcapi-features-1",
            "--out",
            str(tmp_path / "out"),
            "--quiet",
        ],
    )
    assert result.exit_code == 2
    assert not (tmp_path / "out" / "results.jsonl").exists()
