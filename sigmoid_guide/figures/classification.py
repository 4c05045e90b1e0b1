"""Figure of binary cross-entropy from probabilities versus from logits."""

from __future__ import annotations

import numpy as np
from matplotlib.figure import Figure

from ..experiments.classification import LOGITS_ULP_BOUND, ClassificationResult
from ._style import COLORS, MUTED, new_figure, pow10_label
from .strings import t

__all__ = ["alt_bce", "draw_bce"]

# (method/dtype, colour, dash, width); logits drawn last so they sit on top.
_SERIES: tuple[tuple[str, str, str, float], ...] = (
    ("prob/float32", COLORS["orange"], "-", 2.2),
    ("prob/float64", COLORS["vermillion"], "-", 2.2),
    ("clip/float32", COLORS["purple"], "-.", 1.6),
    ("logits/float32", COLORS["sky"], "--", 1.6),
    ("logits/float64", COLORS["blue"], ":", 2.2),
)
# Relative errors below this are drawn at it: a log axis cannot show an exact 0.
_ERR_FLOOR = 1e-17


def _mark_nonfinite(ax, z: np.ndarray, v: np.ndarray, y_mark: float, color: str) -> bool:
    """Draw × at height ``y_mark`` where ``v`` is inf or nan; return whether any was."""
    bad = ~np.isfinite(v)
    if bad.any():
        # Every 20th point is enough to show the band without a solid smear.
        zz = z[bad][::20]
        ax.plot(zz, np.full_like(zz, y_mark), ls="none", marker="x", ms=5, color=color)
    return bool(bad.any())


def _envelope(z: np.ndarray, err: np.ndarray, width: int = 20) -> tuple[np.ndarray, np.ndarray]:
    """Largest finite error in consecutive bins of ``width`` points (NaN if none is).

    Rounding errors jump between 0 and their bound from one z to the next; the bin
    maximum shows the bound as a readable line instead of a solid band.
    """
    n = (len(z) // width) * width
    zb = z[:n].reshape(-1, width)
    eb = np.where(np.isfinite(err[:n]), err[:n], -np.inf).reshape(-1, width)
    top = eb.max(axis=1)
    return zb.mean(axis=1), np.where(np.isfinite(top), top, np.nan)


def draw_bce(r: ClassificationResult, lang: str) -> Figure:
    """Left: the loss for label 0. Right: relative error for label 1, log scale."""
    fig = new_figure(8.8, 4.3)
    left, right = fig.subplots(1, 2)
    z = r.z
    left.plot(
        z, r.reference["float64/y0"], color=COLORS["black"], lw=0.9, label=t("bce.reference", lang)
    )
    top = float(z.max()) * 1.12
    for key, color, dash, lw in _SERIES:
        v = r.loss[f"{key}/y0"]
        left.plot(
            z,
            np.where(np.isfinite(v), v, np.nan),
            color=color,
            ls=dash,
            lw=lw,
            label=t(f"bce.{key.split('/')[0]}", lang).format(dtype=key.split("/")[1]),
        )
        _mark_nonfinite(left, z, v, top, color)
    left.text(z[0] + 2, top, t("bce.inf_marks", lang), va="center", color=MUTED, fontsize=8)
    left.set_ylim(-2, top * 1.06)
    left.set_xlim(z[0], z[-1])
    left.set_xlabel(t("bce.z", lang))
    left.set_ylabel(t("common.loss", lang))
    left.set_title(t("bce.left_title", lang))
    left.legend(loc="upper left", bbox_to_anchor=(0.0, 0.93), fontsize=7.5)

    nan_mark = 1e2
    for key, color, dash, lw in _SERIES:
        e = r.rel_error[f"{key}/y1"]
        zc, env = _envelope(z, e)
        if key.startswith("logits/"):
            # Last bits of NumPy's exp and log1p, which differ between CPUs: drawn as
            # the bound they stay within (checked by the experiment), the same everywhere.
            env = np.full_like(env, r.logits_bound[key.split("/")[1]])
        right.plot(zc, np.maximum(env, _ERR_FLOOR), color=color, ls=dash, lw=lw)
        _mark_nonfinite(right, z, e, nan_mark, color)
    right.text(
        z[0] + 2,
        r.logits_bound["float64"] * 3,
        t("bce.logits_bound", lang).format(bound=LOGITS_ULP_BOUND),
        color=MUTED,
        fontsize=8,
    )
    right.text(z[0] + 2, nan_mark, t("bce.nan_marks", lang), va="center", color=MUTED, fontsize=8)
    right.set_yscale("log")
    right.set_ylim(_ERR_FLOOR / 3, nan_mark * 30)
    right.set_xlim(z[0], z[-1])
    right.set_xlabel(t("bce.z", lang))
    right.set_ylabel(t("bce.rel_error", lang).format(floor=pow10_label(_ERR_FLOOR)))
    right.set_title(t("bce.right_title", lang))
    return fig


def alt_bce(r: ClassificationResult, lang: str) -> str:
    """Alt text of ``draw_bce``, with the measured thresholds and errors."""

    return t("bce.alt", lang).format(
        z32=r.sigma_one_from["float32"],
        z64=r.sigma_one_from["float64"],
        cap=r.clip_cap,
        bound=LOGITS_ULP_BOUND,
    )
