"""Figures of the stored cost measurements: CPU ratios to ReLU, GPU throughput, fused GPU."""

from __future__ import annotations

import numpy as np
from matplotlib.figure import Figure

from ..experiments.cost import CostResult
from ._style import COLORS, MUTED, SERIES_COLORS, new_figure, pow10_label
from .strings import STRINGS, t

__all__ = [
    "alt_cpu",
    "alt_gpu",
    "alt_gpu_fused",
    "draw_cpu",
    "draw_gpu",
    "draw_gpu_fused",
]

_DTYPE_COLOR = {"float32": COLORS["orange"], "float64": COLORS["blue"]}
_DASHES = ("-", "--", ":", "-.", (0, (6, 2, 1, 2)), (0, (1, 1)), (0, (8, 3)))
_MARKERS = ("o", "s", "^", "D", "v", "P", "X")
# Operations compared in the fused (compute-bound) GPU figure, in drawing order.
_FUSED_OPS = ("relu", "hardsigmoid", "sigmoid", "tanh")


def _op_label(op: str, lang: str, prefix: str = "op") -> str:
    """Label of an operation; an operation the table does not know keeps its code name,
    which reads the same in both languages."""
    key = f"{prefix}.{op}"
    return t(key, lang) if key in STRINGS else op


def _series_label(backend: str, op: str, lang: str) -> str:
    """Operation label, plus the backend where NumPy/SciPy is not implied."""
    if backend in ("numpy", "scipy"):
        return _op_label(op, lang)
    key = f"backend.{backend}"
    suffix = t(key, lang) if key in STRINGS else backend
    return f"{_op_label(op, lang)} ({suffix})"


def _cpu_table(r: CostResult) -> tuple[int, list[tuple[str, str]], dict[str, np.ndarray]]:
    """Largest size, its (backend, op) series sorted by float32 ratio, and the ratios."""
    cpu = r.cpu
    n = cpu.sizes()[-1]
    series = cpu.series(n)
    ratios = {d: np.array([cpu.ratio(b, o, d, n) for b, o in series]) for d in cpu.dtypes()}
    first = ratios[cpu.dtypes()[0]]
    order = np.argsort(np.where(np.isnan(first), np.inf, first), kind="stable")
    series = [series[i] for i in order]
    return n, series, {d: v[order] for d, v in ratios.items()}


def draw_cpu(r: CostResult, lang: str) -> Figure:
    """Time of each operation divided by ReLU's on the benchmark CPU, largest size, on the
    SIMD path NumPy picks there by itself (the title says which)."""
    n, series, ratios = _cpu_table(r)
    fig = new_figure(7.0, 1.1 + 0.42 * len(series))
    ax = fig.subplots()
    ys = np.arange(len(series))
    dtypes = list(ratios)
    height = 0.8 / len(dtypes)
    for i, dt in enumerate(dtypes):
        pos = ys - 0.4 + height * (i + 0.5)
        bars = ax.barh(pos, ratios[dt], height, color=_DTYPE_COLOR.get(dt, MUTED), label=dt)
        ax.bar_label(bars, labels=[f"{v:.1f}×" for v in ratios[dt]], padding=2, fontsize=8)
    ax.axvline(1.0, color=COLORS["black"], lw=0.9, ls=":")
    ax.set_yticks(ys, [_series_label(b, o, lang) for b, o in series])
    ax.set_xlim(0, np.nanmax([v.max() for v in ratios.values()]) * 1.15)
    ax.set_xlabel(t("cost.cpu.xlabel", lang))
    p = r.cpu.provenance
    ax.set_title(
        t("cost.cpu.title", lang).format(n=pow10_label(n))
        + "\n"
        + t("cost.provenance", lang).format(
            machine=p["machine"], cores=p["cores"], numpy=p["numpy"], date=p["date"]
        )
        + "\n"
        + t("cost.cpu.path", lang).format(path=r.cpu.label),
        fontsize=10,
    )
    ax.grid(axis="y", visible=False)
    ax.legend(loc="lower right")
    return fig


def draw_gpu(r: CostResult, lang: str) -> Figure:
    """Throughput (GB/s) of each operation against array size, one panel per dtype."""
    g = r.gpu
    fig = new_figure(8.4, 4.2)
    axes = np.atleast_1d(fig.subplots(1, len(g.dtypes), sharey=True))
    for ax, dt in zip(axes, g.dtypes, strict=True):
        for i, op in enumerate(g.ops):
            ax.plot(
                g.sizes[dt],
                g.gbps[dt][i],
                color=SERIES_COLORS[i % len(SERIES_COLORS)],
                ls=_DASHES[i % len(_DASHES)],
                marker=_MARKERS[i % len(_MARKERS)],
                ms=5,
                lw=1.5,
                label=_op_label(op, lang, "gpuop"),
            )
        ax.set_xscale("log")
        ax.set_xlabel(t("cost.gpu.n", lang))
        ax.set_title(dt)
    axes[0].set_ylabel(t("cost.gpu.gbps", lang))
    axes[0].set_ylim(0, None)
    axes[-1].legend(loc="lower right", fontsize=8)
    fig.suptitle(t("cost.gpu.title", lang).format(device=g.device))
    return fig


def draw_gpu_fused(r: CostResult, lang: str) -> Figure:
    """Time relative to ReLU on the GPU: one op on a large array versus a fused chain."""
    g = r.gpu
    ops = [op for op in _FUSED_OPS if op in g.fused_ratio_to_relu and op in g.ops]
    dt = g.dtypes[0]
    secs = g.seconds[dt][:, -1]
    single = {op: secs[g.ops.index(op)] / secs[g.ops.index("relu")] for op in ops}
    fig = new_figure(6.8, 3.8)
    ax = fig.subplots()
    ys = np.arange(len(ops))
    h = 0.38
    b1 = ax.barh(
        ys + h / 2,
        [single[o] for o in ops],
        h,
        color=COLORS["sky"],
        label=t("cost.fused.single", lang).format(n=pow10_label(g.sizes[dt][-1]), dtype=dt),
    )
    b2 = ax.barh(
        ys - h / 2,
        [g.fused_ratio_to_relu[o] for o in ops],
        h,
        color=COLORS["vermillion"],
        label=t("cost.fused.chain", lang).format(n=pow10_label(g.fused_n)),
    )
    for bars in (b1, b2):
        ax.bar_label(bars, labels=[f"{b.get_width():.2f}×" for b in bars], padding=2, fontsize=8.5)
    ax.axvline(1.0, color=COLORS["black"], lw=0.9, ls=":")
    ax.set_yticks(ys, [_op_label(o, lang, "gpuop") for o in ops])
    ax.set_xlim(0, max(g.fused_ratio_to_relu[o] for o in ops) * 1.25)
    ax.set_xlabel(t("cost.fused.xlabel", lang))
    ax.set_title(t("cost.fused.title", lang).format(device=g.device))
    ax.grid(axis="y", visible=False)
    ax.legend(loc="lower right", fontsize=8)
    return fig


def alt_cpu(r: CostResult, lang: str) -> str:
    """Alt text of ``draw_cpu``, listing every measured ratio."""
    n, series, ratios = _cpu_table(r)
    parts = []
    for i, (b, o) in enumerate(series):
        vals = ", ".join(f"{d} {ratios[d][i]:.1f}" for d in ratios)
        parts.append(f"{_series_label(b, o, lang)}: {vals}")
    p = r.cpu.provenance
    return t("cost.cpu.alt", lang).format(
        n=f"{n:,}", rows="; ".join(parts), machine=p["machine"], date=p["date"], path=r.cpu.label
    )


def alt_gpu(r: CostResult, lang: str) -> str:
    """Alt text of ``draw_gpu``, with the range of throughput at the largest size."""
    g = r.gpu
    parts = []
    for dt in g.dtypes:
        last = g.gbps[dt][:, -1]
        parts.append(f"{dt}: {last.min():.0f}–{last.max():.0f} GB/s")
    return t("cost.gpu.alt", lang).format(
        device=g.device,
        n_max=f"{int(g.sizes[g.dtypes[0]][-1]):,}",
        n_min=f"{int(g.sizes[g.dtypes[0]][0]):,}",
        ranges="; ".join(parts),
    )


def alt_gpu_fused(r: CostResult, lang: str) -> str:
    """Alt text of ``draw_gpu_fused``."""
    g = r.gpu
    fr = g.fused_ratio_to_relu
    return t("cost.fused.alt", lang).format(
        device=g.device,
        sig=fr.get("sigmoid", float("nan")),
        tanh=fr.get("tanh", float("nan")),
        hard=fr.get("hardsigmoid", float("nan")),
    )
