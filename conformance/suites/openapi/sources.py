"""Where a referenced document may come from: a mirrored pack, the API's own host, or the description's folder.

Nothing else is ever fetched: a reference to any other place is reported as not resolvable offline.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

from conformance.core.http import SafeSession
from conformance.core.jsonschemas import load_document
from conformance.core.messages import Message
from conformance.core.packs import PackError, default_store
from conformance.suites.openapi.document import ACCEPT, DescriptionUnavailable, parse
from conformance.suites.openapi.messages import m

MIRRORED: tuple[tuple[str, str, str], ...] = (
    ("https://schemas.opengis.net/ogcapi/features/part1/1.0/openapi/", "ogcapi-features", "core/openapi/"),
    ("http://schemas.opengis.net/ogcapi/features/part1/1.0/openapi/", "ogcapi-features", "core/openapi/"),
    ("https://schemas.opengis.net/ogcapi/features/part2/1.0/openapi/", "ogcapi-features", "extensions/crs/openapi/"),
    ("http://schemas.opengis.net/ogcapi/features/part2/1.0/openapi/", "ogcapi-features", "extensions/crs/openapi/"),
    ("https://geojson.org/schema/", "geojson-schema", ""),
)


class Unfollowed(Exception):
    """A reference that cannot be followed, with the reason as a message."""

    def __init__(self, reason: Message) -> None:
        super().__init__(reason.text)
        self.reason = reason


class Broken(Unfollowed):
    """The referenced document was readable, but it is missing or not JSON/YAML: a broken reference."""


class Foreign(Unfollowed):
    """The referenced document cannot be read offline: it is on a host the suite does not contact."""


class Sources:
    """Reads referenced documents, each once."""

    def __init__(self, http: SafeSession | None, folder: Path | None) -> None:
        self.http = http
        self.folder = folder.resolve() if folder else None
        self.cache: dict[str, Any] = {}
        self.readers: tuple[Callable[[str], Any], ...] = (self._pack, self._file, self._vendor)

    def read(self, uri: str) -> Any:
        """The parsed document at ``uri`` (no fragment); Broken or Foreign if it cannot be used."""
        if uri not in self.cache:
            self.cache[uri] = self._read(uri)
        found = self.cache[uri]
        if isinstance(found, Exception):
            raise found
        return found

    def _read(self, uri: str) -> Any:
        for reader in self.readers:
            try:
                found = reader(uri)
            except (Broken, Foreign) as exc:
                return exc
            if found is not None:
                return found
        return Foreign(m("reason.foreign-host", host=_host(uri)))

    def _pack(self, uri: str) -> Any:
        for prefix, pack, folder in MIRRORED:
            if uri.startswith(prefix):
                relpath = folder + uri[len(prefix) :]
                try:
                    return load_document(default_store().path(pack, relpath))
                except PackError as exc:
                    raise Foreign(m("reason.not-in-pack", pack=pack, path=relpath)) from exc
        return None

    def _file(self, uri: str) -> Any:
        if not uri.startswith("file:"):
            return None
        path = Path(unquote(urlsplit(uri).path)).resolve()
        if self.folder is None or not path.is_relative_to(self.folder):
            raise Foreign(m("reason.outside-folder"))
        try:
            return parse(path.read_bytes(), uri, path.suffix == ".json")
        except OSError as exc:
            raise Broken(m("reason.unreadable-file", name=path.name, error=exc.strerror)) from exc
        except DescriptionUnavailable as exc:
            raise Broken(exc.violations[0].message) from exc

    def _vendor(self, uri: str) -> Any:
        if self.http is None or not self.http.allowed(uri):
            return None
        response = self.http.get(uri, headers={"Accept": ACCEPT})
        if response.status != 200:
            raise Broken(m("reason.http", status=response.status))
        try:
            return parse(response.content, response.url, "json" in response.media_type)
        except DescriptionUnavailable as exc:
            raise Broken(exc.violations[0].message) from exc


def _host(uri: str) -> str:
    parts = urlsplit(uri)
    return parts.netloc or parts.scheme or uri
