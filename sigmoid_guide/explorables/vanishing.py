"""Explorable of the vanishing-gradients page: activation × weight scale × state.

For each setting it draws ``‖δ_l‖ / ‖δ_L‖`` layer by layer (log scale) with the popular
``0.25^(L − l)`` and the true bound ``Π max|f'| · ‖W‖₂`` measured in the same network
(the pages write the depth L = 10 as D)
([`sigmoid_guide.experiments.vanishing.layer_grid`][]). The default setting (sigmoid,
standard weights, at initialization) is the static figure ``vanishing-bound``.
"""

from __future__ import annotations

import math
from typing import Any

import numpy as np

from ..experiments import run_once
from ..experiments.vanishing import SETUP, SWEEP_SCALES, layer_grid
from . import Control, Explorable, cell_key, num, settings
from ._text import plain, sci

_ACTIVATION_NAMES = {
    "ko": ("시그모이드", "tanh", "ReLU"),
    "en": ("Sigmoid", "tanh", "ReLU"),
}
_SCALE_LABELS = tuple(f"×{plain(s, 3)}" for s in SWEEP_SCALES)
_STATE_NAMES = {
    "ko": ("초기화 직후", f"{SETUP.steps}번 학습한 뒤"),
    "en": ("at initialization", f"after {SETUP.steps} training steps"),
}

CONTROLS = (
    Control(
        "activation",
        "radio",
        {"ko": "활성화 함수", "en": "Activation"},
        _ACTIVATION_NAMES,
    ),
    Control(
        "scale",
        "range",
        {
            "ko": "가중치 배율 (표준 초기화의 몇 배)",
            "en": "Weight scale (times the standard initialization)",
        },
        {"ko": _SCALE_LABELS, "en": _SCALE_LABELS},
        default=SWEEP_SCALES.index(1.0),
    ),
    Control("state", "radio", {"ko": "시점", "en": "When"}, _STATE_NAMES),
)

_STRINGS = {
    "ko": {
        "x_label": "층 l (1 = 입력 쪽, 10 = 출력 쪽)",
        "y_label": "기울기 크기 (마지막 층 = 1)",
        "measured": "측정값",
        "naive": "0.25^(10−l)",
        "bound": "실제 상한 (층마다 f′의 최댓값 × W의 가장 큰 특잇값)",
        "one": "마지막 층과 같은 크기 (1)",
        "ratio": "첫 층 ÷ 마지막 층",
        "per_layer": "층마다 평균",
        "naive_ratio": "0.25⁹",
        "bound_ratio": "실제 상한",
        "status": "결과",
        "diverged": (
            "학습이 발산했습니다. 가중치나 기울기가 float64로 나타낼 수 있는 범위를 넘었습니다."
        ),
        "chaotic": (
            "이 설정에서는 학습 결과가 계산의 마지막 비트에 좌우됩니다. "
            "시작 가중치를 1 ulp만 바꿔도 결과가 크게 달라지므로 CPU마다 다른 숫자가 나옵니다. "
            "그래서 숫자를 싣지 않았습니다."
        ),
    },
    "en": {
        "x_label": "layer l (1 = input side, 10 = output side)",
        "y_label": "gradient size (last layer = 1)",
        "measured": "measured",
        "naive": "0.25^(10−l)",
        "bound": "true bound (largest f′ × largest singular value of W, layer by layer)",
        "one": "same size as the last layer (1)",
        "ratio": "first layer ÷ last layer",
        "per_layer": "per layer, on average",
        "naive_ratio": "0.25⁹",
        "bound_ratio": "true bound",
        "status": "result",
        "diverged": "Training diverged: the weights or the gradients left the range of float64.",
        "chaotic": (
            "At this setting the result of training depends on the last bits of the "
            "arithmetic: changing the starting weights by one ulp changes it a lot, so "
            "every CPU would print other numbers. They are left out."
        ),
    },
}


def _live(
    lang: str,
    names: tuple[str, str, str],
    ratio: float,
    per_layer: float,
    naive: float,
    bound: float,
) -> str:
    a, s, t = names
    if lang == "ko":
        return (
            f"{a}, 가중치 {s}, {t}: 첫 층의 기울기 크기는 마지막 층의 {sci(ratio)}배이고, "
            f"층마다 평균 {sci(per_layer)}배씩 바뀝니다. 0.25⁹는 {sci(naive)}, "
            f"실제 상한은 {sci(bound)}입니다."
        )
    return (
        f"{a}, weights {s}, {t}: the first layer's gradient is {sci(ratio)} times the "
        f"last layer's, a factor of {sci(per_layer)} per layer on average. 0.25⁹ is "
        f"{sci(naive)}; the true bound is {sci(bound)}."
    )


def build(lang: str) -> dict[str, Any]:
    """The payload of one language (see ``sigmoid_guide.explorables``)."""
    grid = run_once(layer_grid)
    text = _STRINGS[lang]
    steps = SETUP.depth - 1
    cells: dict[str, dict[str, Any]] = {}
    finite: list[float] = [float(v) for v in grid.naive]
    for a, s, t in settings(CONTROLS):
        names = (_ACTIVATION_NAMES[lang][a], _SCALE_LABELS[s], _STATE_NAMES[lang][t])
        status = str(grid.status[a, s, t])
        if status != "ok":
            message = text[status]
            cells[cell_key((a, s, t))] = {
                "status": status,
                "readout": [[text["status"], message]],
                "live": f"{', '.join(names)}: {message}",
            }
            continue
        rel, bound = grid.relative[a, s, t], grid.bound[a, s, t]
        finite += [float(v) for v in rel] + [float(v) for v in bound]
        ratio = float(rel[0])
        per_layer = ratio ** (1.0 / steps)
        cells[cell_key((a, s, t))] = {
            "status": "ok",
            "y": [num(v, 3) for v in rel],
            "bound": [num(v, 3) for v in bound],
            "readout": [
                [text["ratio"], sci(ratio)],
                [text["per_layer"], f"×{sci(per_layer)}"],
                [text["naive_ratio"], sci(float(grid.naive[0]))],
                [text["bound_ratio"], sci(float(bound[0]))],
            ],
            "live": _live(lang, names, ratio, per_layer, float(grid.naive[0]), float(bound[0])),
        }
    low = math.floor(math.log10(min(finite)))
    high = math.ceil(math.log10(max(finite)))
    return {
        "layers": list(range(1, SETUP.depth + 1)),
        "naive": [num(v, 3) for v in grid.naive],
        "y_domain": [low, high],
        "strings": text,
        "cells": cells,
        "answers": answers(lang),
    }


def balance_index() -> int:
    """Index of the first sweep scale at which sigmoid's first layer, at initialization,
    gets at least as much gradient as its last (``‖δ_1‖ / ‖δ_L‖ ≥ 1``)."""
    grid = run_once(layer_grid)
    above = np.flatnonzero(grid.relative[0, :, 0, 0] >= 1.0)
    if above.size == 0 or above[0] == 0:
        raise ValueError("the sigmoid ratio does not cross 1 inside the sweep")
    return int(above[0])


def relu_closest_index() -> int:
    """Index of the sweep scale at which ReLU's ratio, at initialization, is closest to 1
    (in log terms)."""
    grid = run_once(layer_grid)
    return int(np.argmin(np.abs(np.log(grid.relative[2, :, 0, 0]))))


def answers(lang: str) -> dict[str, str]:
    """The "try this" answers the page prints (same digits in both languages)."""
    grid = run_once(layer_grid)
    i = balance_index()
    j = relu_closest_index()
    below, above = grid.relative[0, i - 1, 0, 0], grid.relative[0, i, 0, 0]
    relu = grid.relative[2, j, 0, 0]
    return {
        "balance_below": _SCALE_LABELS[i - 1],
        "balance_below_ratio": sci(float(below)),
        "balance_above": _SCALE_LABELS[i],
        "balance_above_ratio": sci(float(above)),
        "relu_scale": _SCALE_LABELS[j],
        "relu_ratio": sci(float(relu)),
    }


EXPLORABLE = Explorable(
    name="vanishing",
    figure="vanishing-bound",
    title={
        "ko": "직접 바꿔 보기: 층마다 기울기 크기",
        "en": "Explore: gradient size layer by layer",
    },
    controls=CONTROLS,
    build=build,
)
