"""Figures of the zig-zag experiment: trajectories, same-sign fraction, conditioning."""

from __future__ import annotations

import contourpy
import numpy as np
from matplotlib.figure import Figure

from ..experiments.zigzag import ZigzagResult
from ._style import CARD, COLORS, MUTED, new_figure, pow10_label
from .strings import t

__all__ = [
    "alt_conditioning",
    "alt_sign_fraction",
    "alt_trajectories",
    "draw_conditioning",
    "draw_sign_fraction",
    "draw_trajectories",
]

_LOOK = {"positive": (COLORS["vermillion"], "-", "o"), "centered": (COLORS["blue"], "--", "s")}


def _contour_lines(ax, x: np.ndarray, y: np.ndarray, z: np.ndarray, levels) -> None:
    """Contour lines drawn as plain lines over the grid's extent.

    ``Axes.contour`` marks closed loops with a close-path command whose presence can
    flip with the last bits of the data (a loop that passes through a grid point); a
    plain line through the same points draws the same on every computer.
    """
    gen = contourpy.contour_generator(x, y, z, line_type=contourpy.LineType.Separate)
    for level in levels:
        for line in gen.lines(level):
            ax.plot(line[:, 0], line[:, 1], color=MUTED, lw=0.6, scalex=False, scaley=False)
    ax.update_datalim([(x.min(), y.min()), (x.max(), y.max())])
    ax.autoscale_view()


def draw_trajectories(r: ZigzagResult, lang: str) -> Figure:
    """Loss contours of both problems with full-batch GD and single-example SGD paths."""
    fig = new_figure(8.0, 4.2)
    axes = fig.subplots(1, 2)
    for ax, key in zip(axes, r.labels, strict=True):
        gap = r.grid_loss[key] - r.grid_loss[key].min()
        # Geometric levels: equal spacing in log(loss gap) shows the valley's shape at
        # every scale, where linear levels would crowd around the rim.
        # The top level is left out: at the grid's largest value it would only mark one
        # corner, and whether that corner closes a path depends on the data's last bits.
        top = float(gap.max())
        levels = top * np.geomspace(1e-4, 1.0, 12)[:-1]
        _contour_lines(ax, r.grid_w1[key], r.grid_w2[key], gap, levels)
        sgd = r.sgd_path_b1[key]
        ax.plot(
            sgd[:, 0],
            sgd[:, 1],
            color=COLORS["green"],
            lw=0.9,
            alpha=0.9,
            label=t("zigzag.traj.sgd", lang),
        )
        gd = r.gd_path[key]
        ax.plot(
            gd[:, 0],
            gd[:, 1],
            color=_LOOK[key][0],
            lw=1.6,
            marker="o",
            ms=3,
            label=t("zigzag.traj.gd", lang),
        )
        ax.plot(
            *r.w0,
            marker="^",
            color=COLORS["black"],
            ms=8,
            ls="none",
            label=t("zigzag.traj.start", lang),
        )
        ax.plot(
            *r.w_star[key],
            marker="*",
            color=COLORS["black"],
            ms=12,
            ls="none",
            label=t("zigzag.traj.optimum", lang),
        )
        ax.set_aspect("equal", adjustable="datalim")
        ax.set_xlabel("w₁")
        ax.set_ylabel("w₂")
        ax.grid(False)
        ax.set_title(
            t(f"zigzag.{key}", lang)
            + "\n"
            + t("zigzag.traj.subtitle", lang).format(
                kappa=r.condition_number[key], steps=r.gd_steps[key]
            )
        )
    axes[0].legend(loc="lower left", fontsize=8)
    return fig


#: Precision of every same-sign fraction, as in the prose (sigmoid_guide/values/zigzag.py).
_FRACTION = ".3g"


def draw_sign_fraction(r: ZigzagResult, lang: str) -> Figure:
    """Fraction of updates whose two gradient components share a sign, per batch size.

    Two panels with a common y axis: the first updates of each run (before the loss gap
    falls to ``r.early_gap`` of its start) and the whole run.
    """
    fig = new_figure(8.0, 4.2)
    axes = fig.subplots(1, 2, sharey=True)
    xs = np.arange(len(r.batch_sizes))
    labels = [str(b) for b in r.batch_sizes[:-1]]
    labels.append(t("zigzag.sign.full", lang).format(n=r.batch_sizes[-1]))
    panels = (
        (r.same_sign_fraction_early, t("zigzag.sign.early", lang).format(gap=f"{r.early_gap:.0%}")),
        (r.same_sign_fraction, t("zigzag.sign.whole", lang).format(n=r.sign_updates)),
    )
    for ax, (fractions, title) in zip(axes, panels, strict=True):
        for key in r.labels:
            color, dash, marker = _LOOK[key]
            ax.plot(
                xs,
                fractions[key],
                color=color,
                ls=dash,
                marker=marker,
                ms=7,
                label=t(f"zigzag.{key}", lang),
            )
            # Positive-input labels above and right of their points, centered-input
            # labels below and left: the curves fall to the right, so these corners are
            # free, and the two labels stay apart where the curves meet.
            above = key == "positive"
            for x, v in zip(xs, fractions[key], strict=True):
                ax.annotate(
                    format(v, _FRACTION),
                    (x, v),
                    textcoords="offset points",
                    xytext=(5, 4) if above else (-5, -5),
                    ha="left" if above else "right",
                    va="bottom" if above else "top",
                    color=color,
                    fontsize=8.5,
                    # On the card's colour, so the dotted line at 0.5 does not cross it.
                    bbox={"boxstyle": "square,pad=0.1", "fc": CARD, "ec": "none"},
                )
        ax.axhline(0.5, color=MUTED, lw=0.9, ls=":")
        ax.set_xticks(xs, labels)
        # Room for the labels left of the first point and right of the last one.
        ax.set_xlim(-0.75, xs[-1] + 0.75)
        ax.set_xlabel(t("common.batch_size", lang))
        ax.set_title(title)
    left, right = axes
    # Above the dotted line at the right of the first panel, where both curves are low.
    left.text(
        xs[-1] + 0.7,
        0.53,
        t("zigzag.sign.coin", lang),
        ha="right",
        va="bottom",
        color=MUTED,
        fontsize=8.5,
    )
    left.set_ylim(-0.17, 1.14)
    left.set_ylabel(t("zigzag.sign.ylabel", lang))
    # The middle of the right panel is empty: the positive curve stays high until the
    # full batch, the centered one stays near 0.5.
    right.legend(loc="lower left", fontsize=8)
    fig.suptitle(t("zigzag.sign.title", lang))
    return fig


def draw_conditioning(r: ZigzagResult, lang: str) -> Figure:
    """Condition number of the Hessian, and GD steps to tolerance, for both problems."""
    fig = new_figure(7.2, 3.8)
    left, right = fig.subplots(1, 2)
    keys = list(r.labels)
    names = [t(f"zigzag.short.{k}", lang) for k in keys]
    colors = [_LOOK[k][0] for k in keys]
    kappa = [r.condition_number[k] for k in keys]
    bars = left.bar(names, kappa, color=colors)
    left.bar_label(bars, labels=[f"{v:.1f}" for v in kappa], padding=2)
    left.set_ylabel(t("zigzag.cond.kappa", lang))
    left.set_title(t("zigzag.cond.kappa_title", lang))
    left.set_ylim(0, max(kappa) * 1.2)

    width = 0.38
    xs = np.arange(len(keys))
    own = [r.gd_steps[k] for k in keys]
    same = [r.gd_steps_same[k] for k in keys]
    b1 = right.bar(xs - width / 2, own, width, color=colors, label=t("zigzag.cond.own", lang))
    b2 = right.bar(
        xs + width / 2,
        same,
        width,
        color=colors,
        alpha=0.45,
        hatch="//",
        edgecolor=MUTED,
        label=t("zigzag.cond.same", lang),
    )
    right.bar_label(b1, padding=2)
    right.bar_label(b2, padding=2)
    right.set_xticks(xs, names)
    right.set_ylabel(t("zigzag.cond.steps", lang).format(tol=pow10_label(r.tol)))
    right.set_title(t("zigzag.cond.steps_title", lang))
    right.set_ylim(0, max(own + same) * 1.5)
    right.legend(loc="upper left", fontsize=8)
    return fig


def alt_trajectories(r: ZigzagResult, lang: str) -> str:
    """Alt text of ``draw_trajectories``."""
    return t("zigzag.traj.alt", lang).format(
        kp=r.condition_number["positive"],
        kc=r.condition_number["centered"],
        sp=r.gd_steps["positive"],
        sc=r.gd_steps["centered"],
    )


def alt_sign_fraction(r: ZigzagResult, lang: str) -> str:
    """Alt text of ``draw_sign_fraction``, with every measured fraction."""

    def row(fractions: dict[str, np.ndarray], key: str) -> str:
        pairs = zip(r.batch_sizes, fractions[key], strict=True)
        return ", ".join(f"{b}: {format(v, _FRACTION)}" for b, v in pairs)

    return t("zigzag.sign.alt", lang).format(
        n=r.batch_sizes[-1],
        gap=f"{r.early_gap:.0%}",
        updates=r.sign_updates,
        pos_early=row(r.same_sign_fraction_early, "positive"),
        cen_early=row(r.same_sign_fraction_early, "centered"),
        pos=row(r.same_sign_fraction, "positive"),
        cen=row(r.same_sign_fraction, "centered"),
        lead=r.same_sign_leading["positive"][-1],
        early=r.early_updates["positive"][-1],
    )


def alt_conditioning(r: ZigzagResult, lang: str) -> str:
    """Alt text of ``draw_conditioning``."""
    return t("zigzag.cond.alt", lang).format(
        kp=r.condition_number["positive"],
        kc=r.condition_number["centered"],
        sp=r.gd_steps["positive"],
        sc=r.gd_steps["centered"],
        qp=r.gd_steps_same["positive"],
        qc=r.gd_steps_same["centered"],
        tol=r.tol,
    )
