"""Prose values of the pages that use the outliers experiment (the strengths page)."""

from ..experiments.outliers import OUTLIERS, run_outliers
from . import ValueSpec

SPECS = [
    # gradient dσ(w·u)/dw of each outlier, in float64
    *(
        ValueSpec(
            f"outliers.gradient.{prep}.x{x:.0f}",
            run_outliers,
            f"grad_outliers.{prep}/float64.{i}",
            ".1e",
        )
        for prep in ("raw", "signed_log")
        for i, x in enumerate(OUTLIERS)
    ),
    ValueSpec(
        "outliers.gradient.robust.largest",
        run_outliers,
        lambda r: r.grad_outliers["robust/float64"].max(),
        ".1e",
    ),
    # how spread out the ordinary inputs' outputs stay (standard deviation)
    *(
        ValueSpec(
            f"outliers.bulk_std.{prep}", run_outliers, f"bulk_output_std.{prep}/float64", ".4f"
        )
        for prep in ("raw", "standardised", "signed_log")
    ),
    ValueSpec(
        "outliers.distinct_outputs.signed_log",
        run_outliers,
        "distinct_outlier_outputs.signed_log/float64",
        "d",
    ),
]
