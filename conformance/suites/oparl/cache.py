"""A disk cache of vendor responses, so that re-running a slow OParl endpoint is cheap.

Off unless the target sets the option ``cache_ttl`` (seconds). Only HTTP 200 answers are stored, keyed by
vendor, URL and query. A response served from the cache keeps its original evidence and the time it was
stored; the suite notes on every result how many responses came from the cache and since when, so a
vendor change after that time can never hide in fresh-looking evidence. Comparisons that need a second
live answer (stable order, id consistency) always bypass the cache.

Nothing stored holds a secret: a response whose URL, query, headers or body contain a secret in any form the
run's redactor knows (an echoed ``Authorization`` header, a token in a link) is not stored at all, since a
redacted body would no longer be the answer that is judged; sensitive headers (``Set-Cookie`` …) are stored
as ``***``, and the stored evidence is redacted once more.
"""

from __future__ import annotations

import base64
import datetime as dt
import hashlib
import json
import os
import tempfile
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from conformance.core.evidence import Exchange
from conformance.core.paths import cache_dir
from conformance.core.secrets import Redactor


@dataclass(frozen=True)
class Entry:
    """A stored response."""

    status: int
    headers: dict[str, str]
    content: bytes
    exchange: Exchange
    stored: str


class ResponseCache:
    """Responses of one vendor under ``<cache>/oparl-responses/<vendor>/``, valid for ``ttl`` seconds.

    Only answers stored before this cache object was made are served: within one run every request is live.
    """

    def __init__(self, vendor: str, ttl: float, root: Path | None = None, redactor: Redactor | None = None) -> None:
        self.ttl = ttl
        self.redactor = redactor or Redactor()
        self.declined = 0
        self.folder = (root or cache_dir()) / "oparl-responses" / vendor
        self.since = dt.datetime.now(dt.UTC)

    def key(self, url: str, params: Mapping[str, Any] | None) -> Path:
        """The file that holds the answer to one request."""
        text = url + "?" + json.dumps(sorted((params or {}).items()), default=str)
        digest = hashlib.sha256(text.encode()).hexdigest()
        return self.folder / digest[:2] / f"{digest}.json"

    def secret_in(self, url: str, params: Mapping[str, Any] | None, headers: Mapping[str, str], content: bytes) -> bool:
        """True if the request or the answer carries a secret anywhere but in a header the redactor blanks."""
        texts = [
            url,
            json.dumps(sorted((params or {}).items()), default=str),
            content.decode("utf-8", "surrogateescape"),
        ]
        texts += [f"{k}: {v}" for k, v in headers.items() if k.lower() not in self.redactor.headers]
        return any(self.redactor.text(text) != text for text in texts)

    def get(self, url: str, params: Mapping[str, Any] | None) -> Entry | None:
        """A stored answer younger than the TTL, else None."""
        path = self.key(url, params)
        try:
            raw = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return None
        stored = dt.datetime.fromisoformat(raw["stored"])
        if stored >= self.since or (dt.datetime.now(dt.UTC) - stored).total_seconds() > self.ttl:
            return None
        return Entry(
            raw["status"], raw["headers"], base64.b64decode(raw["content"]), Exchange(**raw["exchange"]), raw["stored"]
        )

    def put(
        self,
        url: str,
        params: Mapping[str, Any] | None,
        status: int,
        headers: Mapping[str, str],
        content: bytes,
        exchange: Exchange,
    ) -> None:
        """Store an answer (atomically; a failing disk never fails the run) unless it holds a secret."""
        if self.secret_in(url, params, headers, content):
            self.declined += 1
            return
        record = {
            "url": url,
            "status": status,
            "headers": self.redactor.header_map(headers),
            "content": base64.b64encode(content).decode(),
            "exchange": self.redactor.deep(exchange.to_json()),
            "stored": dt.datetime.now(dt.UTC).isoformat(timespec="microseconds"),
        }
        path = self.key(url, params)
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            handle, temp = tempfile.mkstemp(dir=path.parent, prefix=".entry-")
            with os.fdopen(handle, "w", encoding="utf-8") as out:
                json.dump(record, out)
            os.replace(temp, path)
        except OSError:
            return
