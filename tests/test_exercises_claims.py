"""The summaries and exercises (확인 문제) of the claims pages, and the numbers they show.

The pages vanishing-gradients, zero-centered and relation, in both languages, start with
a summary (``!!! abstract "요약"`` / ``"Summary"``, right after the title, with the
page's own verdict) and end with 3–5 numbered exercises, each with a collapsible answer
(``??? success "답"`` / ``"Answer"``). Every number an answer shows is a prose value of
``sigmoid_guide/values/exercises_claims.py``; each of those is checked here against a
computation of its own: exact fractions, ``decimal``, closed forms (1/σ′(x) = 2 + 2 cosh x,
the eigenvalues of a 2×2 matrix from its trace and determinant), or a relation between
the experiments' results that the answer relies on.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable
from decimal import Decimal, localcontext
from fractions import Fraction
from pathlib import Path

import numpy as np
import pytest

from sigmoid_guide.experiments.vanishing import sigmoid_bound
from sigmoid_guide.experiments.zigzag import make_problems
from sigmoid_guide.values import PLACEHOLDER, VALUES, exercises_claims, value

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"
PAGES = ("vanishing-gradients", "zero-centered", "relation")
LANGS = ("ko", "en")
SUMMARY = {"ko": '!!! abstract "요약"', "en": '!!! abstract "Summary"'}
EXERCISES = {"ko": "## 확인 문제", "en": "## Exercises"}
ANSWER = {"ko": '??? success "답"', "en": '??? success "Answer"'}
VERDICT = {"ko": re.compile(r"\*\*판정: [^*]+\*\*"), "en": re.compile(r"\*\*Verdict: [^*]+\*\*")}

V = "exercise.vanishing-gradients"
Z = "exercise.zero-centered"
R = "exercise.relation"


# --- independent computations ---------------------------------------------------------


def _exp(x: int) -> float:
    """e^x to 50 digits (decimal), rounded once to a float."""
    with localcontext() as ctx:
        ctx.prec = 50
        return float(Decimal(x).exp())


def _sigma(x: int) -> float:
    with localcontext() as ctx:
        ctx.prec = 50
        return float(1 / (1 + Decimal(-x).exp()))


def _slope(x: float) -> float:
    """σ′(x) = 1 / (2 + 2 cosh x), a closed form the package does not use."""
    return 1.0 / (2.0 + 2.0 * math.cosh(x))


def _eig2(h: np.ndarray) -> tuple[float, float]:
    """Eigenvalues (ascending) of a symmetric 2×2 matrix, from trace and determinant."""
    t = float(h[0, 0] + h[1, 1])
    d = float(h[0, 0] * h[1, 1] - h[0, 1] * h[1, 0])
    root = math.sqrt(t * t / 4 - d)
    return t / 2 - root, t / 2 + root


_PROBLEMS = make_problems()
_EIG = {k: _eig2(p.hessian) for k, p in _PROBLEMS.items()}
_MEAN = _PROBLEMS["positive"].X.mean(axis=0)
_MEAN_NORM_SQ = math.fsum(float(m) ** 2 for m in _MEAN)


def _kappa(k: str) -> float:
    lo, hi = _EIG[k]
    return hi / lo


def _contraction(k: str) -> float:
    lo, hi = _EIG[k]
    return (hi - lo) / (hi + lo)


# The two examples of the zero-centered page's exercise 1, as its question states them:
# inputs x and ∂L/∂f.
_SIGN_EXAMPLES = ((np.array([1 / 2, 1 / 4]), -2.0), (np.array([1 / 4, 3 / 4]), 2.0))
_SIGN_GRADS = [d * x for x, d in _SIGN_EXAMPLES]
_SIGN_MEAN = np.mean(_SIGN_GRADS, axis=0)

#: Values with a closed form or an exact value.
EXACT: dict[str, Callable[[], float]] = {
    f"{V}.quarter_pow9": lambda: float(Fraction(1, 4) ** 9),
    f"{V}.quarter_pow10": lambda: float(Fraction(1, 4) ** 10),
    f"{V}.w1_layer9": lambda: 1 / 4,
    f"{V}.w1_layer8": lambda: 1 / 16,
    f"{V}.w1_layer7": lambda: 1 / 64,
    f"{V}.w4_layer1": lambda: 1.0,
    f"{V}.w8_layer1": lambda: 2.0**9,
    f"{V}.exp_minus2": lambda: _exp(-2),
    f"{V}.sigma_z2": lambda: _sigma(2),
    f"{V}.slope_z2": lambda: _slope(2.0),
    f"{V}.slope_z2_pow9": lambda: _slope(2.0) ** 9,
    f"{V}.w_needed_z2": lambda: 2.0 + 2.0 * math.cosh(2.0),
    **{
        f"{Z}.sign.g{k}_{i}": (lambda k=k, i=i: float(_SIGN_GRADS[k - 1][i - 1]))
        for k in (1, 2)
        for i in (1, 2)
    },
    f"{Z}.sign.mean_1": lambda: float(_SIGN_MEAN[0]),
    f"{Z}.sign.mean_2": lambda: float(_SIGN_MEAN[1]),
    f"{Z}.eigenvalue_max.centered": lambda: _EIG["centered"][1],
    f"{Z}.condition.positive": lambda: _kappa("positive"),
    f"{Z}.condition.centered": lambda: _kappa("centered"),
    f"{Z}.mean_norm_sq": lambda: _MEAN_NORM_SQ,
    f"{Z}.lambda_max_estimate": lambda: _MEAN_NORM_SQ + _EIG["centered"][1],
    f"{Z}.lr_limit.positive": lambda: 2.0 / _EIG["positive"][1],
    f"{Z}.lr_limit.centered": lambda: 2.0 / _EIG["centered"][1],
    f"{Z}.eta4_factor": lambda: 1.0 - 4.0 * _EIG["positive"][1],
    f"{Z}.contraction.positive": lambda: _contraction("positive"),
    f"{Z}.contraction.centered": lambda: _contraction("centered"),
    f"{Z}.steps_estimate.positive": lambda: (
        math.log(1e-6) / (2 * math.log(_contraction("positive")))
    ),
    f"{Z}.steps_estimate.centered": lambda: (
        math.log(1e-6) / (2 * math.log(_contraction("centered")))
    ),
    f"{R}.exp_minus6": lambda: _exp(-6),
    f"{R}.sigma6": lambda: _sigma(6),
    f"{R}.slope6": lambda: _slope(6.0),
    f"{R}.slope6_cubed": lambda: _slope(6.0) ** 3,
    f"{R}.quarter_cubed": lambda: float(Fraction(1, 64)),
    f"{R}.cubed_ratio": lambda: (4.0 * _slope(6.0)) ** 3,
}

#: Values that follow from other measured values, by the relation the answer states.
RELATED: dict[str, Callable[[], float]] = {
    # the weight-gradient ratio over the δ ratio, both as the page quotes them
    f"{V}.input_factor": lambda: (
        value("vanishing.grad_ratio.sigmoid") / value("vanishing.bound.measured")
    ),
    # the page's two reasons, multiplied
    f"{V}.slope_times_gain": lambda: value("vanishing.mean_slope") * value("vanishing.weight_gain"),
    # the factor per layer is a geometric mean: its 9th power telescopes to ‖δ_1‖/‖δ_10‖
    f"{V}.factor_pow9": lambda: value("vanishing.bound.measured"),
}


def test_every_value_has_an_independent_check():
    names = {spec.name for spec in exercises_claims.SPECS}
    assert names, "exercises_claims.SPECS is empty"
    assert not names & set(EXACT) & set(RELATED)
    assert names == set(EXACT) | set(RELATED), (
        f"unchecked: {sorted(names - set(EXACT) - set(RELATED))}; "
        f"checked but not registered: {sorted(set(EXACT) | set(RELATED) - names)}"
    )


@pytest.mark.parametrize("name", sorted(EXACT))
def test_value_matches_its_exact_computation(name: str):
    assert value(name) == pytest.approx(EXACT[name](), rel=1e-9, abs=1e-15)


@pytest.mark.parametrize("name", sorted(RELATED))
def test_value_matches_the_measurements_it_follows_from(name: str):
    assert value(name) == pytest.approx(RELATED[name](), rel=1e-9)


# --- what the answers say about these numbers -----------------------------------------


def test_the_delta_ratio_is_the_product_of_the_layer_factors():
    r = sigmoid_bound()
    assert float(np.prod(r.step_factor)) == pytest.approx(r.measured[0], rel=1e-9)
    assert value(f"{V}.factor_pow9") == pytest.approx(float(np.prod(r.step_factor)), rel=1e-9)


def test_the_two_reasons_roughly_give_the_factor_per_layer():
    assert value(f"{V}.slope_times_gain") == pytest.approx(
        value("vanishing.factor_per_layer"), rel=0.05
    )


def test_the_quoted_weight_gradient_ratio_is_the_bound_experiments():
    # input_factor divides two numbers from two experiments: they describe one network.
    assert sigmoid_bound().weight_grad_ratio == pytest.approx(
        value("vanishing.grad_ratio.sigmoid"), rel=1e-9
    )


def test_the_scalar_chain_explodes_above_four_and_vanishes_below():
    assert value(f"{V}.w4_layer1") == 1
    assert value(f"{V}.w8_layer1") > 1 > value(f"{V}.quarter_pow9")
    assert value(f"{V}.slope_z2_pow9") < value(f"{V}.quarter_pow9")
    assert value(f"{V}.w_needed_z2") > 2 * 4


def test_the_sign_examples_show_what_the_answer_says():
    g1, g2 = _SIGN_GRADS
    assert (g1 < 0).all() and (g2 > 0).all()
    assert _SIGN_MEAN[0] < 0 < _SIGN_MEAN[1]
    for x, _ in _SIGN_EXAMPLES:
        assert ((0 < x) & (x < 1)).all()  # like sigmoid outputs


def test_the_hessian_is_the_centered_one_plus_the_mean():
    # trace(H) = trace(C) + |m|², the relation behind the estimate of λmax
    pos, cen = sorted(_EIG["positive"]), sorted(_EIG["centered"])
    assert sum(pos) == pytest.approx(sum(cen) + _MEAN_NORM_SQ, rel=1e-12)
    assert value(f"{Z}.lambda_max_estimate") == pytest.approx(
        value("zigzag.eigenvalue_max.positive"), rel=0.03
    )
    assert value("zigzag.eigenvalue_min.positive") == pytest.approx(
        value("zigzag.eigenvalue_min.centered"), rel=0.03
    )


def test_the_learning_rates_are_below_their_limits():
    for k in ("positive", "centered"):
        assert value(f"zigzag.gd_lr.{k}") < value(f"{Z}.lr_limit.{k}")
    assert value("zigzag.gd_lr_same") == value("zigzag.gd_lr.positive")
    assert value(f"{Z}.eta4_factor") < -1  # diverges


@pytest.mark.parametrize("k", ["positive", "centered"])
def test_the_condition_number_predicts_the_steps(k: str):
    # at η = 2/(λmin + λmax) both directions shrink by r = 1 − ηλmin per step
    lo, _ = _EIG[k]
    assert value(f"{Z}.contraction.{k}") == pytest.approx(
        1 - value(f"zigzag.gd_lr.{k}") * lo, rel=1e-9
    )
    estimate = value(f"{Z}.steps_estimate.{k}")
    assert not estimate.is_integer()
    assert math.ceil(estimate) == value(f"zigzag.gd_steps.{k}")
    assert value(f"{Z}.condition.{k}") == pytest.approx(
        value(f"zigzag.condition_number.{k}"), rel=1e-9
    )


def test_a_saturated_unit_shrinks_the_signal_more_than_a_quarter():
    assert value(f"{R}.slope6") == pytest.approx(value(f"{R}.exp_minus6"), rel=0.01)
    assert value(f"{R}.cubed_ratio") < 1e-6


# --- the pages ------------------------------------------------------------------------


def _lines(lang: str, page: str) -> list[str]:
    return (DOCS / lang / f"{page}.md").read_text(encoding="utf-8").splitlines()


def _block(lines: list[str], start: int, indent: int) -> list[str]:
    """The lines after ``lines[start]`` indented by at least ``indent`` (blank lines
    inside included), up to the first line indented less."""
    out = []
    for line in lines[start + 1 :]:
        if line.strip() and len(line) - len(line.lstrip(" ")) < indent:
            break
        out.append(line)
    while out and not out[-1].strip():
        out.pop()
    return out


CASES = [(lang, page) for page in PAGES for lang in LANGS]
IDS = [f"{lang}/{page}" for lang, page in CASES]


@pytest.mark.parametrize(("lang", "page"), CASES, ids=IDS)
def test_page_starts_with_a_summary_that_gives_its_verdict(lang: str, page: str):
    lines = _lines(lang, page)
    assert lines[0].startswith("# ")
    first = next(i for i, line in enumerate(lines[1:], start=1) if line.strip())
    assert lines[first] == SUMMARY[lang], f"line {first + 1} is not the summary"
    body = _block(lines, first, 4)
    items = [line for line in body if line.strip()]
    assert 3 <= len(items) <= 4, f"the summary has {len(items)} lines"
    assert all(line.startswith("    - ") for line in items), items
    summary = "\n".join(items)
    rest = "\n".join(lines[first + 1 + len(body) :])
    verdicts = VERDICT[lang].findall(rest)
    assert verdicts, "the page has no verdict line"
    assert verdicts[-1] in summary, f"the summary does not give the verdict {verdicts[-1]}"
    names = [m.group(1) for m in PLACEHOLDER.finditer(summary)]
    assert names, "the summary quotes no measured number"
    assert all(n in VALUES for n in names)


def _exercises(lang: str, page: str) -> list[tuple[str, list[str]]]:
    """(question line, answer body) of each exercise, checked for form on the way."""
    lines = _lines(lang, page)
    h2 = [i for i, line in enumerate(lines) if line.startswith("## ")]
    assert h2 and lines[h2[-1]] == EXERCISES[lang], "the exercises are not the last section"
    section = lines[h2[-1] + 1 :]
    out = []
    i = 0
    while i < len(section):
        line = section[i]
        m = re.match(r"(\d+)\. \S", line)
        if m:
            assert int(m.group(1)) == len(out) + 1, f"exercise numbered {m.group(1)}"
            item = _block(section, i, 4)
            answers = [k for k, x in enumerate(item) if x.strip().startswith("??? ")]
            assert len(answers) == 1, f"exercise {m.group(1)}: {len(answers)} answer blocks"
            assert item[answers[0]] == "    " + ANSWER[lang], item[answers[0]]
            body = _block(item, answers[0], 8)
            assert any(x.strip() for x in body), f"exercise {m.group(1)}: empty answer"
            out.append((line, body))
            i += 1 + len(item)
        else:
            assert not line.strip(), f"text outside the numbered exercises: {line!r}"
            i += 1
    return out


@pytest.mark.parametrize(("lang", "page"), CASES, ids=IDS)
def test_page_ends_with_three_to_five_exercises_with_answers(lang: str, page: str):
    exercises = _exercises(lang, page)
    assert 3 <= len(exercises) <= 5, f"{len(exercises)} exercises"


@pytest.mark.parametrize("page", PAGES)
def test_both_languages_have_the_same_exercises(page: str):
    ko, en = _exercises("ko", page), _exercises("en", page)
    assert len(ko) == len(en)
    for (_, a), (_, b) in zip(ko, en, strict=True):
        includes = [[x.strip() for x in body if "--8<--" in x] for body in (a, b)]
        assert includes[0] == includes[1]
        names = [
            sorted(m.group(1) for m in PLACEHOLDER.finditer("\n".join(body))) for body in (a, b)
        ]
        assert names[0] == names[1]


def test_every_exercise_value_is_shown_by_an_exercise():
    shown = {
        m.group(1)
        for lang, page in CASES
        for question, body in _exercises(lang, page)
        for m in PLACEHOLDER.finditer("\n".join([question, *body]))
    }
    missing = sorted({s.name for s in exercises_claims.SPECS} - shown)
    assert not missing, f"exercise values that no exercise shows: {missing}"
