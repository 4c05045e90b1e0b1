"""How the explorables write numbers: the same digits in both languages."""

from __future__ import annotations

import math

__all__ = ["plain", "sci"]

_SUPERSCRIPT = str.maketrans("-0123456789", "⁻⁰¹²³⁴⁵⁶⁷⁸⁹")


def sci(value: float, digits: int = 3) -> str:
    """``value`` with ``digits`` significant digits, as ``3.39 × 10⁻⁶`` when it is very
    large or small (outside 0.001 … 9999) and plainly otherwise.

    Examples:
        >>> sci(3.3912e-6), sci(0.0184), sci(1563.2), sci(2.01e16), sci(1.0)
        ('3.39 × 10⁻⁶', '0.0184', '1560', '2.01 × 10¹⁶', '1')
    """
    if not math.isfinite(value):
        raise ValueError(f"cannot write {value!r}")
    if value == 0 or 1e-3 <= abs(value) < 1e4:
        return plain(value, digits)
    mantissa, exponent = f"{value:.{digits - 1}e}".split("e")
    mantissa = mantissa.rstrip("0").rstrip(".") if "." in mantissa else mantissa
    return f"{mantissa} × 10{str(int(exponent)).translate(_SUPERSCRIPT)}"


def plain(value: float, digits: int = 3) -> str:
    """``value`` with ``digits`` significant digits, without an exponent.

    Examples:
        >>> plain(0.123456), plain(1563.2), plain(2.0)
        ('0.123', '1560', '2')
    """
    text = f"{float(f'{value:.{digits}g}'):f}"
    return text.rstrip("0").rstrip(".") if "." in text else text
