"""Two clean builds produce byte-identical sites, also on another SIMD path of NumPy.

The second build runs in a fresh copy of the project (as a fresh clone would: no
``.cache``, no ``site/``, another folder), so figures are rendered and notebooks
executed again, and nothing may depend on where the project lies. It also runs on
another of NumPy's SIMD paths than the session (NPY_DISABLE_CPU_FEATURES; see
scripts/simd_paths.py): the baseline path, or, when the session already runs a lower
path, the default one. NumPy's exp, log ... differ in the last bits between paths, as
they do between readers' computers. It is compared file by file with the session's
``built_site``.
"""

from __future__ import annotations

import importlib.util
import os
import shutil
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
# Not part of a fresh clone (build outputs, caches, environments).
SKIP = {
    ".git",
    ".venv",
    "venv",
    "site",
    ".cache",
    "node_modules",
    "test-artifacts",
    "__pycache__",
    ".pytest_cache",
    ".ruff_cache",
    ".hypothesis",
    ".ipynb_checkpoints",
    "build",
    "dist",
}


def _other_simd_path() -> tuple[dict[str, str | None], str]:
    """Environment changes that put the second build on another SIMD path, and its name."""
    if os.environ.get("NPY_DISABLE_CPU_FEATURES"):
        return {"NPY_DISABLE_CPU_FEATURES": None}, "NumPy's default SIMD path"
    spec = importlib.util.spec_from_file_location("simd_paths", ROOT / "scripts/simd_paths.py")
    assert spec and spec.loader
    simd_paths = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(simd_paths)
    _, paths = simd_paths.lower_paths()
    if not paths:  # not x86-64, or NumPy already runs its baseline here
        return {}, "the same SIMD path (this machine has no lower one)"
    level, value = paths[0]
    return {"NPY_DISABLE_CPU_FEATURES": value}, f"SIMD path {level}"


def _ignore(folder: str, names: list[str]) -> set[str]:
    return {n for n in names if n in SKIP or n.endswith(".egg-info")}


def _files(site: Path) -> dict[str, Path]:
    return {p.relative_to(site).as_posix(): p for p in sorted(site.rglob("*")) if p.is_file()}


def _first_difference(a: bytes, b: bytes) -> str:
    n = next((i for i, (x, y) in enumerate(zip(a, b, strict=False)) if x != y), min(len(a), len(b)))
    lo = max(0, n - 60)
    return (
        f"sizes {len(a)} and {len(b)}, first difference at byte {n}:\n"
        f"      first:  {a[lo : n + 60]!r}\n"
        f"      second: {b[lo : n + 60]!r}"
    )


@pytest.mark.slow
def test_two_clean_builds_are_byte_identical(built_site, mkdocs_build, tmp_path):
    project = tmp_path / "clone"
    shutil.copytree(ROOT, project, ignore=_ignore, symlinks=True)
    second = tmp_path / "site"
    changes, path = _other_simd_path()
    proc = mkdocs_build(second, cwd=project, env_changes=changes)
    assert proc.returncode == 0, (
        f"second build ({path}) failed:\n{(proc.stdout + proc.stderr)[-6000:]}"
    )

    first_files, second_files = _files(built_site), _files(second)
    problems = []
    for rel in sorted(first_files.keys() - second_files.keys()):
        problems.append(f"only in the first build: {rel}")
    for rel in sorted(second_files.keys() - first_files.keys()):
        problems.append(f"only in the second build: {rel}")
    for rel in sorted(first_files.keys() & second_files.keys()):
        a, b = first_files[rel].read_bytes(), second_files[rel].read_bytes()
        if a != b:
            problems.append(f"differs: {rel}: {_first_difference(a, b)}")
    assert len(first_files) > 20
    if problems:
        pytest.fail(
            f"the two builds (the second on {path}) differ in {len(problems)} files:\n"
            + "\n".join(problems[:40]),
            pytrace=False,
        )
