"""Boxes around a seed feature, in CRS84 and in another CRS: the probes of bbox-crs and filter-crs."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from conformance.core.evidence import ValueViolation, Violation
from conformance.suites.ogcapi_features.responses import Doc, features
from conformance.suites.ogcapi_features.service import Entry
from conformance.suites.ogcapi_features_query import reproject
from conformance.suites.ogcapi_features_query.messages import q
from conformance.suites.ogcapi_features_query.probe import Ctx, Feature, located, other_crss

MARGIN, SLACK = 0.01, 0.05
Box = tuple[float, float, float, float]


@dataclass(frozen=True)
class SeedBox:
    """A box around one seed feature: in CRS84 and, written in ``crs``'s axis order, as ``numbers``."""

    seed: Feature
    crs84: Box
    crs: str
    numbers: Box

    @property
    def text(self) -> str:
        """The box as a bbox parameter value."""
        return ",".join(f"{v:.6f}" for v in self.numbers)


def around(feature: Feature, crs: str) -> SeedBox | None:
    """The box around a feature's CRS84 geometry, grown by a margin, and its bounds in ``crs``."""
    found = reproject.bounds(feature.get("geometry"))
    if found is None:
        return None
    box = (found[0] - MARGIN, found[1] - MARGIN, found[2] + MARGIN, found[3] + MARGIN)
    corners = [reproject.forward(crs, (x, y)) for x in (box[0], box[2]) for y in (box[1], box[3])]
    numbers = (
        min(c[0] for c in corners),
        min(c[1] for c in corners),
        max(c[0] for c in corners),
        max(c[1] for c in corners),
    )
    return SeedBox(feature, box, crs, numbers)


def seed_boxes(ctx: Ctx, entry: Entry) -> Iterator[SeedBox]:
    """Boxes around the collection's first located seed, in each declared east-first CRS PROJ knows."""
    seed = next(located(ctx, entry), None)
    crss = [c for c in other_crss(ctx, entry) if reproject.usable(c) and reproject.east_first(c)]
    if seed is not None and crss:
        box = around(seed, crss[0])
        if box is not None:
            yield box


def judge_box(doc: Doc, box: SeedBox, what: str) -> Iterator[Violation]:
    """The seed is returned (unless more pages follow) and no returned feature lies outside the box."""
    found = features(doc)
    more = isinstance(doc.member("numberMatched"), int) and doc.member("numberMatched") > len(found)
    if not more and str(box.seed.get("id")) not in {str(f.get("id")) for f in found}:
        yield ValueViolation(
            q("box-seed-missing", what=what, feature=str(box.seed.get("id")), crs=box.crs, box=box.text),
            locator=doc.at("/features"),
            expected=str(box.seed.get("id")),
            actual=[f.get("id") for f in found][:20],
            exchange=doc.exchange,
        )
    for feature in found:
        bounds = reproject.bounds(feature.get("geometry"))
        if bounds is not None and not _overlaps(bounds, box.crs84):
            yield ValueViolation(
                q("box-feature-outside", what=what, feature=str(feature.get("id")), crs=box.crs, box=box.text),
                locator=doc.at("/features"),
                expected=list(box.crs84),
                actual=list(bounds),
                exchange=doc.exchange,
            )


def _overlaps(a: Box, b: Box) -> bool:
    return a[0] <= b[2] + SLACK and a[2] >= b[0] - SLACK and a[1] <= b[3] + SLACK and a[3] >= b[1] - SLACK
