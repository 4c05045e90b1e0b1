"""The lower SIMD paths NumPy can take on this machine, as NPY_DISABLE_CPU_FEATURES values.

NumPy picks, at run time, the best of the code paths it was built with that the CPU
supports (``__cpu_dispatch__``; ``__cpu_baseline__`` is always on). A machine with
AVX-512 therefore never runs the AVX2 or the baseline loops, which other readers'
machines do. Setting ``NPY_DISABLE_CPU_FEATURES`` to the dispatch targets above a level
makes NumPy run that level instead. On x86-64, NumPy 2.4 names the levels X86_V2 (the
baseline), X86_V3 (AVX2), X86_V4 (AVX-512), AVX512_ICL and AVX512_SPR.

    python scripts/simd_paths.py        one line per lower path: NAME<Tab>VALUE
    python scripts/simd_paths.py -v     also what NumPy runs by default, on stderr

Run it with the Python (and NumPy) that the tests use. Each value is checked by importing
NumPy with it in a new process (a wrong name makes NumPy raise at import). Prints nothing
when there is no lower path; on a machine that is not x86-64 it prints nothing and says
so on stderr (the level names differ there). Exit status 1 if a value does not work.
"""

from __future__ import annotations

import json
import os
import platform
import subprocess
import sys

PROBE = """
import json, numpy
from numpy._core._multiarray_umath import __cpu_baseline__, __cpu_dispatch__, __cpu_features__
print(json.dumps({
    "numpy": numpy.__version__,
    "baseline": list(__cpu_baseline__),
    "dispatch": list(__cpu_dispatch__),
    "enabled": [t for t in __cpu_dispatch__ if __cpu_features__.get(t)],
}))
"""


def probe(disabled: str | None) -> dict:
    """What NumPy sees in a new process with NPY_DISABLE_CPU_FEATURES=`disabled`:
    its version, baseline, dispatch targets and the targets it uses (lowest first)."""
    env = dict(os.environ)
    env.pop("NPY_DISABLE_CPU_FEATURES", None)
    env.pop("NPY_ENABLE_CPU_FEATURES", None)
    if disabled is not None:
        env["NPY_DISABLE_CPU_FEATURES"] = disabled
    proc = subprocess.run(
        [sys.executable, "-W", "error", "-c", PROBE], env=env, capture_output=True, text=True
    )
    if proc.returncode != 0:
        lines = proc.stderr.strip().splitlines() or [f"exit {proc.returncode}"]
        where = "" if disabled is None else f" with NPY_DISABLE_CPU_FEATURES={disabled}"
        raise RuntimeError(f"importing NumPy{where}: {lines[-1]}")
    return json.loads(proc.stdout)


def lower_paths() -> tuple[dict, list[tuple[str, str]]]:
    """(what NumPy does here by default, [(lower level, value to disable), ...]), lowest
    first. Raises RuntimeError if NumPy does not accept a value or ignores it."""
    default = probe(None)
    # __cpu_dispatch__ lists the targets lowest first, each implying the ones before it.
    dispatch, enabled = default["dispatch"], default["enabled"]
    baseline = default["baseline"][-1] if default["baseline"] else "baseline"
    paths = []
    for i, level in enumerate([baseline, *enabled[:-1]]):
        # Disable every target above `level`, also those this CPU lacks (NumPy accepts
        # them), so the same value means the same path on any machine.
        value = ",".join(dispatch[dispatch.index(level) + 1 :] if i else dispatch)
        got = probe(value)["enabled"]
        if got != enabled[:i]:
            raise RuntimeError(
                f"NPY_DISABLE_CPU_FEATURES={value}: NumPy uses {got or 'only the baseline'}, "
                f"not {level}"
            )
        paths.append((level, value))
    return default, paths


def main(argv: list[str]) -> int:
    verbose = "-v" in argv
    machine = platform.machine().lower()
    if machine not in {"x86_64", "amd64"}:
        print(f"simd_paths: {machine} is not x86-64; no lower SIMD paths named", file=sys.stderr)
        return 0
    try:
        default, paths = lower_paths()
    except (RuntimeError, ValueError) as exc:
        print(f"simd_paths: {exc}", file=sys.stderr)
        return 1
    if verbose:
        top = (default["enabled"] or default["baseline"] or ["baseline"])[-1]
        lower = ", ".join(level for level, _ in paths) or "none"
        print(
            f"simd_paths: NumPy {default['numpy']} runs {top} here; lower paths: {lower}",
            file=sys.stderr,
        )
    for level, value in paths:
        print(f"{level}\t{value}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
