"""JUnit XML: one testsuite per vendor × standard, one testcase per vendor × requirement (per result record).

classname is ``vendor.standard.class``, name is the requirement URI; properties carry the requirement and class
URIs and both obligations. fail → <failure>, error → <error>, skip / not applicable / not verified / waived →
<skipped>.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Iterable

from lxml import etree

from conformance.core.evidence import Exchange
from conformance.core.outcomes import Outcome
from conformance.core.results import Result, ResultsFile
from conformance.reporting.header import columns, vendors
from conformance.reporting.i18n import Labels
from conformance.reporting.model import Report
from conformance.reporting.text import (
    banner,
    clean,
    examined_text,
    exchange_line,
    finding_exchanges,
    locator,
    redirect_target,
    value,
)

SKIPPED = (Outcome.SKIP, Outcome.NOT_APPLICABLE, Outcome.NOT_VERIFIED, Outcome.WAIVED)


def render_junit(report: Report, lang: str = "de") -> bytes:
    """The JUnit XML document of a run."""
    run, t = report.run, report.words(lang)
    suites: dict[tuple[str, str], list[Result]] = {}
    for result in sorted(run.results, key=lambda r: (r.vendor, r.standard, r.cls, r.requirement, r.test_id)):
        suites.setdefault((result.vendor, result.standard), []).append(result)
    root = etree.Element("testsuites", name="wechselbar")
    shorts = {(c.standard, c.uri): c.short or c.uri for c in columns(run)}
    for (vendor, standard), found in suites.items():
        root.append(_suite(run, vendor, standard, found, shorts, t))
    _totals(root, run.results)
    stop = banner(run, lang)
    if stop:
        _incomplete(root, run, *stop)
    return bytes(etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True))


def _suite(
    run: ResultsFile, vendor: str, standard: str, results: list[Result], shorts: dict[tuple[str, str], str], t: Labels
) -> etree._Element:
    suite = etree.Element(
        "testsuite",
        name=clean(f"{vendor}.{standard}"),
        timestamp=_timestamp(run.header.started),
        hostname=clean(run.header.platform.get("node", "") or "wechselbar"),
    )
    _properties(suite, _suite_properties(run, vendor, standard))
    names = Counter((r.cls, r.requirement) for r in results)
    for result in results:
        classname = f"{vendor}.{standard}.{shorts.get((standard, result.cls), result.cls)}"
        name = (
            result.requirement
            if names[(result.cls, result.requirement)] == 1
            else f"{result.requirement} [{result.test_id}]"
        )
        suite.append(_case(result, clean(classname), clean(name), t))
    _totals(suite, results)
    return suite


def _incomplete(root: etree._Element, run: ResultsFile, title: str, text: str) -> None:
    """An incomplete run is one more failing testcase, first, so a CI test report never shows it green."""
    suite = etree.Element(
        "testsuite",
        name="wechselbar.run",
        tests="1",
        failures="0",
        errors="1",
        skipped="0",
        time="0.000",
        timestamp=_timestamp(run.header.started),
    )
    case = etree.SubElement(suite, "testcase", classname="wechselbar.run", name=clean(title), time="0.000")
    etree.SubElement(case, "error", message=clean(f"{title}: {text}"), type="incomplete").text = clean(text)
    root.insert(0, suite)
    for name in ("tests", "errors"):
        root.set(name, str(int(root.get(name, "0")) + 1))


def _suite_properties(run: ResultsFile, vendor: str, standard: str) -> list[tuple[str, object]]:
    info = next((v for v in vendors(run) if v["id"] == vendor), {})
    profile = run.header.profile
    return [
        ("vendor", vendor),
        ("vendor.name", info.get("name", "")),
        ("vendor.product", info.get("product", "")),
        ("vendor.version", info.get("version", "")),
        ("standard", standard),
        ("run_id", run.header.run_id),
        ("suite_version", run.header.suite_version),
        ("profile", profile.name if profile else ""),
        ("run.complete", "true" if run.complete else "false"),
    ]


def _case(result: Result, classname: str, name: str, t: Labels) -> etree._Element:
    case = etree.Element("testcase", classname=classname, name=name, time=f"{result.duration_ms / 1000:.3f}")
    _properties(
        case,
        [
            ("requirement", result.requirement),
            ("class", result.cls),
            ("obligation", result.obligation),
            ("profile_obligation", result.profile_obligation or ""),
            ("outcome", result.outcome.value),
            ("standard_version", result.standard_version),
            ("test_id", result.test_id),
            ("target", result.target),
            ("spec_url", result.spec_url),
            ("waiver", result.waiver.status if result.waiver else ""),
            ("examined", examined_text(result.examined, t)),
            ("revision", result.revision or ""),
        ],
    )
    reason = t.msg(result.reason) or result.statement
    message = clean(f"{t(f'outcome.{result.outcome}')}: {reason}")
    if result.outcome is Outcome.FAIL:
        etree.SubElement(case, "failure", message=message, type="fail").text = _details(result, t)
    elif result.outcome is Outcome.ERROR:
        etree.SubElement(case, "error", message=message, type="error").text = _details(result, t)
    elif result.outcome in SKIPPED:
        etree.SubElement(case, "skipped", message=message, type=result.outcome.value)
    if result.notes:
        etree.SubElement(case, "system-out").text = clean("\n".join(t.msg(n) for n in result.notes))
    return case


def _details(result: Result, t: Labels) -> str:
    lines = [result.statement, t.msg(result.reason)]
    for f in result.findings:
        lines += [
            f"- [{t.kind(f.kind)}] {t.msg(f.message)}",
            f"  {t('locator')}: {locator(f.locator)}",
            f"  {t('expected')}: {value(f.expected, t)}",
            f"  {t('actual')}: {value(f.actual, t)}",
        ]
        lines += [_http(ex, t) for ex in finding_exchanges(result, f)]
    return clean("\n".join(line for line in lines if line))


def _http(ex: Exchange, t: Labels) -> str:
    """One exchange of a finding; a redirect marked as such, with its Location."""
    tag = f" ({t('redirect')})" if redirect_target(ex) else ""
    return f"  http{tag}: {exchange_line(ex, '->')}"


def _properties(parent: etree._Element, items: Iterable[tuple[str, object]]) -> None:
    props = etree.SubElement(parent, "properties")
    for key, val in items:
        etree.SubElement(props, "property", name=key, value=clean(val))


def _totals(element: etree._Element, results: Iterable[Result]) -> None:
    found = list(results)
    counts = Counter(r.outcome for r in found)
    element.set("tests", str(len(found)))
    element.set("failures", str(counts[Outcome.FAIL]))
    element.set("errors", str(counts[Outcome.ERROR]))
    element.set("skipped", str(sum(counts[o] for o in SKIPPED)))
    element.set("time", f"{sum(r.duration_ms for r in found) / 1000:.3f}")


def _timestamp(started: str) -> str:
    """ISO 8601 without offset (in UTC), the form JUnit consumers expect."""
    try:
        moment = dt.datetime.fromisoformat(started)
    except ValueError:
        return "1970-01-01T00:00:00"
    if moment.tzinfo is not None:
        moment = moment.astimezone(dt.UTC).replace(tzinfo=None)
    return moment.isoformat(timespec="seconds")
