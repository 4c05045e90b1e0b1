"""Explorable of the zero-centered page: inputs × batch size × learning rate.

For each setting it draws the first updates of one mini-batch SGD run over the loss
contours, each update marked by whether its two gradient components shared a sign,
and reads out the same-sign fraction over the first updates (far from the optimum)
and over the whole run, and how close the run gets to the optimum
([`sigmoid_guide.experiments.zigzag.explore_grid`][]).

The default setting (positive inputs, batch size 1, ``η = 1/max‖xᵢ‖²``) is the static
figure ``zigzag-sign-fraction`` at batch size 1, and its path is the batch-size-1 path of
``zigzag-trajectories``. Every setting at that learning rate is one point of
``zigzag-sign-fraction``; the other learning rates show what that figure cannot, that
the whole-run fraction depends on how long the run stays near the optimum while the
early fraction, on which the page's verdict rests, hardly moves.

The contours are ellipses, drawn by the browser from each problem's optimum,
Hessian eigenvectors and, per level, the semi-axes along them: the loss gap is
``½ Σᵢ λᵢ (vᵢ · (w − w*))²``, so the level ``c`` is the ellipse with semi-axis
``√(2c/λᵢ)`` along ``vᵢ``.
"""

from __future__ import annotations

import math
from typing import Any

import numpy as np

from ..experiments import run_once
from ..experiments.zigzag import (
    BATCH_SIZES,
    LR_FACTORS,
    N_EXAMPLES,
    ZigzagGrid,
    explore_grid,
)
from ..values.zigzag import FRACTION_FMT
from . import Control, Explorable, cell_key, num, settings
from ._text import plain, sci

__all__ = ["CONTROLS", "EXPLORABLE", "answers", "build"]

#: Loss gaps (relative to the start) below this are shown as "below": a run that has
#: converged sits at gaps of 10⁻²⁵ … 10⁻³², where the weights are within a few ulp of
#: the optimum and the gap is rounding noise that differs from one CPU to another.
#: At 10⁻¹⁰ the offset from the optimum is still about 10⁻⁵, so its gap has all the
#: digits shown.
GAP_FLOOR = 1e-10

# Contour levels: the start's loss gap times powers of √10 (it passes through the
# start), this many, the highest below the plot domain's highest corner.
_LEVELS = 9
# Room around the paths and the optimum in the plot domain.
_MARGIN = 0.1

_SUPERSCRIPT = str.maketrans("-0123456789", "⁻⁰¹²³⁴⁵⁶⁷⁸⁹")


def _pow10(value: float) -> str:
    """``10⁻⁶`` for ``1e-6``; only for exact powers of ten (tolerances, floors)."""
    exponent = round(math.log10(value))
    if not math.isclose(value, 10.0**exponent, rel_tol=1e-12):
        raise ValueError(f"{value!r} is not a power of ten")
    return f"10{str(exponent).translate(_SUPERSCRIPT)}"


def _fraction(value: float) -> str:
    """A same-sign fraction, with the digits of the page and its figure."""
    return format(value, FRACTION_FMT)


_INPUT_NAMES = {
    "ko": ("양수 입력 (시그모이드 출력처럼)", "평균을 뺀 입력 (0 중심)"),
    "en": ("positive inputs (like sigmoid outputs)", "centered inputs (mean subtracted)"),
}


def _batch_names(lang: str, sizes: tuple[int, ...]) -> tuple[str, ...]:
    full = {"ko": "전체 ({n})", "en": "full ({n})"}[lang].format(n=sizes[-1])
    return (*(str(b) for b in sizes[:-1]), full)


# Each problem has its own rate at each factor (their inputs differ), so the labels
# give the rule and the readout the value.
_LR_NAMES = tuple(f"η = {plain(f, 3)}/max |xᵢ|²" for f in LR_FACTORS)


_SIZES = tuple(N_EXAMPLES if b is None else b for b in BATCH_SIZES)

CONTROLS = (
    Control("inputs", "radio", {"ko": "입력", "en": "Inputs"}, _INPUT_NAMES),
    Control(
        "batch",
        "radio",
        {"ko": "배치 크기", "en": "Batch size"},
        {lang: _batch_names(lang, _SIZES) for lang in ("ko", "en")},
    ),
    Control(
        "lr",
        "radio",
        {"ko": "학습률", "en": "Learning rate"},
        {"ko": _LR_NAMES, "en": _LR_NAMES},
        default=LR_FACTORS.index(1.0),
    ),
)

# Labels of the drawing (the browser's legend and axes).
_STRINGS = {
    "ko": {
        "x_label": "w₁",
        "y_label": "w₂",
        "start": "시작점",
        "optimum": "최적점",
        "contours": "손실 등고선",
        "same": "부호가 같은 업데이트",
        "mixed": "부호가 다른 업데이트",
        "early_end": "처음 업데이트 구간의 끝",
        "path": "처음 {n}번 업데이트의 경로",
    },
    "en": {
        "x_label": "w₁",
        "y_label": "w₂",
        "start": "start",
        "optimum": "optimum",
        "contours": "loss contours",
        "same": "same-sign update",
        "mixed": "mixed-sign update",
        "early_end": "end of the first updates",
        "path": "path of the first {n} updates",
    },
}

# Templates of the readout, filled here.
_TEXT = {
    "ko": {
        "early": "부호가 같은 비율: 처음 업데이트",
        "whole": "부호가 같은 비율: 실행 전체",
        "count": "{total}번 가운데 {same}번",
        "to_tol": "손실 차이가 처음의 {tol}배가 될 때까지",
        "steps_full": "{n}번 만에",
        "steps_first": "{n}번째 업데이트에서 처음 닿음",
        "not_reached": "{n}번 안에 닿지 않음 (잡음 때문에 최적점 근처를 맴돎)",
        "left": "{n}번 뒤 남은 손실 차이",
        "gap": "처음의 {gap}배",
        "gap_below": "처음의 {gap}배 미만",
        "lr": "학습률 η",
    },
    "en": {
        "early": "same-sign fraction: first updates",
        "whole": "same-sign fraction: whole run",
        "count": "{same} of {total}",
        "to_tol": "until the loss gap is {tol} of its start",
        "steps_full": "in {n} updates",
        "steps_first": "first reached at update {n}",
        "not_reached": "not reached in {n} updates (the noise keeps the weights moving "
        "around the optimum)",
        "left": "loss gap left after {n} updates",
        "gap": "{gap} of its start",
        "gap_below": "below {gap} of its start",
        "lr": "learning rate η",
    },
}


def _gap_text(text: dict[str, str], gap: float) -> str:
    if gap < GAP_FLOOR:
        return text["gap_below"].format(gap=_pow10(GAP_FLOOR))
    return text["gap"].format(gap=sci(gap))


def _domain(grid: ZigzagGrid, key: str) -> list[list[float]]:
    """``[[w1 low, w1 high], [w2 low, w2 high]]``: every path of ``key``, its optimum
    and a margin, rounded outwards to tenths, so that all settings share one view."""
    points = np.vstack([grid.path[key].reshape(-1, 2), grid.w_star[key]])
    low, high = points.min(axis=0) - _MARGIN, points.max(axis=0) + _MARGIN
    return [
        [math.floor(lo * 10) / 10, math.ceil(hi * 10) / 10]
        for lo, hi in zip(low.tolist(), high.tolist(), strict=True)
    ]


def _problem(grid: ZigzagGrid, key: str) -> dict[str, Any]:
    """What the browser needs to draw one problem's contours, once for all its cells."""
    domain = _domain(grid, key)
    values, vectors = grid.eigenvalues[key], grid.eigenvectors[key]
    w_star = grid.w_star[key]
    corners = np.array([[a, b] for a in domain[0] for b in domain[1]]) - w_star
    # The loss gap of each corner, from the eigen-decomposition (a quadratic's
    # largest value over a rectangle is at a corner).
    top = max(0.5 * float(np.sum(values * (vectors @ c) ** 2)) for c in corners)
    gap0 = grid.gap0[key]
    # Exponents of √10 relative to the start's gap.
    highest = math.floor(2 * math.log10(top / gap0))
    levels = [gap0 * 10.0 ** (k / 2) for k in range(highest, highest - _LEVELS, -1)]
    return {
        "w_star": [num(v, 4) for v in w_star],
        "eigenvalues": [num(v, 4) for v in values],
        "eigenvectors": [[num(v, 4) for v in row] for row in vectors],
        "levels": [num(c, 3) for c in levels],
        "semi_axes": [[num(math.sqrt(2 * c / lam), 4) for lam in values] for c in levels],
        "domain": domain,
    }


def _steps_text(text: dict[str, str], steps: int | None, full: bool, updates: int) -> str:
    if steps is None:
        return text["not_reached"].format(n=updates)
    return text["steps_full" if full else "steps_first"].format(n=steps)


# The batch in the live sentence: "batch size 8", or the full batch by its name.
_LIVE_BATCH = {
    "ko": ("배치 크기 {b}", "전체 배치 ({n})"),
    "en": ("batch size {b}", "the full batch ({n})"),
}
_LIVE = {
    "ko": (
        "{inputs}, {batch}, {rule} = {lr}: 부호가 같은 업데이트의 비율은 처음 "
        "업데이트 {early_n}번에서 {early}, 실행 전체 {updates}번에서 {whole}입니다. 손실 "
        "차이가 처음의 {tol}배가 될 때까지: {steps}. {updates}번 뒤 남은 차이: {left}."
    ),
    "en": (
        "{inputs}, {batch}, {rule} = {lr}: the same-sign fraction is {early} "
        "over the first {early_n} updates and {whole} over the whole run of {updates}. "
        "Until the loss gap is {tol} of its start: {steps}. Loss gap left after "
        "{updates} updates: {left}."
    ),
}


def build(lang: str) -> dict[str, Any]:
    """The payload of one language (see ``sigmoid_guide.explorables``)."""
    grid = run_once(explore_grid)
    text = _TEXT[lang]
    updates = grid.sign_updates
    tol = _pow10(grid.tol)
    batch_names = _batch_names(lang, grid.batch_sizes)
    full = len(grid.batch_sizes) - 1
    cells: dict[str, dict[str, Any]] = {}
    for a, b, f in settings(CONTROLS):
        key = grid.labels[a]
        early_n = int(grid.early_updates[key][f, b])
        early = _fraction(float(grid.same_sign_fraction_early[key][f, b]))
        whole = _fraction(float(grid.same_sign_fraction[key][f, b]))
        # Counts from the fractions of whole numbers of updates: exact integers.
        early_same = round(float(grid.same_sign_fraction_early[key][f, b]) * early_n)
        whole_same = round(float(grid.same_sign_fraction[key][f, b]) * updates)
        lr = plain(float(grid.lr[key][f]), 3)
        steps = _steps_text(text, grid.steps_to_tol[key][f][b], b == full, updates)
        left = _gap_text(text, float(grid.final_gap[key][f, b]))
        early_count = text["count"].format(same=early_same, total=early_n)
        whole_count = text["count"].format(same=whole_same, total=updates)
        cells[cell_key((a, b, f))] = {
            "problem": key,
            "path": [[num(w1, 4), num(w2, 4)] for w1, w2 in grid.path[key][f, b].tolist()],
            "same": "".join("1" if s else "0" for s in grid.same_sign[key][f, b]),
            "early": early_n,
            "readout": [
                [text["early"], f"{early} ({early_count})"],
                [text["whole"], f"{whole} ({whole_count})"],
                [text["to_tol"].format(tol=tol), steps],
                [text["left"].format(n=updates), left],
                [text["lr"], lr],
            ],
            "live": _LIVE[lang].format(
                inputs=_INPUT_NAMES[lang][a],
                batch=_LIVE_BATCH[lang][b == full].format(b=batch_names[b], n=_SIZES[-1]),
                rule=_LR_NAMES[f],
                lr=lr,
                early_n=early_n,
                early=early,
                updates=updates,
                whole=whole,
                tol=tol,
                steps=steps,
                left=left,
            ),
        }
    strings = dict(_STRINGS[lang])
    strings["path"] = strings["path"].format(n=grid.path["positive"].shape[2] - 1)
    return {
        "w0": [num(v, 4) for v in grid.w0],
        "problems": {k: _problem(grid, k) for k in grid.labels},
        "strings": strings,
        "cells": cells,
        "answers": answers(lang),
    }


def answers(lang: str) -> dict[str, str]:
    """The "try this" answers the page prints (same digits in both languages).

    The prompt: positive inputs, batch size 64, from the smallest learning rate
    (``slow``) to the largest (``fast``). The whole-run fraction grows a lot, because the
    faster run spends more of its updates near the optimum, where a mini-batch gradient
    is mostly noise along (1, 1); the early fraction hardly changes, because its window
    ends at a loss gap, not after a number of updates.

    Raises:
        ValueError: the data no longer tell that story (the prose would be wrong).
    """
    del lang  # numbers only: the same in both languages
    grid = run_once(explore_grid)
    b = grid.batch_sizes.index(64)
    slow, fast = 0, len(grid.lr_factors) - 1
    key = "positive"
    whole = grid.same_sign_fraction[key][:, b]
    early = grid.same_sign_fraction_early[key][:, b]
    gap = grid.final_gap[key][:, b]
    window = grid.early_updates[key][:, b]
    whole_change = float(whole[fast] - whole[slow])
    early_change = float(np.max(early) - np.min(early))
    if not (whole_change > 0 and early_change < whole_change / 4 and gap[fast] < gap[slow]):
        raise ValueError(
            "batch 64, positive inputs: the whole-run fraction no longer grows with the "
            f"learning rate much more than the early one moves ({whole} vs {early})"
        )
    return {
        "whole_slow": _fraction(float(whole[slow])),
        "whole_fast": _fraction(float(whole[fast])),
        "early_low": _fraction(float(np.min(early))),
        "early_high": _fraction(float(np.max(early))),
        "gap_slow": sci(float(gap[slow])),
        "gap_fast": sci(float(gap[fast])),
        "window_slow": str(int(window[slow])),
        "window_fast": str(int(window[fast])),
        "updates": str(grid.sign_updates),
    }


EXPLORABLE = Explorable(
    name="zigzag",
    figure="zigzag-sign-fraction",
    title={
        "ko": "직접 바꿔 보기: 입력, 배치 크기, 학습률에 따른 경로와 부호",
        "en": "Explore: the path and the signs by inputs, batch size and learning rate",
    },
    controls=CONTROLS,
    build=build,
)
