"""TEST DOUBLE: HTTP routing of the OParl test server, including the transport-level defects."""

from __future__ import annotations

import datetime as dt
import json
import re
import time
from email.utils import format_datetime, parsedate_to_datetime
from http.server import BaseHTTPRequestHandler
from typing import Any
from urllib.parse import parse_qsl, urlsplit

from conformance.demo.oparl_people import LIST_PATHS
from conformance.demo.oparl_render import BadRequest, View

LISTS = {path: name for name, path in LIST_PATHS.items()}
OBJECT = re.compile(r"^([a-z]+)/(\d+)$")
FILE = re.compile(r"^files/(download/)?(\d+)\.pdf$")
Reply = tuple[int, dict[str, str], bytes]


class Handler(BaseHTTPRequestHandler):
    """Routes /<tenant>/... to the tenant's view; quiet, keep-alive, GET and HEAD only."""

    server_version = "wechselbar-oparl-test-double/1"
    protocol_version = "HTTP/1.1"
    disable_nagle_algorithm = True
    wbufsize = -1

    def log_message(self, format: str, *args: Any) -> None:
        """Stay quiet."""

    def do_GET(self) -> None:
        """Serve a GET."""
        self._serve(with_body=True)

    def do_HEAD(self) -> None:
        """Serve a HEAD."""
        self._serve(with_body=False)

    def _serve(self, with_body: bool) -> None:
        latency = float(getattr(self.server, "latency", 0.0))
        if latency:
            time.sleep(latency)
        parts = urlsplit(self.path)
        status, headers, body = self._route(parts.path, dict(parse_qsl(parts.query)))
        self.send_response(status)
        headers["Content-Length"] = str(len(body))
        headers["X-Test-Double"] = "wechselbar OParl test double"
        for name, value in headers.items():
            self.send_header(name, value)
        self.end_headers()
        if with_body:
            self.wfile.write(body)

    def _route(self, path: str, query: dict[str, str]) -> Reply:
        for view in self.server.views.values():  # type: ignore[attr-defined]
            prefix = urlsplit(view.data.base).path + "/"
            if path.startswith(prefix):
                return self._tenant(view, path[len(prefix) :], query)
        return 404, {"Content-Type": "text/plain"}, b"no such tenant"

    def _tenant(self, view: View, rest: str, query: dict[str, str]) -> Reply:
        if FILE.match(rest):
            return self._file(view, FILE.match(rest))  # type: ignore[arg-type]
        if (
            "session-cookie" in view.defects
            and rest != "system"
            and "RIS_SESSION=1" not in self.headers.get("Cookie", "")
        ):
            return self._error(view, 403, "Sitzung abgelaufen", rest)
        try:
            return self._json_route(view, rest, query)
        except BadRequest as exc:
            return self._error(view, 400, "Ungültiger Filter", str(exc))

    def _json_route(self, view: View, rest: str, query: dict[str, str]) -> Reply:
        if rest == "system":
            reply = self._json(view, 200, view.system())
            if "session-cookie" in view.defects:
                reply[1]["Set-Cookie"] = "RIS_SESSION=1; Path=/"
            return reply
        if rest == "bodies":
            return self._json(view, 200, view.page("body", query))
        if rest.startswith("body/1/") and rest[7:] in LISTS:
            return self._list(view, LISTS[rest[7:]], query)
        if rest in view.data.sublists:
            if "object-lists-404" in view.defects:
                return self._unknown(view, rest)
            return self._json(view, 200, view.page(rest, query))
        match = OBJECT.match(rest)
        if match and rest in view.data.records:
            return self._object(view, rest, query)
        return self._unknown(view, rest)

    def _list(self, view: View, name: str, query: dict[str, str]) -> Reply:
        if name == "meeting" and "list-500" in view.defects:
            return 500, {"Content-Type": "text/plain"}, b"Internal Server Error"
        if name == "locationList" and "not-json" in view.defects:
            return 200, self._cors(view, "text/html; charset=utf-8"), b"<html><body>Wartungsarbeiten</body></html>"
        return self._json(view, 200, view.page(name, query))

    def _object(self, view: View, key: str, query: dict[str, str]) -> Reply:
        record = view.data.records[key]
        if record.deleted and "hard-delete" in view.defects:
            return self._error(view, 410, "Gelöscht", key)
        if record.type == "Location" and "embedded-unretrievable" in view.defects:
            return self._unknown(view, key)
        return self._json(view, 200, view.object(key, query.get("omit_internal") == "true"))

    def _unknown(self, view: View, rest: str) -> Reply:
        if "error-html" in view.defects:
            return 404, {"Content-Type": "text/html"}, b"<html><body>Nicht gefunden</body></html>"
        return self._error(view, 200 if "error-200" in view.defects else 404, "Nicht gefunden", rest)

    def _error(self, view: View, status: int, message: str, debug: str) -> Reply:
        error = {"type": view.type_url("Error"), "message": message, "debug": debug}
        return self._json(view, status, error)

    def _json(self, view: View, status: int, payload: Any) -> Reply:
        if view.echo and isinstance(payload, dict):
            payload = {**payload, "wechselbar:requestHeaders": dict(self.headers)}
        body = json.dumps(payload, ensure_ascii=False).encode("utf-8")
        if "bom" in view.defects:
            body = b"\xef\xbb\xbf" + body
        headers = self._cors(view, "application/json; charset=utf-8")
        if view.echo:
            headers["X-Echo-Authorization"] = self.headers.get("Authorization", "")
        return status, headers, body

    def _cors(self, view: View, media_type: str) -> dict[str, str]:
        headers = {"Content-Type": media_type}
        if "no-cors" not in view.defects:
            headers["Access-Control-Allow-Origin"] = "*"
        if "cors-methods" in view.defects:
            headers["Access-Control-Allow-Methods"] = "POST"
        return headers

    def _file(self, view: View, match: re.Match[str]) -> Reply:
        record = view.data.records.get(f"file/{match.group(2)}")
        if record is None or "file-404" in view.defects:
            return 404, {"Content-Type": "text/plain"}, b"not found"
        stamp = format_datetime(record.modified.astimezone(dt.UTC), usegmt=True)
        tag = f'"file-{match.group(2)}-{int(record.modified.timestamp())}"'
        headers = {"Content-Type": "application/pdf"}
        if "no-file-headers" not in view.defects:
            headers.update({"Last-Modified": stamp, "ETag": tag})
        if match.group(1) and "no-download-disposition" not in view.defects:
            headers["Content-Disposition"] = f'attachment; filename="{record.fields["fileName"]}"'
        elif not match.group(1) and "file-attachment" in view.defects:
            headers["Content-Disposition"] = "attachment"
        if self._not_modified(view, tag, record.modified.timestamp()):
            return 304, headers, b""
        return 200, headers, f"%PDF-1.4\n% wechselbar OParl test double, {record.key}\n%%EOF\n".encode()

    def _not_modified(self, view: View, tag: str, modified: float) -> bool:
        if "no-conditional-get" in view.defects or "no-file-headers" in view.defects:
            return False
        if self.headers.get("If-None-Match") == tag:
            return True
        since = self.headers.get("If-Modified-Since")
        if not since:
            return False
        try:
            return parsedate_to_datetime(since).timestamp() >= int(modified)
        except (TypeError, ValueError):
            return False
