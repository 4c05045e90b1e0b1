"""Figures of the sigmoid guide: one function per figure, drawn from experiment results.

Each figure function takes an experiment's result and a language (``"ko"`` or ``"en"``)
and returns a ``matplotlib.figure.Figure``; all text comes from
``sigmoid_guide.figures.strings``. ``sigmoid_guide.figures.registry`` lists every
figure with its experiment and alt texts, and renders deterministic SVG. The shared
style, Korean font handling and strict glyph checks live in
``sigmoid_guide.figures._style``.
"""

from __future__ import annotations

from ._layout import NARROW_MIN_PT, NARROW_WIDTH_IN, is_narrow, narrow_layout
from ._style import (
    CARD,
    COLORS,
    GRID,
    MUTED,
    SERIES_COLORS,
    TEXT,
    FontNotFoundError,
    MissingGlyphError,
    figure_context,
    fmt_num,
    korean_font_path,
    new_figure,
    pow10_label,
    register_fonts,
    save_svg,
    strict_glyphs,
    style_context,
)
from .dark import DARK_CARD, contrast, dark_color, dark_svg
from .strings import LANGS, t

__all__ = [
    "CARD",
    "COLORS",
    "DARK_CARD",
    "GRID",
    "LANGS",
    "MUTED",
    "NARROW_MIN_PT",
    "NARROW_WIDTH_IN",
    "SERIES_COLORS",
    "TEXT",
    "FontNotFoundError",
    "MissingGlyphError",
    "contrast",
    "dark_color",
    "dark_svg",
    "figure_context",
    "fmt_num",
    "is_narrow",
    "korean_font_path",
    "narrow_layout",
    "new_figure",
    "pow10_label",
    "register_fonts",
    "save_svg",
    "strict_glyphs",
    "style_context",
    "t",
]
