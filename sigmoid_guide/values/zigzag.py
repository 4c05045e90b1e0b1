"""Prose values of the zero-centered page (the zig-zag experiment).

The relation page quotes the same-sign fraction at batch size 1 as well.
"""

from ..experiments.zigzag import run_zigzag
from . import ValueSpec

_B = {"b1": 0, "b8": 1, "b64": 2, "full": 3}  # positions in ZigzagResult.batch_sizes

SPECS = [
    *(
        ValueSpec(f"zigzag.condition_number.{k}", run_zigzag, f"condition_number.{k}", ".1f")
        for k in ("positive", "centered")
    ),
    *(
        ValueSpec(f"zigzag.eigenvalue_{which}.{k}", run_zigzag, f"eigenvalues.{k}.{i}", ".4f")
        for k, which, i in (
            ("positive", "min", 0),
            ("centered", "min", 0),
            ("positive", "max", -1),  # the large eigenvalue the mean creates
        )
    ),
    *(
        ValueSpec(f"zigzag.gd_steps.{k}", run_zigzag, f"gd_steps.{k}", "d")
        for k in ("positive", "centered")
    ),
    *(
        ValueSpec(f"zigzag.gd_steps_same.{k}", run_zigzag, f"gd_steps_same.{k}", "d")
        for k in ("positive", "centered")
    ),
    *(
        ValueSpec(f"zigzag.gd_lr.{k}", run_zigzag, f"gd_lr.{k}", ".2f")
        for k in ("positive", "centered")
    ),
    ValueSpec("zigzag.gd_lr_same", run_zigzag, "gd_lr_same", ".2f"),
    # Same-sign fractions: every batch size for positive inputs, batch size 1 centered.
    *(
        ValueSpec(
            f"zigzag.same_sign_fraction.{k}.{b}", run_zigzag, f"same_sign_fraction.{k}.{i}", ".3f"
        )
        for k, b, i in [*(("positive", b, i) for b, i in _B.items()), ("centered", "b1", 0)]
    ),
]
