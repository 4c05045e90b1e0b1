"""Figures of the vanishing/exploding-gradient experiments.

Five figures, each drawn from a result of ``sigmoid_guide.experiments.vanishing``:
per-layer gradient norms (``draw_grad_norms``), the 0.25^L rule against the
measurement (``draw_bound``), the weight-scale sweep (``draw_weight_scale``),
per-layer activation distributions (``draw_activations``) and training curves
(``draw_training``). Every ``alt_*`` function writes the figure's alt text with the
measured numbers.
"""

from __future__ import annotations

import math

import numpy as np
from matplotlib.axes import Axes
from matplotlib.figure import Figure

from ..experiments.vanishing import (
    ActivationComparison,
    ActivationStatistics,
    SigmoidBound,
    WeightScaleSweep,
)
from ._style import COLORS, MUTED, fmt_num, new_figure
from .strings import t

__all__ = [
    "alt_activations",
    "alt_bound",
    "alt_grad_norms",
    "alt_training",
    "alt_weight_scale",
    "draw_activations",
    "draw_bound",
    "draw_grad_norms",
    "draw_training",
    "draw_weight_scale",
]

# Same colour and dash per activation as the shape figures; dashes and markers keep the
# lines apart in greyscale and for readers who confuse two of the colours.
_LOOK: dict[str, tuple[str, str, str]] = {
    "sigmoid": (COLORS["blue"], "-", "o"),
    "tanh": (COLORS["vermillion"], "--", "s"),
    "relu": (COLORS["green"], ":", "^"),
}

_SUPERSCRIPT = str.maketrans("0123456789-", "⁰¹²³⁴⁵⁶⁷⁸⁹⁻")


def _sci(value: float) -> str:
    """A number for alt texts: plain when moderate, else ``m × 10ⁿ`` (true minus signs).

    >>> _sci(0.2468), _sci(3.3948e-06), _sci(2521.9)
    ('0.25', '3.4 × 10⁻⁶', '2.5 × 10³')
    """
    if value == 0 or 1e-2 <= abs(value) < 1e3:
        return fmt_num(value, ".2g")
    exponent = math.floor(math.log10(abs(value)))
    mantissa = value / 10.0**exponent
    if round(mantissa, 1) >= 10:
        mantissa, exponent = mantissa / 10, exponent + 1
    return f"{fmt_num(mantissa, '.1f')} × 10{str(exponent).translate(_SUPERSCRIPT)}"


def _act_label(activation: str, lang: str) -> str:
    return t(f"vanishing.act.{activation}", lang)


def _layer_axis(ax: Axes, depth: int, lang: str, key: str = "vanishing.layer") -> None:
    ax.set_xticks(np.arange(1, depth + 1))
    ax.set_xlim(0.6, depth + 0.4)
    ax.set_xlabel(t(key, lang))


# --------------------------------------------------------------------------------------
# 1. Gradient norm per layer


def draw_grad_norms(r: ActivationComparison, lang: str) -> Figure:
    """‖∂loss/∂W_l‖ per hidden layer, at initialisation and after training (log scale)."""
    fig = new_figure(8.0, 4.0)
    left, right = fig.subplots(1, 2, sharey=True)
    depth = r.setup.depth
    layers = np.arange(1, depth + 1)
    for ax, data, title in (
        (left, r.weight_grad_init, t("vanishing.grad.at_init", lang)),
        (right, r.weight_grad_trained, t("vanishing.grad.trained", lang).format(n=r.setup.steps)),
    ):
        for row, activation in enumerate(r.activations):
            color, dash, marker = _LOOK[activation]
            ax.plot(
                layers,
                data[row],
                color=color,
                ls=dash,
                marker=marker,
                ms=4,
                label=_act_label(activation, lang),
            )
        ax.set_yscale("log")
        ax.set_title(title)
        _layer_axis(ax, depth, lang)
    left.set_ylabel(t("vanishing.grad.ylabel", lang))
    # The lower right of the left panel is empty (sigmoid's line runs diagonally above it).
    left.legend(loc="lower right")
    fig.suptitle(t("vanishing.grad.title", lang))
    return fig


def alt_grad_norms(r: ActivationComparison, lang: str) -> str:
    """Alt text of ``draw_grad_norms``, with the first-to-last layer ratios."""
    ri, rt = r.ratio_init, r.ratio_trained
    return t("vanishing.grad.alt", lang).format(
        depth=r.setup.depth,
        width=r.setup.width,
        steps=r.setup.steps,
        sig_i=_sci(ri[0]),
        tanh_i=_sci(ri[1]),
        relu_i=_sci(ri[2]),
        sig_t=_sci(rt[0]),
        tanh_t=_sci(rt[1]),
        relu_t=_sci(rt[2]),
    )


# --------------------------------------------------------------------------------------
# 2. The 0.25^L rule against the measurement


def draw_bound(r: SigmoidBound, lang: str) -> Figure:
    """Left: relative ‖δ_l‖ against 0.25^(L−l), the true bound and the linearised network.
    Right: the per-layer factors that explain the gap."""
    fig = new_figure(9.0, 4.2)
    left, right = fig.subplots(1, 2, width_ratios=(1.15, 1.0))
    depth = len(r.layers)
    lines = (
        (r.bound, COLORS["vermillion"], "-.", "D", "vanishing.bound.true"),
        (r.linearised, COLORS["green"], ":", "^", "vanishing.linearised"),
        (r.naive, COLORS["black"], "--", "", "vanishing.bound.naive"),
        (r.measured, COLORS["blue"], "-", "o", "vanishing.bound.measured"),
    )
    for values, color, dash, marker, key in lines:
        left.plot(
            r.layers, values, color=color, ls=dash, marker=marker or None, ms=4, label=t(key, lang)
        )
    left.set_yscale("log")
    left.set_ylabel(t("vanishing.bound.ylabel", lang))
    left.set_title(t("vanishing.bound.left_title", lang))
    _layer_axis(left, depth, lang)
    left.legend(loc="lower right", fontsize=8.5)

    steps = r.layers[:-1]
    factors = (
        (r.spectral_norm, COLORS["purple"], "-", "s", "vanishing.bound.spectral"),
        (
            r.max_slope[:-1] * r.spectral_norm,
            COLORS["vermillion"],
            "-.",
            "D",
            "vanishing.bound.per_layer_bound",
        ),
        (r.weight_gain, COLORS["orange"], "--", "v", "vanishing.bound.gain"),
        (r.step_factor, COLORS["blue"], "-", "o", "vanishing.bound.step"),
    )
    for values, color, dash, marker, key in factors:
        right.plot(steps, values, color=color, ls=dash, marker=marker, ms=4, label=t(key, lang))
    right.axhline(0.25, color=COLORS["black"], ls="--", lw=1.0)
    right.text(
        depth - 0.65, 0.15, "0.25", color=COLORS["black"], ha="right", va="center", fontsize=8.5
    )
    # Headroom above the singular values (about 2) keeps the legend off the lines.
    right.set_ylim(0.0, 3.5)
    right.set_title(t("vanishing.bound.right_title", lang))
    right.set_ylabel(t("vanishing.bound.factor", lang))
    _layer_axis(right, depth - 1, lang, "vanishing.bound.step_layer")
    right.legend(loc="upper right", fontsize=8)
    return fig


def alt_bound(r: SigmoidBound, lang: str) -> str:
    """Alt text of ``draw_bound``, with the measured and bounding ratios."""
    depth = len(r.layers)
    return t("vanishing.bound.alt", lang).format(
        depth=depth,
        steps=depth - 1,
        measured=_sci(r.measured[0]),
        naive=_sci(r.naive[0]),
        bound=_sci(r.bound[0]),
        linear=_sci(r.linearised[0]),
        step=fmt_num(r.mean_step_factor, ".3f"),
        spec_lo=fmt_num(float(r.spectral_norm.min()), ".2f"),
        spec_hi=fmt_num(float(r.spectral_norm.max()), ".2f"),
        gain=fmt_num(float(np.exp(np.mean(np.log(r.weight_gain)))), ".2f"),
        slope=fmt_num(float(r.mean_slope.mean()), ".3f"),
    )


# --------------------------------------------------------------------------------------
# 3. Weight-scale sweep


def draw_weight_scale(r: WeightScaleSweep, lang: str) -> Figure:
    """Left: first-to-last gradient ratio against the weight scale (real and linearised).
    Right: saturation and mean slope against the same scale."""
    fig = new_figure(9.0, 4.2)
    left, right = fig.subplots(1, 2, width_ratios=(1.3, 1.0))
    s = r.scales
    blue, green = COLORS["blue"], COLORS["green"]
    left.fill_between(
        s, r.delta_ratio.min(axis=1), r.delta_ratio.max(axis=1), color=blue, alpha=0.2, lw=0
    )
    left.plot(
        s,
        r.median_ratio,
        color=blue,
        marker="o",
        ms=4,
        label=t("vanishing.sweep.real", lang).format(n=r.delta_ratio.shape[1]),
    )
    left.plot(
        s,
        r.median_linear_ratio,
        color=green,
        ls=":",
        marker="^",
        ms=4,
        label=t("vanishing.linearised", lang),
    )
    left.axhline(1.0, color=MUTED, lw=1.0)
    left.set_xscale("log", base=2)
    left.set_yscale("log")
    left.set_xticks([0.25, 1, 4, 16, 64], ["1/4", "1", "4", "16", "64"])
    left.set_xlim(s[0], s[-1])
    left.set_ylim(min(1e-12, float(r.delta_ratio.min())), 1e12)
    # Region labels at the left edge, above and below ratio 1.
    left.text(
        s[0] * 1.1, 3.0, t("vanishing.sweep.grows", lang), color=MUTED, va="bottom", fontsize=8.5
    )
    left.text(
        s[0] * 1.1, 0.3, t("vanishing.sweep.shrinks", lang), color=MUTED, va="top", fontsize=8.5
    )
    # Vertical labels start at the bottom, right of their line, in the empty lower-right
    # region under the rising curves.
    marks = (
        (r.pascanu_scale, COLORS["purple"], "vanishing.sweep.pascanu"),
        (r.growth_onset, blue, "vanishing.sweep.onset"),
    )
    for x, color, key in marks:
        if math.isfinite(x):
            left.axvline(x, color=color, lw=0.9, ls="--")
            left.text(
                x * 1.08,
                1e-11,
                t(key, lang).format(x=fmt_num(x, ".1f")),
                color=color,
                rotation=90,
                va="bottom",
                fontsize=8.5,
            )
    left.set_xlabel(t("vanishing.sweep.xlabel", lang))
    left.set_ylabel(t("vanishing.sweep.ylabel", lang))
    left.set_title(t("vanishing.sweep.left_title", lang))
    left.legend(loc="upper left", bbox_to_anchor=(0.0, 0.93), fontsize=8.5)

    right.plot(
        s,
        r.saturated,
        color=COLORS["vermillion"],
        marker="s",
        ms=4,
        label=t("vanishing.sweep.saturated", lang),
    )
    right.plot(
        s,
        r.mean_slope / 0.25,
        color=blue,
        ls="--",
        marker="o",
        ms=4,
        label=t("vanishing.sweep.slope", lang),
    )
    right.set_xscale("log", base=2)
    right.set_xticks([0.25, 1, 4, 16, 64], ["1/4", "1", "4", "16", "64"])
    right.set_xlim(s[0], s[-1])
    right.set_ylim(0.0, 1.05)
    right.set_xlabel(t("vanishing.sweep.xlabel", lang))
    right.set_ylabel(t("vanishing.sweep.fraction", lang))
    right.set_title(t("vanishing.sweep.right_title", lang))
    right.legend(loc="center left")
    return fig


def alt_weight_scale(r: WeightScaleSweep, lang: str) -> str:
    """Alt text of ``draw_weight_scale``, with where the gradient starts to grow."""
    i1 = int(np.argmin(np.abs(r.scales - 1.0)))
    return t("vanishing.sweep.alt", lang).format(
        lo=fmt_num(float(r.scales[0]), ".2f"),
        hi=fmt_num(float(r.scales[-1]), ".0f"),
        n=r.delta_ratio.shape[1],
        depth=r.depth,
        at1=_sci(r.median_ratio[i1]),
        pascanu=fmt_num(r.pascanu_scale, ".1f"),
        onset=fmt_num(r.growth_onset, ".1f"),
        lin_onset=fmt_num(r.linear_growth_onset, ".1f"),
        top=_sci(r.median_ratio[-1]),
        sat=fmt_num(100 * float(r.saturated[-1]), ".0f"),
        slope=fmt_num(float(r.mean_slope[-1]), ".3f"),
    )


# --------------------------------------------------------------------------------------
# 4. Activation distributions per layer


def draw_activations(r: ActivationStatistics, lang: str) -> Figure:
    """Per-layer percentile bands of the hidden outputs, one panel per network."""
    fig = new_figure(8.0, 5.6)
    axes = fig.subplots(2, 2)
    depth = r.percentiles.shape[1]
    layers = np.arange(1, depth + 1)
    levels = list(r.levels)
    lo, q1, mid, q3, hi = (levels.index(p) for p in (5.0, 25.0, 50.0, 75.0, 95.0))
    for k, ax in enumerate(axes.flat):
        activation, scale = r.activations[k], float(r.scales[k])
        color = _LOOK[activation][0]
        p = r.percentiles[k]
        ax.fill_between(
            layers,
            p[:, lo],
            p[:, hi],
            color=color,
            alpha=0.18,
            lw=0,
            label=t("vanishing.dist.p5_95", lang),
        )
        ax.fill_between(
            layers,
            p[:, q1],
            p[:, q3],
            color=color,
            alpha=0.4,
            lw=0,
            label=t("vanishing.dist.p25_75", lang),
        )
        ax.plot(
            layers, p[:, mid], color=color, marker="o", ms=3, label=t("vanishing.dist.median", lang)
        )
        if activation == "sigmoid":
            ax.set_ylim(0.0, 1.0)
        elif activation == "tanh":
            ax.set_ylim(-1.0, 1.0)
        else:
            ax.set_ylim(0.0, float(p[:, hi].max()) * 1.1)
        init = (
            t("vanishing.dist.scaled", lang).format(s=fmt_num(scale, ".0f"))
            if scale != 1
            else t(f"vanishing.init.{activation}", lang)
        )
        sat = 100 * float(r.saturated[k].mean())
        sat_key = "vanishing.dist.zero" if activation == "relu" else "vanishing.dist.sat"
        ax.set_title(
            f"{t(f'vanishing.name.{activation}', lang)}, {init}\n"
            f"{t(sat_key, lang).format(p=fmt_num(sat, '.0f'))}",
            fontsize=10,
        )
        _layer_axis(ax, depth, lang)
    for ax in axes[:, 0]:
        ax.set_ylabel(t("vanishing.dist.ylabel", lang))
    # One legend for all panels, below them: inside, it would cover a band.
    handles, labels = axes[0, 0].get_legend_handles_labels()
    fig.legend(handles, labels, loc="outside lower center", ncol=3, fontsize=8.5)
    fig.suptitle(t("vanishing.dist.title", lang))
    return fig


def alt_activations(r: ActivationStatistics, lang: str) -> str:
    """Alt text of ``draw_activations``, with saturation and spread figures."""
    spread = r.input_spread
    return t("vanishing.dist.alt", lang).format(
        depth=r.percentiles.shape[1],
        relu_zero=fmt_num(100 * float(r.saturated[2].mean()), ".0f"),
        scale=fmt_num(float(r.scales[3]), ".0f"),
        sat_first=fmt_num(100 * float(r.saturated[3][0]), ".0f"),
        sat_deep=fmt_num(100 * float(r.saturated[3][1:].mean()), ".0f"),
        sig_spread=_sci(float(spread[0][-1] / spread[0][0])),
        tanh_spread=_sci(float(spread[1][-1] / spread[1][0])),
    )


# --------------------------------------------------------------------------------------
# 5. Training curves


def draw_training(r: ActivationComparison, lang: str) -> Figure:
    """Loss per step of the three networks (log scale), with the ln 2 plateau marked."""
    fig = new_figure(6.4, 4.0)
    ax = fig.subplots()
    steps = np.arange(r.losses.shape[1])
    for row, activation in enumerate(r.activations):
        color, dash, _ = _LOOK[activation]
        ax.plot(steps, r.losses[row], color=color, ls=dash, label=_act_label(activation, lang))
    ax.axhline(math.log(2), color=MUTED, lw=0.9, ls=":")
    ax.text(
        steps[-1],
        math.log(2) * 1.15,
        t("vanishing.train.log2", lang),
        color=MUTED,
        ha="right",
        va="bottom",
        fontsize=8.5,
    )
    ax.set_yscale("log")
    ax.set_xlim(0, steps[-1])
    ax.set_xlabel(t("common.step", lang))
    ax.set_ylabel(t("vanishing.train.ylabel", lang))
    ax.set_title(t("vanishing.train.title", lang))
    ax.legend(loc="lower left")
    return fig


def alt_training(r: ActivationComparison, lang: str) -> str:
    """Alt text of ``draw_training``, with the final losses."""
    final = r.losses[:, -1]
    return t("vanishing.train.alt", lang).format(
        steps=r.setup.steps,
        depth=r.setup.depth,
        lr=fmt_num(r.setup.learning_rate, "g"),
        momentum=fmt_num(r.setup.momentum, "g"),
        sig=fmt_num(float(final[0]), ".4f"),
        tanh=_sci(float(final[1])),
        relu=_sci(float(final[2])),
        acc_sig=fmt_num(100 * float(r.accuracy_trained[0]), ".0f"),
    )
