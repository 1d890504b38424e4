"""TEST DOUBLE: command-line options of the OParl test server."""

from __future__ import annotations

import argparse
import json
from dataclasses import dataclass, replace
from pathlib import Path

from conformance.demo.oparl_defects import DEFECTS, defect


@dataclass(frozen=True)
class Tenant:
    """One OParl endpoint of the test server, mounted under ``/<name>``."""

    name: str
    version: str = "1.1"
    defects: frozenset[str] = frozenset()
    size: int = 400
    page_size: int = 20
    seed: int = 1
    deletions: bool = True
    echo: bool = False

    @classmethod
    def parse(cls, text: str, size: int = 400, page_size: int = 20) -> Tenant:
        """``name[:version[:defect,defect]]`` as given on the command line."""
        name, _, rest = text.partition(":")
        version, _, defects = rest.partition(":")
        names = frozenset(d for d in defects.split(",") if d)
        for item in names:
            defect(item)
        return cls(name, version or "1.1", names, max([size, *(defect(d).size for d in names)]), page_size)


@dataclass(frozen=True)
class Options:
    """What to serve and how."""

    tenants: list[Tenant]
    port: int
    host_name: str
    tls: tuple[str, str] | None
    latency: float


def parse(argv: list[str]) -> Options:
    """Parse the command line; a tenants file (JSON list) may replace or add to --tenant."""
    parser = argparse.ArgumentParser(
        prog="python -m conformance.demo.oparl_server",
        description="OParl test double (not a vendor implementation).",
        epilog="defects: " + ", ".join(sorted(DEFECTS)),
    )
    parser.add_argument("--tenant", action="append", default=[], help="name[:version[:defect,defect]]")
    parser.add_argument(
        "--tenants-file", type=Path, help="JSON list of {name, version, defects, size, page_size, deletions, echo}"
    )
    parser.add_argument("--size", type=int, default=400, help="objects per tenant (about)")
    parser.add_argument("--page-size", type=int, default=20)
    parser.add_argument("--port", type=int, default=0, help="0 = any free port on 127.0.0.1")
    parser.add_argument("--host-name", default="localhost", help="host name used in the served URLs")
    parser.add_argument("--tls-cert", help="certificate (PEM) to serve HTTPS")
    parser.add_argument("--tls-key", help="private key (PEM) to serve HTTPS")
    parser.add_argument("--latency-ms", type=float, default=0.0, help="added delay per request")
    args = parser.parse_args(argv)
    tenants = [Tenant.parse(t, args.size, args.page_size) for t in args.tenant]
    if args.tenants_file:
        tenants += [_tenant(item, args.size, args.page_size) for item in json.loads(args.tenants_file.read_text())]
    if not tenants:
        tenants = [Tenant("oparl", "1.1", size=args.size, page_size=args.page_size)]
    tls = (args.tls_cert, args.tls_key) if args.tls_cert and args.tls_key else None
    return Options(tenants, args.port, args.host_name, tls, args.latency_ms / 1000)


def _tenant(item: dict[str, object], size: int, page_size: int) -> Tenant:
    text = f"{item['name']}:{item.get('version', '1.1')}:{','.join(item.get('defects', []))}"  # type: ignore[arg-type]
    tenant = Tenant.parse(text, int(item.get("size", size)), int(item.get("page_size", page_size)))  # type: ignore[call-overload]
    return replace(tenant, deletions=bool(item.get("deletions", True)), echo=bool(item.get("echo", False)))
