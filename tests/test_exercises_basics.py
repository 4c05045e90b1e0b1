"""The exercises (확인 문제) and summaries of the basics pages, and the values they quote.

Every value in sigmoid_guide/values/exercises_basics.py is checked against an
independent computation here: exact fractions, or Python's ``decimal`` at 50 digits
(``Decimal.exp``, ``ln`` and ``sqrt`` are correctly rounded), never the package function
that computed the value. Each page must open with a summary admonition and end with 3-5
numbered exercises, each with a collapsible answer, the same in both languages.
"""

from __future__ import annotations

import math
import re
from decimal import Decimal, localcontext
from fractions import Fraction
from pathlib import Path

import pytest

from sigmoid_guide.values import PLACEHOLDER, VALUES, exercises_basics, value, value_text

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"
PAGES = ("definition", "derivative", "strengths", "today", "copy-ready-code")
SUMMARY = {"ko": '!!! abstract "요약"', "en": '!!! abstract "Summary"'}
EXERCISES = {"ko": "## 확인 문제", "en": "## Exercises"}
ANSWER = {"ko": '??? success "답"', "en": '??? success "Answer"'}
VERDICT = {"ko": "판정", "en": "Verdict"}


# --- the values, computed again without the package --------------------------------


def _d(x: float | int | str) -> Decimal:
    return Decimal(x)


def _sigma(x: Decimal) -> Decimal:
    return 1 / (1 + (-x).exp())


def _sigma_prime(x: Decimal) -> Decimal:
    e = (-x).exp()
    return e / (1 + e) ** 2


def _references() -> dict[str, Decimal | Fraction | int]:
    """Every value of exercises_basics, computed independently (inside a 50-digit context)."""
    ln2 = _d(2).ln()
    two, three, ten = _d(2), _d(3), _d(10)
    p_tenth = (1 + (_d(9) / 10).sqrt()) / 2  # p(1 - p) = 1/40
    x_hard = (2 + three.sqrt()).ln()  # where sigma' = 1/6
    return {
        # definition
        "exercise.definition.exp_minus_2": (-two).exp(),
        "exercise.definition.sigma_2": _sigma(two),
        "exercise.definition.sigma_minus_2": _sigma(-two),
        "exercise.definition.logit_9_10": _d(9).ln(),
        "exercise.definition.ln2_times_53": 53 * ln2,
        "exercise.definition.ln2_times_24": 24 * ln2,
        # 1 / (1 + e^-n) rounds to 1 exactly when e^-n <= 2^-p, i.e. n >= p ln 2
        "exercise.definition.first_one_float64": math.ceil(53 * ln2),
        "exercise.definition.first_one_float32": math.ceil(24 * ln2),
        # derivative
        "exercise.derivative.sigma_prime_2": _sigma_prime(two),
        "exercise.derivative.four_pow_10": 4**10,
        "exercise.derivative.quarter_pow_10": Fraction(1, 4) ** 10,
        "exercise.derivative.tenth_of_peak_x": (p_tenth / (1 - p_tenth)).ln(),
        # strengths
        "exercise.strengths.chain_growth": int((8 * Fraction(1, 4)) ** 10),
        "exercise.strengths.exp_minus_10": (-ten).exp(),
        "exercise.strengths.bce_z10": (1 + ten.exp()).ln(),
        "exercise.strengths.grad_z10": _sigma(ten),
        "exercise.strengths.ln2_times_23": 23 * ln2,
        "exercise.strengths.outlier_grad_x50": 50 * _sigma_prime(_d(50)),
        # today
        "exercise.today.gate_state": (two.exp() - 1) / (two.exp() + 1),  # tanh 1
        "exercise.today.silu_2": 2 * _sigma(two),
        "exercise.today.silu_minus_2": -2 * _sigma(-two),
        "exercise.today.attention_weight_n8": Fraction(1, 9),
        "exercise.today.attention_sum_n8": Fraction(8, 9),
        "exercise.today.hard_gap_x": x_hard,
        "exercise.today.hard_gap": abs(_sigma(x_hard) - (x_hard / 6 + _d("0.5"))),
        "exercise.today.sigma_minus_3": _sigma(-three),
        # copy-ready-code
        "exercise.copy-ready-code.ln2_times_1024": 1024 * ln2,
        "exercise.copy-ready-code.log_sigmoid_40": -(1 + (-_d(40)).exp()).ln(),
        "exercise.copy-ready-code.bce_z2_y1": (1 + (-two).exp()).ln(),
        "exercise.copy-ready-code.bce_z0": ln2,
        "exercise.copy-ready-code.logit_501": (_d(501) / 499).ln(),
    }


with localcontext() as _ctx:
    _ctx.prec = 50
    REFERENCES = _references()

NAMES = [spec.name for spec in exercises_basics.SPECS]


def test_every_value_has_a_reference():
    assert sorted(NAMES) == sorted(REFERENCES), "a value without a reference, or the reverse"
    assert all(name in VALUES for name in NAMES), "exercises_basics is not registered"


def test_the_references_are_what_the_pages_say():
    """The closed forms the answers derive agree with the definitions they come from."""
    r = REFERENCES
    with localcontext() as ctx:
        ctx.prec = 50
        # 2 ln(3 + sqrt 10), as the derivative page writes it, and sigma' there is 1/40
        x = r["exercise.derivative.tenth_of_peak_x"]
        assert abs(x - 2 * (3 + _d(10).sqrt()).ln()) < _d("1e-45")
        assert abs(_sigma_prime(x) - _d(1) / 40) < _d("1e-45")
        # the hard sigmoid's gap is largest where sigma' = 1/6 (today page)
        assert abs(_sigma_prime(r["exercise.today.hard_gap_x"]) - _d(1) / 6) < _d("1e-45")
        # tanh 1 = 2 sigma(2) - 1, the GRU update of the today page
        assert abs(r["exercise.today.gate_state"] - (2 * _sigma(_d(2)) - 1)) < _d("1e-45")
        assert abs(r["exercise.today.gate_state"] - _d(math.tanh(1.0))) < _d("1e-15")
        # sigma(-ln 8) = 1/9
        assert abs(_sigma(-_d(8).ln()) - _d(1) / 9) < _d("1e-45")
    # 1 - 1e-7 rounds to 1 - 2^-23 in float32: 3 * 2^-25 (the halfway point) < 1e-7
    assert Fraction(3, 2**25) < Fraction(1, 10**7) < Fraction(1, 2**23)
    # the largest float64 is (1 - 2^-53) 2^1024: its ln is 1024 ln 2 to 1e-15
    assert math.isclose(math.log(2.0**1023 * (2 - 2.0**-52)), 1024 * math.log(2), rel_tol=1e-15)


@pytest.mark.parametrize("name", NAMES)
def test_value_matches_an_independent_computation(name: str):
    ref = REFERENCES[name]
    got = value(name)
    spec = VALUES[name]
    if isinstance(ref, int):
        assert isinstance(got, int) and got == ref, f"{name}: {got!r}, expected {ref}"
    else:
        expected = float(ref)
        assert math.isclose(got, expected, rel_tol=1e-12, abs_tol=0.0), (
            f"{name}: {got!r}, expected {expected!r}"
        )
    # ... and the page shows the digits of the reference
    assert value_text(name) == format(float(ref) if not isinstance(ref, int) else ref, spec.fmt)


# --- the pages -----------------------------------------------------------------------


def _text(lang: str, page: str) -> str:
    return (DOCS / lang / f"{page}.md").read_text(encoding="utf-8")


def _summary(text: str, lang: str) -> list[str]:
    """The summary's indented lines, which must start right after the title line."""
    lines = text.splitlines()
    assert lines[0].startswith("# "), "the page must start with its title"
    assert lines[1] == "" and lines[2] == SUMMARY[lang], (
        f"line 3 must be {SUMMARY[lang]!r}, right after the title; got {lines[2]!r}"
    )
    body = []
    for line in lines[3:]:
        if line and not line.startswith("    "):
            break
        body.append(line)
    return [line for line in body if line.strip()]


def _exercises(text: str, lang: str) -> str:
    """The exercises section: the last second-level section, before any footnotes."""
    heads = [m.start() for m in re.finditer(r"^## ", text, re.M)]
    start = text.find("\n" + EXERCISES[lang] + "\n")
    assert start >= 0, f"no {EXERCISES[lang]!r} section"
    assert heads[-1] == start + 1, f"{EXERCISES[lang]!r} must be the last section"
    section = text[start + 1 :]
    footnotes = re.search(r"^\[\^[^\]]+\]:", section, re.M)
    return section[: footnotes.start()] if footnotes else section


def _items(section: str) -> list[str]:
    """The numbered exercises (top-level list items) of the section, with their blocks."""
    parts = re.split(r"^(?=\d+\. )", section, flags=re.M)
    return parts[1:]


@pytest.mark.parametrize("lang", ["ko", "en"])
@pytest.mark.parametrize("page", PAGES)
def test_page_opens_with_a_short_summary(page: str, lang: str):
    summary = _summary(_text(lang, page), lang)
    bullets = [line for line in summary if line.startswith("    - ")]
    assert summary and len(bullets) == len(summary), f"{lang}/{page}: the summary is a list"
    assert 3 <= len(bullets) <= 4, f"{lang}/{page}: {len(bullets)} summary bullets, not 3-4"


@pytest.mark.parametrize("lang", ["ko", "en"])
@pytest.mark.parametrize("page", PAGES)
def test_summary_states_the_pages_verdicts(page: str, lang: str):
    text = _text(lang, page)
    verdicts = re.findall(rf"^\*\*{VERDICT[lang]}: (.+?)\.\*\*", text, re.M)
    in_summary = re.findall(r"\*\*(.+?)\.\*\*", "\n".join(_summary(text, lang)))
    assert in_summary == verdicts, f"{lang}/{page}: summary {in_summary}, page {verdicts}"


@pytest.mark.parametrize("lang", ["ko", "en"])
@pytest.mark.parametrize("page", PAGES)
def test_page_ends_with_exercises_with_answers(page: str, lang: str):
    items = _items(_exercises(_text(lang, page), lang))
    assert 3 <= len(items) <= 5, f"{lang}/{page}: {len(items)} exercises, not 3-5"
    for number, item in enumerate(items, start=1):
        assert item.startswith(f"{number}. "), f"{lang}/{page}: exercises are numbered 1, 2, ..."
        lines = item.rstrip("\n").splitlines()
        answers = [i for i, line in enumerate(lines) if line == "    " + ANSWER[lang]]
        assert len(answers) == 1, f"{lang}/{page} #{number}: needs one {ANSWER[lang]!r} block"
        body = [line for line in lines[answers[0] + 1 :] if line.strip()]
        assert body, f"{lang}/{page} #{number}: empty answer"
        assert all(line.startswith("        ") for line in body), (
            f"{lang}/{page} #{number}: the answer must be indented under its block"
        )


@pytest.mark.parametrize("page", PAGES)
def test_exercises_match_between_languages(page: str):
    """Same number of exercises, the same code and the same values in each."""
    ko, en = (_items(_exercises(_text(lang, page), lang)) for lang in ("ko", "en"))
    assert len(ko) == len(en), page

    def code(item: str) -> list[str]:
        return re.findall(r'--8<-- "([^"]+)"', item)

    def values(item: str) -> list[str]:
        return sorted(m.group(1) for m in PLACEHOLDER.finditer(item))

    for number, (k, e) in enumerate(zip(ko, en, strict=True), start=1):
        assert code(k) == code(e), f"{page} #{number}: different code"
        assert values(k) == values(e), f"{page} #{number}: different values"


def test_every_exercise_value_is_quoted_by_an_exercise_or_summary():
    quoted = {
        m.group(1)
        for page in PAGES
        for lang in ("ko", "en")
        for m in PLACEHOLDER.finditer(_text(lang, page))
    }
    assert set(NAMES) <= quoted, sorted(set(NAMES) - quoted)


def test_every_exercise_example_is_shown_in_both_languages():
    examples = sorted((ROOT / "docs_src").glob("*/exercise_*.py"))
    assert examples
    for path in examples:
        rel = path.relative_to(ROOT).as_posix()
        page = path.parent.name
        if page not in PAGES:
            continue  # another page's exercises
        for lang in ("ko", "en"):
            section = _exercises(_text(lang, page), lang)
            assert f'--8<-- "{rel}"' in section, f"{lang}/{page}: {rel} is not in the exercises"
