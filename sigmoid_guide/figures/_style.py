"""Shared figure infrastructure: fonts, house style, strict glyph checks, deterministic SVG.

Every figure of the guide goes through this module so that:

* Korean text renders with the NanumGothic font shipped inside the pip package
  ``koreanize-matplotlib`` (only the font file is used; the module is never imported
  because it fails to import on Python 3.12+). It is a per-glyph fallback behind
  DejaVu Sans (bundled with matplotlib), which supplies Latin, Greek, digits and the
  minus sign U+2212 that NanumGothic lacks;
* a missing glyph is an error, never a silent box in the published SVG;
* the SVG bytes are identical on every run and in every process;
* no global matplotlib state is touched: settings live in ``style_context``
  (``matplotlib.rc_context``) and figures are plain ``Figure``
  objects drawn with the Agg canvas, never pyplot.

The look: a solid, very light card with rounded corners behind each figure and dark text
on it. A transparent figure would have to use one text colour for both of Material's
themes; any grey that passes contrast on white fails on the dark "slate" background and
vice versa, and the colour-blind-safe Okabe–Ito palette is designed for a light
background. A light card keeps full contrast on both themes.
"""

from __future__ import annotations

import functools
import importlib.metadata
import importlib.util
import io
import logging
import math
import re
import sys
import warnings
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from cycler import cycler
from matplotlib import font_manager, rc_context
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from matplotlib.patches import FancyBboxPatch
from matplotlib.ticker import LogFormatter, LogFormatterMathtext, NullLocator

from ._layout import (
    NARROW_PANEL_HEIGHT_IN,
    NARROW_SINGLE_HEIGHT_IN,
    NARROW_WIDTH_IN,
    fit_narrow,
    is_narrow,
    settle,
)

__all__ = [
    "CARD",
    "COLORS",
    "GRID",
    "MUTED",
    "SERIES_COLORS",
    "TEXT",
    "FontNotFoundError",
    "GuideFigure",
    "MissingGlyphError",
    "figure_context",
    "fmt_num",
    "korean_font_path",
    "new_figure",
    "pow10_label",
    "pow_label",
    "register_fonts",
    "save_svg",
    "strict_glyphs",
    "style_context",
]

#: Okabe & Ito (2008) colour-blind-safe palette, by name. Yellow (#F0E442) is left out of
#: the series colours: it has too little contrast against the light card.
COLORS: dict[str, str] = {
    "blue": "#0072B2",
    "vermillion": "#D55E00",
    "green": "#009E73",
    "purple": "#CC79A7",
    "orange": "#E69F00",
    "sky": "#56B4E9",
    "black": "#000000",
    "yellow": "#F0E442",
}
#: Order in which plotted series take colours (the default property cycle).
SERIES_COLORS: tuple[str, ...] = tuple(
    COLORS[k] for k in ("blue", "vermillion", "green", "purple", "orange", "sky", "black")
)
#: Card background: near-white, so it reads as a card on the white light theme too.
CARD = "#fbfbfc"
#: Text colour on the card (contrast ratio about 15:1 against CARD).
TEXT = "#1f2328"
#: Axes lines and ticks: still well above 3:1 against the card (non-text contrast).
MUTED = "#57606a"
#: Grid lines: deliberately faint, they only guide the eye.
GRID = "#d8dee4"

#: Default figure size in inches; the SVG scales to the page width anyway.
FIGSIZE: tuple[float, float] = (6.4, 4.0)
#: Radius of the card's rounded corners, in inches.
_CARD_RADIUS_IN = 0.12

_FONT_FILE = "NanumGothic.ttf"
_FONT_FAMILY = "NanumGothic"
_DIST_NAME = "koreanize-matplotlib"
_MODULE_NAME = "koreanize_matplotlib"


class FontNotFoundError(RuntimeError):
    """The Korean font file shipped by ``koreanize-matplotlib`` could not be found."""


class MissingGlyphError(RuntimeError):
    """A character had no glyph in any configured font (it would render as a box)."""


def korean_font_path() -> Path:
    """Return the path of ``NanumGothic.ttf`` inside the installed ``koreanize-matplotlib``.

    The package is located without importing it (importing it fails on Python 3.12+,
    where ``distutils`` is gone).

    Raises:
        FontNotFoundError: if the package or its font file is not installed.
    """
    candidates: list[Path] = []
    spec = importlib.util.find_spec(_MODULE_NAME)
    if spec is not None and spec.submodule_search_locations:
        candidates += [Path(p) / "fonts" / _FONT_FILE for p in spec.submodule_search_locations]
    try:
        # Fallback for unusual installs (e.g. zipped or namespace layouts) where the
        # spec has no directory but the distribution's file list does.
        files = importlib.metadata.files(_DIST_NAME) or []
    except importlib.metadata.PackageNotFoundError:
        files = []
    candidates += [Path(str(f.locate())) for f in files if f.name == _FONT_FILE]
    for path in candidates:
        if path.is_file():
            return path
    raise FontNotFoundError(
        f"{_FONT_FILE} was not found: the figures need the font file shipped by the pip "
        f"package {_DIST_NAME}==0.1.1 (a dependency of sigmoid-guide). Install it with "
        f"`pip install {_DIST_NAME}==0.1.1`. Looked in: "
        + (", ".join(str(p) for p in candidates) or "nowhere (package not installed)")
    )


@functools.cache
def register_fonts() -> str:
    """Register NanumGothic with matplotlib's font manager (once per process).

    Returns:
        The path of the registered font file, as a string.

    Raises:
        FontNotFoundError: if the font file is missing or matplotlib cannot select it.
    """
    path = korean_font_path()
    font_manager.fontManager.addfont(str(path))
    found = font_manager.fontManager.findfont(
        font_manager.FontProperties(family=_FONT_FAMILY), fallback_to_default=False
    )
    if Path(found).name != _FONT_FILE:
        raise FontNotFoundError(f"matplotlib resolved {_FONT_FAMILY!r} to {found}, not {path}")
    return str(path)


def _rc() -> dict[str, Any]:
    """The house style as an rcParams dictionary (applied only inside rc_context)."""
    return {
        # A list is a per-glyph fallback chain (matplotlib >= 3.6): Latin, digits, Greek,
        # superscripts and the minus sign U+2212 (which NanumGothic lacks) come from
        # DejaVu Sans, Hangul from NanumGothic. DejaVu Sans also stays first because
        # mathtext, should a label use it, takes only the first family.
        "font.family": ["DejaVu Sans", _FONT_FAMILY],
        "font.size": 10.0,
        "axes.titlesize": 11.0,
        "axes.labelsize": 10.0,
        "legend.fontsize": 9.0,
        "xtick.labelsize": 9.0,
        "ytick.labelsize": 9.0,
        "axes.unicode_minus": True,
        "mathtext.fontset": "dejavusans",
        # Determinism: fixed salt for clip-path ids; glyphs as paths so the SVG does not
        # depend on fonts installed on the reader's machine.
        "svg.hashsalt": "sigmoid-guide",
        "svg.fonttype": "path",
        "svg.image_inline": True,
        "figure.figsize": FIGSIZE,
        "figure.dpi": 100.0,
        "figure.constrained_layout.use": True,
        # Keep text clear of the card's rounded edge.
        "figure.constrained_layout.h_pad": 0.1,
        "figure.constrained_layout.w_pad": 0.1,
        # The figure patch itself is transparent; new_figure() draws the rounded card.
        "figure.facecolor": "none",
        "figure.edgecolor": "none",
        "savefig.facecolor": "none",
        "savefig.edgecolor": "none",
        "savefig.transparent": False,
        "axes.facecolor": "none",
        "axes.edgecolor": MUTED,
        "axes.labelcolor": TEXT,
        "axes.titlecolor": TEXT,
        "axes.prop_cycle": cycler(color=list(SERIES_COLORS)),
        "axes.spines.top": False,
        "axes.spines.right": False,
        "axes.grid": True,
        "axes.axisbelow": True,
        "grid.color": GRID,
        "grid.linewidth": 0.6,
        "text.color": TEXT,
        "xtick.color": MUTED,
        "ytick.color": MUTED,
        "xtick.labelcolor": TEXT,
        "ytick.labelcolor": TEXT,
        "legend.frameon": False,
        "legend.labelcolor": TEXT,
        "lines.linewidth": 2.0,
        "patch.edgecolor": "none",
    }


@contextmanager
def style_context() -> Iterator[None]:
    """Apply the house style (fonts, colours, SVG determinism) for the ``with`` block.

    Global ``rcParams`` are restored on exit; only the font manager keeps the registered
    Korean font, which is harmless.
    """
    register_fonts()
    with rc_context(_rc()):
        yield


_GLYPH_WARNING = re.compile(r"Glyph .* missing", re.IGNORECASE)
# Log messages matplotlib emits instead of a warning in some paths: mathtext's missing
# glyph, and a font family that cannot be found (its text would use another font).
_GLYPH_LOG = re.compile(r"glyph|font family .* not found", re.IGNORECASE)


class _Collector(logging.Handler):
    """Keeps the matplotlib log records that report missing glyphs or fonts."""

    def __init__(self) -> None:
        super().__init__(level=logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        message = record.getMessage()
        if _GLYPH_LOG.search(message):
            self.messages.append(message)


@contextmanager
def strict_glyphs() -> Iterator[None]:
    """Turn matplotlib's missing-glyph warnings and log messages into ``MissingGlyphError``.

    Without this, a Korean label drawn with a font lacking Hangul becomes boxes, and a
    docs build only logs it (``--strict`` passes). Both channels are watched: the
    ``Glyph ... missing`` warning, and records of the ``matplotlib`` logger.
    """
    logger = logging.getLogger("matplotlib")
    collector = _Collector()
    old_level = logger.level
    # Records below the logger's effective level are dropped before any handler sees
    # them, so make sure WARNING records get through while we listen.
    if logger.getEffectiveLevel() > logging.WARNING:
        logger.setLevel(logging.WARNING)
    logger.addHandler(collector)
    try:
        with warnings.catch_warnings():
            warnings.filterwarnings("error", message=_GLYPH_WARNING.pattern)
            yield
    except UserWarning as exc:
        if _GLYPH_WARNING.search(str(exc)):
            raise MissingGlyphError(f"matplotlib could not render a character: {exc}") from exc
        raise
    finally:
        logger.removeHandler(collector)
        logger.setLevel(old_level)
    if collector.messages:
        raise MissingGlyphError(
            "matplotlib reported missing glyphs or fonts: " + "; ".join(collector.messages)
        )


@contextmanager
def figure_context() -> Iterator[None]:
    """House style plus strict glyph checks: wrap both drawing and saving in this."""
    with style_context(), strict_glyphs():
        yield


class GuideFigure(Figure):
    """A ``Figure`` that knows its layout (wide or narrow).

    In the narrow layout, ``subplots`` stacks side-by-side panels in one column
    (same axes array shape, so drawing code indexes it as in the wide layout) and
    makes the figure as tall as its panels need.
    """

    narrow: bool = False
    _card: FancyBboxPatch | None = None

    def subplots(self, nrows: int = 1, ncols: int = 1, **kwargs: Any) -> Any:  # type: ignore[override]
        if not self.narrow or ncols == 1:
            return super().subplots(nrows, ncols, **kwargs)
        panels = nrows * ncols
        kwargs.pop("width_ratios", None)  # widths of side-by-side panels mean nothing stacked
        kwargs.pop("height_ratios", None)
        if kwargs.get("sharey") is True and nrows > 1:
            kwargs["sharey"] = "all"
        axes = super().subplots(panels, 1, **kwargs)
        self.resize(NARROW_WIDTH_IN, NARROW_PANEL_HEIGHT_IN * panels + 0.35)
        return axes.reshape(nrows, ncols) if nrows > 1 else axes

    def resize(self, width: float, height: float) -> None:
        """Set the size in inches, the card behind the figure included."""
        self.set_size_inches(width, height)
        if self._card is not None:
            self._card.set_width(width)
            self._card.set_height(height)


def new_figure(width: float | None = None, height: float | None = None) -> GuideFigure:
    """Create a figure in the house style, with the rounded light card behind it.

    Call it inside ``figure_context`` (or ``style_context``): fonts, colours and
    the property cycle are read from rcParams when artists are created. Then add axes
    with ``fig.subplots(...)`` or ``fig.add_subplot(...)``.

    In the narrow layout (``narrow_layout``) the size is
    the phone's, whatever is asked (see ``GuideFigure``).

    Args:
        width: Width in inches (default 6.4).
        height: Height in inches (default 4.0).

    Returns:
        A ``Figure`` attached to an Agg canvas (no pyplot).
    """
    w = FIGSIZE[0] if width is None else float(width)
    h = FIGSIZE[1] if height is None else float(height)
    narrow = is_narrow()
    if narrow:
        w, h = NARROW_WIDTH_IN, NARROW_SINGLE_HEIGHT_IN
    with style_context():
        fig = GuideFigure(figsize=(w, h), layout="constrained")
        fig.narrow = narrow
        FigureCanvasAgg(fig)
        # Drawn in inches (dpi_scale_trans) so the corners stay circular whatever the
        # aspect ratio; a patch in fig.patches takes no part in the layout.
        card = FancyBboxPatch(
            (0.0, 0.0),
            w,
            h,
            boxstyle=f"round,pad=0,rounding_size={_CARD_RADIUS_IN}",
            transform=fig.dpi_scale_trans,
            facecolor=CARD,
            edgecolor="none",
            zorder=-100,
        )
        fig.patches.append(card)
        card.set_figure(fig)
        fig._card = card
    return fig


def fmt_num(value: float, spec: str = ".2f") -> str:
    """Format a number for figure text with a true minus sign (U+2212), like the ticks.

    >>> fmt_num(-709.7827, ".2f")
    '−709.78'
    """
    return format(value, spec).replace("-", "\u2212")


_SUPERSCRIPT = str.maketrans(
    "-0123456789", "\u207b\u2070\u00b9\u00b2\u00b3\u2074\u2075\u2076\u2077\u2078\u2079"
)


def pow10_label(value: float) -> str:
    """Write ``value`` as a power of ten with Unicode superscripts: "10⁻⁶", "4×10⁸".

    Mathtext (``$10^{-6}$``) cannot be used in labels that also hold Hangul: mathtext
    has no font fallback, so the Hangul would be missing.

    >>> pow10_label(1e-17), pow10_label(4e8), pow10_label(10_000_000)
    ('10⁻¹⁷', '4×10⁸', '10⁷')
    """
    k = math.floor(math.log10(value))
    mantissa = round(value / 10.0**k, 3)
    if mantissa >= 10:  # rounding carried into the next power
        k, mantissa = k + 1, mantissa / 10
    power = "10" + str(k).translate(_SUPERSCRIPT)
    return power if mantissa == 1 else f"{mantissa:g}×{power}"


def pow_label(value: float, base: float = 10) -> str:
    """Write ``value`` as a power of ``base`` with Unicode superscripts: "2⁻³", "3×10⁴".

    >>> pow_label(0.125, 2), pow_label(3e4), pow_label(1.0)
    ('2⁻³', '3×10⁴', '10⁰')
    """
    if base == 10:
        return pow10_label(value)
    k = math.floor(math.log(value, base) + 1e-9)
    mantissa = round(value / base**k, 3)
    power = f"{base:g}" + str(k).translate(_SUPERSCRIPT)
    return power if mantissa == 1 else f"{mantissa:g}×{power}"


_MINOR_TICK_DECADES = 4


class _UnicodeLogFormatter(LogFormatter):
    """Log-axis tick labels as "10⁻⁵" in plain text.

    Matplotlib's default labels are mathtext ("$10^{-5}$"); parsing mathtext took about
    a third of the time to render the guide's figures, and plain text needs no parser.
    Which ticks get labels is decided by ``LogFormatter``.
    """

    def __init__(self, base: float, **kwargs: Any) -> None:
        super().__init__(base=base, **kwargs)
        self.label_base = base

    def _num_to_string(self, x: float, vmin: float, vmax: float) -> str:
        return pow_label(x, self.label_base)


def _log_axis_ticks(fig: Figure) -> None:
    """Plain-text labels on every log axis of ``fig``; no minor ticks on long ones.

    Over more than ``_MINOR_TICK_DECADES`` decades minor ticks are unlabelled marks
    packed eight to a decade, and each is a full matplotlib ``Tick`` (two lines, two
    texts): dropping them cut the time to draw all the guide's figures by about 8%.
    """
    for ax in fig.get_axes():
        for axis in (ax.xaxis, ax.yaxis):
            if axis.get_scale() != "log":
                continue
            base = axis.get_transform().base
            for get, set_ in (
                (axis.get_major_formatter, axis.set_major_formatter),
                (axis.get_minor_formatter, axis.set_minor_formatter),
            ):
                old = get()
                if isinstance(old, LogFormatterMathtext):
                    set_(
                        _UnicodeLogFormatter(
                            base=base,
                            labelOnlyBase=old.labelOnlyBase,
                            minor_thresholds=old.minor_thresholds,
                        )
                    )
            lo, hi = sorted(float(v) for v in axis.get_view_interval())
            if lo > 0 and math.log(hi, base) - math.log(lo, base) > _MINOR_TICK_DECADES:
                axis.set_minor_locator(NullLocator())


def _layout_once(fig: Figure) -> None:
    """Run the figure's layout engine now, then turn it off.

    ``savefig`` with a layout engine draws the whole figure twice (once, not rendered, so
    that the layout sees every text's size); laying out here and saving without the
    engine skips that first draw: about 10% of the time to draw all the guide's figures.
    """
    engine = fig.get_layout_engine()
    if engine is not None:
        if fig.axes:  # as Figure.draw does: there is nothing to lay out otherwise
            engine.execute(fig)
            if getattr(fig, "narrow", False):
                settle(fig, fig.canvas.get_renderer())
        # set_layout_engine("none") would leave a placeholder engine, and savefig still
        # draws twice when any engine is set; None (with the rc defaults off) leaves none.
        with rc_context({"figure.autolayout": False, "figure.constrained_layout.use": False}):
            fig.set_layout_engine(None)
        assert fig.get_layout_engine() is None


def save_svg(fig: Figure) -> bytes:
    """Render ``fig`` to SVG bytes that are identical on every run, then close it.

    The date and the creator (which names the matplotlib version) are left out of the
    metadata, clip-path ids use a fixed salt, and glyphs are written as paths. Missing
    glyphs raise ``MissingGlyphError``. The figure must not be used afterwards.

    Args:
        fig: The figure to render.

    Returns:
        The SVG document as UTF-8 bytes.
    """
    buf = io.BytesIO()
    try:
        _log_axis_ticks(fig)
        with figure_context():
            if getattr(fig, "narrow", False):
                fit_narrow(fig)
            _layout_once(fig)
            fig.savefig(buf, format="svg", metadata={"Date": None, "Creator": None})
    finally:
        _close(fig)
    return portable_svg(buf.getvalue().decode("utf-8")).encode("utf-8")


# Positions in the SVG (points) are written to 1/100 pt, far below what a screen or a
# printer shows. Matplotlib writes 6 decimals, so the last bits of the data, which differ
# between CPUs (NumPy's exp, log ... take other SIMD paths), would otherwise reach the
# file. Scale factors are left alone: rounding them would change sizes.
_COORD_DECIMALS = 2
_NUMBER = re.compile(r"-?[0-9]+\.[0-9]+")
_PATH_DATA = re.compile(r'(\sd=")([^"]*)(")')
_POSITION = re.compile(r'(\s(?:x|y|x1|y1|x2|y2|cx|cy|width|height)=")(-?[0-9.]+)(")')
_TRANSLATE = re.compile(r"(translate\()([^)]*)(\))")
# Matplotlib names each clip path after a hash of its rectangle's exact coordinates.
_CLIP_ID = re.compile(r"\bp[0-9a-f]{10}\b")


def _round_numbers(text: str) -> str:
    def short(m: re.Match) -> str:
        v = round(float(m.group()), _COORD_DECIMALS)
        out = f"{v:.{_COORD_DECIMALS}f}".rstrip("0").rstrip(".")
        return "0" if out in ("-0", "") else out

    return _NUMBER.sub(short, text)


def portable_svg(svg: str) -> str:
    """``svg`` with positions rounded to 1/100 pt and clip paths numbered in order.

    What is drawn then no longer depends on the last bits of the plotted numbers, so
    two computers whose NumPy rounds differently still write the same file.
    """
    for pattern in (_PATH_DATA, _POSITION, _TRANSLATE):
        svg = pattern.sub(lambda m: m.group(1) + _round_numbers(m.group(2)) + m.group(3), svg)
    names: dict[str, str] = {}
    return _CLIP_ID.sub(lambda m: names.setdefault(m.group(), f"clip{len(names) + 1}"), svg)


def _close(fig: Figure) -> None:
    """Release a figure: drop it from pyplot's registry if pyplot made it, then clear it."""
    pyplot = sys.modules.get("matplotlib.pyplot")
    if pyplot is not None:
        # Only reached when a caller (e.g. a notebook) imported pyplot itself; closing
        # a figure pyplot never saw is a no-op.
        pyplot.close(fig)
    # matplotlib 3.10 warns "Attempt to set non-positive ylim on a log-scaled axis"
    # while clearing log axes; the SVG is already written, so that warning means nothing.
    with warnings.catch_warnings():
        warnings.filterwarnings(
            "ignore", message="Attempt to set non-positive", category=UserWarning
        )
        fig.clear()
