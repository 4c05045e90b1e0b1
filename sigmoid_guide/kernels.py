"""NumPy-only numerical kernels behind the public functions.

Each kernel takes a float32 or float64 ``numpy.ndarray`` and returns a new array of the
same dtype and shape. They do no input checking: ``sigmoid_guide.activations`` does
that. The sections between ``--8<--`` markers are shown on the site's "copy-ready code"
page, so each one must run on its own after the ``imports`` section.
"""

# --8<-- [start:imports]
import numpy as np

# --8<-- [end:imports]

__all__ = [
    "binary_cross_entropy_with_logits_kernel",
    "log_sigmoid_kernel",
    "logit_kernel",
    "sigmoid_grad_kernel",
    "sigmoid_kernel",
]


# --8<-- [start:sigmoid]
def sigmoid_kernel(x: np.ndarray) -> np.ndarray:
    """Return 1 / (1 + exp(-x)) for a float32 or float64 array; never warns.

    Accurate to about 2 ulp in float64 and 4 ulp in float32 over the whole
    range, subnormal results included.
    """
    x = np.asarray(x)
    # ufuncs return scalars for 0-d input, and the work below is in place
    if x.ndim == 0:
        return sigmoid_kernel(x.reshape(1))[0]
    out = np.empty(x.shape, x.dtype)  # C-ordered: reshape(-1) below is a view
    src, flat = np.ravel(x), out.reshape(-1)  # copies only a non-C-ordered x
    # Large arrays go through in blocks that stay in the CPU cache, so that
    # each element is read from memory once and written once: the passes
    # below read what the one before just wrote.
    block = 1 << 16
    # For x < -709.78 (-88.72 in float32) exp(-x) overflows, and 1 / (1 + inf)
    # gives 0 where sigma(x) is a subnormal number. NumPy's overflow flag says
    # whether that happened at all, so that no pass has to look for such x.
    # Underflow (exp(-x) for x > 708, subnormal results) gives the right
    # answers and is not an error here. No clipping either: |x| > 708 is rare,
    # and exp is merely slower there.
    overflowed = []

    def on_overflow(*_):
        overflowed.append(True)

    with np.errstate(over="call", under="ignore", call=on_overflow):
        for start in range(0, flat.size, block):
            part = flat[start : start + block]
            np.negative(src[start : start + block], out=part)
            np.exp(part, out=part)
            part += 1.0
            np.divide(1.0, part, out=part)
        if overflowed:
            # Only 1 / (1 + inf) is 0 here (and x = -inf, which stays 0).
            # There sigma(x) = e^x / (1 + e^x) equals e^x to the last bit
            # (e^x < 1e-307), computed in float64 so that float32 gets its
            # subnormals too.
            tail = out == 0
            out[tail] = np.exp(x[tail].astype(np.float64)).astype(x.dtype)
    return out


# --8<-- [end:sigmoid]


# --8<-- [start:sigmoid_grad]
def sigmoid_grad_kernel(x: np.ndarray) -> np.ndarray:
    """Return sigma'(x) = sigma(x) * (1 - sigma(x)), never above 0.25.

    Accurate for large |x| too.
    """
    # sigma' is even, so use s = sigma(-|x|) in [0, 0.5]: 1 - s then has no
    # cancellation, unlike 1 - sigma(x) for large positive x, which rounds to 0
    # from x ~ 37 on.
    s = sigmoid_kernel(-np.abs(x))
    return s * (1.0 - s)


# --8<-- [end:sigmoid_grad]


# --8<-- [start:log_sigmoid]
def log_sigmoid_kernel(x: np.ndarray) -> np.ndarray:
    """Return log(sigma(x)) = min(x, 0) - log1p(exp(-|x|)).

    Finite for every finite x.
    """
    # exp(-|x|) underflows harmlessly for |x| > 745
    with np.errstate(under="ignore"):
        return np.minimum(x, 0.0) - np.log1p(np.exp(-np.abs(x)))


# --8<-- [end:log_sigmoid]


# --8<-- [start:logit]
def logit_kernel(p: np.ndarray) -> np.ndarray:
    """Return log(p / (1 - p)) for p in [0, 1]: -inf at 0, +inf at 1."""
    p = np.asarray(p)
    # ufuncs return scalars for 0-d input, and out[mid] needs an array
    if p.ndim == 0:
        return logit_kernel(p.reshape(1))[0]
    # log(0) = -inf is the right answer at p = 0 and 1
    with np.errstate(divide="ignore"):
        out = np.log(p) - np.log1p(-p)
    # Near p = 0.5 the difference above cancels. There 2p - 1 is exact, and
    # 2 * atanh(2p - 1) is the same function without the cancellation.
    mid = np.abs(p - 0.5) < 0.25
    if mid.any():
        out[mid] = 2.0 * np.arctanh(2.0 * p[mid] - 1.0)
    return out


# --8<-- [end:logit]


# --8<-- [start:bce]
def binary_cross_entropy_with_logits_kernel(
    z: np.ndarray,
    y: np.ndarray,
) -> np.ndarray:
    """Return the per-element loss -y log sigma(z) - (1 - y) log(1 - sigma(z)).

    Computed from the logits z as max(z, 0) - z*y + log1p(exp(-|z|)), which
    never forms sigma(z), so it stays finite and accurate where sigma(z)
    rounds to 0 or 1.
    """
    z, y = np.broadcast_arrays(z, y)
    # ufuncs return scalars for 0-d input, and loss[infinite] needs an array
    if z.ndim == 0:
        z1, y1 = z.reshape(1), y.reshape(1)
        return binary_cross_entropy_with_logits_kernel(z1, y1)[0]
    # invalid: inf - inf when a logit is infinite; those entries are set below.
    with np.errstate(under="ignore", invalid="ignore"):
        loss = np.maximum(z, 0.0) - z * y + np.log1p(np.exp(-np.abs(z)))
    infinite = np.isinf(z)
    if infinite.any():
        # An infinite logit is a certain prediction: the loss is 0 when the
        # target agrees with it completely and +inf otherwise.
        miss = np.where(z > 0, 1.0 - y, y)[infinite]
        wrong = np.where(miss > 0, np.inf, miss)
        loss[infinite] = np.where(miss == 0, 0.0, wrong)
    return loss


# --8<-- [end:bce]
