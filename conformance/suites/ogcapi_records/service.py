"""What the suite observes of one Records API: the Features observation, with catalogs in place of feature collections.

The landing page is read once when the observation is made (as for OGC API – Features); /conformance,
/collections, each catalog's first items page, single records and paging walks are fetched by the first check that
needs them and kept for the others. A catalog is an entry of /collections whose itemType is the string ``record``
(/req/records-api/records-op B).
"""

from __future__ import annotations

from typing import Any

from conformance.core.evidence import Skipped
from conformance.harness.suite import CheckContext
from conformance.harness.target import TargetContext
from conformance.suites.ogcapi_features import service as features
from conformance.suites.ogcapi_features.responses import features as members
from conformance.suites.ogcapi_features.responses import require
from conformance.suites.ogcapi_records.messages import r

Entry = dict[str, Any]
Record = dict[str, Any]


class Service(features.Service):
    """One Records API as the checks see it; each document is fetched once."""

    def sample(self) -> features.Sample:
        """The catalogs checked (itemType record, capped); skip when /collections is unusable or lists none."""
        entries = require(self.collections(), "/collections").member("collections", [])
        entries = entries if isinstance(entries, list) else []
        found = [
            c for c in entries if isinstance(c, dict) and isinstance(c.get("id"), str) and c.get("itemType") == "record"
        ]
        notes = [r("note.not-catalogs", count=len(entries) - len(found))] if len(found) < len(entries) else []
        cap = self.target.option("max_collections", 5)
        if len(found) > cap:
            notes.append(r("note.catalogs-cut", cap=cap, total=len(found)))
        if not found:
            raise Skipped(r("skip.no-catalog"))
        return features.Sample(found[:cap], notes)


Ctx = CheckContext[Service]


def observe(target: TargetContext) -> Service:
    """The landing page of a target; one that gives no JSON object ends every check with the reason."""
    landing = features.observe(target).landing
    return Service(target, landing)


def catalogs(ctx: Ctx) -> list[Entry]:
    """The catalogs checked, with a note on what the sample left out."""
    return features.collections(ctx)  # type: ignore[arg-type]


def records(ctx: Ctx) -> list[tuple[str, Record]]:
    """(catalog, record) for the first ``max_features`` records of each catalog's first items page."""
    cap = ctx.target.option("max_features", 3)
    out = [(c["id"], f) for c in catalogs(ctx) for f in members(ctx.observation.items(c["id"]))[:cap]]
    if not out:
        raise Skipped(r("skip.no-records"))
    return out


def record_id(record: Record) -> str:
    """A record's id as named in messages."""
    return str(record.get("id"))
