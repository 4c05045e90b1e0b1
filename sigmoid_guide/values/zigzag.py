"""Prose values of the zero-centered page (the zig-zag experiment).

The relation page quotes the same-sign fractions as well. All same-sign fractions are
written with one precision, ``.3g`` (three significant digits, no trailing zeros), on
the pages, in the figure, its alt text, the example and the lab: the full-batch
fraction is 3/400 and reads 0.0075 everywhere.

Examples:
    >>> from sigmoid_guide.values import value_text
    >>> value_text("zigzag.same_sign_fraction.positive.b1")
    '1'
"""

from ..experiments.zigzag import run_zigzag
from . import ValueSpec

_B = {"b1": 0, "b8": 1, "b64": 2, "full": 3}  # positions in ZigzagResult.batch_sizes
#: Format of every same-sign fraction (see the module docstring).
FRACTION_FMT = ".3g"

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
    # Same-sign fractions over the whole run: every batch size for positive inputs,
    # batch size 1 for centered ones.
    *(
        ValueSpec(
            f"zigzag.same_sign_fraction.{k}.{b}",
            run_zigzag,
            f"same_sign_fraction.{k}.{i}",
            FRACTION_FMT,
        )
        for k, b, i in [*(("positive", b, i) for b, i in _B.items()), ("centered", "b1", 0)]
    ),
    # ... and over the first updates (the early window), which the verdict rests on.
    *(
        ValueSpec(
            f"zigzag.same_sign_fraction_early.positive.{b}",
            run_zigzag,
            f"same_sign_fraction_early.positive.{_B[b]}",
            FRACTION_FMT,
        )
        for b in ("b8", "b64", "full")
    ),
    # The early window of the full batch, and its same-sign updates (all at the start).
    ValueSpec(
        "zigzag.early_updates.positive.full",
        run_zigzag,
        f"early_updates.positive.{_B['full']}",
        "d",
    ),
    ValueSpec(
        "zigzag.same_sign_leading.positive.full",
        run_zigzag,
        f"same_sign_leading.positive.{_B['full']}",
        "d",
    ),
    ValueSpec("zigzag.early_gap", run_zigzag, "early_gap", ".0%"),
    ValueSpec("zigzag.sign_updates", run_zigzag, "sign_updates", "d"),
]
