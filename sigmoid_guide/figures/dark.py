"""The dark-palette version of a figure, derived from its light SVG.

A figure is drawn once, in the light house style, and its dark version is the same SVG
with each colour mapped (no second drawing, so both versions show the same data, ticks
and layout). The guide's own greys map to chosen dark ones (``DARK_GREYS``); any
other colour keeps its hue and chroma in the OKLab space (Ottosson 2020) and is made
only as light as it must be to reach ``MIN_CONTRAST`` against the dark card, so the
Okabe–Ito series colours stay the colour-blind-safe set they were on the light card.
Other greys (figures drawn by the labs with matplotlib's default style) have their
lightness turned around: white becomes the card, black the text colour.

>>> dark_color("#FBFBFC"), dark_color("#1f2328")
('#262a33', '#e3e6eb')
>>> contrast(dark_color("#0072b2"), DARK_CARD) >= MIN_CONTRAST
True
"""

from __future__ import annotations

import functools
import math
import re

from ._style import CARD, GRID, MUTED, TEXT

__all__ = [
    "CONTRAST_TARGETS",
    "DARK_CARD",
    "DARK_GREYS",
    "DARK_TEXT",
    "MIN_CONTRAST",
    "MIN_GREY_CONTRAST",
    "contrast",
    "dark_color",
    "dark_svg",
]

#: The card behind a dark figure: a little lighter than Material's slate background
#: (hsl(232, 15%, 14%)), so the figure still reads as a card.
DARK_CARD = "#262a33"
#: Text on the dark card (contrast about 12:1).
DARK_TEXT = "#e3e6eb"
#: The house greys and their dark counterparts; the grid stays faint on purpose.
DARK_GREYS: dict[str, str] = {
    CARD.lower(): DARK_CARD,
    TEXT.lower(): DARK_TEXT,
    MUTED.lower(): "#a2abb7",
    GRID.lower(): "#414855",
    "#000000": DARK_TEXT,  # black lines (reference lines) drawn like text
    "#ffffff": DARK_CARD,  # matplotlib's default figure and axes background
}
#: Contrast every coloured line, marker or text reaches against the card (WCAG 2.x
#: asks 4.5:1 for small text, 3:1 for graphics; coloured labels are text).
MIN_CONTRAST = 4.5
#: Series colours that must be lighter than ``MIN_CONTRAST`` asks: lightened only
#: to 4.5:1, the Okabe–Ito blue and green look alike to a tritanope (OKLab distance
#: 0.03 after simulation); green at 8:1 keeps every pair at least 0.06 apart under
#: protanopia, deuteranopia and tritanopia (tests/test_figure_versions.py).
CONTRAST_TARGETS: dict[str, float] = {"#009e73": 8.0}
#: Contrast other greys reach (lines and marks; the house text grey has its own).
MIN_GREY_CONTRAST = 3.0
#: Below this OKLab chroma a colour counts as a grey.
_GREY_CHROMA = 0.03

_HEX = re.compile(r"#[0-9a-fA-F]{6}\b")
# Colours in matplotlib's SVG: style properties and presentation attributes. Glyph and
# clip references (xlink:href="#DejaVuSans-30", url(#clip1)) are left alone.
_COLOR_USE = re.compile(
    r"((?:fill|stroke|stop-color|flood-color|color)(?::\s*|=\"))(#[0-9a-fA-F]{6})\b"
)


def _to_linear(c: float) -> float:
    return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4


def _to_srgb(c: float) -> float:
    return 12.92 * c if c <= 0.0031308 else 1.055 * c ** (1 / 2.4) - 0.055


def _rgb(hex_color: str) -> tuple[float, float, float]:
    if not _HEX.fullmatch(hex_color):
        raise ValueError(f"expected a colour as #rrggbb, got {hex_color!r}")
    return tuple(int(hex_color[i : i + 2], 16) / 255 for i in (1, 3, 5))  # type: ignore[return-value]


def _hex(rgb: tuple[float, float, float]) -> str:
    return "#" + "".join(f"{round(min(max(c, 0.0), 1.0) * 255):02x}" for c in rgb)


def luminance(hex_color: str) -> float:
    """Relative luminance (WCAG 2.x) of ``#rrggbb``."""
    r, g, b = (_to_linear(c) for c in _rgb(hex_color))
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(a: str, b: str) -> float:
    """WCAG 2.x contrast ratio of two ``#rrggbb`` colours (1 to 21).

    >>> round(contrast("#000000", "#ffffff"), 1)
    21.0
    """
    la, lb = sorted((luminance(a), luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


def _oklab(rgb: tuple[float, float, float]) -> tuple[float, float, float]:
    r, g, b = (_to_linear(c) for c in rgb)
    lms = (
        0.4122214708 * r + 0.5363325363 * g + 0.0514459929 * b,
        0.2119034982 * r + 0.6806995451 * g + 0.1073969566 * b,
        0.0883024619 * r + 0.2817188376 * g + 0.6299787005 * b,
    )
    l_, m_, s_ = (math.copysign(abs(v) ** (1 / 3), v) for v in lms)
    return (
        0.2104542553 * l_ + 0.7936177850 * m_ - 0.0040720468 * s_,
        1.9779984951 * l_ - 2.4285922050 * m_ + 0.4505937099 * s_,
        0.0259040371 * l_ + 0.7827717662 * m_ - 0.8086757660 * s_,
    )


def _linear_from_oklab(lab: tuple[float, float, float]) -> tuple[float, float, float]:
    lightness, a, b = lab
    cone_l = (lightness + 0.3963377774 * a + 0.2158037573 * b) ** 3
    cone_m = (lightness - 0.1055613458 * a - 0.0638541728 * b) ** 3
    cone_s = (lightness - 0.0894841775 * a - 1.2914855480 * b) ** 3
    return (
        4.0767416621 * cone_l - 3.3077115913 * cone_m + 0.2309699292 * cone_s,
        -1.2684380046 * cone_l + 2.6097574011 * cone_m - 0.3413193965 * cone_s,
        -0.0041960863 * cone_l - 0.7034186147 * cone_m + 1.7076147010 * cone_s,
    )


def _from_oklab(lab: tuple[float, float, float]) -> tuple[float, float, float]:
    return tuple(_to_srgb(min(max(c, 0.0), 1.0)) for c in _linear_from_oklab(lab))  # type: ignore[return-value]


def _in_gamut(lab: tuple[float, float, float]) -> bool:
    return all(-1e-9 <= c <= 1 + 1e-9 for c in _linear_from_oklab(lab))


def _with_lightness(lab: tuple[float, float, float], L: float) -> str:
    """The colour of hue and (as far as the gamut allows) chroma of ``lab`` at ``L``."""
    _, a, b = lab
    scale = 1.0
    while scale > 0 and not _in_gamut((L, a * scale, b * scale)):
        scale -= 0.01
    return _hex(_from_oklab((L, a * scale, b * scale)))


def _lightest_needed(lab: tuple[float, float, float], target: float) -> str:
    """``lab`` made just light enough to reach ``target`` contrast with the card."""
    start = _hex(_from_oklab(lab))
    if contrast(start, DARK_CARD) >= target:
        return start
    lo, hi = lab[0], 1.0
    for _ in range(40):  # contrast grows with lightness: bisect
        mid = (lo + hi) / 2
        if contrast(_with_lightness(lab, mid), DARK_CARD) >= target:
            hi = mid
        else:
            lo = mid
    return _with_lightness(lab, hi)


@functools.cache
def dark_color(hex_color: str) -> str:
    """The dark-palette counterpart of the light-palette colour ``#rrggbb``."""
    key = hex_color.lower()
    _rgb(key)  # a clear error for anything but #rrggbb
    if key in DARK_GREYS:
        return DARK_GREYS[key]
    lab = _oklab(_rgb(key))
    if math.hypot(lab[1], lab[2]) >= _GREY_CHROMA:
        return _lightest_needed(lab, CONTRAST_TARGETS.get(key, MIN_CONTRAST))
    # A grey: white becomes the card, black the text, with the lightness turned around.
    card, text = _oklab(_rgb(DARK_CARD))[0], _oklab(_rgb(DARK_TEXT))[0]
    L = card + (text - card) * (1.0 - lab[0])
    grey = _hex(_from_oklab((L, 0.0, 0.0)))
    if lab[0] > 0.97:  # near-white: a background
        return DARK_CARD
    return _lightest_needed(_oklab(_rgb(grey)), MIN_GREY_CONTRAST)


def dark_svg(svg: str) -> str:
    """``svg`` (matplotlib's SVG of a light figure) with every colour mapped to dark.

    Raises:
        ValueError: if ``svg`` names a colour in another form than ``#rrggbb`` (a
            named colour or ``rgb()``), which this mapping would leave light.
    """
    if not isinstance(svg, str):
        raise TypeError(f"svg must be str, got {type(svg).__name__}")
    left = re.search(r"(?:fill|stroke|stop-color)(?::\s*|=\")(?!#|none|url\()[a-z(]", svg)
    if left:
        where = svg[left.start() : left.end() + 20]
        raise ValueError(f"a colour this mapping cannot read: {where!r}")
    return _COLOR_USE.sub(lambda m: m.group(1) + dark_color(m.group(2)), svg)
