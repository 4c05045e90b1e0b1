"""Figures of σ's shape: activations, derivatives, and where floats round σ to 0 or 1."""

from __future__ import annotations

import numpy as np
from matplotlib.figure import Figure

from ..experiments.shape import ACTIVATIONS, ShapeResult
from ._style import COLORS, MUTED, fmt_num, new_figure
from .strings import t

__all__ = [
    "alt_activations",
    "alt_derivatives",
    "alt_float_limits",
    "draw_activations",
    "draw_derivatives",
    "draw_float_limits",
]

# Colour and dash per activation: dashes keep the curves apart in greyscale and for
# readers who cannot separate two of the colours.
_LOOK: dict[str, tuple[str, object]] = {
    "sigmoid": (COLORS["blue"], "-"),
    "tanh": (COLORS["vermillion"], "--"),
    "relu": (COLORS["green"], ":"),
    "hard_sigmoid": (COLORS["purple"], "-."),
    "silu": (COLORS["orange"], (0, (6, 2, 1, 2))),
}
_DTYPE_LOOK: dict[str, tuple[str, object]] = {
    "float64": (COLORS["blue"], "-"),
    "float32": (COLORS["vermillion"], "--"),
}


def _positive(v: np.ndarray) -> np.ndarray:
    """Exact zeros cannot sit on a log axis: hide them (NaN) instead of clipping."""
    v = np.asarray(v, dtype=np.float64)
    return np.where(v > 0, v, np.nan)


def draw_activations(r: ShapeResult, lang: str) -> Figure:
    """σ next to tanh, ReLU, hard sigmoid and SiLU on [−6, 6]."""
    fig = new_figure(6.4, 4.0)
    ax = fig.subplots()
    for name in ACTIVATIONS:
        color, dash = _LOOK[name]
        lw = 2.6 if name == "sigmoid" else 1.8
        ax.plot(r.x, r.values[name], color=color, ls=dash, lw=lw, label=t(f"act.{name}", lang))
    ax.axhline(0.0, color=MUTED, lw=0.8)
    ax.axhline(1.0, color=MUTED, lw=0.8, ls=":")
    ax.set_ylim(-1.15, 2.6)
    ax.set_xlim(r.x[0], r.x[-1])
    ax.set_xlabel(t("common.x", lang))
    ax.set_ylabel(t("shape.activations.ylabel", lang))
    ax.set_title(t("shape.activations.title", lang))
    ax.legend(loc="upper left")
    return fig


def draw_derivatives(r: ShapeResult, lang: str) -> Figure:
    """The derivatives of the same activations; σ' peaks at 0.25."""
    fig = new_figure(6.4, 4.0)
    ax = fig.subplots()
    for name in ACTIVATIONS:
        color, dash = _LOOK[name]
        lw = 2.6 if name == "sigmoid" else 1.8
        ax.plot(r.x, r.derivatives[name], color=color, ls=dash, lw=lw, label=t(f"act.{name}", lang))
    peak = r.peak_derivative["sigmoid"]
    ax.axhline(peak, color=COLORS["blue"], lw=0.8, ls=":")
    ax.annotate(
        t("shape.derivatives.peak", lang).format(peak=peak),
        xy=(0.0, peak),
        xytext=(2.2, 0.45),
        color=COLORS["blue"],
        arrowprops={"arrowstyle": "->", "color": COLORS["blue"], "lw": 1.0},
    )
    ax.set_xlim(r.x[0], r.x[-1])
    ax.set_ylim(-0.15, 1.2)
    ax.set_xlabel(t("common.x", lang))
    ax.set_ylabel(t("shape.derivatives.ylabel", lang))
    ax.set_title(t("shape.derivatives.title", lang))
    ax.legend(loc="upper left")
    return fig


def draw_float_limits(r: ShapeResult, lang: str) -> Figure:
    """Three panels: 1 − σ(x) per dtype reaching exactly 0 for large x; then, for each
    dtype, σ(x) for very negative x from the accurate and the textbook formula."""
    fig = new_figure(9.0, 3.9)
    left, mid, right = fig.subplots(1, 3)
    left.plot(
        r.x_right,
        _positive(r.one_minus_exact),
        color=COLORS["black"],
        lw=1.0,
        label=t("shape.limits.exact", lang),
    )
    for dt in ("float64", "float32"):
        color, dash = _DTYPE_LOOK[dt]
        left.plot(r.x_right, _positive(r.one_minus[dt]), color=color, ls=dash, label=dt)
        x1 = r.limits[dt].one_from
        left.axvline(x1, color=color, lw=0.9, ls=":")
        # float64's label sits left of its line, float32's right of it and lower, so
        # that neither crosses a curve.
        side, y_text = ("right", 1e-2) if dt == "float64" else ("left", 1e-9)
        left.text(
            x1 + (-0.6 if side == "right" else 0.6),
            y_text,
            t("shape.limits.one_from", lang).format(x=fmt_num(x1)),
            rotation=90,
            ha=side,
            va="top",
            color=color,
            fontsize=8.5,
        )
    left.set_yscale("log")
    left.set_xlim(r.x_right[0], r.x_right[-1])
    left.set_xlabel(t("common.x", lang))
    left.set_ylabel(t("shape.limits.one_minus", lang))
    left.set_title(t("shape.limits.left_title", lang))
    left.legend(loc="upper right")

    # Each dtype gets its own x range: float32 runs out near −100, float64 near −750.
    for ax, dt, x_lo in ((mid, "float32", -120.0), (right, "float64", -800.0)):
        keep = r.x_left >= x_lo
        x = r.x_left[keep]
        color, _ = _DTYPE_LOOK[dt]
        ax.plot(
            x,
            _positive(r.left_stable[dt][keep]),
            color=COLORS["blue"],
            lw=2.4,
            label=t("shape.limits.stable", lang),
        )
        ax.plot(
            x,
            _positive(r.left_naive[dt][keep]),
            color=COLORS["vermillion"],
            lw=1.6,
            ls="--",
            label=t("shape.limits.naive", lang),
        )
        lim = r.limits[dt]
        # Down to the smallest subnormal of the dtype, so the whole curve shows.
        ax.set_yscale("log")
        ax.set_ylim(float(np.finfo(dt).smallest_subnormal), 1e3 if dt == "float32" else 1e15)
        for xv, col, key, side in (
            (lim.naive_overflow_below, COLORS["vermillion"], "shape.limits.overflow_at", "left"),
            (lim.zero_below, COLORS["blue"], "shape.limits.zero_at", "right"),
        ):
            ax.axvline(xv, color=col, lw=0.9, ls=":")
            # Overflow label right of its line, underflow label left of its own: the
            # two lines are close together.
            ax.text(
                xv,
                ax.get_ylim()[1],
                " " + t(key, lang).format(x=fmt_num(xv)) + " ",
                rotation=90,
                ha=side,
                va="top",
                color=col,
                fontsize=8.5,
            )
        ax.set_xlim(x_lo, 0.0)
        ax.set_xlabel(t("common.x", lang))
        ax.set_title(t("shape.limits.neg_title", lang).format(dtype=dt))
        ax.legend(loc="lower right", fontsize=8)
    mid.set_ylabel(t("common.sigmoid", lang))
    # Ticks every 100 decades: the default locator picks odd steps such as 10^-29.
    right.set_yticks([1e0, 1e-100, 1e-200, 1e-300])
    return fig


def alt_activations(r: ShapeResult, lang: str) -> str:
    """Alt text of ``draw_activations``."""
    return t("shape.activations.alt", lang)


def alt_derivatives(r: ShapeResult, lang: str) -> str:
    """Alt text of ``draw_derivatives``, with the measured peaks."""
    p = r.peak_derivative
    return t("shape.derivatives.alt", lang).format(
        sigmoid=p["sigmoid"], tanh=p["tanh"], hard=p["hard_sigmoid"], silu=p["silu"]
    )


def alt_float_limits(r: ShapeResult, lang: str) -> str:
    """Alt text of ``draw_float_limits``, with the thresholds found."""
    f32, f64 = r.limits["float32"], r.limits["float64"]
    return t("shape.limits.alt", lang).format(
        one32=f32.one_from,
        one64=f64.one_from,
        over32=f32.naive_overflow_below,
        over64=f64.naive_overflow_below,
        zero32=f32.zero_below,
        zero64=f64.zero_below,
    )
