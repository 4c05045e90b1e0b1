"""Figure of the outlier experiment: σ's outputs and gradients after each preprocessing."""

from __future__ import annotations

import numpy as np
from matplotlib.figure import Figure

from ..experiments.outliers import OutlierResult
from ._style import COLORS, MUTED, new_figure
from .strings import t

__all__ = ["alt_outliers", "draw_outliers"]

_MARKERS = ("o", "s", "D")
# Vertical offsets of the three outliers inside a row, so equal values stay visible.
_OFFSETS = (-0.2, 0.0, 0.2)
# Where exact zeros are drawn on the logarithmic gradient axis.
_ZERO_AT = 1e-100


def draw_outliers(r: OutlierResult, lang: str) -> Figure:
    """Left: σ outputs of ordinary inputs and outliers. Right: the weight gradient."""
    fig = new_figure(8.6, 4.4)
    left, right = fig.subplots(1, 2, sharey=True)
    rows = np.arange(len(r.preprocessings))[::-1]  # first preprocessing on top
    dt = "float64"
    for row, prep in zip(rows, r.preprocessings, strict=True):
        key = f"{prep}/{dt}"
        left.plot(
            r.out_bulk[key],
            np.full_like(r.out_bulk[key], row),
            ls="none",
            marker="|",
            ms=12,
            color=COLORS["blue"],
            alpha=0.35,
            label=t("outliers.bulk", lang).format(n=len(r.bulk)) if row == rows[0] else None,
        )
        right.plot(
            [r.grad_bulk_median[key]],
            [row],
            ls="none",
            marker="|",
            ms=22,
            mew=2.5,
            color=COLORS["blue"],
            label=t("outliers.bulk_median", lang) if row == rows[0] else None,
        )
        for i, x_out in enumerate(r.outliers):
            label = t("outliers.point", lang).format(x=f"{x_out:g}") if row == rows[0] else None
            y = row + _OFFSETS[i]
            left.plot(
                r.out_outliers[key][i],
                y,
                ls="none",
                marker=_MARKERS[i],
                ms=7,
                color=COLORS["vermillion"],
                label=label,
            )
            g = abs(float(r.grad_outliers[key][i]))
            if g > 0:
                right.plot(g, y, ls="none", marker=_MARKERS[i], ms=7, color=COLORS["vermillion"])
            else:
                # An exact zero: hollow marker at the axis floor, labelled "0".
                right.plot(
                    _ZERO_AT,
                    y,
                    ls="none",
                    marker=_MARKERS[i],
                    ms=7,
                    mfc="none",
                    color=COLORS["vermillion"],
                )
                right.annotate(
                    "0",
                    (_ZERO_AT, y),
                    textcoords="offset points",
                    xytext=(8, -3),
                    color=COLORS["vermillion"],
                    fontsize=8,
                )
        left.annotate(
            t("outliers.distinct", lang).format(d=r.distinct_outlier_outputs[key]),
            (0.02, row + 0.3),
            color=MUTED,
            fontsize=8.5,
        )
    left.set_yticks(rows, [t(f"outliers.prep.{p}", lang) for p in r.preprocessings])
    left.set_ylim(rows.min() - 0.6, rows.max() + 0.6)
    left.set_xlim(0.0, 1.04)
    left.set_xlabel(t("outliers.output", lang))
    left.set_title(t("outliers.left_title", lang))
    left.legend(loc="upper center", bbox_to_anchor=(0.5, -0.16), ncol=2, fontsize=8)
    right.set_xscale("log")
    right.set_xlim(_ZERO_AT / 10, 3.0)
    right.set_xticks([1e-100, 1e-75, 1e-50, 1e-25, 1e0])
    right.set_xlabel(t("outliers.grad", lang))
    right.set_title(t("outliers.right_title", lang))
    right.legend(loc="upper center", bbox_to_anchor=(0.5, -0.16), fontsize=8)
    return fig


def alt_outliers(r: OutlierResult, lang: str) -> str:
    """Alt text of ``draw_outliers``, with the measured values (float64)."""

    def grads(prep: str) -> str:
        return ", ".join(f"{abs(float(g)):.2g}" for g in r.grad_outliers[f"{prep}/float64"])

    return t("outliers.alt", lang).format(
        outs=", ".join(f"{x:g}" for x in r.outliers),
        n=len(r.bulk),
        raw=grads("raw"),
        std=grads("standardised"),
        rob=grads("robust"),
        log=grads("signed_log"),
        std_spread=r.bulk_output_std["standardised/float64"],
        raw_spread=r.bulk_output_std["raw/float64"],
        d_std=r.distinct_outlier_outputs["standardised/float64"],
        d_log=r.distinct_outlier_outputs["signed_log/float64"],
    )
