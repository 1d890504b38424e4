"""Realistic sample runs for the report tests: vendors, two standards, profile, evidence, waivers, notes."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from conformance.core.outcomes import Outcome
from conformance.core.results import Header, Result, Run

FEAT = "http://www.opengis.net/spec/ogcapi-features-1/1.0"
SPEC = "https://docs.ogc.org/is/17-069r4/17-069r4.html"
OPARL = "https://schema.oparl.org/1.1"
HOSTILE = '<script>alert("x")</script><img src=x onerror=alert(1)> & "quotes" \x00\x07'

CLASSES = {
    "ogcapi-features-1": [(f"{FEAT}/conf/core", "core", "Kern", "Core"),
                          (f"{FEAT}/conf/geojson", "geojson", "GeoJSON", "GeoJSON"),
                          (f"{FEAT}/conf/html", "html", "HTML", "HTML")],
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


def standards() -> tuple[dict[str, Any], ...]:
    """Header entries of the two standards."""
    return tuple(
        {"id": sid, "title": sid.upper(), "title_de": sid.upper() + " (de)", "version": "1.0" if "feat" in sid
         else "1.1", "spec_url": SPEC if "feat" in sid else "https://oparl.org/spezifikation/",
         "classes": [{"uri": u, "short": s, "title_de": de, "title_en": en, "spec_url": f"{SPEC}#{s}"}
                     for u, s, de, en in classes]}
        for sid, classes in CLASSES.items())


def target_of(vid: str, standard: str) -> str:
    """The label of a vendor's (first) target for a standard, as header and results name it."""
    return f"https://{vid}.example/{standard}"


def vendor(vid: str, name: str, claims: list[str] | None = None, standards_: tuple[str, ...] = tuple(CLASSES),
           targets: dict[str, tuple[str, ...]] | None = None) -> dict[str, Any]:
    """A header vendor entry with one target per standard, or the given target labels per standard."""
    found = targets or {s: (target_of(vid, s),) for s in standards_}
    return {"id": vid, "name": name, "version": "2.4.1", "product": "Geoportal",
            "targets": [{"standard": s, "target": label, "claims": claims} for s, labels in found.items()
                        for label in labels]}


def header(vendors: list[dict[str, Any]], profile: dict[str, Any] | None = None, finished: str | None =
           "2026-03-02T10:05:00+00:00", run_id: str = "run-0001-aaaa") -> Header:
    """A run header."""
    return Header(
        run_id=run_id, suite_version="0.1.0", started="2026-03-02T10:00:00+00:00", finished=finished,
        platform={"python": "3.11.9", "system": "Linux"},
        config={"vendors": {"path": "vendors.toml", "sha256": "a" * 64}},
        packs=({"id": "geojson-schema", "version": "1.0.5", "digest": "b" * 64},),
        vendors=tuple(vendors), standards=standards(), profile=profile)


def result(vid: str, index: int, outcome: Outcome, **extra: Any) -> Result:
    """The result of requirement ``index`` of REQUIREMENTS for a vendor, with evidence for fails."""
    standard, cls, req, obligation = REQUIREMENTS[index]
    base = Result(
        vendor=vid, standard=standard, standard_version="1.0", cls=cls, requirement=req, obligation=obligation,
        statement=f"Statement of {req.rsplit('/', 1)[-1]}.", outcome=outcome,
        test_id=f"conformance/suites/x/test_{index}.py::test_{index}[{vid}]", target=target_of(vid, standard),
        spec_url=f"{SPEC}#req-{index}", duration_ms=12.5)
    if outcome is Outcome.PASS:
        base = replace(base, exchanges=({"method": "GET", "url": f"https://{vid}.example/", "status": 200,
                                         "elapsed_ms": 4.2},))
    if outcome is Outcome.FAIL:
        base = replace(base, reason="expected application/geo+json", violations=(violation(),),
                       exchanges=(exchange(),))
    if outcome is Outcome.ERROR:
        base = replace(base, reason="TargetUnreachable: connection refused")
    return replace(base, **extra)


def violation(message: str = "items served as application/json") -> dict[str, Any]:
    """A stored violation pointing at exchange 0."""
    return {"kind": "media-type", "requirement": "", "message": message,
            "locator": {"where": "https://v.example/collections/a/items", "pointer": "/features/0"},
            "expected": "application/geo+json", "actual": {"content-type": "application/json"}, "exchange": 0}


def exchange(body: str = '{"type": "FeatureCollection"}') -> dict[str, Any]:
    """A stored HTTP exchange."""
    return {"method": "GET", "url": "https://v.example/collections/a/items?f=json", "status": 200,
            "request_headers": {"Accept": "application/geo+json", "Authorization": "[redacted]"},
            "response_headers": {"Content-Type": "application/json"}, "body_excerpt": body,
            "body_bytes": len(body), "elapsed_ms": 8.0, "error": ""}


def sample_run(profile: bool = True, finished: bool = True) -> Run:
    """Three vendors: alpha conforms, beta fails GeoJSON and has a waiver, gamma is unreachable."""
    items = [{"standard": "ogcapi-features-1", "classes": [f"{FEAT}/conf/core", f"{FEAT}/conf/geojson"],
              "obligation": "MUSS"},
             {"standard": "ogcapi-features-1", "classes": [f"{FEAT}/conf/html"], "obligation": "SOLL"}]
    prof = {"id": "tender-2026", "name": "Ausschreibung Geodaten 2026", "items": items} if profile else None
    waiver = {"vendor": "beta", "requirement": REQUIREMENTS[3][2], "reason": "fix in 2.5", "expires": "2026-12-31",
              "ticket": "https://tickets.example/42", "status": "applied"}
    results = [
        *(result("alpha", i, Outcome.PASS) for i in range(6)),
        result("alpha", 6, Outcome.NOT_APPLICABLE, reason="class not claimed"),
        result("alpha", 7, Outcome.PASS, notes=("sampling cut: walked 5 of ? pages",)),
        result("alpha", 8, Outcome.SKIP, reason="no license given"),
        *(result("beta", i, Outcome.PASS) for i in (0, 1, 2)),
        result("beta", 3, Outcome.WAIVED, waiver=waiver, reason="waived until 2026-12-31"),
        result("beta", 4, Outcome.FAIL, vendor="beta"),
        result("beta", 5, Outcome.FAIL, violations=(violation(HOSTILE),), exchanges=(exchange(HOSTILE),)),
        *(result("gamma", i, Outcome.ERROR) for i in range(6)),
    ]
    vendors = [vendor("alpha", "Alpha GmbH"), vendor("beta", HOSTILE),
               vendor("gamma", "Gamma AG", standards_=("ogcapi-features-1",))]
    if prof is not None:
        results = [replace(r, profile_obligation=profile_obligation(prof, r.standard, r.cls)) for r in results]
    return Run(header(vendors, prof, "2026-03-02T10:05:00+00:00" if finished else None), tuple(results))


def profile_obligation(profile: dict[str, Any], standard: str, cls: str) -> str | None:
    """What the plugin writes: MUSS if an item requires the class, SOLL if one recommends it."""
    found = {i["obligation"] for i in profile["items"]
             if i["standard"] == standard and (not i["classes"] or cls in i["classes"])}
    return "MUSS" if "MUSS" in found else ("SOLL" if found else None)
