"""Experiments behind the guide's claims: pure, seeded functions returning plain data.

Each module exposes a ``run(...)`` style function whose result is a frozen dataclass of
NumPy arrays and floats. Nothing here draws or times anything; figures are in
``sigmoid_guide.figures``.
"""

import functools
from collections.abc import Callable
from typing import Any

__all__ = ["run_once"]


@functools.cache
def run_once(experiment: Callable[[], Any]) -> Any:
    """Run ``experiment`` (a pure, seeded function) once per process and keep its result.

    Figures, their alt texts and the prose values share one run of each experiment.
    """
    return experiment()
