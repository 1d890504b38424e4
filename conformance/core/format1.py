"""Results files of format ``wechselbar-results/1``, read into the records of format 2.

Format 1 stored reasons, notes and findings as English texts, without a catalogue. They become messages with
the code ``legacy``: reports show them as written. Nothing is lost that format 1 held.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from conformance.core.evidence import Exchange, Locator, legacy
from conformance.core.judgement import Examined
from conformance.core.outcomes import Obligation, Outcome
from conformance.core.records import Finding, Header, Result, WaiverRecord

FORMAT = "wechselbar-results/1"


def header(data: Mapping[str, Any]) -> Header:
    """A format-1 header: format 2's fields without a message catalogue (its texts are legacy messages)."""
    return Header.from_json({**data, "messages": {}})


def result(data: Mapping[str, Any]) -> Result:
    """A format-1 result record: every text a legacy message."""
    reason = str(data.get("reason") or "")
    profile = data.get("profile_obligation")
    return Result(
        str(data["vendor"]),
        str(data["standard"]),
        str(data["standard_version"]),
        str(data["cls"]),
        str(data["requirement"]),
        Obligation(data["obligation"]),
        str(data["statement"]),
        Outcome(data["outcome"]),
        str(data["test_id"]),
        str(data.get("target", "")),
        str(data.get("spec_url", "")),
        legacy(reason) if reason else None,
        float(data.get("duration_ms", 0.0)),
        Obligation(profile) if profile else None,
        tuple(_finding(v) for v in data.get("violations", ())),
        tuple(Exchange.from_json(dict(e)) for e in data.get("exchanges", ())),
        tuple(legacy(str(n)) for n in data.get("notes", ())),
        WaiverRecord.from_json(data["waiver"]) if data.get("waiver") else None,
        tuple(Examined(int(e["count"]), legacy(str(e["message"].get("text", "")))) for e in data.get("examined", ())),
        int(data.get("findings_omitted", 0)),
        data.get("revision"),
    )


def _finding(data: Mapping[str, Any]) -> Finding:
    return Finding(
        str(data["kind"]),
        legacy(str(data["message"])),
        str(data.get("requirement", "")),
        Locator.from_json(dict(data.get("locator") or {})),
        _value(data.get("expected")),
        _value(data.get("actual")),
        data.get("exchange"),
    )


def _value(value: Any) -> Any:
    """A stored message (format 1 kept phrases as ``{code, params, text}``) as its text, data as it is."""
    if isinstance(value, dict) and {"code", "params", "text"} <= value.keys():
        return legacy(str(value["text"]))
    return value
