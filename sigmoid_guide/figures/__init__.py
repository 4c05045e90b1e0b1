"""Figures of the sigmoid guide: one function per figure, drawn from experiment results.

Each figure function takes an experiment's result and a language (``"ko"`` or ``"en"``)
and returns a :class:`matplotlib.figure.Figure`; all text comes from
:mod:`sigmoid_guide.figures.strings`. :mod:`sigmoid_guide.figures.registry` lists every
figure with its experiment and alt texts, and renders deterministic SVG. The shared
style, Korean font handling and strict glyph checks live in
:mod:`sigmoid_guide.figures._style`.
"""

from __future__ import annotations

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
from .strings import LANGS, t

__all__ = [
    "CARD",
    "COLORS",
    "GRID",
    "LANGS",
    "MUTED",
    "SERIES_COLORS",
    "TEXT",
    "FontNotFoundError",
    "MissingGlyphError",
    "figure_context",
    "fmt_num",
    "korean_font_path",
    "new_figure",
    "pow10_label",
    "register_fonts",
    "save_svg",
    "strict_glyphs",
    "style_context",
    "t",
]
