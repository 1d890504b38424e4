"""The GetCapabilities probes: version negotiation (6.2.4), parameter rules (6.8.1), updateSequence (7.2.3.5).

Each probe is one request with what the standard expects of its answer; the checks turn the probes that missed
into findings.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping
from dataclasses import dataclass

from conformance.core.messages import Message
from conformance.suites.wms.api import Observed
from conformance.suites.wms.client import Answer, slim
from conformance.suites.wms.layers import q
from conformance.suites.wms.messages import m

CAPS = (q("WMS_Capabilities"), "WMT_MS_Capabilities")


@dataclass(frozen=True)
class Probe:
    """One request: what it asked, the answer, what was expected, and whether the answer kept it."""

    asked: Message
    answer: Answer
    expected: Message
    ok: bool


def _version(text: str) -> tuple[int, ...]:
    try:
        return tuple(int(p) for p in text.split("."))
    except ValueError:
        return ()


def served_version(answer: Answer) -> str:
    """The version of the capabilities in an answer ("" when it is no capabilities document)."""
    return answer.attributes.get("version", "") if answer.kind == "xml" and answer.root in CAPS else ""


NEGOTIATION: tuple[tuple[str | None, str, Callable[[tuple[int, ...]], bool]], ...] = (
    (None, "version-highest", lambda v: v >= (1, 3, 0)),
    ("1.3.0", "version-same", lambda v: v == (1, 3, 0)),
    ("100.0.0", "version-below-requested", lambda v: (1, 3, 0) <= v < (100, 0, 0)),
    ("0.0.1", "version-lowest", lambda v: (0, 0, 1) <= v <= (1, 3, 0)),
)


def negotiation(obs: Observed) -> list[Probe]:
    """GetCapabilities without VERSION, for 1.3.0, for a higher and for a lower unknown version."""
    out = []
    for version, expected, keeps in NEGOTIATION:
        params = {"SERVICE": "WMS", "REQUEST": "GetCapabilities", **({"VERSION": version} if version else {})}
        answer = slim(obs.client.call("GetCapabilities", params, standard=False))
        got = _version(served_version(answer))
        asked = m("asked-version", version=version) if version else m("asked-no-version")
        out.append(Probe(asked, answer, m(f"phrase-{expected}"), bool(got) and keeps(got)))
    return out


def parameter_rules(obs: Observed, getmap: Mapping[str, str] | None) -> list[Probe]:
    """Mixed-case parameter names and an extra parameter, on GetCapabilities and (given a request) on GetMap."""
    caps = {"SERVICE": "WMS", "REQUEST": "GetCapabilities", "VERSION": "1.3.0"}
    out = [
        _caps_probe(obs, _mixed(caps), m("asked-mixed-case", operation="GetCapabilities")),
        _caps_probe(obs, {**caps, "WECHSELBAR_EXTRA": "1"}, m("asked-extra", operation="GetCapabilities")),
    ]
    if getmap:
        request = {"SERVICE": "WMS", "VERSION": "1.3.0", "REQUEST": "GetMap", **getmap}
        for asked, params in (
            (m("asked-mixed-case", operation="GetMap"), _mixed(request)),
            (m("asked-extra", operation="GetMap"), {**request, "WECHSELBAR_EXTRA": "1"}),
        ):
            answer = obs.client.call("GetMap", params, standard=False)
            ok = answer.kind == "image" and answer.response.status == 200
            out.append(Probe(asked, answer, m("phrase-map"), ok))
    return out


def _mixed(params: Mapping[str, str]) -> dict[str, str]:
    return {"".join(c.lower() if i % 2 else c.upper() for i, c in enumerate(k)): v for k, v in params.items()}


def _caps_probe(obs: Observed, params: Mapping[str, str], asked: Message) -> Probe:
    answer = slim(obs.client.call("GetCapabilities", params, standard=False))
    return Probe(asked, answer, m("phrase-capabilities"), served_version(answer) == "1.3.0")


def update_sequence(obs: Observed) -> list[Probe]:
    """The advertised updateSequence asked for as it is, higher and lower (where the suite can derive them)."""
    current = obs.caps().update_sequence
    if current is None:
        return []
    higher, lower = neighbours(current)
    cases = [(current, "CurrentUpdateSequence"), (higher, "InvalidUpdateSequence"), (lower, "")]
    out = []
    for value, code in cases:
        if value is None:
            continue
        answer = slim(obs.client.call("GetCapabilities", {"UPDATESEQUENCE": value}))
        ok = code in answer.codes if code else served_version(answer) == "1.3.0"
        expected = m("phrase-exception", exception=code) if code else m("phrase-capabilities")
        out.append(Probe(m("asked-update-sequence", value=value), answer, expected, ok))
    return out


def neighbours(value: str) -> tuple[str | None, str | None]:
    """A higher and a lower updateSequence: integers ±1, ISO 8601 timestamps ±1 day, else unknown."""
    text = value.strip()
    if text.lstrip("-").isdigit():
        return str(int(text) + 1), str(int(text) - 1)
    try:
        stamp = dt.datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        return None, None
    day = dt.timedelta(days=1)
    return _iso(stamp + day, text), _iso(stamp - day, text)


def _iso(stamp: dt.datetime, like: str) -> str:
    if "T" not in like:
        return stamp.date().isoformat()
    return stamp.isoformat().replace("+00:00", "Z") if like.endswith("Z") else stamp.isoformat()
