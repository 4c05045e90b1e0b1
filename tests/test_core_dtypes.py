"""dtypes, shapes, memory layouts and scalar/array round trips of the public functions."""

from __future__ import annotations

import math

import numpy as np
import pytest
from core_cases import FLOATS, UNARY

from sigmoid_guide import (
    binary_cross_entropy_with_logits,
    log_sigmoid,
    sigmoid,
)


def sample(shape, dtype, name, seed=0):
    """Values in the function's domain: probabilities for logit, else N(0, 10²)."""
    rng = np.random.default_rng(seed)
    values = rng.uniform(0.0, 1.0, shape) if name == "logit" else 10.0 * rng.normal(size=shape)
    return values.astype(dtype)


def reference(name, x):
    """The function on a fresh C-contiguous 1-d copy (the plainest layout)."""
    flat = np.ascontiguousarray(x).reshape(-1)
    return np.asarray(UNARY[name](flat)).reshape(x.shape)


def elementwise(name, x):
    """The function called on each element as a scalar."""
    values = [UNARY[name](v) for v in np.asarray(x).reshape(-1)]
    return np.array(values, dtype=x.dtype).reshape(x.shape)


# ---------------------------------------------------------------------------------------
# Float dtypes are kept, for every layout
# ---------------------------------------------------------------------------------------
LAYOUTS = {
    "0-d": lambda d, n: np.array(sample((), d, n)),
    "1-d": lambda d, n: sample((7,), d, n),
    "n-d": lambda d, n: sample((6, 8, 5), d, n),
    "strided": lambda d, n: sample((6, 8, 5), d, n)[:, ::3, 1:],
    "reversed": lambda d, n: sample((9,), d, n)[::-1],
    "step-1-d": lambda d, n: sample((20,), d, n)[::4],
    "transposed": lambda d, n: sample((5, 7), d, n).T,
    "fortran": lambda d, n: np.asfortranarray(sample((4, 6), d, n)),
    "fortran-3d": lambda d, n: np.asfortranarray(sample((6, 8, 5), d, n)),
    "swapaxes": lambda d, n: np.swapaxes(sample((6, 8, 5), d, n), 0, 2),
    "broadcast": lambda d, n: np.broadcast_to(sample((1, 5), d, n), (3, 5)),
    "empty": lambda d, n: np.empty((0,), dtype=d),
    "empty-2d": lambda d, n: np.empty((3, 0), dtype=d),
    "large": lambda d, n: sample((70_001,), d, n),  # more than one 2^16 block
    "large-fortran": lambda d, n: np.asfortranarray(sample((300, 250), d, n)),
}


@pytest.mark.parametrize("layout", list(LAYOUTS))
@pytest.mark.parametrize("dtype", FLOATS)
@pytest.mark.parametrize("name", list(UNARY))
def test_dtype_shape_and_values_for_every_layout(name, dtype, layout):
    x = LAYOUTS[layout](dtype, name)
    before = x.copy()
    result = UNARY[name](x)
    assert isinstance(result, np.ndarray) if x.ndim else isinstance(result, np.generic)
    assert result.dtype == dtype
    assert np.shape(result) == x.shape
    # Same values as on a contiguous copy (catches kernels that work on a reshaped
    # copy instead of their result, e.g. for Fortran-ordered input) ...
    np.testing.assert_array_equal(result, reference(name, x))
    # ... and, for a few elements, as when each is passed alone as a scalar.
    spots = np.asarray(x).reshape(-1)[:: max(1, x.size // 7)]
    np.testing.assert_array_equal(np.asarray(reference(name, spots)), elementwise(name, spots))
    np.testing.assert_array_equal(x, before)  # input untouched


@pytest.mark.parametrize("dtype", FLOATS)
@pytest.mark.parametrize("name", list(UNARY))
def test_numpy_scalar_in_scalar_out(name, dtype):
    value = dtype(0.25)
    result = UNARY[name](value)
    assert isinstance(result, np.generic) and not isinstance(result, np.ndarray)
    assert result.dtype == dtype
    assert result == UNARY[name](np.array([value]))[0]


@pytest.mark.parametrize("name", list(UNARY))
def test_python_scalars_give_float64_numpy_scalars(name):
    func = UNARY[name]
    for value in (0.25, 1, 0, True, False):
        result = func(value)
        assert type(result) is np.float64, (value, type(result))
        assert result == func(np.array([float(value)]))[0]


@pytest.mark.parametrize("name", list(UNARY))
def test_zero_dim_array_gives_scalar(name):
    for dtype in FLOATS:
        result = UNARY[name](np.array(0.75, dtype=dtype))
        assert isinstance(result, np.generic)
        assert result.dtype == dtype


INTEGER_DTYPES = [np.int8, np.int16, np.int32, np.int64, np.uint8, np.uint16, np.uint32,
                  np.uint64, np.bool_]  # fmt: skip


@pytest.mark.parametrize("dtype", INTEGER_DTYPES)
@pytest.mark.parametrize("name", list(UNARY))
def test_integers_and_bools_are_computed_in_float64(name, dtype):
    values = [0, 1] if name == "logit" or dtype is np.bool_ else [0, 1, 2, 3, 100, 127]
    if name != "logit" and np.issubdtype(dtype, np.signedinteger):
        values += [-1, -3, -100, -128]
    x = np.array(values).astype(dtype)
    result = UNARY[name](x)
    assert result.dtype == np.float64
    np.testing.assert_array_equal(result, UNARY[name](x.astype(np.float64)))
    scalar = UNARY[name](x[1])
    assert type(scalar) is np.float64
    assert scalar == result[1]


def test_uint8_one_is_sigmoid_of_one():
    expected = 1.0 / (1.0 + math.exp(-1.0))
    assert sigmoid(np.uint8(1)) == pytest.approx(expected, rel=1e-15)
    assert sigmoid(np.array([1, 255], dtype=np.uint8))[0] == pytest.approx(expected, rel=1e-15)
    assert sigmoid(np.array([255], dtype=np.uint8))[0] == 1.0
    assert log_sigmoid(np.uint64(2**64 - 1)) == 0.0


def test_large_python_ints_within_float64_range():
    assert sigmoid(10**300) == 1.0
    assert sigmoid(-(10**300)) == 0.0
    assert sigmoid(2**64) == 1.0


@pytest.mark.parametrize("name", list(UNARY))
def test_lists_and_nested_lists(name):
    func = UNARY[name]
    flat = [0.25, 0.5, 1]
    nested = [[0.25, 0.5], [0.75, 1.0], [0, 1]]
    r1 = func(flat)
    assert isinstance(r1, np.ndarray) and r1.dtype == np.float64 and r1.shape == (3,)
    np.testing.assert_array_equal(r1, func(np.array(flat, dtype=np.float64)))
    r2 = func(nested)
    assert r2.shape == (3, 2) and r2.dtype == np.float64
    np.testing.assert_array_equal(r2, func(np.array(nested, dtype=np.float64)))
    assert func(()).shape == (0,)
    assert func(((0.5,),)).shape == (1, 1)
    assert func([np.float32(0.5), np.float32(0.25)]).dtype == np.float32


@pytest.mark.parametrize("dtype", FLOATS)
@pytest.mark.parametrize("name", list(UNARY))
def test_read_only_input_is_accepted_and_not_modified(name, dtype):
    x = sample((4, 5), dtype, name)
    x.setflags(write=False)
    before = x.copy()
    result = UNARY[name](x)
    np.testing.assert_array_equal(x, before)
    assert result.flags.writeable
    assert not np.shares_memory(result, x)
    np.testing.assert_array_equal(result, elementwise(name, x))
    scalar = x[0, 0:1].reshape(())
    assert UNARY[name](scalar) == result[0, 0]


def test_float16_is_computed_in_float32_and_rounded_once():
    x = np.linspace(-12, 12, 4001).astype(np.float16)
    expected = sigmoid(x.astype(np.float32)).astype(np.float16)
    np.testing.assert_array_equal(sigmoid(x), expected)


# ---------------------------------------------------------------------------------------
# binary_cross_entropy_with_logits: reductions, broadcasting, dtypes
# ---------------------------------------------------------------------------------------
def bce(z, y, **kw):
    return binary_cross_entropy_with_logits(z, y, **kw)


def test_bce_reductions():
    z = np.array([-2.0, 0.0, 3.0, 40.0])
    y = np.array([0.0, 1.0, 0.25, 1.0])
    per = bce(z, y, reduction="none")
    assert isinstance(per, np.ndarray) and per.shape == (4,) and per.dtype == np.float64
    expected = np.maximum(z, 0) - z * y + np.log1p(np.exp(-np.abs(z)))
    np.testing.assert_allclose(per, expected, rtol=1e-15, atol=0)
    total = bce(z, y, reduction="sum")
    mean = bce(z, y)
    assert isinstance(total, np.float64) and isinstance(mean, np.float64)
    assert total == pytest.approx(per.sum(), rel=1e-15)
    assert mean == pytest.approx(per.mean(), rel=1e-15)
    assert bce(z, y, reduction="mean") == mean
    assert bce(np.empty(0), np.empty(0), reduction="sum") == 0.0
    assert bce(np.empty(0), np.empty(0), reduction="none").shape == (0,)


def test_bce_broadcasting():
    z = np.array([[-1.0], [0.0], [2.0]])
    y = np.array([0.0, 1.0, 0.5, 1.0])
    per = bce(z, y, reduction="none")
    assert per.shape == (3, 4)
    for i in range(3):
        for j in range(4):
            assert per[i, j] == bce(z[i, 0], y[j], reduction="none")
    assert bce(z, y) == pytest.approx(per.mean(), rel=1e-15)
    assert bce(z, y, reduction="sum") == pytest.approx(per.sum(), rel=1e-15)
    assert bce(0.0, y, reduction="none").shape == (4,)
    assert bce(z, 1, reduction="none").shape == (3, 1)


@pytest.mark.parametrize("dtype", FLOATS)
def test_bce_int_and_bool_targets_take_the_logits_dtype(dtype):
    z = np.array([-1.0, 0.5, 3.0], dtype=dtype)
    for targets in ([0, 1, 1], np.array([0, 1, 1], dtype=np.uint8), [False, True, True],
                    np.array([0, 1, 1], dtype=np.int64)):  # fmt: skip
        per = bce(z, targets, reduction="none")
        assert per.dtype == dtype
        assert bce(z, targets).dtype == dtype
        assert bce(z, targets, reduction="sum").dtype == dtype
        np.testing.assert_array_equal(per, bce(z, np.array([0, 1, 1], dtype=dtype),
                                               reduction="none"))  # fmt: skip


@pytest.mark.parametrize("dtype", FLOATS)
def test_bce_same_float_dtypes_stay(dtype):
    z = np.array([-1.0, 0.5, 3.0], dtype=dtype)
    y = np.array([0.0, 0.5, 1.0], dtype=dtype)
    assert bce(z, y, reduction="none").dtype == dtype
    mean = bce(z, y)
    assert isinstance(mean, np.generic) and mean.dtype == dtype
    assert bce(z[0], y[0], reduction="none").dtype == dtype


def test_bce_scalars():
    loss = bce(0.0, 1, reduction="none")
    assert type(loss) is np.float64
    assert loss == math.log(2.0)
    assert type(bce(0.0, 1)) is np.float64
    assert type(bce(np.float32(0.0), np.float32(1.0), reduction="none")) is np.float32


@pytest.mark.parametrize("reduction", ["none", "mean", "sum"])
def test_bce_inputs_not_modified(reduction):
    z = np.asfortranarray(np.linspace(-5, 5, 12).reshape(3, 4))
    y = (np.arange(12).reshape(3, 4) % 2).astype(np.float64)
    z.setflags(write=False)
    y.setflags(write=False)
    z0, y0 = z.copy(), y.copy()
    bce(z, y, reduction=reduction)
    bce(np.array([np.inf, -np.inf]), np.array([0.0, 1.0]), reduction=reduction)
    np.testing.assert_array_equal(z, z0)
    np.testing.assert_array_equal(y, y0)
    per = bce(z, y, reduction="none")
    np.testing.assert_array_equal(per, bce(np.ascontiguousarray(z), y, reduction="none"))
