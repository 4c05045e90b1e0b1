"""Every figure of the guide: its experiment, its drawing function and its alt texts.

``FIGURES`` maps a figure name (also its file name, ``<name>.svg``) to a
``FigureSpec``. Several figures may share one experiment function; experiments are
memoised per process by function, so each runs once even when every figure is rendered
in both languages.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from contextlib import nullcontext
from dataclasses import dataclass
from typing import Any, TypeAlias

from matplotlib.figure import Figure

from ..experiments import run_once
from ._layout import narrow_layout
from ._style import figure_context, save_svg
from .strings import check_lang

__all__ = [
    "FIGURES",
    "FigureSpec",
    "TextSpec",
    "alt_text",
    "caption_text",
    "figure_names",
    "get_spec",
    "render_svg",
    "run_experiment",
]

#: A text per language, either fixed (``{"ko": ..., "en": ...}``) or computed from the
#: experiment result, ``f(result, lang) -> str``, when it states measured numbers.
TextSpec: TypeAlias = Mapping[str, str] | Callable[[Any, str], str]


@dataclass(frozen=True)
class FigureSpec:
    """How to make one figure.

    Attributes:
        name: File-name-safe identifier, e.g. ``"shape-activations"``.
        experiment: Pure, seeded function with no arguments returning plain data.
        draw: ``draw(result, lang)`` returns a matplotlib Figure (made with
            ``sigmoid_guide.figures.new_figure``).
        alt: Alt text per language (see ``TextSpec``).
        caption: Optional caption per language (see ``TextSpec``).
    """

    name: str
    experiment: Callable[[], Any]
    draw: Callable[[Any, str], Figure]
    alt: TextSpec
    caption: TextSpec | None = None


def _specs() -> list[FigureSpec]:
    """Collect the specs; imports are local so this module loads before the figure modules."""
    specs: list[FigureSpec] = []
    # --- figures (owned by the figure infrastructure) ---
    from ..experiments.classification import run_classification
    from ..experiments.cost import run_cost
    from ..experiments.outliers import run_outliers
    from ..experiments.shape import run_shape
    from ..experiments.zigzag import run_zigzag
    from . import classification, cost, outliers, shape, zigzag

    specs += [
        FigureSpec("shape-activations", run_shape, shape.draw_activations, shape.alt_activations),
        FigureSpec("shape-derivatives", run_shape, shape.draw_derivatives, shape.alt_derivatives),
        FigureSpec(
            "shape-float-limits", run_shape, shape.draw_float_limits, shape.alt_float_limits
        ),
        FigureSpec(
            "zigzag-trajectories", run_zigzag, zigzag.draw_trajectories, zigzag.alt_trajectories
        ),
        FigureSpec(
            "zigzag-sign-fraction", run_zigzag, zigzag.draw_sign_fraction, zigzag.alt_sign_fraction
        ),
        FigureSpec(
            "zigzag-conditioning", run_zigzag, zigzag.draw_conditioning, zigzag.alt_conditioning
        ),
        FigureSpec("outliers", run_outliers, outliers.draw_outliers, outliers.alt_outliers),
        FigureSpec(
            "classification-bce",
            run_classification,
            classification.draw_bce,
            classification.alt_bce,
        ),
        FigureSpec("cost-cpu", run_cost, cost.draw_cpu, cost.alt_cpu),
        FigureSpec("cost-gpu", run_cost, cost.draw_gpu, cost.alt_gpu),
        FigureSpec("cost-gpu-fused", run_cost, cost.draw_gpu_fused, cost.alt_gpu_fused),
    ]
    # --- end figures ---
    # --- vanishing (owned by E1) ---
    from ..experiments import vanishing as vanishing_exp
    from . import vanishing

    specs += [
        FigureSpec(
            "vanishing-grad-norms",
            vanishing_exp.compare_activations,
            vanishing.draw_grad_norms,
            vanishing.alt_grad_norms,
        ),
        FigureSpec(
            "vanishing-bound",
            vanishing_exp.sigmoid_bound,
            vanishing.draw_bound,
            vanishing.alt_bound,
        ),
        FigureSpec(
            "vanishing-weight-scale",
            vanishing_exp.weight_scale_sweep,
            vanishing.draw_weight_scale,
            vanishing.alt_weight_scale,
        ),
        FigureSpec(
            "vanishing-activations",
            vanishing_exp.activation_statistics,
            vanishing.draw_activations,
            vanishing.alt_activations,
        ),
        FigureSpec(
            "vanishing-training",
            vanishing_exp.compare_activations,
            vanishing.draw_training,
            vanishing.alt_training,
        ),
    ]
    # --- end vanishing ---
    return specs


def _index(specs: list[FigureSpec]) -> dict[str, FigureSpec]:
    """Map names to specs, refusing duplicates (two figures would share one file)."""
    out: dict[str, FigureSpec] = {}
    for spec in specs:
        if spec.name in out:
            raise ValueError(f"figure name {spec.name!r} is registered twice")
        out[spec.name] = spec
    return out


#: All figures, by name, in the order they appear in the guide.
FIGURES: dict[str, FigureSpec] = _index(_specs())


def figure_names() -> list[str]:
    """Names of all registered figures, in registration order."""
    return list(FIGURES)


def get_spec(name: str) -> FigureSpec:
    """Return the spec of figure ``name``.

    Raises:
        KeyError: for an unknown name; the message lists the known ones.
    """
    try:
        return FIGURES[name]
    except KeyError:
        known = ", ".join(FIGURES) or "(none)"
        raise KeyError(f"unknown figure {name!r}; known figures: {known}") from None


def run_experiment(name: str) -> Any:
    """Run (once per process) the experiment behind figure ``name`` and return its result.

    Keyed by the experiment function, not the figure name, so figures sharing an
    experiment (and the prose values) share one run.
    """
    return run_once(get_spec(name).experiment)


def _text(spec: TextSpec, result: Any, lang: str) -> str:
    """Resolve a ``TextSpec`` for one language."""
    if callable(spec):
        return spec(result, lang)
    return spec[lang]


def alt_text(name: str, lang: str) -> str:
    """Alt text of figure ``name`` in ``lang`` (``"ko"`` or ``"en"``)."""
    check_lang(lang)
    spec = get_spec(name)
    if callable(spec.alt):
        return _text(spec.alt, run_experiment(name), lang)
    return _text(spec.alt, None, lang)


def caption_text(name: str, lang: str) -> str | None:
    """Caption of figure ``name`` in ``lang``, or ``None`` if it has none."""
    check_lang(lang)
    spec = get_spec(name)
    if spec.caption is None:
        return None
    if callable(spec.caption):
        return _text(spec.caption, run_experiment(name), lang)
    return _text(spec.caption, None, lang)


def render_svg(name: str, lang: str, *, narrow: bool = False) -> bytes:
    """Draw figure ``name`` in ``lang`` and return deterministic SVG bytes.

    Drawing and saving both run under the house style with missing glyphs as errors.
    With ``narrow``, the figure is drawn in the phone layout (see
    ``sigmoid_guide.figures.narrow_layout``).
    """
    check_lang(lang)
    spec = get_spec(name)
    result = run_experiment(name)
    with figure_context(), narrow_layout() if narrow else nullcontext():
        fig = spec.draw(result, lang)
    return save_svg(fig)
