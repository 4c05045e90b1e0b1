"""Run matrix-heavy experiments on one BLAS thread."""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import ParamSpec, TypeVar

from threadpoolctl import threadpool_limits

P = ParamSpec("P")
R = TypeVar("R")


def single_threaded_blas(func: Callable[P, R]) -> Callable[P, R]:
    """Decorate ``func`` so that BLAS (and OpenMP) use one thread while it runs.

    The experiments multiply many small matrices. With BLAS's default thread pool on a
    busy two-core machine (a docs build also runs notebooks and a browser), threads
    wait for each other: one experiment took 60-100 s instead of 2 s. One thread also
    fixes the order of floating-point sums, so results do not depend on the core count.
    """

    @functools.wraps(func)
    def wrapper(*args: P.args, **kwargs: P.kwargs) -> R:
        with threadpool_limits(limits=1):
            return func(*args, **kwargs)

    return wrapper
