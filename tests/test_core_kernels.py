"""The NumPy-only kernels shown on the copy-ready page agree with the public functions."""

from __future__ import annotations

import numpy as np
import pytest

import sigmoid_guide as sg
from sigmoid_guide import kernels

PAIRS = [
    (kernels.sigmoid_kernel, sg.sigmoid),
    (kernels.sigmoid_grad_kernel, sg.sigmoid_grad),
    (kernels.log_sigmoid_kernel, sg.log_sigmoid),
]
VALUES = np.array([-800.0, -720.0, -40.0, -1.5, -0.0, 0.0, 0.25, 3.0, 40.0, 800.0])


@pytest.mark.parametrize(("kernel", "public"), PAIRS, ids=lambda f: f.__name__)
@pytest.mark.parametrize("dtype", [np.float32, np.float64])
def test_kernel_matches_public_function_on_every_layout(kernel, public, dtype):
    x = VALUES.astype(dtype)
    layouts = {
        "1-d": x,
        "2-d": x.reshape(2, 5),
        "fortran": np.asfortranarray(x.reshape(2, 5)),
        "transposed": x.reshape(2, 5).T,
        "strided": x[::2],
    }
    for name, arr in layouts.items():
        got = kernel(arr)
        assert got.dtype == dtype, name
        np.testing.assert_array_equal(got, public(arr), err_msg=name)


@pytest.mark.parametrize(("kernel", "public"), PAIRS, ids=lambda f: f.__name__)
@pytest.mark.parametrize("value", [np.float64(0.25), np.array(0.25), np.float32(-3.0)])
def test_kernel_accepts_zero_dimensional_input(kernel, public, value):
    got = kernel(value)
    assert np.ndim(got) == 0
    assert got == public(value)


def test_logit_and_bce_kernels_accept_zero_dimensional_input():
    assert kernels.logit_kernel(np.array(0.3)) == sg.logit(0.3)
    assert kernels.logit_kernel(np.float32(0.75)) == sg.logit(np.float32(0.75))
    z, y = np.float64(np.inf), np.float64(1.0)
    assert kernels.binary_cross_entropy_with_logits_kernel(z, y) == 0.0
    assert kernels.binary_cross_entropy_with_logits_kernel(np.array(-2.0), np.array(0.0)) == (
        sg.binary_cross_entropy_with_logits(-2.0, 0.0, reduction="none")
    )
