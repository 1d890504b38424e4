"""The WMS suite's picture judgements on pictures drawn here: decoding, sameness, blankness and the axis-order
verdicts (same picture, differing pictures, swapped order drawn alike, and "cannot tell" for blank maps)."""

from __future__ import annotations

import io
from types import SimpleNamespace
from typing import Any

import pytest
from PIL import Image, ImageDraw

from conformance.core.evidence import NotVerified
from conformance.suites.wms import checks_map, images, pictures
from conformance.suites.wms.images import Picture
from conformance.suites.wms.layers import GeoBox, Layer
from conformance.suites.wms.pictures import AxisProbe


def drawn(box: tuple[int, int, int, int] | None, fmt: str = "PNG", size: tuple[int, int] = (64, 64)) -> bytes:
    """A white picture with a blue rectangle (none: blank), encoded."""
    image = Image.new("RGB", size, (255, 255, 255))
    if box is not None:
        ImageDraw.Draw(image).rectangle(box, fill=(20, 40, 200))
    out = io.BytesIO()
    image.save(out, format=fmt)
    return out.getvalue()


def picture(box: tuple[int, int, int, int] | None) -> Picture:
    found = images.decode(drawn(box))
    assert isinstance(found, Picture)
    return found


def call(name: str, shown: Picture | str) -> Any:
    answer = SimpleNamespace(where=f"http://127.0.0.1/wms?{name}", exchange=None, what=lambda: "HTTP 200 image/png")
    return SimpleNamespace(answer=answer, params={"BBOX": name}, picture=shown, layer="lakes", crs="", format="")


def probe(a: Picture | str, b: Picture | str, c: Picture | str) -> AxisProbe:
    return AxisProbe(Layer("lakes", "Lakes", "/"), call("lonlat", a), call("latlon", b), call("swapped", c))


def test_decoding_names_the_format_and_size_and_refuses_what_is_no_picture() -> None:
    jpeg = images.decode(drawn((4, 4, 20, 20), "JPEG", (40, 30)))
    assert isinstance(jpeg, Picture) and (jpeg.format, jpeg.size) == ("image/jpeg", (40, 30))
    assert isinstance(images.decode(b"<ServiceExceptionReport/>"), str)


def test_sameness_blankness_and_the_background() -> None:
    shape = picture((10, 10, 40, 30))
    assert images.same(shape, picture((10, 10, 40, 30)))
    assert not images.same(shape, picture((24, 30, 54, 50)))
    assert images.blank(picture(None)) and not images.blank(shape)


def test_the_same_picture_in_both_orders_and_another_one_swapped_passes() -> None:
    shape = picture((10, 10, 40, 30))
    assert checks_map._axis(probe(shape, picture((10, 10, 40, 30)), picture((30, 2, 50, 12)))) == []


def test_an_exception_for_the_swapped_order_passes() -> None:
    shape = picture((10, 10, 40, 30))
    assert checks_map._axis(probe(shape, shape, "not a picture")) == []


def test_pictures_that_differ_between_the_orders_fail() -> None:
    found = checks_map._axis(probe(picture((10, 10, 40, 30)), picture((30, 10, 60, 30)), picture(None)))
    assert found is not None and [v.message.code for v in found] == ["wms.axis-differs"]
    assert found[0].actual == "latlon" and found[0].expected == "http://127.0.0.1/wms?lonlat"


def test_the_swapped_order_drawn_like_the_prescribed_one_fails() -> None:
    shape = picture((10, 10, 40, 30))
    found = checks_map._axis(probe(shape, shape, picture((10, 10, 40, 30))))
    assert found is not None and [v.message.code for v in found] == ["wms.axis-swapped-same"]


def test_blank_maps_cannot_tell_and_the_check_says_not_verified() -> None:
    blank = probe(picture(None), picture(None), picture((1, 1, 5, 5)))
    assert checks_map._axis(blank) is None
    ctx = SimpleNamespace(observation=SimpleNamespace(part=lambda name, compute: [blank]))
    with pytest.raises(NotVerified) as raised:
        checks_map.axis_order(ctx)  # type: ignore[arg-type]
    assert raised.value.reason.code == "wms.cannot-tell-axis"


@pytest.mark.parametrize(
    "extent",
    [GeoBox(6.93, 7.15, 50.86, 51.045), GeoBox(-170.0, -160.0, -10.0, 10.0), GeoBox(-20.0, 20.0, 60.0, 80.0)],
)
def test_the_area_beside_a_layer_keeps_the_extents_edge_pixels_away_from_the_map(extent: GeoBox) -> None:
    band = pictures._beside(extent)
    assert band is not None
    pixels = [
        (extent.west - band.east) / (band.east - band.west),
        (band.west - extent.east) / (band.east - band.west),
        (extent.south - band.north) / (band.north - band.south),
        (band.south - extent.north) / (band.north - band.south),
    ]
    assert max(pixels) * pictures.PROBE_SIZE >= pictures.EDGE_PIXELS, (band, pixels)
