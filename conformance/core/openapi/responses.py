"""Which entry of a Responses Object documents a response status code.

OpenAPI 3.0.3 §4.7.16 and 3.1.0 §4.8.16 (Responses Object): a field named by an HTTP status code documents that
code; "To define a range of response codes, this field MAY contain the uppercase wildcard character X. For
example, 2XX represents all response codes between [200-299]. Only the following range definitions are allowed:
1XX, 2XX, 3XX, 4XX, and 5XX. If a response is defined using an explicit code, the explicit code definition takes
precedence over the range definition for that code." The field ``default`` documents "responses other than the
ones declared for specific HTTP response codes". A lowercase ``4xx`` or a partial ``40X`` is none of these (the
schemas of both versions allow only ``^[1-5](?:[0-9]{2}|XX)$`` and ``default``), so it documents nothing.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from conformance.core.openapi.refs import Located, References, escape

CODE = re.compile(r"[1-5][0-9]{2}")
RANGE = re.compile(r"[1-5]XX")


def documenting(responses: Mapping[Any, Any], status: int) -> str | None:
    """The field of a Responses Object that documents a status: the code, else its range, else ``default``."""
    fields = {str(key) for key in responses}
    for candidate in (str(status), f"{status // 100}XX", "default"):
        if candidate in fields:
            return candidate
    return None


def entry(responses: Mapping[Any, Any], status: int) -> tuple[str, Any] | None:
    """The documenting field and its (unresolved) response object, None if the status is undocumented."""
    key = documenting(responses, status)
    if key is None:
        return None
    return key, next(value for field, value in responses.items() if str(field) == key)


def documented_fields(responses: Mapping[Any, Any]) -> list[str]:
    """The fields that document statuses: explicit codes, the five ranges and ``default``, as written."""
    return sorted(str(k) for k in responses if CODE.fullmatch(str(k)) or RANGE.fullmatch(str(k)) or str(k) == "default")


def documented_response(refs: References, operation: str, status: int) -> Located | None:
    """The response object (references followed) that documents a status for the operation at a pointer."""
    responses = refs.follow(operation + "/responses")
    if responses is None or not isinstance(responses.node, dict):
        return None
    key = documenting(responses.node, status)
    found = None if key is None else refs.follow(f"{responses.pointer}/{escape(key)}")
    return found if found is not None and isinstance(found.node, dict) else None


def media_matches(documented: str, served: str) -> bool:
    """A served media type matches a key of a Content map: the type itself or a range such as ``text/*`` or
    ``*/*`` (OpenAPI 3.0.3 §4.7.11, 3.1.0 §4.8.12: "The key is a media type or media type range"); parameters
    are ignored, names compared case-insensitively (RFC 9110 §8.3.1)."""
    want, got = _parts(documented), _parts(served)
    if want is None or got is None:
        return False
    return all(w in ("*", g) for w, g in zip(want, got, strict=True))


def _parts(media_type: str) -> tuple[str, str] | None:
    main, _, sub = media_type.split(";", 1)[0].strip().lower().partition("/")
    return (main, sub) if main and sub and "/" not in sub else None
