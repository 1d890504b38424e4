"""Realistic sample runs for the report tests: vendors, two standards, profile, evidence, waivers, notes."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from conformance.core.evidence import Exchange, Locator, legacy
from conformance.core.harnessmessages import HARNESS, msg
from conformance.core.judgement import Examined
from conformance.core.messages import Catalogue, Message
from conformance.core.outcomes import Obligation, Outcome
from conformance.core.profile import Profile
from conformance.core.results import Finding, Header, Result, ResultsFile, WaiverRecord

FEAT = "http://www.opengis.net/spec/ogcapi-features-1/1.0"
SPEC = "https://docs.ogc.org/is/17-069r4/17-069r4.html"
OPARL = "https://schema.oparl.org/1.1"
HOSTILE = '<script>alert("x")</script><img src=x onerror=alert(1)> & "quotes" \x00\x07'

CLASSES = {
    "ogcapi-features-1": [
        (f"{FEAT}/conf/core", "core", "Kern", "Core"),
        (f"{FEAT}/conf/geojson", "geojson", "GeoJSON", "GeoJSON"),
        (f"{FEAT}/conf/html", "html", "HTML", "HTML"),
    ],
    "oparl-1.1": [(f"{OPARL}/conf/system", "system", "System", "System")],
}

REQUIREMENTS = [
    ("ogcapi-features-1", f"{FEAT}/conf/core", f"{FEAT}/req/core/root-op", "MUSS"),
    ("ogcapi-features-1", f"{FEAT}/conf/core", f"{FEAT}/req/core/root-success", "MUSS"),
    ("ogcapi-features-1", f"{FEAT}/conf/core", f"{FEAT}/req/core/fc-limit-default", "MUSS"),
    ("ogcapi-features-1", f"{FEAT}/conf/core", f"{FEAT}/rec/core/fc-md-descriptions", "SOLL"),
    ("ogcapi-features-1", f"{FEAT}/conf/geojson", f"{FEAT}/req/geojson/content", "MUSS"),
    ("ogcapi-features-1", f"{FEAT}/conf/geojson", f"{FEAT}/rec/geojson/mediatype", "SOLL"),
    ("ogcapi-features-1", f"{FEAT}/conf/html", f"{FEAT}/req/html/content", "MUSS"),
    ("oparl-1.1", f"{OPARL}/conf/system", f"{OPARL}/req/system/oparl-version", "MUSS"),
    ("oparl-1.1", f"{OPARL}/conf/system", f"{OPARL}/req/system/license", "KANN"),
]


SAMPLE = Catalogue.of(
    {
        "sample.media-type": ("items served as {type}", "Features ausgeliefert als {type}"),
        "sample.expected-geojson": ("expected application/geo+json", "application/geo+json erwartet"),
        "sample.sampling-cut": (
            "sampling cut: walked {count} of {total} pages",
            "Stichprobe: {count} von {total} Seiten durchlaufen",
        ),
        "sample.features": ("features on the first page", "Features auf der ersten Seite"),
    }
)
MESSAGES = HARNESS.merged(SAMPLE)


def standards() -> tuple[dict[str, Any], ...]:
    """Header entries of the two standards."""
    return tuple(
        {
            "id": sid,
            "title": sid.upper(),
            "title_de": sid.upper() + " (de)",
            "version": "1.0" if "feat" in sid else "1.1",
            "spec_url": SPEC if "feat" in sid else "https://oparl.org/spezifikation/",
            "classes": [
                {"uri": u, "short": s, "title_de": de, "title_en": en, "spec_url": f"{SPEC}#{s}"}
                for u, s, de, en in classes
            ],
        }
        for sid, classes in CLASSES.items()
    )


def target_of(vid: str, standard: str) -> str:
    """The label of a vendor's (first) target for a standard, as header and results name it."""
    return f"https://{vid}.example/{standard}"


def vendor(
    vid: str,
    name: str,
    claims: list[str] | None = None,
    standards_: tuple[str, ...] = tuple(CLASSES),
    targets: dict[str, tuple[str, ...]] | None = None,
) -> dict[str, Any]:
    """A header vendor entry with one target per standard, or the given target labels per standard."""
    found = targets or {s: (target_of(vid, s),) for s in standards_}
    return {
        "id": vid,
        "name": name,
        "version": "2.4.1",
        "product": "Geoportal",
        "targets": [
            {"standard": s, "target": label, "claims": claims} for s, labels in found.items() for label in labels
        ],
    }


def header(
    vendors: list[dict[str, Any]],
    profile: dict[str, Any] | None = None,
    finished: str | None = "2026-03-02T10:05:00+00:00",
    run_id: str = "run-0001-aaaa",
) -> Header:
    """A run header (the profile given as stored), worded from the harness's messages."""
    return Header(
        run_id=run_id,
        suite_version="0.1.0",
        started="2026-03-02T10:00:00+00:00",
        finished=finished,
        platform={"python": "3.11.9", "system": "Linux"},
        config={"vendors": {"path": "vendors.toml", "sha256": "a" * 64}},
        packs=({"id": "geojson-schema", "version": "1.0.5", "digest": "b" * 64},),
        vendors=tuple(vendors),
        standards=standards(),
        profile=Profile.from_json(profile) if profile else None,
        messages=MESSAGES,
    )


def text(value: str | Message) -> Message:
    """A message as it is, a plain English text as a legacy message (written without a code)."""
    return value if isinstance(value, Message) else legacy(value)


def result(vid: str, index: int, outcome: Outcome, **extra: Any) -> Result:
    """The result of requirement ``index`` of REQUIREMENTS for a vendor, with evidence for fails. A ``reason``
    or ``notes`` given as plain text becomes legacy messages, a ``profile_obligation`` as text the enum."""
    standard, cls, req, obligation = REQUIREMENTS[index]
    base = Result(
        vendor=vid,
        standard=standard,
        standard_version="1.0",
        cls=cls,
        requirement=req,
        obligation=Obligation(obligation),
        statement=f"Statement of {req.rsplit('/', 1)[-1]}.",
        outcome=outcome,
        test_id=f"conformance/suites/x/test_{index}.py::test_{index}[{vid}]",
        target=target_of(vid, standard),
        spec_url=f"{SPEC}#req-{index}",
        duration_ms=12.5,
    )
    if outcome is Outcome.PASS:
        base = replace(
            base,
            exchanges=(Exchange("GET", f"https://{vid}.example/", 200, elapsed_ms=4.2),),
            examined=(Examined(12, SAMPLE("sample.features")),),
        )
    if outcome is Outcome.FAIL:
        base = replace(base, reason=SAMPLE("sample.expected-geojson"), findings=(violation(),), exchanges=(exchange(),))
    if outcome is Outcome.ERROR:
        base = replace(base, reason=msg("error.TargetUnreachable", detail="connection refused"))
    return replace(base, **_typed(extra))


def _typed(extra: dict[str, Any]) -> dict[str, Any]:
    if "reason" in extra:
        extra["reason"] = text(extra["reason"]) if extra["reason"] else None
    if "notes" in extra:
        extra["notes"] = tuple(text(n) for n in extra["notes"])
    if isinstance(extra.get("profile_obligation"), str):
        extra["profile_obligation"] = Obligation(extra["profile_obligation"])
    if isinstance(extra.get("waiver"), dict):
        extra["waiver"] = WaiverRecord.from_json(extra["waiver"])
    return extra


def violation(message: str | Message | None = None) -> Finding:
    """A stored finding pointing at exchange 0."""
    message = message or SAMPLE("sample.media-type", type="application/json")
    return Finding(
        "media-type",
        text(message),
        "",
        Locator("https://v.example/collections/a/items", "/features/0"),
        "application/geo+json",
        {"content-type": "application/json"},
        0,
    )


def exchange(body: str = '{"type": "FeatureCollection"}') -> Exchange:
    """A stored HTTP exchange."""
    return Exchange(
        "GET",
        "https://v.example/collections/a/items?f=json",
        200,
        {"Accept": "application/geo+json", "Authorization": "[redacted]"},
        {"Content-Type": "application/json"},
        body,
        len(body),
        8.0,
    )


def sample_run(profile: bool = True, finished: bool = True) -> ResultsFile:
    """Three vendors: alpha conforms, beta fails GeoJSON and has a waiver, gamma is unreachable."""
    items = [
        {
            "standard": "ogcapi-features-1",
            "classes": [f"{FEAT}/conf/core", f"{FEAT}/conf/geojson"],
            "obligation": "MUSS",
        },
        {"standard": "ogcapi-features-1", "classes": [f"{FEAT}/conf/html"], "obligation": "SOLL"},
    ]
    prof = {"id": "tender-2026", "name": "Ausschreibung Geodaten 2026", "items": items} if profile else None
    waiver = {
        "vendor": "beta",
        "requirement": REQUIREMENTS[3][2],
        "reason": "fix in 2.5",
        "expires": "2026-12-31",
        "ticket": "https://tickets.example/42",
        "status": "applied",
    }
    results = [
        *(result("alpha", i, Outcome.PASS) for i in range(6)),
        result(
            "alpha",
            6,
            Outcome.NOT_APPLICABLE,
            reason=msg("not-claimed", cls=f"{FEAT}/conf/html", source=msg("source-vendors-file")),
        ),
        result("alpha", 7, Outcome.PASS, notes=(SAMPLE("sample.sampling-cut", count=5, total="?"),)),
        result("alpha", 8, Outcome.SKIP, reason="no license given"),
        *(result("beta", i, Outcome.PASS) for i in (0, 1, 2)),
        result(
            "beta",
            3,
            Outcome.WAIVED,
            waiver=waiver,
            reason=msg("waived", date="2026-12-31", why="fix in 2.5", text=SAMPLE("sample.expected-geojson")),
        ),
        result("beta", 4, Outcome.FAIL, vendor="beta"),
        result("beta", 5, Outcome.FAIL, findings=(violation(HOSTILE),), exchanges=(exchange(HOSTILE),)),
        *(result("gamma", i, Outcome.ERROR) for i in range(6)),
    ]
    vendors = [
        vendor("alpha", "Alpha GmbH"),
        vendor("beta", HOSTILE),
        vendor("gamma", "Gamma AG", standards_=("ogcapi-features-1",)),
    ]
    if prof is not None:
        results = [replace(r, profile_obligation=profile_obligation(prof, r.standard, r.cls)) for r in results]
    return ResultsFile(header(vendors, prof, "2026-03-02T10:05:00+00:00" if finished else None), tuple(results))


def profile_obligation(profile: dict[str, Any], standard: str, cls: str) -> Obligation | None:
    """What the plugin writes: MUSS if an item requires the class, SOLL if one recommends it."""
    return Profile.from_json(profile).obligation(standard, cls)
