"""Measured numbers quoted in the prose of the guide, computed when the site is built.

A page writes ``[[value: NAME]]`` where a measured number belongs (``[[value:
NAME|이/가]]`` adds the Korean particle that fits the rendered number). ``NAME`` is a
key of ``VALUES``; each ``ValueSpec`` names the seeded function whose result
holds the number (the same experiments as the figures, memoised per process), where
the number sits in that result, and how it is written. Formatting happens here, once,
so both languages show the same digits.

The specs are grouped by page topic in the modules of this package (``zigzag``,
``vanishing``, ...).
"""

from __future__ import annotations

import importlib
import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np

from ..experiments import run_once
from ._format import format_number, korean_particle, with_particle

__all__ = [
    "PLACEHOLDER",
    "VALUES",
    "ValueSpec",
    "format_number",
    "korean_particle",
    "text_of_raw",
    "value",
    "value_names",
    "value_text",
]

#: ``[[value: NAME]]`` or ``[[value: NAME|PARTICLE]]`` in a page: group 1 is the name,
#: group 2 the Korean particle pair (or None).
PLACEHOLDER = re.compile(
    r"\[\[value:[ \t]*([A-Za-z0-9_.-]+)[ \t]*(?:\|[ \t]*([^\]\s]+)[ \t]*)?\]\]"
)

#: Modules holding the specs, in the order of the pages that use them.
_MODULES = (
    "shape",
    "classification",
    "outliers",
    "vanishing",
    "zigzag",
    "cost",
    "exercises_basics",
    "exercises_claims",
)


@dataclass(frozen=True)
class ValueSpec:
    """One number quoted in the prose.

    Attributes:
        name: Dotted name used in ``[[value: NAME]]``, e.g.
            ``"zigzag.condition_number.positive"``.
        source: Pure, seeded function without arguments (an experiment), run once per
            process and shared with the figures.
        get: Where the number is in the source's result: a dotted path of attribute
            names, mapping keys and sequence indices (``"eigenvalues.positive.0"``),
            or a function of the result.
        fmt: Python format specification of the rendered number (``".3g"``, ``".1e"``,
            ``".0%"``, ``"d"``).
    """

    name: str
    source: Callable[[], Any]
    get: str | Callable[[Any], Any]
    fmt: str


def _walk(result: Any, path: str) -> Any:
    obj = result
    for part in path.split("."):
        if isinstance(obj, Mapping):
            obj = obj[part]
        elif part.lstrip("-").isdigit() and isinstance(obj, Sequence | np.ndarray):
            obj = obj[int(part)]
        else:
            obj = getattr(obj, part)
    return obj


def _collect() -> dict[str, ValueSpec]:
    out: dict[str, ValueSpec] = {}
    for module in _MODULES:
        for spec in importlib.import_module(f"{__name__}.{module}").SPECS:
            if spec.name in out:
                raise ValueError(f"prose value {spec.name!r} is registered twice")
            out[spec.name] = spec
    return out


#: Every prose value, by name.
VALUES: dict[str, ValueSpec] = _collect()


def value_names() -> list[str]:
    """Names of all registered prose values."""
    return list(VALUES)


def _spec(name: str) -> ValueSpec:
    try:
        return VALUES[name]
    except KeyError:
        raise KeyError(f"unknown prose value {name!r} ([[value: {name}]])") from None


def value(name: str) -> float | int:
    """The raw number behind prose value ``name`` (a Python float or int)."""
    spec = _spec(name)
    result = run_once(spec.source)
    raw = spec.get(result) if callable(spec.get) else _walk(result, spec.get)
    item = getattr(raw, "item", None)  # NumPy scalars and 0-d arrays
    return item() if callable(item) else raw


def value_text(name: str, particle: str | None = None) -> str:
    """Prose value ``name`` as the pages show it, with a Korean particle if asked.

    Raises:
        KeyError: an unknown name.
        ValueError: a non-finite value, or a particle that cannot follow it.

    Examples:
        >>> value_text("zigzag.gd_steps.positive"), value_text("zigzag.gd_steps.positive", "이/가")
        ('45', '45가')
    """
    return text_of_raw(name, value(name), particle)


def text_of_raw(name: str, raw: float | int, particle: str | None = None) -> str:
    """``value_text`` for a value already computed (e.g. in another process)."""
    return with_particle(format_number(raw, _spec(name).fmt), particle)
