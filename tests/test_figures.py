"""Figure infrastructure and every registered figure: fonts, strictness, determinism, text.

Every figure is rendered in both languages with warnings as errors (pyproject sets
``filterwarnings = error``) and with missing glyphs as errors (the figure context), and
re-rendered to check that the SVG bytes do not change. Experiments run once per test
process (the registry memoises them).
"""

from __future__ import annotations

import os
import re
import string
import subprocess
import sys
from pathlib import Path

import matplotlib
import pytest
from matplotlib import rc_context
from matplotlib.ticker import NullLocator

from sigmoid_guide.__main__ import main
from sigmoid_guide.figures import (
    MissingGlyphError,
    _style,
    figure_context,
    fmt_num,
    korean_font_path,
    new_figure,
    pow10_label,
    register_fonts,
    save_svg,
)
from sigmoid_guide.figures.registry import (
    FIGURES,
    alt_text,
    figure_names,
    get_spec,
    render_svg,
    run_experiment,
)
from sigmoid_guide.figures.strings import LANGS, STRINGS, t

HANGUL = re.compile(r"[\uac00-\ud7a3]")
NAMES = figure_names()
ROOT = Path(__file__).resolve().parents[1]

_RENDERS: dict[tuple[str, str], bytes] = {}


def rendered(name: str, lang: str) -> bytes:
    """First render of a figure in this process (shared between tests)."""
    key = (name, lang)
    if key not in _RENDERS:
        _RENDERS[key] = render_svg(name, lang)
    return _RENDERS[key]


# --- fonts and strict glyph checks -------------------------------------------------


def test_korean_font_is_found_without_importing_koreanize() -> None:
    path = korean_font_path()
    assert path.name == "NanumGothic.ttf" and path.is_file()
    assert Path(register_fonts()) == path
    # The module itself fails to import on Python 3.12+; it must never be imported.
    assert "koreanize_matplotlib" not in sys.modules


def _render_title(title: str) -> bytes:
    with figure_context():
        fig = new_figure()
        fig.subplots().set_title(title)
    return save_svg(fig)


def _glyph_fonts(text: str) -> set[str]:
    """Fonts whose glyphs an SVG of only ``text`` (no axes) uses."""
    with figure_context():
        fig = new_figure()
        fig.text(0.5, 0.5, text)
    ids = re.findall(rb'<path id="([A-Za-z]+)-[0-9a-f]+"', save_svg(fig))
    return {i.decode() for i in ids}


def test_hangul_comes_from_nanum_and_minus_from_dejavu() -> None:
    assert _glyph_fonts("시그모이드") == {"NanumGothic"}
    assert _glyph_fonts("−") == {"DejaVuSans"}
    assert _glyph_fonts("기울기 −0.25") == {"NanumGothic", "DejaVuSans"}


_MPL = tuple(int(p) for p in matplotlib.__version__.split(".")[:2])


def test_log_axes_get_plain_text_labels_and_no_minor_ticks_when_long() -> None:
    # save_svg swaps matplotlib's mathtext log labels ("$10^{-6}$") for plain text.
    with figure_context():
        fig = new_figure()
        long_ax, short_ax = fig.subplots(1, 2)
        long_ax.semilogy([1, 2], [1e-6, 1.0])
        short_ax.set_xscale("log", base=2)
        short_ax.set_xlim(0.25, 4.0)
        short_ax.set_yscale("log")
        short_ax.set_ylim(2.0, 50.0)
        _style._log_axis_ticks(fig)
    assert long_ax.yaxis.get_major_formatter()(1e-6) == "10⁻⁶"
    assert short_ax.xaxis.get_major_formatter()(0.25) == "2⁻²"
    assert isinstance(long_ax.yaxis.get_minor_locator(), NullLocator)  # 6 decades
    assert not isinstance(short_ax.yaxis.get_minor_locator(), NullLocator)  # 1.4 decades
    minor = short_ax.yaxis.get_minor_formatter().format_ticks([2.0, 3.0, 20.0])
    if _MPL >= (3, 11):
        assert minor == ["2×10⁰", "3×10⁰", "2×10¹"]
    else:  # matplotlib 3.10 (Python 3.10) leaves these minor ticks unlabelled
        assert minor == ["", "", ""]


def test_missing_hangul_glyph_is_an_error() -> None:
    with pytest.raises(MissingGlyphError, match="HANGUL"):
        with figure_context(), rc_context({"font.family": ["DejaVu Sans"]}):
            fig = new_figure()
            fig.subplots().set_title("한글")
            save_svg(fig)


def test_missing_minus_glyph_is_an_error() -> None:
    # NanumGothic alone lacks U+2212: this is why DejaVu Sans leads the family list.
    with pytest.raises(MissingGlyphError, match="MINUS"):
        with figure_context(), rc_context({"font.family": ["NanumGothic"]}):
            fig = new_figure()
            fig.subplots().set_title("−1")
            save_svg(fig)


def test_missing_glyph_reported_only_by_logging_is_an_error() -> None:
    # Mathtext has no font fallback and reports a missing glyph through the
    # "matplotlib" logger, not as a warning.
    with pytest.raises(MissingGlyphError, match="glyph"):
        _render_title("$한$")


def test_style_does_not_leak_into_global_rcparams() -> None:
    before = dict(matplotlib.rcParams)
    rendered(NAMES[0], "ko")
    assert dict(matplotlib.rcParams) == before


def test_save_svg_has_no_date_or_version() -> None:
    svg = _render_title("x")
    assert b"<dc:date>" not in svg
    assert matplotlib.__version__.encode() not in svg


def test_number_helpers() -> None:
    assert fmt_num(-1.5, ".1f") == "−1.5"
    assert pow10_label(1e-6) == "10⁻⁶"
    assert pow10_label(400_000_000) == "4×10⁸"


# --- string table ------------------------------------------------------------------


def _fields(text: str) -> set[str]:
    return {f for _, f, _, _ in string.Formatter().parse(text) if f is not None}


def test_string_table_is_complete_and_consistent() -> None:
    assert LANGS == ("ko", "en")
    for key, entry in STRINGS.items():
        assert set(entry) == {"ko", "en"}, key
        assert entry["ko"].strip() and entry["en"].strip(), key
        # Both languages must take the same placeholders, or one would fail to format.
        assert _fields(entry["ko"]) == _fields(entry["en"]), key
        assert not HANGUL.search(entry["en"]), key


def test_t_rejects_unknown_language_and_key() -> None:
    assert t("common.loss", "ko") == "손실"
    with pytest.raises(ValueError, match="language"):
        t("common.loss", "fr")
    with pytest.raises(KeyError, match="no-such-key"):
        t("no-such-key", "en")


# --- registry ------------------------------------------------------------------------


def test_registry_names_are_file_safe_and_unknown_names_fail() -> None:
    assert len(NAMES) >= 10
    for name in NAMES:
        assert re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", name), name
    with pytest.raises(KeyError, match="unknown figure"):
        get_spec("no-such-figure")


def test_experiments_run_once_per_process() -> None:
    name = NAMES[0]
    assert run_experiment(name) is run_experiment(name)
    shared = [n for n in NAMES if FIGURES[n].experiment is FIGURES[name].experiment]
    assert all(run_experiment(n) is run_experiment(name) for n in shared)


@pytest.mark.parametrize("name", NAMES)
def test_figure_renders_in_both_languages(name: str) -> None:
    ko, en = rendered(name, "ko"), rendered(name, "en")
    for svg in (ko, en):
        assert svg.startswith(b"<?xml") and svg.rstrip().endswith(b"</svg>")
    assert ko != en
    # Korean text became glyph paths from the Korean font; English has none of them,
    # so no untranslated Korean label slipped into the English figure.
    assert b'id="NanumGothic-' in ko
    assert b'id="NanumGothic-' not in en


@pytest.mark.parametrize("name", NAMES)
def test_figure_svg_is_deterministic(name: str) -> None:
    assert render_svg(name, "ko") == rendered(name, "ko")


@pytest.mark.parametrize("name", NAMES)
def test_alt_text_in_both_languages(name: str) -> None:
    ko, en = alt_text(name, "ko"), alt_text(name, "en")
    assert len(ko) > 40 and len(en) > 40
    assert ko != en
    assert HANGUL.search(ko) and not HANGUL.search(en)
    for text in (ko, en):
        assert "{" not in text and "}" not in text, text  # no unfilled placeholder
        assert not re.search(r"\bnan\b", text), text


# --- command line ----------------------------------------------------------------------


def test_cli_writes_svg_and_alt_text(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    names = NAMES[:2]
    assert main(["figures", str(tmp_path), "--lang", "en", "--only", *names]) == 0
    for name in names:
        assert (tmp_path / "en" / f"{name}.svg").read_bytes() == rendered(name, "en")
        assert (tmp_path / "en" / f"{name}.alt.txt").read_text("utf-8").strip()
    assert not (tmp_path / "ko").exists()
    assert "wrote 4 files" in capsys.readouterr().out


def test_cli_rejects_unknown_figure(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exc:
        main(["figures", str(tmp_path), "--only", "no-such-figure"])
    assert exc.value.code == 2
    assert "unknown figure(s): no-such-figure" in capsys.readouterr().err


def test_cli_output_is_identical_across_processes(tmp_path: Path) -> None:
    # Two fresh interpreters with different hash seeds must write the same bytes.
    names = ["shape-activations", "zigzag-sign-fraction"]
    outs = []
    for seed in ("1", "2"):
        out = tmp_path / f"run{seed}"
        env = {**os.environ, "PYTHONHASHSEED": seed}
        subprocess.run(
            [
                sys.executable,
                "-W",
                "error",
                "-m",
                "sigmoid_guide",
                "figures",
                str(out),
                "--only",
                *names,
            ],
            check=True,
            cwd=ROOT,
            env=env,
            capture_output=True,
        )
        outs.append(out)
    files = sorted(p.relative_to(outs[0]) for p in outs[0].rglob("*") if p.is_file())
    assert len(files) == 2 * 2 * len(LANGS)
    for rel in files:
        assert (outs[0] / rel).read_bytes() == (outs[1] / rel).read_bytes(), rel
