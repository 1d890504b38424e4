"""What ``conformance roundtrip`` does: pick the targets, run the adapter, store the transfer, clean up."""

from __future__ import annotations

import importlib
from pathlib import Path
from typing import Any

from conformance.commands.common import ERR
from conformance.core.config import ConfigError
from conformance.core.http import SafeSession, TargetError
from conformance.core.journal import Journal, Leftover, leftovers
from conformance.core.roundtrip import Adapter, round_trip
from conformance.core.transfer import Problem, Transfer
from conformance.core.transferfile import read_transfers, store_transfer
from conformance.core.vendors import Target, Vendor, VendorsFile

# standard id → the adapter class beside its suite
ADAPTERS = {
    "ogcapi-features-1": "conformance.suites.ogcapi_features.transfer:FeaturesTransfer",
    "ngsi-ld": "conformance.suites.ngsild.transfer:NgsiLdTransfer",
    "sensorthings-1.1": "conformance.suites.sensorthings.transfer:SensorThingsTransfer",
}
# standard id → how ``--cleanup`` finds the marked items of a write B did not answer (where B names the ids)
FINDERS = {"sensorthings-1.1": "conformance.suites.sensorthings.transfer_marks:find"}


def transfer(
    vendors: Path, source: str, target: str, standard: str | None, sample: int | None, out: Path, lang: str
) -> Transfer:
    """One round trip from vendor ``source`` to vendor ``target``, stored in ``out``."""
    from conformance.harness.runconfig import load_run_config, now  # noqa: PLC0415

    loaded = load_run_config(vendors).vendors
    a, b = _vendor(loaded, source), _vendor(loaded, target)
    chosen = _standard(loaded, a, b, standard)
    read_from, write_to = _targets(loaded, a, b, chosen)
    if leftovers(out)[1]:
        raise ConfigError(
            str(out), [f"a killed round trip left items behind: run conformance roundtrip --cleanup {out}"]
        )
    done = Transfer(a.id, b.id, chosen, now(), sample=sample)
    journal = Journal(out, loaded.redactor)
    journal.note("start", vendors=str(vendors.resolve()), vendor=b.id, standard=chosen)
    try:
        if write_to.options.get("writes") is not True:
            done.problems.append(Problem("not-opted-in", write_to.display))
        else:
            round_trip(_adapter(chosen, loaded, a, read_from, b, write_to), journal, done)
    finally:
        journal.close(finished=done.removed == done.written)
    done.finished = now()
    store_transfer(out, done, loaded.redactor)
    _rerender(out, lang)
    return done


def _vendor(loaded: VendorsFile, vendor_id: str) -> Vendor:
    try:
        return loaded.vendor(vendor_id)
    except KeyError:
        raise ConfigError(loaded.path, [f"no vendor {vendor_id!r} in this file"]) from None


def _standard(loaded: VendorsFile, a: Vendor, b: Vendor, standard: str | None) -> str:
    shared = {t.standard for t in a.targets} & {t.standard for t in b.targets} & set(ADAPTERS)
    if standard is not None and standard not in shared:
        known = ", ".join(sorted(shared)) or "none"
        raise ConfigError(loaded.path, [f"--standard {standard}: not a round-trip standard of both (shared: {known})"])
    if standard is None and len(shared) != 1:
        known = ", ".join(sorted(shared)) or "none"
        raise ConfigError(loaded.path, [f"name the standard with --standard (round-trip standards of both: {known})"])
    return standard or shared.pop()


def _targets(loaded: VendorsFile, a: Vendor, b: Vendor, standard: str) -> tuple[Target, Target]:
    """A's first target of the standard; B's target with ``writes = true`` (else its first)."""
    sources = [t for t in a.targets if t.standard == standard and t.urls]
    sinks = [t for t in b.targets if t.standard == standard and t.urls]
    if not sources or not sinks:
        raise ConfigError(loaded.path, [f"{standard}: a target with a URL is needed for both vendors"])
    writable = [t for t in sinks if t.options.get("writes") is True]
    return sources[0], (writable or sinks)[0]


def _adapter(standard: str, loaded: VendorsFile, a: Vendor, source: Target, b: Vendor, sink: Target) -> Adapter:
    factory = _load(ADAPTERS[standard])
    adapter: Adapter = factory(SafeSession(a, loaded.redactor), source, SafeSession(b, loaded.redactor), sink)
    return adapter


def _load(spec: str) -> Any:
    module, name = spec.split(":")
    return getattr(importlib.import_module(module), name)


def _rerender(out: Path, lang: str) -> None:
    """A run's folder gets its reports again, now with the data transfer section."""
    if not (out / "results.jsonl").is_file():
        return
    from conformance.core.results import read_run  # noqa: PLC0415
    from conformance.reporting.files import write_all  # noqa: PLC0415
    from conformance.reporting.model import build_report  # noqa: PLC0415

    write_all(build_report(read_run(out / "results.jsonl"), read_transfers(out)), out, lang)


def clean_up(folder: Path, vendors: Path | None) -> bool:
    """Remove what the journal in ``folder`` names and no run removed; True when nothing is left."""
    from conformance.core.vendors import load_vendors  # noqa: PLC0415

    start, left = leftovers(folder)
    if not left:
        ERR.print(f"{folder}: nothing to clean up", highlight=False)
        return True
    loaded = load_vendors(vendors or Path(start["vendors"]))
    session = SafeSession(_vendor(loaded, start["vendor"]), loaded.redactor)
    journal = Journal(folder, loaded.redactor)
    for item in reversed(left):  # written last, removed first: what depends on an item goes before it
        try:
            gone = _swept(session, item, start.get("standard", "")) if item.marker else _gone(session, item)
        except (TargetError, LookupError) as exc:
            text = exc.message.text if isinstance(exc, TargetError) else str(exc)
            ERR.print(f"{item.url}: {text}", highlight=False, markup=False)
            continue
        if gone:
            journal.note("removed", url=item.url)
    journal.close(finished=True)
    remaining = leftovers(folder)[1]
    for item in remaining:
        ERR.print(f"still there: {item.url}", highlight=False, markup=False)
    return not remaining


def _gone(session: SafeSession, item: Leftover) -> bool:
    """Delete the item if it is there (or was created for sure); True when it is not there any more."""
    there = item.certain or session.get(item.url).status == 200
    return not there or session.request("DELETE", item.url).status in (200, 204, 404)


def _swept(session: SafeSession, item: Leftover, standard: str) -> bool:
    """Delete every item the search URL lists with the run's marker; True when it lists none any more."""
    if standard not in FINDERS:
        raise LookupError(f"no way to find the marked items of {standard or 'this journal'}")
    find = _load(FINDERS[standard])
    for url in find(session, item.url, item.marker):
        session.request("DELETE", url)
    return not find(session, item.url, item.marker)
