"""The four versions of every figure (wide and narrow layout, light and dark palette)
and the dark versions of the labs' figures: what the build writes and what the dark
mapping guarantees. The browser side (which version a reader gets, and how big its
text is on a phone) is in tests/browser/test_phone_figures.py."""

from __future__ import annotations

import itertools
import re
from pathlib import Path

import numpy as np
import pytest

from sigmoid_guide.figures import (
    CARD,
    COLORS,
    DARK_CARD,
    GRID,
    NARROW_MIN_PT,
    NARROW_WIDTH_IN,
    SERIES_COLORS,
    contrast,
    dark_color,
    dark_svg,
    figure_context,
    narrow_layout,
    new_figure,
    save_svg,
)
from sigmoid_guide.figures import dark as dark_module
from sigmoid_guide.figures.dark import DARK_GREYS, MIN_CONTRAST, MIN_GREY_CONTRAST
from sigmoid_guide.figures.registry import figure_names

LANGS = ("ko", "en")
VARIANTS = ("", ".narrow", ".dark", ".narrow.dark")
# Text drawn as glyph paths: each text's group is scaled by its font size / 100.
TEXT_SCALE = re.compile(r'transform="[^"]*scale\(([0-9.]+) -[0-9.]+\)"')
SVG_SIZE = re.compile(r'<svg\b[^>]*?\bwidth="([\d.]+)pt"[^>]*?\bheight="([\d.]+)pt"')
COLOR = re.compile(r'(?:fill|stroke)(?::\s*|=")(#[0-9a-fA-F]{6})\b')


def text_sizes(svg: str) -> list[float]:
    """Font sizes (pt) of every text in a figure's SVG."""
    return [float(s) * 100 for s in TEXT_SCALE.findall(svg)]


def figures_dir(site, lang: str) -> Path:
    return site.lang_root(lang) / "figures"


@pytest.mark.parametrize("lang", LANGS)
def test_every_figure_comes_in_four_versions(site, lang):
    folder = figures_dir(site, lang)
    for name in figure_names():
        for variant in VARIANTS:
            assert (folder / f"{name}{variant}.svg").is_file(), f"{lang}: {name}{variant}.svg"


@pytest.mark.parametrize("lang", LANGS)
def test_narrow_versions_are_phone_sized_with_readable_text(site, lang):
    problems = []
    for name in figure_names():
        for variant in (".narrow", ".narrow.dark"):
            svg = (figures_dir(site, lang) / f"{name}{variant}.svg").read_text(encoding="utf-8")
            width = float(SVG_SIZE.search(svg).group(1))
            sizes = text_sizes(svg)
            if abs(width - NARROW_WIDTH_IN * 72) > 0.5:
                problems.append(f"{name}{variant}: {width} pt wide")
            if not sizes or min(sizes) < NARROW_MIN_PT - 1e-6:
                problems.append(f"{name}{variant}: smallest text {min(sizes, default=0):.1f} pt")
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("lang", LANGS)
def test_wide_versions_keep_their_text_sizes(site, lang):
    """The desktop figures are as before: nothing below the 7.5 pt of the densest legend."""
    for name in figure_names():
        svg = (figures_dir(site, lang) / f"{name}.svg").read_text(encoding="utf-8")
        assert min(text_sizes(svg)) >= 7.5, name


@pytest.mark.parametrize("lang", LANGS)
def test_dark_versions_are_the_light_ones_mapped(site, lang):
    folder = figures_dir(site, lang)
    for name in figure_names():
        for layout in ("", ".narrow"):
            light = (folder / f"{name}{layout}.svg").read_text(encoding="utf-8")
            dark = (folder / f"{name}{layout}.dark.svg").read_text(encoding="utf-8")
            assert dark == dark_svg(light), f"{name}{layout}"
            assert CARD.lower() not in dark.lower(), f"{name}{layout}: light card left"


def _colors(svg: str) -> set[str]:
    return {c.lower() for c in COLOR.findall(svg)}


@pytest.mark.parametrize("lang", LANGS)
def test_dark_versions_meet_contrast_on_the_dark_card(site, lang):
    """Every colour a dark figure draws with (text, lines, markers, bars) against the
    card: 4.5:1 for colours, 3:1 for greys; only the card and the faint grid are exempt."""
    exempt = {DARK_CARD, dark_color(GRID)}
    problems = []
    for path in sorted(figures_dir(site, lang).glob("*.dark.svg")):
        for color in _colors(path.read_text(encoding="utf-8")) - exempt:
            ratio = contrast(color, DARK_CARD)
            grey = (
                max(int(color[i : i + 2], 16) for i in (1, 3, 5))
                - min(int(color[i : i + 2], 16) for i in (1, 3, 5))
                < 8
            )
            if ratio < (MIN_GREY_CONTRAST if grey else MIN_CONTRAST) - 1e-9:
                problems.append(f"{path.name}: {color} at {ratio:.2f}:1")
    assert not problems, "\n".join(problems)


# Colour-vision deficiency, simulated in linear RGB with the severity-1 matrices of
# Machado, Oliveira & Fernandes (2009), "A physiologically-based model for simulation of
# color vision deficiency", IEEE TVCG 15(6), Table 1.
CVD = {
    "protanopia": [
        [0.152286, 1.052583, -0.204868],
        [0.114503, 0.786281, 0.099216],
        [-0.003882, -0.048116, 1.051998],
    ],
    "deuteranopia": [
        [0.367322, 0.860646, -0.227968],
        [0.280085, 0.672501, 0.047413],
        [-0.011820, 0.042940, 0.968881],
    ],
    "tritanopia": [
        [1.255528, -0.076749, -0.178779],
        [-0.078411, 0.930809, 0.147602],
        [0.004733, 0.691367, 0.303900],
    ],
}


def _seen(color: str, matrix) -> np.ndarray:
    linear = np.array([dark_module._to_linear(c) for c in dark_module._rgb(color)])
    shown = np.clip(np.array(matrix) @ linear, 0.0, 1.0)
    return np.array(dark_module._oklab(tuple(dark_module._to_srgb(c) for c in shown)))


def _closest_pair(colors, matrix) -> float:
    return min(
        float(np.linalg.norm(_seen(a, matrix) - _seen(b, matrix)))
        for a, b in itertools.combinations(colors, 2)
    )


@pytest.mark.parametrize("deficiency", sorted(CVD))
def test_dark_series_colours_stay_apart_for_colour_blind_readers(deficiency):
    matrix = CVD[deficiency]
    light = _closest_pair(SERIES_COLORS, matrix)
    dark = _closest_pair([dark_color(c) for c in SERIES_COLORS], matrix)
    assert dark >= 0.06, f"{deficiency}: two dark series colours are {dark:.3f} apart"
    assert dark >= 0.7 * light, f"{deficiency}: {dark:.3f} apart in dark, {light:.3f} in light"


def test_dark_mapping_of_the_house_colours():
    for light, dark in DARK_GREYS.items():
        assert dark_color(light) == dark
    for name, light in COLORS.items():
        mapped = dark_color(light)
        assert contrast(mapped, DARK_CARD) >= MIN_CONTRAST, name
    # Hue is kept: the mapped blue is still the bluest of the series.
    assert int(dark_color(COLORS["blue"])[5:7], 16) > int(dark_color(COLORS["blue"])[1:3], 16)
    assert dark_color("#FFFFFF") == DARK_CARD  # matplotlib's default background (the labs)


def test_dark_mapping_rejects_what_it_cannot_map():
    with pytest.raises(ValueError, match="#rrggbb"):
        dark_color("red")
    with pytest.raises(ValueError, match="cannot read"):
        dark_svg('<svg><path style="fill: red"/></svg>')
    with pytest.raises(TypeError, match="str"):
        dark_svg(b"<svg/>")  # type: ignore[arg-type]


def test_narrow_layout_stacks_side_by_side_panels():
    with figure_context(), narrow_layout():
        fig = new_figure(9.0, 4.0)
        left, right = fig.subplots(1, 2, sharey=True)
        assert fig.get_figwidth() == pytest.approx(NARROW_WIDTH_IN)
        assert left.get_position().x0 == pytest.approx(right.get_position().x0)
        assert left.get_position().y0 > right.get_position().y0
        fig.clear()
    with figure_context():
        fig = new_figure(9.0, 4.0)
        left, right = fig.subplots(1, 2)
        assert fig.get_figwidth() == pytest.approx(9.0)
        assert left.get_position().x0 < right.get_position().x0
        fig.clear()


def test_narrow_layout_breaks_long_text_and_raises_small_text():
    with figure_context(), narrow_layout():
        fig = new_figure()
        ax = fig.subplots()
        ax.plot([0, 1], [0, 1], label="a label " * 12)
        ax.set_title("a title that is much too long to fit on one line of a phone figure")
        ax.legend(fontsize=6)
        svg = save_svg(fig).decode("utf-8")
    assert min(text_sizes(svg)) >= NARROW_MIN_PT


def test_narrow_layout_refuses_text_it_cannot_fit():
    with figure_context(), narrow_layout():
        fig = new_figure()
        ax = fig.subplots()
        ax.set_title("unbreakable" * 8)
        with pytest.raises(ValueError, match="stick out"):
            save_svg(fig)


@pytest.mark.parametrize("lang", LANGS)
def test_lab_figures_come_light_and_dark(site, lang):
    found = 0
    for page in site.pages(lang):
        if not page.path.startswith("labs/"):
            continue
        assert "data:image/svg" not in page.text, f"{lang}/{page.path}: inline SVG left"
        pairs = re.findall(
            r'<img class="sg-nb-figure sg-nb-figure--light" alt="([^"]+)" src="([\w-]+)\.svg"'
            r'[^>]*><img class="sg-nb-figure sg-nb-figure--dark" alt="([^"]+)" '
            r'src="([\w-]+)\.dark\.svg"',
            page.text,
        )
        for alt_light, light, alt_dark, dark in pairs:
            assert alt_light == alt_dark and light == dark
            folder = page.file.parent
            text = (folder / f"{light}.svg").read_text(encoding="utf-8")
            assert (folder / f"{light}.dark.svg").read_text(encoding="utf-8") == dark_svg(text)
            found += 1
    assert found >= 3, f"{lang}: only {found} lab figures"


@pytest.mark.parametrize("lang", LANGS)
def test_each_figure_is_a_light_and_a_dark_picture_with_a_narrow_source(site, lang):
    pattern = re.compile(
        r'<picture class="sg-figure__(light|dark)"><source media="\(max-width: 599\.98px\)" '
        r'srcset="(?:\.\./)*figures/([\w-]+)\.narrow(\.dark)?\.svg" width="\d+" height="\d+">'
        r'<img alt="([^"]+)"[^>]*src="(?:\.\./)*figures/([\w-]+?)(\.dark)?\.svg"'
    )
    total = 0
    for page in site.pages(lang):
        names = page.figure_names()
        pictures = pattern.findall(page.text)
        assert len(pictures) == 2 * len(names), f"{lang}/{page.path}"
        for (p1, n1, d1, alt1, m1, e1), (p2, n2, d2, alt2, m2, e2) in zip(
            pictures[::2], pictures[1::2], strict=True
        ):
            assert (p1, p2) == ("light", "dark") and n1 == n2 == m1 == m2, page.path
            assert (d1, e1, d2, e2) == ("", "", ".dark", ".dark") and alt1 == alt2, page.path
        total += len(names)
    assert total >= 16
