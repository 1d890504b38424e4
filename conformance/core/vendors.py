"""The vendors file as frozen objects: vendor products, their targets, auth and HTTP settings."""

from __future__ import annotations

from collections.abc import Callable, Collection
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

from conformance.core.config import ConfigError, key_path, read_document, validate
from conformance.core.secrets import MissingSecret, Redactor, expand, references

Known = Collection[str] | Callable[[], Collection[str]] | None


@dataclass(frozen=True)
class HttpSettings:
    """Timeouts, caps, retries and network settings for one vendor."""

    connect_timeout: float = 5.0
    read_timeout: float = 30.0
    test_deadline: float = 120.0
    max_response_bytes: int = 50 * 1024 * 1024
    retries: int = 2
    backoff: float = 0.5
    max_redirects: int = 5
    rate_limit: float | None = None
    max_retry_after: float = 30.0
    max_timeouts: int = 3
    ca_bundle: str | None = None
    verify_tls: bool = True
    proxy: str | None = None
    allowed_hosts: tuple[str, ...] = ()
    user_agent: str = "wechselbar-conformance"


@dataclass(frozen=True)
class Auth:
    """How to authenticate: none, basic, bearer, api-key or client-cert; secrets already expanded."""

    type: str = "none"
    username: str = ""
    password: str = ""
    token: str = ""
    header: str = ""
    value: str = ""
    cert: str = ""
    key: str = ""

    def secrets(self) -> list[str]:
        """The secret values this auth carries (for basic auth also ``user:password``, which it sends encoded)."""
        pair = [f"{self.username}:{self.password}"] if self.type == "basic" and self.password else []
        return [s for s in (self.password, self.token, self.value) if s] + pair


@dataclass(frozen=True)
class Target:
    """What to test for one standard: base URLs or export paths, the claimed classes and suite options."""

    standard: str
    urls: tuple[str, ...] = ()
    paths: tuple[str, ...] = ()
    claims: tuple[str, ...] | None = None
    options: dict[str, Any] = field(default_factory=dict, hash=False, compare=False)
    label: str = ""

    @property
    def display(self) -> str:
        """A short text naming the target."""
        return self.label or (self.urls[0] if self.urls else ", ".join(self.paths))


@dataclass(frozen=True)
class Vendor:
    """One vendor product under test."""

    id: str
    name: str
    version: str
    product: str = ""
    targets: tuple[Target, ...] = ()
    auth: Auth = Auth()
    http: HttpSettings = HttpSettings()

    def hosts(self) -> frozenset[str]:
        """The hosts this vendor declared: host:port of target URLs plus allowed_hosts (bare host = any port)."""
        found = {_netloc(u) for t in self.targets for u in t.urls}
        return frozenset(found | set(self.http.allowed_hosts))


@dataclass(frozen=True)
class VendorsFile:
    """A loaded vendors file with its hash and the redactor for its secrets."""

    path: str
    sha256: str
    vendors: tuple[Vendor, ...]
    redactor: Redactor

    def vendor(self, vendor_id: str) -> Vendor:
        """Find a vendor by id."""
        for vendor in self.vendors:
            if vendor.id == vendor_id:
                return vendor
        raise KeyError(vendor_id)

    def select(self, ids: tuple[str, ...]) -> VendorsFile:
        """Only the vendors named; an unknown id is a ConfigError."""
        unknown = sorted(set(ids) - {v.id for v in self.vendors})
        if unknown:
            raise ConfigError(self.path, [f"--vendor {u}: no such vendor in this file" for u in unknown])
        return replace(self, vendors=tuple(v for v in self.vendors if not ids or v.id in ids))


def _netloc(url: str) -> str:
    parts = urlsplit(url)
    default = {"http": 80, "https": 443}.get(parts.scheme, 0)
    return f"{(parts.hostname or '').lower()}:{parts.port or default}"


def load_vendors(path: Path, known_standards: Known = None) -> VendorsFile:
    """Load, validate and expand a vendors file; every problem names the file and the key. ``known_standards``
    may be a function: it is called only once the file itself is valid, so its own errors come without delay."""
    data, digest = read_document(path)
    validate(data, "vendors", path)
    known = known_standards() if callable(known_standards) else known_standards
    problems = _duplicate_ids(data) + _unknown_standards(data, known)
    if problems:
        raise ConfigError(path, problems)
    defaults = data.get("http", {})
    vendors, secrets = [], []
    for index, raw in enumerate(data["vendors"]):
        vendor = _vendor(raw, defaults, path, index)
        vendors.append(vendor)
        secrets += vendor.auth.secrets() + _proxy_secrets(vendor.http.proxy)
    return VendorsFile(str(path), digest, tuple(vendors), Redactor(secrets, _api_headers(vendors)))


def _proxy_secrets(proxy: str | None) -> list[str]:
    """A proxy's password as written in its URL and as sent (decoded, alone and as ``user:password``)."""
    parts = urlsplit(proxy or "")
    if not parts.password:
        return []
    user, password = unquote(parts.username or ""), unquote(parts.password)
    return [proxy or "", parts.password, password, f"{user}:{password}"]


def _api_headers(vendors: list[Vendor]) -> list[str]:
    return [v.auth.header for v in vendors if v.auth.header]


def _duplicate_ids(data: dict[str, Any]) -> list[str]:
    seen: set[str] = set()
    problems = []
    for index, vendor in enumerate(data["vendors"]):
        if vendor["id"] in seen:
            problems.append(f"vendors[{index}].id: duplicate vendor id {vendor['id']!r}")
        seen.add(vendor["id"])
    return problems


def _unknown_standards(data: dict[str, Any], known: Collection[str] | None) -> list[str]:
    if known is None:
        return []
    return [
        f"vendors[{i}].targets[{j}].standard: unknown standard {t['standard']!r} (known: {', '.join(sorted(known))})"
        for i, v in enumerate(data["vendors"])
        for j, t in enumerate(v["targets"])
        if t["standard"] not in known
    ]


def _vendor(raw: dict[str, Any], defaults: dict[str, Any], path: Path, index: int) -> Vendor:
    base = path.parent
    targets = tuple(_target(t, base) for t in raw["targets"])
    http = HttpSettings(**_http_kwargs({**defaults, **raw.get("http", {})}, base, path, index))
    auth = _auth(raw.get("auth", {"type": "none"}), path, f"vendors[{index}].auth", base)
    return Vendor(raw["id"], raw["name"], raw["version"], raw.get("product", ""), targets, auth, http)


def _target(raw: dict[str, Any], base: Path) -> Target:
    urls = tuple(raw.get("urls", [])) + ((raw["url"],) if "url" in raw else ())
    paths = tuple(str(base / p) if not Path(p).is_absolute() else p for p in raw.get("paths", []))
    claims = tuple(raw["claims"]) if "claims" in raw else None
    return Target(raw["standard"], urls, paths, claims, dict(raw.get("options", {})), raw.get("label", ""))


def _http_kwargs(raw: dict[str, Any], base: Path, path: Path, index: int) -> dict[str, Any]:
    out = dict(raw)
    if out.get("proxy"):
        try:
            out["proxy"] = expand(out["proxy"])
        except MissingSecret as exc:
            raise ConfigError(
                path, [f"vendors[{index}].http.proxy: environment variable {exc.args[0]} is not set"]
            ) from exc
    if "allowed_hosts" in out:
        out["allowed_hosts"] = tuple(h.lower() for h in out["allowed_hosts"])
    if out.get("ca_bundle"):
        out["ca_bundle"] = str(base / out["ca_bundle"])
    return out


def _auth(raw: dict[str, Any], path: Path, where: str, base: Path) -> Auth:
    values: dict[str, str] = {}
    for key, value in raw.items():
        try:
            values[key] = expand(value)
        except MissingSecret as exc:
            raise ConfigError(path, [f"{where}.{key}: environment variable {exc.args[0]} is not set"]) from exc
        if key in ("cert", "key"):
            values[key] = str(base / values[key])
    if references(raw.get("username", "")):
        values["username"] = expand(raw["username"])
    return Auth(**values)


__all__ = ["Auth", "ConfigError", "HttpSettings", "Target", "Vendor", "VendorsFile", "key_path", "load_vendors"]
