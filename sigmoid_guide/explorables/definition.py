"""Explorable of the definition page: σ(x) and σ′(x) at one x, in float32 and float64.

A slider picks x from a fixed grid (dense near 0, coarser out to |x| = 750, with points
on both sides of every float limit of
[`sigmoid_guide.experiments.shape.float_limits`][]). For each x and each float type the
table shows the exact σ(x) and σ′(x), what the package's ``sigmoid`` and
``sigmoid_grad`` return, and what the textbook code ``1/(1 + np.exp(-x))`` and
``s*(1 - s)`` returns, with its error in ulp. The default x = 20 lies between the two
thresholds ``one_from`` that the static figure ``shape-float-limits`` draws (16.64 in
float32, 36.74 in float64), and its readout names both.

Nothing printed may depend on the last bits of the CPU's ``exp``, so:

* the exact values are worked out in 60-digit decimal arithmetic (``Decimal.exp`` is
  correctly rounded) and then exactly with ``fractions.Fraction``;
* the textbook code is evaluated on an *ideal machine*: every operation (``exp``
  included) correctly rounded to the float type, overflow to inf as IEEE 754 rounds
  it, ties to even. Its result and its error are then the same everywhere;
* the package is run for real, but only what every CPU agrees on is printed: that it
  returns exactly 0 or 1, or else the error bound it promises (``ULP_BOUNDS``, which
  its tests check on the machine they run on). That a 0 or 1 is the same everywhere is
  checked by following the package's arithmetic exactly through every result that an
  exp accurate to ``EXP_ULP`` ulp can give; the build fails (``AssertionError``) if a
  grid point's answer depends on it, or if this machine's result is not among them.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from decimal import Decimal, localcontext
from fractions import Fraction
from typing import Any

import numpy as np

from .. import sigmoid, sigmoid_grad
from ..experiments import run_once
from ..experiments.shape import FloatLimits, run_shape
from . import Control, Explorable, cell_key

__all__ = ["EXPLORABLE", "GRID", "ULP_BOUNDS", "answers", "build", "ideal_textbook"]

#: Digits of the decimal arithmetic: e^-750 ≈ 1e-326 still keeps 60 significant digits
#: (decimal's exponent range is unbounded for this purpose), and no rounding decision
#: below is closer than 1e-50 (relative) to a tie (``_round`` checks it).
_DIGITS = 60
_TIE_GUARD = Fraction(1, 10**50)


def _grid() -> tuple[float, ...]:
    """The x values of the slider, ascending: every 0.25 on [−10, 10], every 1 out to
    ±40 (with halves and quarters next to σ's thresholds 16.64 and 36.74), then a few
    dozen points out to ±750 around the overflow, subnormal and zero thresholds."""
    core = [k / 4 for k in range(-40, 41)]
    mid = [float(s * k) for k in range(11, 41) for s in (-1, 1)] + [16.5, 16.75, 36.5, 36.75]
    far_pos = [45, 50, 60, 70, 80, 88, 89, 90, 100, 103, 104, 105, 110, 120, 150, 200, 300,
               400, 500, 600, 700, 708, 709, 710, 720, 730, 740, 745, 746, 750]  # fmt: skip
    far_neg = [-45, -50, -60, -70, -80, -85, -86, -87, -88, -89, -90, -95, -100, -102, -103,
               -104, -105, -110, -120, -150, -200, -300, -400, -500, -600, -700, -705, -708,
               -709, -710, -720, -730, -740, -745, -746, -750]  # fmt: skip
    values = sorted({float(v) for v in core + mid + far_pos + far_neg})
    for v in values:  # the label names the x that both float types compute with
        if float(np.float32(v)) != v:
            raise AssertionError(f"grid point {v!r} is not a float32")
    return tuple(values)


#: The x values the slider offers (exact in float32 and float64 alike).
GRID: tuple[float, ...] = _grid()
#: Index of the default x, 20: between float32's and float64's ``one_from``, as the
#: static figure's left panel shows them.
DEFAULT_INDEX = GRID.index(20.0)
#: A grid point keeps at least this distance from every threshold, so that which side
#: of it the point lies on cannot depend on a few ulp of ``exp`` (at 0.01 from the
#: threshold, e^-x is 1 % away from its value there: millions of ulp).
_MARGIN = 0.01

#: What the table says about the package, in ulp, per function and float type: the
#: bounds the package promises and tests/test_core_accuracy.py checks (sigmoid 4 and
#: 2.5, sigmoid_grad 3 in float64). The tests promise nothing for sigmoid_grad in
#: float32; its bound here follows from sigmoid's: sigmoid_grad is s*(1 − s) with
#: s = σ(−|x|), and ``_grad_bound_from_sigma`` takes the worst result of every float s
#: within 4 ulp of the exact σ(−|x|) at every grid point (the multiplication and the
#: subtraction are IEEE basic operations, correctly rounded on every CPU).
ULP_BOUNDS: dict[tuple[str, str], float] = {
    ("sigma", "float32"): 4.0,
    ("sigma", "float64"): 2.5,
    ("grad", "float32"): 5.0,
    ("grad", "float64"): 3.0,
}
#: How far from exact any CPU's ``exp`` is assumed to be, in ulp (see ``_possible``),
#: for the checks that the build can make on every CPU: NumPy's float32 SIMD exp is
#: within about 2.5 ulp on the CPUs it dispatches to, its float64 exp within 1; the
#: margin covers them plus the 1–2 ulp by which tests/perturb_numpy.py moves them. (With
#: such an exp the package can exceed ``ULP_BOUNDS``; checking those is the tests' job,
#: on each machine's real exp.)
EXP_ULP: dict[str, int] = {"float32": 5, "float64": 3}


@dataclass(frozen=True)
class _Format:
    """A binary floating-point format: significand bits (implicit one included) and
    the exponents of its smallest normal and largest finite binade."""

    name: str
    prec: int
    emin: int
    emax: int

    @property
    def dtype(self) -> type:
        return np.float32 if self.name == "float32" else np.float64


_FORMATS = (_Format("float32", 24, -126, 127), _Format("float64", 53, -1022, 1023))
DTYPES = tuple(f.name for f in _FORMATS)


def _pow2(k: int) -> Fraction:
    return Fraction(2**k) if k >= 0 else Fraction(1, 2**-k)


def _floor_log2(a: Fraction) -> int:
    """⌊log₂ a⌋ for a > 0, exactly (no float conversion, which could underflow)."""
    e = a.numerator.bit_length() - a.denominator.bit_length()
    return e - 1 if a < _pow2(e) else e


def _round(q: Fraction, fmt: _Format, *, approximate: bool = False) -> float:
    """``q`` rounded to the nearest float of ``fmt`` (ties to even, gradual underflow,
    ±inf beyond the largest finite number as IEEE 754 rounds), as a Python float.

    With ``approximate`` (q is a 60-digit approximation of a transcendental number),
    raise if q is so close to a tie that the true value might round the other way.

    Examples:
        >>> f32 = _FORMATS[0]
        >>> _round(Fraction(1) + _pow2(-24), f32), _round(Fraction(1) + 3 * _pow2(-24), f32)
        (1.0, 1.000000238418579)
        >>> _round(_pow2(-151), f32), _round(_pow2(128), f32)
        (0.0, inf)
    """
    if q == 0:
        return 0.0
    a = abs(q)
    quantum = _pow2(max(_floor_log2(a), fmt.emin) - fmt.prec + 1)
    scaled = a / quantum
    n = round(scaled)  # Fraction.__round__ rounds half to even
    if approximate and abs(scaled - math.floor(scaled) - Fraction(1, 2)) <= scaled * _TIE_GUARD:
        raise AssertionError(f"{float(q)!r} is too close to a tie to round in {fmt.name}")
    value = n * quantum
    if value >= _pow2(fmt.emax + 1):
        return math.inf if q > 0 else -math.inf
    return float(value) if q > 0 else -float(value)


def _ulp(q: Fraction, fmt: _Format) -> Fraction:
    """Spacing of the floats of ``fmt`` at ``q`` (its binade's, the subnormal spacing
    below the normal range), as in tests/test_core_accuracy.py."""
    e = fmt.emin if q == 0 else max(_floor_log2(abs(q)), fmt.emin)
    return _pow2(e - fmt.prec + 1)


def _ulp_error(got: float, exact: Fraction, fmt: _Format) -> Fraction:
    """|got − exact| in ulp of ``fmt`` at ``exact``, exactly."""
    return abs(Fraction(got) - exact) / _ulp(exact, fmt)


def _exp(x: Decimal) -> Fraction:
    with localcontext() as ctx:
        ctx.prec = _DIGITS
        return Fraction(x.exp())


@dataclass(frozen=True)
class _Exact:
    """σ(x), 1 − σ(x) and σ′(x) at one float x (60-digit accurate, then exact)."""

    sigma: Fraction
    complement: Fraction
    grad: Fraction


def _exact(x: float) -> _Exact:
    e = _exp(-abs(Decimal(x)))  # e^-|x| <= 1: no overflow, and no 1 − σ is formed
    small, large = e / (1 + e), 1 / (1 + e)  # σ(−|x|), σ(|x|)
    sigma, complement = (large, small) if x >= 0 else (small, large)
    return _Exact(sigma, complement, e / (1 + e) ** 2)


def ideal_textbook(x: float, fmt: _Format) -> tuple[float, float]:
    """``s = 1/(1 + np.exp(-x))`` and ``s*(1 - s)`` on an ideal machine.

    Every operation, ``exp`` included, is correctly rounded to ``fmt``; ``exp`` becomes
    inf where IEEE 754 rounding overflows, and 1/(1 + inf) is 0. A real CPU's ``exp``
    may be a few ulp off; where s lies near 1 that moves s to a neighbouring float, and
    so ``1 - s`` by a step of 2^-p, but never where s is exactly 0 or 1 away from the
    thresholds.

    Examples:
        >>> f64 = _FORMATS[1]
        >>> ideal_textbook(0.0, f64), ideal_textbook(40.0, f64), ideal_textbook(-750.0, f64)
        ((0.5, 0.25), (1.0, 0.0), (0.0, 0.0))
    """
    e = _round(_exp(-Decimal(x)), fmt, approximate=True)
    if math.isinf(e):
        s = 0.0
    else:
        s = _round(1 / Fraction(_round(1 + Fraction(e), fmt)), fmt)
    one_minus = _round(1 - Fraction(s), fmt)
    return s, _round(Fraction(s) * Fraction(one_minus), fmt)


def _grad_bound_from_sigma(
    exact_small: Fraction, exact_grad: Fraction, fmt: _Format, sigma_bound: float
) -> Fraction:
    """Largest ulp error of s*(1 − s) over every float s within ``sigma_bound`` ulp of
    the exact σ(−|x|) (``exact_small``): what any sigmoid that keeps its bound makes of
    ``sigmoid_grad``."""
    dt = fmt.dtype
    reach = Fraction(sigma_bound) * _ulp(exact_small, fmt)
    start = dt(_round(exact_small, fmt))
    worst = Fraction(0)
    for toward in (dt(0), dt(1)):
        s = start
        while abs(Fraction(float(s)) - exact_small) <= reach:
            t = _round(1 - Fraction(float(s)), fmt)
            g = _round(Fraction(float(s)) * Fraction(t), fmt)
            worst = max(worst, _ulp_error(g, exact_grad, fmt))
            step = np.nextafter(s, toward)
            if step == s:  # σ is never negative: 0 is the last candidate
                break
            s = step
    return worst


def _possible(exact: Fraction, fmt: _Format, ulps: int) -> list[float]:
    """Every float of ``fmt`` that a function accurate to ``ulps`` ulp can return for
    ``exact`` (> 0): the floats from the rounding of exact − ulps·u to that of
    exact + ulps·u, inf included where the upper one overflows, with u the spacing of
    the floats at ``exact`` *as if the exponent range had no lower end*. So in the
    subnormal range it allows a small fraction of the spacing of the floats there, as
    tests/perturb_numpy.py assumes of real implementations."""
    reach = ulps * _pow2(_floor_log2(exact) - fmt.prec + 1)
    lo, hi = _round(exact - reach, fmt), _round(exact + reach, fmt)
    out = [math.inf] if math.isinf(hi) else []
    if math.isinf(lo):
        return out
    dt = fmt.dtype
    top = dt(np.finfo(dt).max) if math.isinf(hi) else dt(hi)
    f = dt(lo)
    while f <= top:
        out.append(float(f))
        if f == top:
            break
        f = np.nextafter(f, dt(np.inf))
    return out


def _package_results(x: float, fmt: _Format) -> tuple[set[float], set[float]]:
    """Every σ(x) and σ′(x) that ``sigmoid_guide.kernels`` can return with an exp
    accurate to ``EXP_ULP``: σ is 1/(1 + e) with e = exp(−x), or, where e overflows,
    exp(x) computed in float64 and rounded to the type; σ′ is s*(1 − s) with s the
    σ(−|x|) so computed."""

    def sigmas(v: float) -> set[float]:
        found: set[float] = set()
        for e in _possible(_exp(-Decimal(v)), fmt, EXP_ULP[fmt.name]):
            if math.isinf(e):  # the kernel's second pass
                f64 = _FORMATS[1]
                found |= {
                    _round(Fraction(t), fmt)
                    for t in _possible(_exp(Decimal(v)), f64, EXP_ULP[f64.name])
                }
            else:
                found.add(_round(1 / Fraction(_round(1 + Fraction(e), fmt)), fmt))
        return found

    grads = {
        _round(Fraction(t) * Fraction(_round(1 - Fraction(t), fmt)), fmt) for t in sigmas(-abs(x))
    }
    return sigmas(x), grads


# ---------------------------------------------------------------------------------------
# Text
# ---------------------------------------------------------------------------------------
_SUPERSCRIPT = str.maketrans("-0123456789", "⁻⁰¹²³⁴⁵⁶⁷⁸⁹")


def _minus(text: str) -> str:
    return text.replace("-", "−")


def _sci(q: Fraction, digits: int) -> str:
    """``q`` (≥ 0) with ``digits`` significant digits, as ``_text.sci`` writes numbers
    (``3.39 × 10⁻⁶`` outside 0.001 … 9999), but from the exact value: a float would
    lose the digits of numbers below 1e-308 (e^-750 is about 1e-326).

    Examples:
        >>> _sci(Fraction(1, 4), 4), _sci(Fraction(1, 3), 2), _sci(Fraction(1, 10**326), 4)
        ('0.25', '0.33', '1 × 10⁻³²⁶')
        >>> _sci(Fraction(12345), 4), _sci(Fraction(999999, 10**9), 3)
        ('1.234 × 10⁴', '0.001')
    """
    if q < 0:
        raise ValueError("only non-negative numbers are written here")
    if q == 0:
        return "0"
    with localcontext() as ctx:
        ctx.prec = _DIGITS
        d = Decimal(q.numerator) / Decimal(q.denominator)
        mantissa, exponent = f"{d:.{digits - 1}e}".split("e")
    k = int(exponent)
    if -3 <= k <= 3:  # plainly: round to the digits, then drop trailing zeros
        text = f"{Decimal(mantissa).scaleb(k):f}"
        return text.rstrip("0").rstrip(".") if "." in text else text
    mantissa = mantissa.rstrip("0").rstrip(".") if "." in mantissa else mantissa
    return f"{mantissa} × 10{str(k).translate(_SUPERSCRIPT)}"


def _value_text(value: Fraction, complement: Fraction) -> str:
    """σ or σ′ with 4 significant digits; within 0.001 of 1 as ``1 − δ`` (δ = 1 − value,
    given exactly), since 4 digits of 0.99999... would all be 9s or round to 1."""
    if value == 1:
        return "1"
    if complement < Fraction(1, 1000):
        return f"1 − {_sci(complement, 4)}"
    return _sci(value, 4)


def _x_label(x: float) -> str:
    return _minus(f"{x:g}")


def _limit_label(x: float) -> str:
    """A threshold as the static figure labels it: two decimals, true minus sign."""
    return _minus(f"{x:.2f}")


def _answer_text(x: float) -> str:
    """A threshold as the prose values write it (``.4f``, as ``shape.one_at.*``), with a
    true minus sign: the page prints it in running text, not in math."""
    return _minus(f"{x:.4f}")


_STRINGS: dict[str, dict[str, Any]] = {
    "ko": {
        "x_label": "x",
        "head": ["", "float32", "float64"],
        "rows": [
            "σ(x) 참값",
            "σ(x) 패키지",
            "σ(x) 교과서 코드",
            "σ′(x) 참값",
            "σ′(x) 패키지",
            "σ′(x) 교과서 코드",
        ],
        "exactly": "정확히 {v}",
        "within": "{b} ulp 이내",
        "zero_off": "정확히 0 (오차 100%)",
        "table_note": (
            "참값은 60자리 십진 계산으로 구한 값을 유효숫자 4자리로 적은 것입니다. 괄호 안은 "
            "참값에서 어긋난 정도를 그 자리의 ulp로 잰 것입니다. 교과서 코드는 "
            "1/(1 + np.exp(-x))와 s*(1 - s)이고, 모든 연산(exp 포함)을 올바르게 반올림하는 "
            "이상적인 컴퓨터에서 계산했습니다. 실제 CPU의 exp는 마지막 비트가 조금 다를 수 "
            "있습니다. 그러면 s가 이웃한 부동소수점 수가 될 수 있고, s*(1 - s)의 오차가 큰 "
            "곳에서는 그 오차도 비슷한 크기만큼 달라집니다. 하지만 결과가 정확히 0이나 1인 "
            "곳은 어느 CPU에서나 같습니다. 패키지의 결과는 CPU마다 마지막 비트가 다르므로, "
            "모든 CPU에서 같은 사실만 적었습니다. 정확히 0이나 1인지, 아니면 오차 한계 "
            "안에 있는지입니다. 오차 한계는 패키지의 테스트가 확인하는 값이고, float32의 "
            "σ′은 σ의 한계에서 따라 나오는 값입니다."
        ),
        "zones": {
            "zero": "σ = 0 (패키지도)",
            "overflow": "교과서 코드의 exp 오버플로",
            "subnormal": "비정규 수",
            "one": "σ = 1",
            "textbook_grad_zero": "교과서 코드의 σ′ = 0",
            "grad_zero": "패키지의 σ′ = 0",
        },
        "control": "x 값",
    },
    "en": {
        "x_label": "x",
        "head": ["", "float32", "float64"],
        "rows": [
            "σ(x) exact",
            "σ(x) package",
            "σ(x) textbook code",
            "σ′(x) exact",
            "σ′(x) package",
            "σ′(x) textbook code",
        ],
        "exactly": "exactly {v}",
        "within": "within {b} ulp",
        "zero_off": "exactly 0 (100% off)",
        "table_note": (
            "Exact values are computed with 60-digit decimal arithmetic and shown to 4 "
            "significant digits. In parentheses: how far a result is from the exact value, "
            "in ulp at that value. The textbook code is 1/(1 + np.exp(-x)) and s*(1 - s), "
            "evaluated on an ideal machine that rounds every operation (exp included) "
            "correctly. A real CPU's exp may differ in its last bits; s can then be a "
            "neighboring float, which changes a large error of s*(1 - s) by about as much "
            "again, but a result of exactly 0 or 1 is the same on every CPU. The package's "
            "last bits differ between CPUs, so only what holds on every CPU is shown: that it "
            "returns exactly 0 or 1, or else that it stays within its error bound (the one "
            "its tests check; for σ′ in float32, the one that follows from σ's)."
        ),
        "zones": {
            "zero": "σ = 0 (package too)",
            "overflow": "textbook exp overflows",
            "subnormal": "subnormal",
            "one": "σ = 1",
            "textbook_grad_zero": "textbook σ′ = 0",
            "grad_zero": "package σ′ = 0",
        },
        "control": "x",
    },
}


def _error_text(got: float, exact: Fraction, fmt: _Format) -> str:
    """How far ``got`` is from ``exact``: in ulp (2 digits), with the relative error in
    percent when it reaches 0.1 % (large ulp counts say little by themselves); a 0
    where the correctly rounded value is not 0 is written as 100 % off.

    Examples:
        >>> f64 = _FORMATS[1]
        >>> _error_text(0.5, Fraction(1, 2) + _pow2(-55), f64)
        '0.25 ulp'
        >>> _error_text(1e-17, Fraction(2, 10**17), f64)
        '3.2 × 10¹⁵ ulp, 50%'
        >>> _error_text(0.0, _pow2(-1060), f64), _error_text(0.0, _pow2(-1080), f64)
        ('100%', '0.016 ulp')
    """
    err = _ulp_error(got, exact, fmt)
    if got == 0 and err > Fraction(1, 2):
        return "100%"
    text = "0 ulp" if err == 0 else f"{_sci(err, 2)} ulp"
    rel = abs(Fraction(got) - exact) / exact
    # A 0 that is the nearest float is off by 100 % too, but correctly: no percentage.
    if got != 0 and rel >= Fraction(1, 1000):
        text += f", {_sci(rel * 100, 2)}%"
    return text


def _result_text(got: float, exact: Fraction, fmt: _Format, lang: str) -> str:
    """Value and error of the ideal textbook result, e.g. ``0.7311 (0.25 ulp)``."""
    s = _STRINGS[lang]
    if got == 0 and _ulp_error(got, exact, fmt) > Fraction(1, 2):
        return str(s["zero_off"])
    if got in (0.0, 1.0):
        value = s["exactly"].format(v=f"{got:g}")
    else:
        value = _value_text(Fraction(got), 1 - Fraction(got))
    return f"{value} ({_error_text(got, exact, fmt)})"


def _package_text(got: float, exact: Fraction, fmt: _Format, bound: float, lang: str) -> str:
    """What every CPU agrees on about the package's result (see the module docstring)."""
    s = _STRINGS[lang]
    if got in (0.0, 1.0):
        return f"{s['exactly'].format(v=f'{got:g}')} ({_error_text(got, exact, fmt)})"
    return str(s["within"].format(b=f"{bound:g}"))


# ---------------------------------------------------------------------------------------
# Thresholds and zones
# ---------------------------------------------------------------------------------------
_LIMIT_KEYS = (
    "zero_below",
    "naive_overflow_below",
    "subnormal_below",
    "one_from",
    "textbook_grad_zero_from",
    "grad_zero_from",
)


def _subnormal_below(fmt: _Format) -> float:
    """The x below which the exact σ(x) is subnormal: σ(x) = tiny (the smallest normal
    number) at x = ln(tiny/(1 − tiny)). σ′(x) is subnormal where |x| exceeds its
    absolute value: σ′(x) = σ(−|x|)(1 − σ(−|x|)) differs from σ(−|x|) by a factor
    1 − 1e-38 there. Rounded to 7 digits, as it is only drawn and written with 2
    decimals."""
    with localcontext() as ctx:
        ctx.prec = _DIGITS
        tiny = Decimal(2) ** fmt.emin
        return float(f"{(tiny / (1 - tiny)).ln():.7g}")


def _limits(fmt: _Format) -> dict[str, float]:
    """The thresholds of one float type: ``float_limits`` (from the static figure's run)
    and ``subnormal_below``, checked to be in the order the zone texts assume and far
    enough (``_MARGIN``) from every grid point."""
    lim: FloatLimits = run_once(run_shape).limits[fmt.name]
    out = {key: float(getattr(lim, key)) for key in _LIMIT_KEYS if key != "subnormal_below"}
    out["subnormal_below"] = _subnormal_below(fmt)
    # The zone texts rely on this order of the thresholds.
    if not (out["zero_below"] < out["naive_overflow_below"] < out["subnormal_below"] < 0
            < out["one_from"] <= out["textbook_grad_zero_from"] < -out["subnormal_below"]
            < out["grad_zero_from"]):  # fmt: skip
        raise AssertionError(f"{fmt.name}: thresholds out of the expected order: {out}")
    if not math.isclose(out["grad_zero_from"], -out["zero_below"], rel_tol=1e-6):
        raise AssertionError(f"{fmt.name}: σ′ reaches 0 elsewhere than σ(−|x|): {out}")
    for x in GRID:
        for key, v in out.items():
            mirrored = key == "subnormal_below" and abs(x + v) < _MARGIN  # σ′'s threshold
            if abs(x - v) < _MARGIN or mirrored:
                raise AssertionError(f"grid point {x} is too close to {fmt.name} {key} = {v}")
    return out


def _zones(x: float, lim: dict[str, float]) -> list[str]:
    """Keys of the zones (``strings.zones``) that x lies in, for one float type."""
    inside = {
        "zero": x <= lim["zero_below"],
        "overflow": x <= lim["naive_overflow_below"],
        "subnormal": abs(x) > -lim["subnormal_below"],
        "one": x >= lim["one_from"],
        "textbook_grad_zero": x >= lim["textbook_grad_zero_from"],
        "grad_zero": abs(x) >= lim["grad_zero_from"],
    }
    return [k for k, v in inside.items() if v]


_ZONE_TEXT = {
    "ko": {
        "zero": "σ와 σ′ 모두 패키지에서도 정확히 0 (x ≤ {zero_below})",
        "overflow": (
            "교과서 코드의 exp(−x)가 오버플로해 σ와 σ′이 0 (x ≤ {naive_overflow_below}), "
            "패키지의 값은 비정규 수"
        ),
        "subnormal": "σ와 σ′이 비정규 수 (x < {subnormal_below})",
        "negative": "0이나 1이 아님 (x < {subnormal_below}부터 비정규 수)",
        "positive": "σ < 1 (x ≥ {one_from}부터 정확히 1)",
        "one": "σ = 1 (x ≥ {one_from})",
        "textbook_grad_zero": "교과서 코드의 σ′ = 0 (x ≥ {textbook_grad_zero_from})",
        "grad_zero": "패키지의 σ′도 0 (x ≥ {grad_zero_from})",
        "grad_subnormal": "패키지의 σ′은 비정규 수",
        "join": ", ",
    },
    "en": {
        "zero": "σ and σ′ are exactly 0, even from the package (x ≤ {zero_below})",
        "overflow": (
            "the textbook exp(−x) overflows, so its σ and σ′ are 0 "
            "(x ≤ {naive_overflow_below}); the package's are subnormal"
        ),
        "subnormal": "σ and σ′ are subnormal (x < {subnormal_below})",
        "negative": "neither 0 nor 1 (subnormal for x < {subnormal_below})",
        "positive": "σ < 1 (exactly 1 from x ≥ {one_from})",
        "one": "σ = 1 (x ≥ {one_from})",
        "textbook_grad_zero": "textbook σ′ = 0 (x ≥ {textbook_grad_zero_from})",
        "grad_zero": "the package's σ′ is 0 too (x ≥ {grad_zero_from})",
        "grad_subnormal": "the package's σ′ is subnormal",
        "join": "; ",
    },
}


def _zone_text(x: float, lim: dict[str, float], lang: str) -> str:
    """The readout's sentence for one float type: which thresholds x is past (labelled
    as the static figure labels them)."""
    text = {k: v.format(**{k: _limit_label(v) for k, v in lim.items()})
            for k, v in _ZONE_TEXT[lang].items()}  # fmt: skip
    if x <= lim["zero_below"]:
        return text["zero"]
    if x <= lim["naive_overflow_below"]:
        return text["overflow"]
    if x < lim["subnormal_below"]:
        return text["subnormal"]
    if x < 0:
        return text["negative"]
    if x < lim["one_from"]:
        return text["positive"]
    parts = [text["one"]]
    if x >= lim["textbook_grad_zero_from"]:
        parts.append(text["textbook_grad_zero"])
    if abs(x) >= lim["grad_zero_from"]:
        parts.append(text["grad_zero"])
    elif x > -lim["subnormal_below"]:
        parts.append(text["grad_subnormal"])
    return text["join"].join(parts)


# ---------------------------------------------------------------------------------------
# The data
# ---------------------------------------------------------------------------------------
@dataclass(frozen=True)
class _Point:
    """Everything shown at one x in one float type (results as Python floats)."""

    exact: _Exact
    package_sigma: float
    package_grad: float
    textbook_sigma: float
    textbook_grad: float


def _points(fmt: _Format, lim: dict[str, float]) -> list[_Point]:
    """Evaluate every grid point, checking the package against its bounds and the
    thresholds (``AssertionError`` if it breaks either)."""
    xs = np.array(GRID, dtype=fmt.dtype)
    pk_sigma = np.asarray(sigmoid(xs)).tolist()
    pk_grad = np.asarray(sigmoid_grad(xs)).tolist()
    out = []
    for x, ps, pg in zip(GRID, pk_sigma, pk_grad, strict=True):
        ex = _exact(x)
        possible = _package_results(x, fmt)
        for what, got, results in (("sigmoid", ps, possible[0]), ("sigmoid_grad", pg, possible[1])):
            if got not in results:
                raise AssertionError(
                    f"{what}({x}) in {fmt.name} returned {got!r}, which no exp within "
                    f"{EXP_ULP[fmt.name]} ulp gives: is this CPU's exp less accurate?"
                )
            if len(results) > 1 and results & {0.0, 1.0}:
                raise AssertionError(f"whether {what}({x}) in {fmt.name} is 0 or 1 depends on exp")
        if fmt.name == "float32":
            small = ex.sigma if x < 0 else ex.complement
            bound = ULP_BOUNDS[("sigma", fmt.name)]
            derived = _grad_bound_from_sigma(small, ex.grad, fmt, bound)
            if derived > ULP_BOUNDS[("grad", fmt.name)]:
                raise AssertionError(f"σ′({x}) in {fmt.name} may be {float(derived):.3g} ulp off")
        if (ps == 1) != (x >= lim["one_from"]) or (ps == 0) != (x <= lim["zero_below"]):
            raise AssertionError(f"sigmoid({x}) in {fmt.name} disagrees with float_limits")
        if (pg == 0) != (abs(x) >= lim["grad_zero_from"]):
            raise AssertionError(f"sigmoid_grad({x}) in {fmt.name} disagrees with float_limits")
        ts, tg = ideal_textbook(x, fmt)
        if (ts == 0) != (x <= lim["naive_overflow_below"]) or (ts == 1) != (x >= lim["one_from"]):
            raise AssertionError(f"ideal textbook σ({x}) in {fmt.name} crosses a threshold")
        out.append(_Point(ex, ps, pg, ts, tg))
    return out


def _data() -> tuple[dict[str, dict[str, float]], dict[str, list[_Point]]]:
    limits = {f.name: _limits(f) for f in _FORMATS}
    return limits, {f.name: _points(f, limits[f.name]) for f in _FORMATS}


def _large(got: float, exact: Fraction, fmt: _Format) -> bool:
    """Whether the textbook error deserves a mention in the live sentence: above 10 ulp
    (beyond any bound of the package) or a wrong 0."""
    return _ulp_error(got, exact, fmt) > 10


def _cell(
    i: int, limits: dict[str, dict[str, float]], points: dict[str, list[_Point]], lang: str
) -> dict[str, Any]:
    x = GRID[i]
    s = _STRINGS[lang]
    ko = lang == "ko"
    fmts = {f.name: f for f in _FORMATS}
    cols: dict[str, dict[str, str]] = {}
    for name, fmt in fmts.items():
        p = points[name][i]
        ex = p.exact
        g_comp = 1 - ex.grad
        cols[name] = {
            "sigma_exact": _value_text(ex.sigma, ex.complement),
            "sigma_package": _package_text(
                p.package_sigma, ex.sigma, fmt, ULP_BOUNDS[("sigma", name)], lang
            ),
            "sigma_textbook": _result_text(p.textbook_sigma, ex.sigma, fmt, lang),
            "grad_exact": _value_text(ex.grad, g_comp),
            "grad_package": _package_text(
                p.package_grad, ex.grad, fmt, ULP_BOUNDS[("grad", name)], lang
            ),
            "grad_textbook": _result_text(p.textbook_grad, ex.grad, fmt, lang),
        }
    keys = ("sigma_exact", "sigma_package", "sigma_textbook",
            "grad_exact", "grad_package", "grad_textbook")  # fmt: skip
    rows = [
        [label, *(cols[n][k] for n in DTYPES)] for label, k in zip(s["rows"], keys, strict=True)
    ]
    xl = _x_label(x)
    readout = [["x", xl]] + [[n, _zone_text(x, limits[n], lang)] for n in DTYPES]

    c32, c64 = cols["float32"], cols["float64"]
    if ko:
        live = (
            f"x = {xl}: 참값은 σ(x) = {c64['sigma_exact']}, σ′(x) = {c64['grad_exact']}입니다. "
            f"패키지의 σ(x)는 float32에서 {c32['sigma_package']}, float64에서 "
            f"{c64['sigma_package']}이고, 교과서 코드의 σ(x)는 float32에서 "
            f"{c32['sigma_textbook']}, float64에서 {c64['sigma_textbook']}입니다."
        )
    else:
        live = (
            f"x = {xl}: the exact σ(x) is {c64['sigma_exact']} and σ′(x) is "
            f"{c64['grad_exact']}. The package's σ(x) is {c32['sigma_package']} in float32 "
            f"and {c64['sigma_package']} in float64; the textbook code's σ(x) is "
            f"{c32['sigma_textbook']} in float32 and {c64['sigma_textbook']} in float64."
        )
    # σ's textbook error is in the sentence already; σ′'s is added where it is large.
    big = [
        n for n in DTYPES if _large(points[n][i].textbook_grad, points[n][i].exact.grad, fmts[n])
    ]
    if big:
        listed = ", ".join(f"{n} {cols[n]['grad_textbook']}" for n in big)
        live += f" 교과서 코드의 σ′(x): {listed}." if ko else f" The textbook σ′(x): {listed}."
    return {
        "table": {"head": list(s["head"]), "rows": rows},
        "readout": readout,
        "live": live,
        "zones": {n: _zones(x, limits[n]) for n in DTYPES},
    }


def answers(lang: str) -> dict[str, str]:
    """The "try this" answers the page prints (same digits in both languages), per
    float type ``<t>``:

    * ``one_from_<t>``: the smallest x with σ(x) = 1 (``float_limits``, written as the
      prose value ``shape.one_at.<t>``), and ``one_grid_<t>``, the first grid point at
      which the table shows it;
    * ``textbook_grad_zero_<t>`` and ``grad_zero_<t>``: from where the textbook and the
      package's σ′ are 0; between them, on the grid from ``gap_first_grid_<t>`` to
      ``gap_last_grid_<t>``, only the textbook's is;
    * ``overflow_<t>``: the textbook exp overflows for x at or below it, so its σ′ is 0
      while the package's is not, on the grid from ``gap_neg_first_grid_<t>`` down to
      ``gap_neg_last_grid_<t>``.

    Thresholds are written with 4 decimals, grid points as the slider labels them.
    """
    limits, points = run_once(_data)
    out: dict[str, str] = {}
    for name in DTYPES:
        lim, pts = limits[name], points[name]
        out[f"one_from_{name}"] = _answer_text(lim["one_from"])
        first = next(i for i, p in enumerate(pts) if p.package_sigma == 1)
        out[f"one_grid_{name}"] = _x_label(GRID[first])
        out[f"textbook_grad_zero_{name}"] = _answer_text(lim["textbook_grad_zero_from"])
        out[f"grad_zero_{name}"] = _answer_text(lim["grad_zero_from"])
        out[f"overflow_{name}"] = _answer_text(lim["naive_overflow_below"])
        gap = [i for i, p in enumerate(pts) if p.textbook_grad == 0 and p.package_grad != 0]
        pos = [i for i in gap if GRID[i] > 0]
        neg = [i for i in gap if GRID[i] < 0]
        out[f"gap_first_grid_{name}"] = _x_label(GRID[pos[0]])
        out[f"gap_last_grid_{name}"] = _x_label(GRID[pos[-1]])
        out[f"gap_neg_first_grid_{name}"] = _x_label(GRID[neg[-1]])
        out[f"gap_neg_last_grid_{name}"] = _x_label(GRID[neg[0]])
    return out


def build(lang: str) -> dict[str, Any]:
    """The payload of one language (see ``sigmoid_guide.explorables``)."""
    limits, points = run_once(_data)
    cells = {cell_key((i,)): _cell(i, limits, points, lang) for i in range(len(GRID))}
    shared_limits: dict[str, dict[str, Any]] = {}
    for name in DTYPES:
        shared_limits[name] = {}
        for key, v in limits[name].items():
            right = next(i for i, x in enumerate(GRID) if x > v)
            shared_limits[name][key] = {
                "x": float(f"{v:.7g}"),
                "label": _limit_label(v),
                "between": [right - 1, right],
            }
    return {
        "x": list(GRID),
        "limits": shared_limits,
        "strings": {
            k: v for k, v in _STRINGS[lang].items() if k not in ("exactly", "within", "zero_off")
        },
        "cells": cells,
        "answers": answers(lang),
    }


_LABELS = tuple(_x_label(x) for x in GRID)

CONTROLS = (
    Control(
        "x",
        "range",
        {"ko": str(_STRINGS["ko"]["control"]), "en": str(_STRINGS["en"]["control"])},
        {"ko": _LABELS, "en": _LABELS},
        default=DEFAULT_INDEX,
    ),
)

EXPLORABLE = Explorable(
    name="definition",
    figure="shape-float-limits",
    title={
        "ko": "직접 바꿔 보기: 한 점 x에서 σ와 σ′",
        "en": "Explore: σ and σ′ at one x",
    },
    controls=CONTROLS,
    build=build,
)
