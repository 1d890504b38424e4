"""The vendor's OpenAPI description: fetched through the safe session (or read from a file) and parsed."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urljoin, urlsplit

import yaml

from conformance.core import jsonsafe
from conformance.core.evidence import Exchange, Locator, ParseViolation, StatusViolation, Violation
from conformance.core.http import TargetError
from conformance.harness.target import TargetContext
from conformance.suites.openapi.messages import m

ACCEPT = (
    "application/vnd.oai.openapi+json, application/json, application/vnd.oai.openapi;q=0.9, "
    "application/yaml;q=0.9, text/yaml;q=0.8, */*;q=0.1"
)
MAX_NODES = 1_000_000


class NoBaseUrl(TargetError):
    """The API's base URL cannot be derived; the vendors file must give options.base_url."""


class DescriptionUnavailable(Exception):
    """The description could not be read or parsed; carries the violations that say why."""

    def __init__(self, violations: list[Violation]) -> None:
        super().__init__(violations[0].text if violations else "description unavailable")
        self.violations = violations


@dataclass(frozen=True)
class Description:
    """A parsed OpenAPI description and where it came from."""

    raw: dict[str, Any]
    uri: str
    exchange: Exchange | None = None
    folder: Path | None = None

    @property
    def version(self) -> str:
        """The value of the openapi field ("" if absent or not a string)."""
        value = self.raw.get("openapi")
        return value if isinstance(value, str) else ""


def load(target: TargetContext) -> Description:
    """Fetch or read the description the vendor names; DescriptionUnavailable if that fails."""
    if target.target.paths:
        path = Path(target.target.paths[0]).resolve()
        try:
            text = path.read_bytes()
        except OSError as exc:
            raise DescriptionUnavailable(
                [ParseViolation(m("description-unreadable", error=exc.strerror), locator=str(path))]
            ) from exc
        return Description(parse(text, path.as_uri(), path.suffix in (".json",)), path.as_uri(), None, path.parent)
    url = target.target.urls[0] if target.target.urls else target.base_url
    response = target.http.get(url, headers={"Accept": ACCEPT})
    if response.status != 200:
        raise DescriptionUnavailable(
            [
                StatusViolation(
                    m("description-status", status=response.status),
                    locator=response.url,
                    expected=200,
                    actual=response.status,
                    exchange=response.exchange,
                )
            ]
        )
    try:
        raw = parse(response.content, response.url, "json" in response.media_type)
    except DescriptionUnavailable as exc:
        for violation in exc.violations:
            violation.exchange = response.exchange
        raise
    return Description(raw, response.url, response.exchange)


def parse(content: bytes, where: str, json_first: bool) -> dict[str, Any]:
    """JSON or YAML text as a mapping; a ParseViolation (inside DescriptionUnavailable) otherwise."""
    text = content.decode("utf-8", errors="replace")
    try:
        data = jsonsafe.loads(text) if json_first or text.lstrip().startswith("{") else yaml.safe_load(text)
    except (ValueError, yaml.YAMLError, RecursionError) as exc:
        raise DescriptionUnavailable(
            [ParseViolation(m("description-not-parsed", error=str(exc)), locator=Locator(where=where))]
        ) from exc
    if not isinstance(data, dict):
        raise DescriptionUnavailable(
            [ParseViolation(m("description-not-object"), locator=where, expected="object", actual=type(data).__name__)]
        )
    if _size(data, MAX_NODES) > MAX_NODES:
        raise DescriptionUnavailable([ParseViolation(m("description-too-large", limit=MAX_NODES), locator=where)])
    return data


def _size(node: Any, budget: int) -> int:
    count, stack = 0, [node]
    while stack and count <= budget:
        item = stack.pop()
        count += 1
        if isinstance(item, dict):
            stack.extend(item.values())
        elif isinstance(item, list):
            stack.extend(item)
    return count


def api_base(description: Description, target: TargetContext) -> str:
    """The URL the paths hang from: options.base_url, else the first server, else the description's origin."""
    option = target.option("base_url", "")
    if option:
        return str(option).rstrip("/")
    servers = description.raw.get("servers")
    url = _server_url(servers[0]) if isinstance(servers, list) and servers else "/"
    base = urljoin(description.uri, url)
    if urlsplit(base).scheme not in ("http", "https"):
        raise NoBaseUrl(
            f"no HTTP base URL for the paths of {description.uri} (server {url!r}); "
            "give options.base_url in the vendors file"
        )
    return base.rstrip("/")


def _server_url(server: Any) -> str:
    if not isinstance(server, dict) or not isinstance(server.get("url"), str):
        return "/"
    url: str = server["url"]
    for name, variable in (server.get("variables") or {}).items():
        if isinstance(variable, dict):
            url = url.replace("{" + str(name) + "}", str(variable.get("default", "")))
    return url
