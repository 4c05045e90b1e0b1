"""NumPy's elementary functions, nudged by a few ulp, as another CPU would compute them.

NumPy picks a SIMD path per function at run time (AVX-512, AVX2, or libm on the
baseline path, and other libms on macOS and Windows), so ``exp``, ``log`` ... differ
in the last bits from machine to machine. :func:`perturbed` replaces them, for the
duration of a ``with`` block, by wrappers whose float results are moved by one or two
ulp; what a page shows must not change.

Results that every correct implementation returns exactly are kept: 0, ±1, ±inf and
NaN (exp(0) = 1, log(1) = 0, tanh(±large) = ±1, overflow, underflow to 0). So are
subnormal results: they carry fewer bits than the format, and one ulp there is an
error of up to 100 %, where the implementations differ by less than an ulp of the
full format (the limits where σ reaches 0 are derived from that). Operators
(``a ** b``, ``a @ b``) call NumPy's C code directly and are not wrapped.

Used in-process by tests/test_portable.py, and in a subprocess by running this file:
``python tests/perturb_numpy.py FILE MODE...`` runs the script FILE once per mode and
prints a JSON list of what each run printed.
"""

from __future__ import annotations

import contextlib
import io
import json
import runpy
import sys
import warnings
from collections.abc import Iterator

import numpy as np

#: The functions that differ between SIMD paths and libms.
FUNCTIONS = ("exp", "expm1", "log", "log1p", "tanh", "arctanh", "logaddexp")
#: Ulp steps per mode; "mixed" moves each element by -2, -1, +1 or +2 ulp, chosen by a
#: hash of its bits, so neighbouring results move differently.
MODES = ("up1", "down1", "up2", "down2", "mixed")
_STEPS = {"up1": 1, "down1": -1, "up2": 2, "down2": -2}


def _step(a: np.ndarray, steps: int) -> np.ndarray:
    toward = np.inf if steps > 0 else -np.inf
    for _ in range(abs(steps)):
        a = np.nextafter(a, np.asarray(toward, a.dtype))
    return a


def nudge(a: np.ndarray, mode: str) -> np.ndarray:
    """``a`` with every normal float result other than ±1 moved per ``mode``."""
    a = np.asarray(a)
    if a.dtype.kind != "f":
        return a
    keep = ~np.isfinite(a) | (np.abs(a) < np.finfo(a.dtype).tiny) | (np.abs(a) == 1)
    if mode == "mixed":
        bits = a.view(np.dtype(f"u{a.dtype.itemsize}")).astype(np.uint64)
        with np.errstate(over="ignore"):
            code = ((bits * np.uint64(0x9E3779B97F4A7C15)) >> np.uint64(62)).astype(np.int64)
        moved = a.copy()
        for c, steps in enumerate((-2, -1, 1, 2)):
            moved = np.where(code == c, _step(a, steps), moved)
    else:
        moved = _step(a, _STEPS[mode])
    return np.where(keep, a, moved)


class _Nudged:
    """Calls the ufunc, then nudges its float result in place (``out=`` included)."""

    def __init__(self, ufunc: np.ufunc, mode: str) -> None:
        self._ufunc = ufunc
        self._mode = mode

    def __call__(self, *args, **kwargs):
        result = self._ufunc(*args, **kwargs)
        if isinstance(result, np.ndarray):
            np.copyto(result, nudge(result, self._mode), where=kwargs.get("where", True))
            return result
        if isinstance(result, np.floating):
            return nudge(result, self._mode)[()]
        return result

    def __getattr__(self, name: str):
        return getattr(self._ufunc, name)


@contextlib.contextmanager
def perturbed(mode: str) -> Iterator[None]:
    """Within the block, ``numpy.exp`` and the other :data:`FUNCTIONS` are nudged."""
    if mode not in MODES:
        raise ValueError(f"unknown perturbation mode {mode!r}; known: {', '.join(MODES)}")
    originals = {name: getattr(np, name) for name in FUNCTIONS}
    try:
        for name, ufunc in originals.items():
            setattr(np, name, _Nudged(ufunc, mode))
        yield
    finally:
        for name, ufunc in originals.items():
            setattr(np, name, ufunc)


def forget_package() -> None:
    """Drop the imported sigmoid_guide modules (and their memoised experiments)."""
    for name in [m for m in sys.modules if m == "sigmoid_guide" or m.startswith("sigmoid_guide.")]:
        del sys.modules[name]


def run_script(path: str, mode: str | None) -> str:
    """Run the script ``path`` as ``__main__`` (perturbed unless ``mode`` is None) and
    return what it printed. Warnings are errors, as in the examples' own test."""
    forget_package()
    out = io.StringIO()
    with contextlib.ExitStack() as stack:
        stack.enter_context(np.printoptions())  # a script's set_printoptions ends with it
        stack.enter_context(np.errstate())
        stack.enter_context(warnings.catch_warnings())
        warnings.simplefilter("error")
        stack.enter_context(contextlib.redirect_stdout(out))
        if mode is not None:
            stack.enter_context(perturbed(mode))
        runpy.run_path(path, run_name="__main__")
    return out.getvalue()


if __name__ == "__main__":
    script, *modes = sys.argv[1:]
    print(json.dumps([run_script(script, m) for m in modes]))
