"""Turn user input into a float array, or refuse it with an error that says why."""

from __future__ import annotations

import numbers
from typing import Any

import numpy as np

#: Float dtypes that are computed in their own precision (float16 via float32).
FLOAT_DTYPES = (np.dtype(np.float16), np.dtype(np.float32), np.dtype(np.float64))


def _describe(value: Any) -> str:
    if isinstance(value, np.ndarray):
        return f"an array of dtype {value.dtype}"
    if isinstance(value, np.generic):
        return f"a NumPy scalar of dtype {value.dtype}"
    text = repr(value)
    if len(text) > 60:
        text = text[:57] + "..."
    return f"{type(value).__name__} {text}"


def as_float_array(value: Any, func: str, name: str = "x") -> tuple[np.ndarray, bool]:
    """Return ``(array, is_scalar)`` for a real-valued input, or raise.

    float16, float32 and float64 keep their dtype; integers and booleans become float64
    (they hold exact labels or counts, and float64 is what NumPy computes them in).
    Everything else (strings, None, complex, objects, long double, masked arrays,
    ragged sequences) raises ``TypeError`` or ``ValueError`` naming ``func`` and what it
    received, so that nothing is converted behind the caller's back.
    """
    if value is None or isinstance(value, (str, bytes, bytearray)):
        raise TypeError(f"{func}() expects real numbers for {name}, got {_describe(value)}")
    if isinstance(value, np.ma.MaskedArray):
        raise TypeError(
            f"{func}() does not accept masked arrays for {name} (the mask would be lost); "
            "pass value.filled(...) or value.compressed()"
        )
    is_scalar = isinstance(value, (numbers.Number, np.generic))
    if isinstance(value, int) and not isinstance(value, bool):
        # Python ints beyond int64 would become an object array; float() is exact up to
        # 2**53 and rounds like NumPy's int-to-float conversion beyond.
        try:
            value = float(value)
        except OverflowError:
            raise ValueError(
                f"{func}() got an integer for {name} too large for float64: {_describe(value)}"
            ) from None
    try:
        arr = np.asarray(value)
    except ValueError as exc:  # ragged nested sequences
        raise ValueError(f"{func}() could not read {name} as an array: {exc}") from None
    kind = arr.dtype.kind
    if kind == "f":
        if arr.dtype not in FLOAT_DTYPES:
            raise TypeError(
                f"{func}() supports float16, float32 and float64 for {name}, got "
                f"{_describe(value)}; convert it explicitly if the precision loss is fine"
            )
    elif kind in "iub":
        arr = arr.astype(np.float64)
    elif kind == "c":
        raise TypeError(f"{func}() is not defined for complex {name}, got {_describe(value)}")
    else:
        raise TypeError(f"{func}() expects real numbers for {name}, got {_describe(value)}")
    return arr, is_scalar or arr.ndim == 0


def finish(result: np.ndarray, is_scalar: bool) -> Any:
    """Return a NumPy scalar for scalar input, else the array."""
    return result.reshape(())[()] if is_scalar else result
