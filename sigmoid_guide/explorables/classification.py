"""Explorable of the strengths page's binary-classification claim: label × logit.

The reader picks the label y and a logit z and sees the binary cross-entropy at that z
computed the three ways of [`sigmoid_guide.experiments.classification`][] (from
probabilities, from probabilities clipped to [ε, 1 − ε], from logits), in float32 and
float64, next to the exact loss; the figure draws the loss over the whole z range
with a marker at the chosen z. The default setting (y = 0, z = 20) shows the label of
the static figure ``classification-bce``'s left panel and the logit the page's prose
quotes: float32's probability path is already infinite there while float64's is still
finite.

Every number is the experiment's own, at a subset of its z sweep, so the figure and
the explorable agree by construction. The probability paths are computed by the
experiment on an ideal machine (correctly rounded σ and logarithms), so they are the
same on every computer and are printed as they are. The logits path runs on NumPy's
``exp`` and ``log1p``, whose last bits differ between CPUs; it is printed as the
exact loss together with the bound ``LOGITS_ULP_BOUND`` that the experiment checks,
never as its raw value.
"""

from __future__ import annotations

import math
from typing import Any

import numpy as np

from ..experiments import run_once
from ..experiments.classification import (
    CLIP_EPS,
    LOGITS_ULP_BOUND,
    ClassificationResult,
    logit_sweep,
    rounded_sigmoid,
    run_classification,
)
from . import Control, Explorable, cell_key, num, settings
from ._text import sci

#: Every how many points of the experiment's sweep (0.05 apart) the slider takes: z in
#: steps of 1 keeps the page's data small (each z is a cell in two labels), and the
#: edges in between, where the reader looks, are added (``EXTRA_Z``).
STEP = 20
#: The logit shown first: the one the page's prose quotes for float32 and float64.
DEFAULT_Z = 20.0
#: Logits off that grid which the slider offers too (with their mirror images): the
#: sweep points on either side of each place where a probability path changes regime.
#: Written out so that the controls exist without running the experiment;
#: [`grid_indices`][] derives them from it, and ``build`` checks that both agree.
EXTRA_Z = (15.7, 15.75, 16.1, 16.15, 16.2, 16.25, 17.3, 17.35, 37.4, 37.45)

_DTYPES = ("float32", "float64")
_NP_DTYPES = {"float32": np.float32, "float64": np.float64}
#: Order of the label control: y = 0 first, as the static figure's left panel.
_LABELS = (0, 1)
_SERIES = ("exact", "prob/float32", "prob/float64", "clip/float32")


def _z_text(z: float) -> str:
    """A logit of the sweep as the reader sees it (a multiple of 0.05, true minus sign).

    Examples:
        >>> _z_text(-16.149999999999995), _z_text(20.0), _z_text(0.0)
        ('−16.15', '20', '0')
    """
    text = f"{round(z, 2):.2f}".rstrip("0").rstrip(".")
    return "0" if text in ("-0", "0") else text.replace("-", "−")


def _four(value: float) -> str:
    """A finite loss with 4 significant digits, trailing zeros kept (``20.00``): the
    table compares losses digit by digit, and ``20`` next to ``20.00`` would look like
    a difference.

    Examples:
        >>> _four(20.000000002), _four(0.6931471805599453), _four(2.0611536e-09), _four(0.0)
        ('20.00', '0.6931', '2.061 × 10⁻⁹', '0')
    """
    if value == 0:
        return "0"
    if 1e-3 <= abs(value) < 1e4:
        text = f"{value:#.4g}"
        if "e" not in text:  # 9999.95 rounds up to 1.000e+04
            return text.rstrip(".")
    return sci(value, 4)


def _error_text(error: float) -> str:
    """A relative error (finite) with 3 significant digits; an exact result is ``0``."""
    return "0" if error == 0 else sci(error, 3)


_TEXT = {
    "ko": {
        "label_legend": "정답 레이블",
        "z_legend": "로짓 z",
        "exact": "정확한 값",
        "prob": "확률로 계산",
        "clip": "확률을 [ε, 1−ε]로 자름",
        "logits": "로짓으로 계산",
        "inf": "∞ (log 0)",
        "nan": "NaN (0 · log 0)",
        "error": "오차",
        "none": "—",
        "rounded": "{p} (반올림됨)",
        "why_prob": "확률로 계산하면",
        "why_clip": "자르면",
        "p_label": "p = σ(z), {dtype}",
        "one_log0": "σ(z)가 1로 반올림되어 log(1 − p) = log 0이 되고, 손실은 ∞입니다",
        "one_nan": "σ(z)가 1로 반올림되어 0 · log(1 − p) = 0 · log 0이 되고, 손실은 NaN입니다",
        "zero": "1 − p가 1로 반올림되어 손실이 −log 1 = 0입니다",
        "lost": "{q}가 1에 너무 가까워서, 반올림할 때 손실을 결정하는 자릿수를 잃었습니다"
        " (표의 4자리에서 이미 다름)",
        "fine": "4자리까지 정확한 값과 같습니다",
        "clip_cap": "p가 {edge}으로 잘려 손실이 {v}에서 멈춥니다. z를 더 바꿔도 그대로이므로"
        " 기울기도 0입니다.",
        "clip_floor": "p가 {edge}으로 잘려 손실이 0으로 가지 않고 {v}에 머뭅니다.",
        "clip_off": "p가 [ε, 1 − ε] 안에 있어 잘리지 않으므로, 확률로 계산한 float32 값과"
        " 같습니다.",
        "live": "{y}, z = {z}: 정확한 손실은 {exact}입니다. 확률로 계산하면 float32는 {p32},"
        " float64는 {p64}이고, 확률을 자르면 {c32}입니다. 로짓으로 계산하면 두 형식 모두"
        " 상대 오차가 엡실론의 {bound}배 이내입니다.",
        "table_note": "괄호 안은 정확한 값에 대한 상대 오차이고, ε는 각 형식의 엡실론입니다."
        " 자르기는 float32에서만 계산했습니다.",
        "y_axis": "손실 (로그 눈금)",
        "x_axis": "로짓 z",
        "zero_mark": "× : 0",
        "nonfinite_mark": ("× : ∞", "× : NaN"),
        "one_from": "σ(z) = 1 ({dtype})",
        "clip_line": "자를 때 손실이 멈추는 값",
    },
    "en": {
        "label_legend": "Label",
        "z_legend": "Logit z",
        "exact": "exact value",
        "prob": "from probabilities",
        "clip": "probabilities clipped to [ε, 1−ε]",
        "logits": "from logits",
        "inf": "∞ (log 0)",
        "nan": "NaN (0 · log 0)",
        "error": "error",
        "none": "—",
        "rounded": "{p} (rounded)",
        "why_prob": "From probabilities",
        "why_clip": "Clipped",
        "p_label": "p = σ(z), {dtype}",
        "one_log0": "σ(z) rounds to 1, so log(1 − p) = log 0 and the loss is ∞",
        "one_nan": "σ(z) rounds to 1, so 0 · log(1 − p) = 0 · log 0 and the loss is NaN",
        "zero": "1 − p rounds to 1, so the loss is −log 1 = 0",
        "lost": "{q} is so close to 1 that rounding it lost the digits the loss depends on"
        " (wrong already in the table's 4 digits)",
        "fine": "agrees with the exact value to 4 digits",
        "clip_cap": "p is clipped to {edge}, so the loss stops at {v}; it no longer changes"
        " with z, so its gradient is 0 too.",
        "clip_floor": "p is clipped to {edge}, so the loss stays at {v} instead of going to 0.",
        "clip_off": "p lies inside [ε, 1 − ε] and is not clipped: the same as float32 from"
        " probabilities.",
        "live": "{y}, z = {z}: the exact loss is {exact}. From probabilities, float32 gives"
        " {p32} and float64 {p64}; clipped, {c32}. From logits, both formats are within"
        " {bound} times their epsilon.",
        "table_note": "In brackets: the relative error against the exact value; ε is each"
        " format's epsilon. Clipping is computed in float32 only.",
        "y_axis": "loss (log scale)",
        "x_axis": "logit z",
        "zero_mark": "× : 0",
        "nonfinite_mark": ("× : ∞", "× : NaN"),
        "one_from": "σ(z) = 1 ({dtype})",
        "clip_line": "where the clipped loss stops",
    },
}

_LABEL_NAMES = {lang: tuple(f"y = {y}" for y in _LABELS) for lang in ("ko", "en")}


def slider_indices() -> np.ndarray:
    """Indices into the experiment's sweep of the logits the slider offers: every
    ``STEP``-th point (1 apart, symmetric, with 0) and ``EXTRA_Z`` on both sides.

    Examples:
        >>> z = logit_sweep()[slider_indices()]
        >>> len(z), [_z_text(v) for v in z if 15.5 < v < 18]
        (141, ['15.7', '15.75', '16', '16.1', '16.15', '16.2', '16.25', '17', '17.3', '17.35'])
    """
    z = logit_sweep()
    n = len(z)
    if (n - 1) % STEP:
        raise ValueError(f"a sweep of {n} points has no symmetric subset every {STEP}")
    picked = set(range(0, n, STEP))
    for value in EXTRA_Z:
        (i,) = np.flatnonzero(np.round(z, 2) == value)
        picked |= {int(i), n - 1 - int(i)}
    return np.array(sorted(picked))


def grid_indices(r: ClassificationResult) -> np.ndarray:
    """The slider's indices as the experiment's data calls for them.

    Every ``STEP``-th point, and the two neighbouring points on either side of each
    place where a probability path changes regime: where σ(z) rounds to 1
    (``sigma_one_from``) or 1 − σ(z) rounds to 1, in each dtype, where clipping
    starts, and where the clipped loss reaches the value it stops at (earlier: float32's
    p already equals 1 − ε there). These are where the reader looks, and a grid 1
    apart would step over them. Mirrored, so the slider is symmetric about 0.

    Examples:
        >>> bool(np.array_equal(grid_indices(run_once(run_classification)), slider_indices()))
        True
    """
    n = len(r.z)
    picked = set(range(0, n, STEP))
    p32 = rounded_sigmoid(r.z, np.float32)
    regimes = [p32 > np.float32(1 - CLIP_EPS), p32 < np.float32(CLIP_EPS)]
    for name in _DTYPES:
        p = rounded_sigmoid(r.z, _NP_DTYPES[name])
        regimes += [p == 1, (1 - p) == 1]
    for y in _LABELS:
        clipped = r.loss[f"clip/float32/y{y}"]
        regimes.append(clipped == clipped.max())
    for regime in regimes:
        for i in np.flatnonzero(regime[1:] != regime[:-1]) + 1:
            picked |= {int(i) - 1, int(i), n - int(i), n - 1 - int(i)}
    return np.array(sorted(picked))


def _checked_indices() -> np.ndarray:
    """``slider_indices()``, after checking that the experiment still calls for them."""
    r = run_once(run_classification)
    wanted = grid_indices(r)
    if not np.array_equal(r.z, logit_sweep()) or not np.array_equal(wanted, _INDICES):
        extra = [_z_text(r.z[i]) for i in wanted if i % STEP and r.z[i] > 0]
        raise ValueError(
            "the regime edges of the classification experiment moved: "
            f"EXTRA_Z should be ({', '.join(extra)})"
        )
    return _INDICES


def _entry(text: dict[str, str], loss: float, error: float) -> str:
    """One table entry of a path computed on the ideal machine: value and error."""
    if math.isnan(loss):
        return text["nan"]
    if math.isinf(loss):
        return text["inf"]
    return f"{_four(loss)} ({text['error']} {_error_text(error)})"


def _logits_entry(text: dict[str, str], exact: float) -> str:
    """The logits path: the exact loss and the bound it is checked to stay within (its
    own last bits depend on the CPU)."""
    return f"{_four(exact)} ({text['error']} ≤ {LOGITS_ULP_BOUND}ε)"


def _p_text(text: dict[str, str], p: float) -> str:
    """σ(z) as the dtype holds it: 1 − x above one half, where 1 − p is what matters."""
    if p == 1 or p == 0:
        return text["rounded"].format(p=int(p))
    if p > 0.5:
        return f"1 − {sci(1 - p, 3)}"  # exact: p and 1 are within a factor 2 (Sterbenz)
    return sci(p, 3)


def _why_prob(text: dict[str, str], p: float, z: float, y: int, loss: float, exact: float) -> str:
    """Why the probability path gives what it gives, for one dtype."""
    if p == 1:
        return text["one_log0"] if y == 0 else text["one_nan"]
    if not math.isfinite(loss) or p == 0:
        raise ValueError(f"unexpected probability path at z = {z}: p = {p}, loss = {loss}")
    if loss == 0 and exact > 0:
        return text["zero"]
    if _four(loss) != _four(exact):
        return text["lost"].format(q="p" if z > 0 else "1 − p")
    return text["fine"]


def _why_clip(text: dict[str, str], p: float, y: int, loss: float) -> str:
    """What clipping did to the float32 probability ``p``."""
    low, high = np.float32(CLIP_EPS), np.float32(1 - CLIP_EPS)
    if low <= p <= high:
        return text["clip_off"]
    edge = "1 − ε" if p > high else "ε"
    # Clipping p towards the wrong answer caps the loss; towards the right one it keeps
    # the loss from reaching 0.
    wrong = (p > high) == (y == 0)
    return text["clip_cap" if wrong else "clip_floor"].format(edge=edge, v=_four(loss))


def build(lang: str) -> dict[str, Any]:
    """The payload of one language (see ``sigmoid_guide.explorables``)."""
    r = run_once(run_classification)
    text = _TEXT[lang]
    idx = run_once(_checked_indices)
    z = r.z[idx]
    p = {d: rounded_sigmoid(z, _NP_DTYPES[d]) for d in _DTYPES}
    cells: dict[str, dict[str, Any]] = {}
    for yi, j in settings(CONTROLS):
        y, i = _LABELS[yi], int(idx[j])
        exact = {d: float(r.reference[f"{d}/y{y}"][i]) for d in _DTYPES}
        prob = {
            d: _entry(
                text,
                float(r.loss[f"prob/{d}/y{y}"][i]),
                float(r.rel_error[f"prob/{d}/y{y}"][i]),
            )
            for d in _DTYPES
        }
        clip_loss = float(r.loss[f"clip/float32/y{y}"][i])
        clip = _entry(text, clip_loss, float(r.rel_error[f"clip/float32/y{y}"][i]))
        why = [
            f"{d}: "
            + _why_prob(
                text,
                float(p[d][j]),
                float(z[j]),
                y,
                float(r.loss[f"prob/{d}/y{y}"][i]),
                exact[d],
            )
            for d in _DTYPES
        ]
        cells[cell_key((yi, j))] = {
            "table": {
                "head": ["", *_DTYPES],
                "rows": [
                    [text["exact"], *(_four(exact[d]) for d in _DTYPES)],
                    [text["prob"], prob["float32"], prob["float64"]],
                    [text["clip"], clip, text["none"]],
                    [text["logits"], *(_logits_entry(text, exact[d]) for d in _DTYPES)],
                ],
            },
            "readout": [
                ["z", _Z_LABELS[j]],
                *(
                    [text["p_label"].format(dtype=d), _p_text(text, float(p[d][j]))]
                    for d in _DTYPES
                ),
                [text["why_prob"], ". ".join(why) + "."],
                [text["why_clip"], _why_clip(text, float(p["float32"][j]), y, clip_loss)],
            ],
            "live": text["live"].format(
                y=_LABEL_NAMES[lang][yi],
                z=_Z_LABELS[j],
                exact=_four(exact["float64"]),
                p32=prob["float32"],
                p64=prob["float64"],
                c32=clip,
                bound=LOGITS_ULP_BOUND,
            ),
        }
    curves = []
    positive: list[float] = []
    clip_cap, clip_flat_from = [], []
    for y in _LABELS:
        series = {
            "exact": r.reference[f"float64/y{y}"][idx],
            **{key: r.loss[f"{key}/y{y}"][idx] for key in _SERIES[1:]},
        }
        curves.append({key: [num(v, 4) for v in series[key]] for key in _SERIES})
        for values in series.values():
            positive += [float(v) for v in values if math.isfinite(v) and v > 0]
        clipped = r.loss[f"clip/float32/y{y}"]
        cap = float(clipped.max())
        at_cap = r.z[clipped == cap]
        clip_cap.append(num(cap, 4))
        # The end of the flat stretch nearest to 0: where the clipped loss stops growing.
        clip_flat_from.append(num(at_cap.min() if y == 0 else at_cap.max(), 4))
    strings = {k: v for k, v in text.items() if k in _DRAWING_STRINGS}
    strings["one_from"] = {d: text["one_from"].format(dtype=d) for d in _DTYPES}
    strings["legend"] = {
        "exact": text["exact"],
        **{f"{m}/{d}": f"{text[m]}, {d}" for m in ("prob", "logits") for d in _DTYPES},
        "clip/float32": f"{text['clip']}, float32",
    }
    return {
        "z": [num(v, 4) for v in z],
        "curves": curves,
        "logits_series": {"logits/float32": "exact", "logits/float64": "exact"},
        "breaks": {
            "sigma_one_from": {d: num(r.sigma_one_from[d], 4) for d in _DTYPES},
            "clip_cap": clip_cap,
            "clip_flat_from": clip_flat_from,
        },
        "y_domain": [
            math.floor(math.log10(min(positive))),
            math.ceil(math.log10(max(positive))),
        ],
        "strings": strings,
        "cells": cells,
        "answers": answers(lang),
    }


_DRAWING_STRINGS = (
    "x_axis",
    "y_axis",
    "zero_mark",
    "nonfinite_mark",
    "one_from",
    "clip_line",
    "table_note",
)


def first_inf_index(dtype: str) -> int:
    """Index into the slider's grid of the smallest z at which the probability path for
    y = 0 in ``dtype`` is infinite (the first the reader meets moving z up from 0)."""
    r = run_once(run_classification)
    idx = _INDICES
    bad = np.flatnonzero(np.isinf(r.loss[f"prob/{dtype}/y0"][idx]) & (r.z[idx] > 0))
    if bad.size == 0:
        raise ValueError(f"the {dtype} probability path never becomes infinite on the grid")
    return int(bad[0])


def answers(lang: str) -> dict[str, str]:
    """The "try this" answers the page prints (same digits in both languages)."""
    r = run_once(run_classification)
    idx = _INDICES
    j32, j64 = first_inf_index("float32"), first_inf_index("float64")
    i32, last = int(idx[j32]), int(idx[-1])
    return {
        "inf_z32": _Z_LABELS[j32],
        "before_z32": _Z_LABELS[j32 - 1],
        "one_from32": _four(r.sigma_one_from["float32"]),
        "inf_z64": _Z_LABELS[j64],
        "one_from64": _four(r.sigma_one_from["float64"]),
        "clip_loss": _four(float(r.loss["clip/float32/y0"][i32])),
        "clip_error": _error_text(float(r.rel_error["clip/float32/y0"][i32])),
        "z_max": _Z_LABELS[-1],
        "clip_error_max": _error_text(float(r.rel_error["clip/float32/y0"][last])),
    }


_INDICES = slider_indices()
_Z_LABELS = tuple(_z_text(float(v)) for v in logit_sweep()[_INDICES])

CONTROLS = (
    Control(
        "label",
        "radio",
        {"ko": _TEXT["ko"]["label_legend"], "en": _TEXT["en"]["label_legend"]},
        _LABEL_NAMES,
    ),
    Control(
        "z",
        "range",
        {"ko": _TEXT["ko"]["z_legend"], "en": _TEXT["en"]["z_legend"]},
        {"ko": _Z_LABELS, "en": _Z_LABELS},
        default=_Z_LABELS.index(_z_text(DEFAULT_Z)),
    ),
)

EXPLORABLE = Explorable(
    name="classification",
    figure="classification-bce",
    title={
        "ko": "직접 바꿔 보기: 이진 교차 엔트로피를 계산하는 세 가지 방법",
        "en": "Explore: three ways to compute binary cross-entropy",
    },
    controls=CONTROLS,
    build=build,
)
