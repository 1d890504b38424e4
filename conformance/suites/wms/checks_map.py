"""Checks of A.1.2.4, the GetMap response: format and size, CRS, styles, background, BBOX, axis order."""

from __future__ import annotations

from conformance.core.evidence import MediaTypeViolation, NotVerified, ValueViolation, Violation
from conformance.core.judgement import Judgement
from conformance.core.messages import Message
from conformance.harness.suite import CheckContext
from conformance.suites.wms import images, maps, pictures
from conformance.suites.wms.api import Observed
from conformance.suites.wms.images import Picture, base
from conformance.suites.wms.maps import MapCall
from conformance.suites.wms.messages import m

Context = CheckContext[Observed]


def _exercise(ctx: Context) -> maps.Exercise:
    done = ctx.observation.part("maps", maps.exercise)
    for note in done.cuts + ctx.observation.client.notes:
        ctx.note(note)
    return done


def failed(item: MapCall, code: str = "map-not-image") -> Violation:
    """A map request answered with something else than a picture."""
    return ValueViolation(
        m(code, layer=item.layer, crs=item.crs, format=item.format, actual=item.answer.what()),
        locator=item.answer.where,
        expected=m("phrase-map"),
        actual=item.answer.what(),
        exchange=item.answer.exchange,
    )


def format_findings(item: MapCall) -> list[Violation]:
    """The picture against the requested format and size."""
    answer, where, exchange = item.answer, item.answer.where, item.answer.exchange
    if answer.kind != "image" or answer.response.status != 200:
        return [failed(item)]
    if answer.media_type != base(item.format):
        return [
            MediaTypeViolation(
                m("map-media-type", format=item.format, actual=answer.media_type),
                locator=where,
                expected=item.format,
                actual=answer.media_type,
                exchange=exchange,
            )
        ]
    picture = item.picture
    if isinstance(picture, str):
        return [ValueViolation(m("picture-undecodable", error=picture), locator=where, exchange=exchange)]
    if picture is None:
        return []
    if picture.format != base(item.format):
        return [
            ValueViolation(
                m("map-bytes-format", format=item.format, actual=picture.format),
                locator=where,
                expected=base(item.format),
                actual=picture.format,
                exchange=exchange,
            )
        ]
    if picture.size != item.size:
        return [images.size_finding(m("map-size", format=item.format), item.size, picture, where, exchange)]
    return []


def getmap_format(ctx: Context) -> Judgement:
    """7.3.3.7, 7.3.3.8, 7.3.4: every picture of the exercise, and every answer to a format request."""
    done = _exercise(ctx)
    judged = [c for c in done.calls if c.purpose == "format" or c.answer.kind == "image"]
    found = [v for c in judged for v in format_findings(c)]
    return ctx.judge(found, ctx.examined(len(judged), "wms.examined.maps"))


def _purpose(ctx: Context, purpose: str, code: str) -> Judgement:
    done = _exercise(ctx)
    calls = [c for c in done.calls if c.purpose == purpose]
    found = [failed(c) for c in calls if c.answer.kind != "image" or c.answer.response.status != 200]
    return ctx.judge(found, ctx.examined(len(calls), code))


def getmap_crs(ctx: Context) -> Judgement:
    """7.3.3.5: one map per sampled CRS of each sampled layer."""
    done = _exercise(ctx)
    if done.undescribed:
        listed = sorted({crs for _, crs in done.undescribed})
        ctx.note(m("note-crs-undescribed", crs=", ".join(listed)))
    return _purpose(ctx, "crs", "wms.examined.crs-maps")


def getmap_styles(ctx: Context) -> Judgement:
    """7.3.3.4: every sampled style, and empty style items for two layers."""
    return _purpose(ctx, "style", "wms.examined.style-maps")


def _backgrounds(ctx: Context) -> list[pictures.Background]:
    if pictures.transparency_format(ctx.observation) is None:
        ctx.note(m("note-no-transparency-format"))
    return ctx.observation.part("backgrounds", pictures.backgrounds)


def _pictures(probe: pictures.Background) -> tuple[list[Violation], list[Picture]]:
    calls = (probe.transparent, probe.red, probe.blue, probe.default)
    broken = [failed(c) for c in calls if not isinstance(c.picture, Picture)]
    return broken, [c.picture for c in calls if isinstance(c.picture, Picture)]


def _background_mask(red: Picture, blue: Picture) -> object:
    from PIL import ImageChops  # noqa: PLC0415

    return ImageChops.multiply(images.coloured(red, (255, 0, 0)), images.coloured(blue, (0, 0, 255)))


def getmap_transparent(ctx: Context) -> Judgement:
    """7.3.3.9: the background transparent with TRANSPARENT=TRUE, no transparency by default or with FALSE."""
    found: list[Violation] = []
    judged = told = 0
    for probe in _backgrounds(ctx):
        broken, shots = _pictures(probe)
        found += broken
        if broken:
            continue
        clear, red, blue, default = shots
        judged += 1
        for item, shot in ((probe.default, default), (probe.red, red)):
            if images.translucent(shot):
                found.append(_background(item, "map-not-opaque", images.translucent(shot)))
        background = images.count(_background_mask(red, blue))
        if images.transparent(clear) or background:
            told += 1
        if background and images.transparent(clear) < background * 0.99:
            found.append(
                _background(probe.transparent, "background-not-transparent", background - images.transparent(clear))
            )
    return _background_verdict(ctx, found, judged, told, "wms.examined.transparent-maps")


def getmap_bgcolor(ctx: Context) -> Judgement:
    """7.3.3.10: the background, as TRANSPARENT=TRUE shows it, takes each BGCOLOR."""
    found: list[Violation] = []
    judged = told = 0
    for probe in _backgrounds(ctx):
        broken, shots = _pictures(probe)
        if broken:
            found += broken
            continue
        clear, red, blue, _ = shots
        judged += 1
        background = images.count(_background_mask(red, blue))
        transparent = images.transparent(clear)
        if background or transparent:
            told += 1
        if transparent and background < transparent * 0.99:
            found.append(_background(probe.red, "bgcolor-not-applied", transparent - background))
    return _background_verdict(ctx, found, judged, told, "wms.examined.bgcolor-maps")


def _background(item: MapCall, code: str, pixels: int) -> Violation:
    return ValueViolation(
        m(code, layer=item.layer, pixels=pixels),
        locator=item.answer.where,
        actual=pixels,
        exchange=item.answer.exchange,
    )


def _background_verdict(ctx: Context, found: list[Violation], judged: int, told: int, code: str) -> Judgement:
    if not found and judged and not told:
        raise NotVerified(m("cannot-tell-background", layers=judged))
    return ctx.judge(found, ctx.examined(told if not found else judged, code))


def getmap_bbox(ctx: Context) -> Judgement:
    """7.3.3.6: an invalid BBOX raises an exception; a BBOX beside the layer gives a blank map."""
    found: list[Violation] = []
    probes_run = ctx.observation.part("bbox", pictures.bbox_probes)
    for probe in probes_run:
        item = probe.call
        if probe.kind == "invalid" and not item.answer.is_exception:
            found.append(
                ValueViolation(
                    m("bbox-invalid-accepted", bbox=item.params["BBOX"]),
                    locator=item.answer.where,
                    expected=m("phrase-exception-any"),
                    actual=item.answer.what(),
                    exchange=item.answer.exchange,
                )
            )
        elif probe.kind == "outside" and not isinstance(item.picture, Picture):
            found.append(failed(item))
        elif probe.kind == "outside" and isinstance(item.picture, Picture) and not images.blank(item.picture):
            found.append(
                ValueViolation(
                    m("bbox-outside-drawn", layer=item.layer, bbox=item.params["BBOX"]),
                    locator=item.answer.where,
                    expected=m("phrase-blank"),
                    exchange=item.answer.exchange,
                )
            )
    if probes_run and not any(p.kind == "outside" for p in probes_run):
        ctx.note(m("note-layer-everywhere"))
    return ctx.judge(found, ctx.examined(len(probes_run), "wms.examined.bbox-requests"))


def axis_order(ctx: Context) -> Judgement:
    """7.3.3.6, 6.7.3: CRS:84 and EPSG:4326 give the same map of the same area, swapped axes another one."""
    found: list[Violation] = []
    probes_run = ctx.observation.part("axis", pictures.axis_probes)
    judged = 0
    for probe in probes_run:
        verdict = _axis(probe)
        if isinstance(verdict, list):
            judged += 1
            found += verdict
    if probes_run and not judged and not found:
        raise NotVerified(m("cannot-tell-axis", layers=len(probes_run)))
    return ctx.judge(found, ctx.examined(judged, "wms.examined.axis-layers"))


def _axis(probe: pictures.AxisProbe) -> list[Violation] | None:
    lonlat, latlon, swapped = probe.lonlat, probe.latlon, probe.swapped
    for item in (lonlat, latlon):
        if not isinstance(item.picture, Picture):
            return [failed(item)]
    a, b = lonlat.picture, latlon.picture
    assert isinstance(a, Picture) and isinstance(b, Picture)
    if images.blank(a) and images.blank(b):
        return None
    if not images.same(a, b):
        share = round(100 * images.differing(a, b) / max(images.content(a), images.content(b)), 1)
        return [_axis_finding(latlon, m("axis-differs", layer=probe.layer.name, share=share), lonlat)]
    c = swapped.picture
    if isinstance(c, Picture) and images.same(b, c):
        return [_axis_finding(swapped, m("axis-swapped-same", layer=probe.layer.name), latlon)]
    return []


def _axis_finding(item: MapCall, message: Message, other: MapCall) -> Violation:
    return ValueViolation(
        message,
        locator=item.answer.where,
        expected=other.answer.where,
        actual=item.params["BBOX"],
        exchange=item.answer.exchange,
    )
