"""Bad input is refused with TypeError or ValueError naming the function and the input."""

from __future__ import annotations

import re

import numpy as np
import pytest
from core_cases import BCE, UNARY

from sigmoid_guide import binary_cross_entropy_with_logits, logit, sigmoid

# (label, function of the bad value, name the message must contain)
CALLERS = [
    *((name, f, name) for name, f in UNARY.items()),
    ("bce(logits)", lambda v: binary_cross_entropy_with_logits(v, 0.5), BCE),
    ("bce(targets)", lambda v: binary_cross_entropy_with_logits(0.0, v), BCE),
]

HAS_LONG_DOUBLE = np.finfo(np.longdouble).nmant > np.finfo(np.float64).nmant

# (label, bad value, regex the message must match: a description of what was received)
BAD_VALUES = [
    ("str", "0.5", r"\bstr\b"),
    ("empty-str", "", r"\bstr\b"),
    ("bytes", b"1", r"\bbytes\b"),
    ("bytearray", bytearray(b"1"), r"\bbytearray\b"),
    ("None", None, r"\bNone"),
    ("complex", 1 + 2j, r"complex"),
    ("complex-real-valued", 1 + 0j, r"complex"),
    ("numpy-complex", np.complex64(1), r"complex"),
    ("complex-array", np.array([1.0, 2.0], dtype=np.complex128), r"complex"),
    ("complex-list", [1.0, 2j], r"complex"),
    ("object", object(), r"\bobject\b"),
    ("dict", {"x": 1.0}, r"\bdict\b"),
    ("set", {1.0}, r"\bset\b"),
    ("list-with-None", [1.0, None], r"None|\bobject\b"),
    ("list-with-str", [1.0, "2"], r"'2'|\bstr\b|<U"),
    ("ragged", [[1.0, 2.0], [3.0]], r"inhomogeneous|ragged"),
    ("object-array", np.array([0.5, 0.25], dtype=object), r"\bobject\b"),
    ("str-array", np.array(["0.5"]), r"<U|\bstr"),
    ("datetime64", np.datetime64("2024-01-01"), r"datetime64"),
    ("datetime64-array", np.array(["2024-01-01"], dtype="datetime64[D]"), r"datetime64"),
    ("timedelta64", np.array([1], dtype="timedelta64[s]"), r"timedelta64"),
    ("masked-array", np.ma.masked_array([0.5, 0.25], mask=[False, True]), r"masked"),
    ("huge-int", 10**400, r"\bint\b.*too large|too large.*\bint"),
    ("huge-negative-int", -(10**400), r"\bint\b.*too large|too large.*\bint"),
]
if HAS_LONG_DOUBLE:
    BAD_VALUES += [
        ("longdouble", np.longdouble("0.5"), r"float128|float96|longdouble"),
        ("longdouble-array", np.array([0.5], dtype=np.longdouble), r"float128|float96|longdouble"),
    ]


@pytest.mark.parametrize(("value", "described"), [v[1:] for v in BAD_VALUES],
                         ids=[v[0] for v in BAD_VALUES])  # fmt: skip
@pytest.mark.parametrize(("call", "func_name"), [c[1:] for c in CALLERS],
                         ids=[c[0] for c in CALLERS])  # fmt: skip
def test_bad_input_is_refused_with_a_clear_message(call, func_name, value, described):
    with pytest.raises((TypeError, ValueError)) as info:
        call(value)
    message = str(info.value)
    assert re.search(rf"\b{func_name}\b", message), message
    assert re.search(described, message), message


@pytest.mark.parametrize("argument", ["logits", "targets"])
def test_bce_says_which_argument_is_bad(argument):
    kwargs = {"logits": 0.0, "targets": 0.5, argument: "oops"}
    with pytest.raises(TypeError, match=rf"{BCE}\(\).*{argument}"):
        binary_cross_entropy_with_logits(**kwargs)


def test_python_int_at_float64_limit_is_fine_beyond_is_refused():
    assert sigmoid(2**1023) == 1.0
    with pytest.raises(ValueError, match=r"sigmoid\(\).*too large"):
        sigmoid(2**1024)


@pytest.mark.parametrize(
    "p",
    [-0.1, 1.1, -1e-300, 1.0000000000000002, -np.inf, np.inf, 2, -1,
     [0.5, 1.5], np.array([[0.2, -0.2]]), np.float32(1.5), np.array([0.5, np.nan, 2.0])],
)  # fmt: skip
def test_logit_outside_unit_interval(p):
    with pytest.raises(ValueError, match=r"logit\(\).*\[0, 1\]"):
        logit(p)


def test_logit_error_message_shows_the_values():
    with pytest.raises(ValueError, match=r"smallest -0\.5, largest 3\.0"):
        logit([0.5, -0.5, 3.0, 1.0])


@pytest.mark.parametrize(
    "targets",
    [-0.5, 1.5, 2, -1, [0.0, 1.0, 2.0], np.array([0.5, -1e-300]), np.inf, -np.inf,
     np.array([2], dtype=np.uint8), np.array([-1], dtype=np.int64)],
)  # fmt: skip
def test_bce_targets_outside_unit_interval(targets):
    with pytest.raises(ValueError, match=rf"{BCE}\(\).*targets.*\[0, 1\]"):
        binary_cross_entropy_with_logits(np.zeros(np.shape(targets)), targets)


@pytest.mark.parametrize(
    ("z_shape", "y_shape"), [((3,), (4,)), ((2, 3), (3, 2)), ((3, 1), (2, 4)), ((0,), (2,))]
)
def test_bce_shapes_that_do_not_broadcast(z_shape, y_shape):
    with pytest.raises(ValueError, match=rf"{BCE}\(\).*\({z_shape[0]}.*do not broadcast"):
        binary_cross_entropy_with_logits(np.zeros(z_shape), np.zeros(y_shape))


@pytest.mark.parametrize("reduction", ["avg", "MEAN", "", None, "elementwise", 0])
def test_bce_unknown_reduction(reduction):
    with pytest.raises(ValueError, match=rf"{BCE}\(\).*reduction.*{re.escape(repr(reduction))}"):
        binary_cross_entropy_with_logits([0.0], [1.0], reduction=reduction)


def test_bce_mean_over_no_elements():
    with pytest.raises(ValueError, match=rf"{BCE}\(\).*mean.*zero elements"):
        binary_cross_entropy_with_logits(np.empty(0), np.empty(0))
    with pytest.raises(ValueError, match=rf"{BCE}\(\).*mean"):
        binary_cross_entropy_with_logits(np.empty((3, 0)), 1.0, reduction="mean")
