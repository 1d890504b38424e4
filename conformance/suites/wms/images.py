"""Pictures: decoded with Pillow in the format the server claims, and compared with each other.

Nothing here knows the vendor's data. Two pictures are "the same" when the pixels that differ by more than a
small tolerance (rendering noise, JPEG artefacts) are at most 5 % of what the pictures show (the pixels that
differ from their most common colour); the background is what two different background
colours change; a picture is blank when it has a single colour (or is fully transparent).
"""

from __future__ import annotations

import io
import warnings
from dataclasses import dataclass
from typing import Any

from conformance.core.evidence import Exchange, ValueViolation
from conformance.core.messages import Message

MIME = {
    "PNG": "image/png",
    "JPEG": "image/jpeg",
    "GIF": "image/gif",
    "TIFF": "image/tiff",
    "WEBP": "image/webp",
    "BMP": "image/bmp",
}
TRANSPARENCY = frozenset({"image/png", "image/gif", "image/webp", "image/tiff"})
MAX_PIXELS = 4096 * 4096
TOLERANCE = 40
SAME_SHARE = 0.05
DENSITY_RADIUS = 8


@dataclass(frozen=True)
class Picture:
    """A decoded picture: the format its bytes are in, its size and its RGBA pixels."""

    format: str
    width: int
    height: int
    rgba: Any

    @property
    def size(self) -> tuple[int, int]:
        """(width, height)."""
        return self.width, self.height


def base(media_type: str) -> str:
    """A media type without parameters, lower case."""
    return media_type.split(";", maxsplit=1)[0].strip().lower()


def decodable(media_type: str) -> bool:
    """True for the picture formats the suite decodes."""
    return base(media_type) in MIME.values()


def decode(content: bytes) -> Picture | str:
    """The picture, or why it could not be decoded."""
    from PIL import Image, UnidentifiedImageError  # noqa: PLC0415  (only the picture checks need Pillow)

    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(io.BytesIO(content)) as image:
                if image.width * image.height > MAX_PIXELS:
                    return f"{image.width}×{image.height} pixels is more than the suite decodes"
                image.load()
                kind = MIME.get(image.format or "", image.format or "unknown")
                return Picture(kind, image.width, image.height, image.convert("RGBA"))
    except (
        UnidentifiedImageError,
        OSError,
        ValueError,
        Image.DecompressionBombWarning,
        Image.DecompressionBombError,
    ) as exc:
        return f"{type(exc).__name__}: {exc}"


def _flat(picture: Picture) -> Any:
    from PIL import Image  # noqa: PLC0415

    white = Image.new("RGBA", picture.size, (255, 255, 255, 255))
    return Image.alpha_composite(white, picture.rgba).convert("RGB")


def _mask(difference: Any) -> Any:
    from PIL import ImageChops  # noqa: PLC0415

    red, green, blue = difference.split()
    return ImageChops.lighter(ImageChops.lighter(red, green), blue).point(lambda v: 255 if v > TOLERANCE else 0)


def differing(a: Picture, b: Picture) -> int:
    """How many pixels differ (as seen on white); every pixel for pictures of different sizes."""
    from PIL import ImageChops  # noqa: PLC0415

    if a.size != b.size:
        return max(a.width * a.height, b.width * b.height)
    return int(_mask(ImageChops.difference(_flat(a), _flat(b))).histogram()[255])


def content(picture: Picture) -> int:
    """How many pixels differ from the picture's most common colour (as seen on white): what it shows."""
    from PIL import Image, ImageChops  # noqa: PLC0415

    flat = _flat(picture)
    colours = flat.getcolors(maxcolors=picture.width * picture.height) or []
    dominant = max(colours, key=lambda c: c[0])[1] if colours else (255, 255, 255)
    solid = Image.new("RGB", picture.size, dominant)
    return int(_mask(ImageChops.difference(flat, solid)).histogram()[255])


def same(a: Picture, b: Picture) -> bool:
    """The pictures differ in at most 5 % of what they show."""
    return differing(a, b) <= SAME_SHARE * max(content(a), content(b))


def blank(picture: Picture) -> bool:
    """A single colour, or fully transparent."""
    if picture.rgba.getchannel("A").getextrema()[1] == 0:
        return True
    return all(high - low <= TOLERANCE // 4 for low, high in _flat(picture).getextrema())


def transparent(picture: Picture) -> int:
    """How many pixels are fully transparent."""
    return int(picture.rgba.getchannel("A").histogram()[0])


def translucent(picture: Picture) -> int:
    """How many pixels are not fully opaque."""
    return picture.width * picture.height - int(picture.rgba.getchannel("A").histogram()[255])


def coloured(picture: Picture, rgb: tuple[int, int, int]) -> Any:
    """A mask (mode L, 255 where set) of the opaque pixels within the tolerance of a colour."""
    from PIL import Image, ImageChops  # noqa: PLC0415

    solid = Image.new("RGB", picture.size, rgb)
    near = ImageChops.invert(_mask(ImageChops.difference(picture.rgba.convert("RGB"), solid)))
    opaque = picture.rgba.getchannel("A").point(lambda v: 255 if v == 255 else 0)
    return ImageChops.multiply(near, opaque)


def count(mask: Any) -> int:
    """The set pixels of a mask."""
    return int(mask.histogram()[255])


def densest(picture: Picture) -> tuple[int, int] | None:
    """The drawn (not fully transparent) pixel with the most drawn pixels around it, or None."""
    from PIL import ImageChops, ImageFilter, ImageOps  # noqa: PLC0415

    drawn = picture.rgba.getchannel("A").point(lambda v: 255 if v > 0 else 0)
    if drawn.getextrema()[1] == 0:
        return None
    r = DENSITY_RADIUS
    blurred = ImageOps.expand(drawn, border=r, fill=0).filter(ImageFilter.BoxBlur(r))
    density = ImageChops.multiply(blurred.crop((r, r, r + picture.width, r + picture.height)), drawn)
    peak = density.getextrema()[1]
    data: Any = density.load()
    return next(((i, j) for j in range(picture.height) for i in range(picture.width) if data[i, j] == peak), None)


def size_finding(
    message: Message, wanted: tuple[int, int], picture: Picture, where: str, exchange: Exchange
) -> ValueViolation:
    """The finding that a picture does not have the size asked for."""
    expected, actual = f"{wanted[0]}×{wanted[1]}", f"{picture.width}×{picture.height}"
    return ValueViolation(message, locator=where, expected=expected, actual=actual, exchange=exchange)
