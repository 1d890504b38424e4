"""Everything a run needs, loaded once: vendors, profile, waivers, standards, and one HTTP session per vendor."""

from __future__ import annotations

import datetime as dt
import os
import platform
import uuid
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from conformance import __version__
from conformance.core.config import ConfigError
from conformance.core.harnessmessages import HARNESS
from conformance.core.messages import Catalogue
from conformance.core.model import Standard
from conformance.core.packs import PackError, lock
from conformance.core.profile import Profile, Waivers, load_profile, load_waivers
from conformance.core.results import Header
from conformance.core.transport import ExchangeLog
from conformance.core.vendors import Target, Vendor, VendorsFile, load_vendors
from conformance.harness.registry import standards as known_standards
from conformance.harness.registry import suite_for

if TYPE_CHECKING:  # imported on first use: a configuration error is reported before requests and pytest load
    from conformance.core.http import RateLimiter
    from conformance.harness.target import TargetContext


@dataclass
class RunConfig:
    """The loaded and validated configuration of one run."""

    vendors: VendorsFile
    standards: Mapping[str, Standard]
    profile: Profile | None = None
    waivers: Waivers = field(default_factory=Waivers)
    today: dt.date = field(default_factory=dt.date.today)
    limiters: dict[str, RateLimiter] = field(default_factory=dict)
    contexts: dict[tuple[str, int], TargetContext] = field(default_factory=dict)
    log: ExchangeLog = field(default_factory=ExchangeLog)

    def targets(self, standard: str) -> list[tuple[str, int]]:
        """(vendor id, target index) pairs for one standard, in file order."""
        return [(v.id, i) for v in self.vendors.vendors for i, t in enumerate(v.targets) if t.standard == standard]

    def context(self, key: tuple[str, int]) -> TargetContext:
        """The shared TargetContext of one vendor target (created on first use). Each target has its own HTTP
        session for the run (hosts down, timeouts counted); the vendor's targets share its rate limit, and every
        session writes to the run's exchange log."""
        from conformance.core.http import RateLimiter, SafeSession  # noqa: PLC0415
        from conformance.harness.target import TargetContext  # noqa: PLC0415

        if key not in self.contexts:
            vendor = _per_worker(self.vendors.vendor(key[0]))
            limiter = self.limiters.setdefault(vendor.id, RateLimiter(vendor.http.rate_limit))
            http = SafeSession(vendor, self.vendors.redactor, self.log, limiter)
            self.contexts[key] = TargetContext(vendor, vendor.targets[key[1]], http, self.profile)
        return self.contexts[key]

    def header(self, selected: list[str]) -> Header:
        """The results header for this run."""
        config = {"vendors": {"path": self.vendors.path, "sha256": self.vendors.sha256}}
        for role, item in (("profile", self.profile), ("waivers", self.waivers)):
            if item is not None and item.path:
                config[role] = {"path": item.path, "sha256": item.sha256}
        return Header(
            run_id=uuid.uuid4().hex,
            suite_version=__version__,
            started=now(),
            platform=_platform(),
            config=config,
            packs=tuple(_packs(self.standards, selected)),
            vendors=tuple(_vendor_json(v) for v in self.vendors.vendors),
            standards=tuple(_standard_json(self.standards[s]) for s in selected),
            profile=self.profile,
            messages=_catalogue(selected),
        )


def _standard_json(standard: Standard) -> dict[str, Any]:
    """A standard as the header lists it, with the revision of each requirement's check."""
    from conformance.harness.suite import checks_of  # noqa: PLC0415  (imports pytest)

    suite = suite_for(standard.id).suite
    data: dict[str, Any] = dict(standard.to_json())
    data["revisions"] = {uri: check.revision for uri, check in checks_of(suite, standard).items()}
    return data


def _catalogue(selected: list[str]) -> Catalogue:
    """The harness's messages and those of every suite with a selected standard: what the records are worded
    from, stored in the header so that reports need no suite installed."""
    suites = {id(s): s for s in (suite_for(standard).suite for standard in selected)}
    return HARNESS.merged(*(s.messages for s in suites.values()))


def _per_worker(vendor: Vendor) -> Vendor:
    """Under pytest-xdist each worker gets its share of the vendor's rate limit."""
    workers = int(os.environ.get("PYTEST_XDIST_WORKER_COUNT", "1") or 1)
    if workers <= 1 or not vendor.http.rate_limit:
        return vendor
    return replace(vendor, http=replace(vendor.http, rate_limit=vendor.http.rate_limit / workers))


def now() -> str:
    """The current UTC time, ISO 8601."""
    return dt.datetime.now(dt.UTC).isoformat(timespec="seconds")


def load_run_config(
    vendors: Path,
    profile: Path | None = None,
    waivers: Path | None = None,
    vendor_ids: tuple[str, ...] = (),
    today: dt.date | None = None,
) -> RunConfig:
    """Load and cross-check all configuration files; any problem is a ConfigError."""
    standards = known_standards()  # a lookup: only the suites of the standards named are imported
    loaded = load_vendors(vendors, lambda: standards)
    loaded = _resolve_claims(loaded, standards).select(vendor_ids)
    run = RunConfig(loaded, standards, today=today or dt.date.today())
    if profile is not None:
        run.profile = load_profile(profile, standards)
    if waivers is not None:
        run.waivers = load_waivers(waivers, frozenset(v.id for v in loaded.vendors))
    return run


def _resolve_claims(loaded: VendorsFile, standards: Mapping[str, Standard]) -> VendorsFile:
    problems, vendors = [], []
    for i, vendor in enumerate(loaded.vendors):
        targets = []
        for j, target in enumerate(vendor.targets):
            try:
                claims = standards[target.standard].class_uris(target.claims) if target.claims is not None else None
            except KeyError as exc:
                problems.append(f"vendors[{i}].targets[{j}].claims: {exc.args[0]}")
                claims = None
            problems += _option_problems(
                standards[target.standard], target.options, f"vendors[{i}].targets[{j}].options"
            )
            problems += _kind_problems(standards[target.standard], target, f"vendors[{i}].targets[{j}]")
            targets.append(replace(target, claims=tuple(sorted(claims)) if claims is not None else None))
        vendors.append(replace(vendor, targets=tuple(targets)))
    if problems:
        raise ConfigError(loaded.path, problems)
    return replace(loaded, vendors=tuple(vendors))


def _kind_problems(standard: Standard, target: Target, where: str) -> list[str]:
    """A target given as URLs or paths that its standard does not read (as its ``target_kinds`` declare)."""
    kinds = standard.target_kinds
    given = [("url", target.urls), ("path", target.paths)]
    return [
        f"{where}: {standard.id} does not read {kind} targets (it reads: {', '.join(kinds)})"
        for kind, values in given
        if kinds and values and kind not in kinds
    ]


def _option_problems(standard: Standard, options: Mapping[str, Any], where: str) -> list[str]:
    problems = []
    for name, value in options.items():
        try:
            problem = standard.option(name).problem(value)
        except KeyError as exc:
            problem = exc.args[0]
        if problem:
            problems.append(f"{where}.{name}: {problem}")
    return problems


def _platform() -> dict[str, str]:
    return {
        "python": platform.python_version(),
        "system": platform.system(),
        "release": platform.release(),
        "machine": platform.machine(),
    }


def _packs(standards: Mapping[str, Standard], selected: list[str]) -> list[dict[str, str]]:
    wanted = sorted({p for s in selected for p in standards[s].packs})
    try:
        locked = lock()
    except (OSError, PackError):
        return []
    return [{"id": p, "version": locked[p].version, "digest": locked[p].digest} for p in wanted if p in locked]


def _vendor_json(vendor: Any) -> dict[str, Any]:
    return {
        "id": vendor.id,
        "name": vendor.name,
        "version": vendor.version,
        "product": vendor.product,
        "targets": [
            {"standard": t.standard, "target": t.display, "claims": list(t.claims) if t.claims is not None else None}
            for t in vendor.targets
        ],
    }
