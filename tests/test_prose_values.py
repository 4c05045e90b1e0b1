"""Measured numbers in the prose come from the experiments ([[value: NAME]]).

See tests/prose_numbers.py for what counts as a typed measured number and what is
allowed; the build itself fails on an unknown placeholder (tests/test_site_failures.py).
"""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest
from prose_numbers import CONSTANTS, typed_numbers

from sigmoid_guide import values
from sigmoid_guide.values import PLACEHOLDER, format_number, korean_particle, value_text

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"
# Bibliographic data (volumes, pages, arXiv numbers, versions) is not measured.
NOT_PROSE = {"references.md"}
PAGES = sorted(
    p.relative_to(DOCS).as_posix() for p in DOCS.glob("*/*.md") if p.name not in NOT_PROSE
)


def _placeholders(text: str) -> list[tuple[str, str | None]]:
    return [(m.group(1), m.group(2)) for m in PLACEHOLDER.finditer(text)]


@pytest.mark.parametrize("page", PAGES)
def test_no_measured_number_is_typed_into_the_prose(page: str):
    found = typed_numbers((DOCS / page).read_text(encoding="utf-8"))
    assert not found, (
        f"{page}: numbers typed into the prose (line, number): {found}. Write "
        "[[value: NAME]] with a spec in sigmoid_guide/values/ instead; allowed constants: "
        f"{sorted(CONSTANTS)}"
    )


LABS = sorted(p.relative_to(DOCS).as_posix() for p in DOCS.glob("*/labs/*.ipynb"))


@pytest.mark.parametrize("lab", LABS)
def test_no_measured_number_is_typed_into_a_labs_text(lab: str):
    """A lab computes its numbers in its cells; its Markdown must not type them."""
    nb = json.loads((DOCS / lab).read_text(encoding="utf-8"))
    found = [
        (i, number)
        for i, cell in enumerate(nb["cells"], start=1)
        if cell["cell_type"] == "markdown"
        for _, number in typed_numbers("".join(cell["source"]))
    ]
    assert not found, f"{lab}: numbers typed into Markdown cells (cell, number): {found}"


def test_the_detector_finds_what_it_should():
    page = (
        "The ratio is 9.8e-07, the number 12.8이고 91%가 그렇다; 0.25 is allowed, "
        "§4.3 and 1998 too, `0.123` is code, [[value: zigzag.gd_lr_same]] a value, "
        "and \\(x \\ge 36.7368\\) is math.\n```python\nprint(0.5)\n#> 0.731\n```\n"
    )
    assert [n for _, n in typed_numbers(page)] == ["9.8e-07", "12.8", "91%", "36.7368"]


def test_every_placeholder_names_a_value_that_renders():
    for page in PAGES:
        for name, particle in _placeholders((DOCS / page).read_text(encoding="utf-8")):
            assert name in values.VALUES, f"{page}: unknown [[value: {name}]]"
            assert value_text(name, particle)


def test_every_value_is_used_by_a_page():
    used = {n for p in PAGES for n, _ in _placeholders((DOCS / p).read_text(encoding="utf-8"))}
    unused = sorted(set(values.VALUES) - used)
    assert not unused, f"registered but used by no page: {unused}"


@pytest.mark.parametrize("page", sorted({p.split("/", 1)[1] for p in PAGES}))
def test_both_languages_quote_the_same_values(page: str):
    names = {
        lang: Counter(n for n, _ in _placeholders((DOCS / lang / page).read_text("utf-8")))
        for lang in ("ko", "en")
        if (DOCS / lang / page).exists()
    }
    assert names.get("ko") == names.get("en"), f"{page}: ko and en quote different values"


def test_english_pages_use_no_korean_particle():
    for page in PAGES:
        if page.startswith("en/"):
            text = (DOCS / page).read_text(encoding="utf-8")
            assert all(p is None for _, p in _placeholders(text)), page


@pytest.mark.parametrize(
    ("rendered", "pair", "expected"),
    [
        ("12.8", "이/가", "이"),  # 팔
        ("12.9", "이/가", "가"),  # 구
        ("0.007", "이/가", "이"),  # 칠
        ("0.655", "은/는", "는"),  # 오
        ("1.0", "은/는", "은"),  # 영
        ("45", "을/를", "를"),  # 사십오
        ("3", "을/를", "을"),  # 삼
        ("10", "이/가", "이"),  # 십
        ("20", "과/와", "과"),  # 이십
        ("100", "이/가", "이"),  # 백
        ("1000", "이/가", "이"),  # 천
        ("10000", "이/가", "이"),  # 만
        ("512", "이/가", "가"),  # 오백십이
        ("91%", "이/가", "가"),  # 퍼센트
        ("9.8e-07", "이/가", "이"),  # 칠
        ("3.4e-06", "이/가", "이"),  # 육
        ("1", "으로/로", "로"),  # 일: ㄹ takes 로
        ("6", "으로/로", "으로"),  # 육
        ("2", "으로/로", "로"),
        ("0.247배", "이/가", "가"),  # a Hangul unit decides
        ("4.5초", "이/가", "가"),
        ("2000", "을/를", "을"),  # 이천
    ],
)
def test_korean_particle_follows_the_reading(rendered, pair, expected):
    assert korean_particle(rendered, pair) == expected


def test_korean_particle_refuses_what_it_cannot_read():
    with pytest.raises(ValueError, match="unknown Korean particle"):
        korean_particle("1", "께서/께")
    with pytest.raises(ValueError, match="read aloud"):
        korean_particle("x", "이/가")


def test_format_number_is_strict():
    assert format_number(12.84, ".1f") == "12.8"
    assert format_number(45, "d") == "45"
    with pytest.raises(ValueError, match="finite"):
        format_number(float("nan"), ".1f")
    with pytest.raises(ValueError, match="whole number"):
        format_number(2.5, "d")
    with pytest.raises(TypeError, match="real number"):
        format_number("12.8", ".1f")
    with pytest.raises(TypeError, match="real number"):
        format_number(True, "d")
