"""Two clean builds produce byte-identical sites.

The second build runs in a fresh copy of the project (as a fresh clone would: no
``.cache``, no ``site/``, another folder), so figures are rendered and notebooks
executed again, and nothing may depend on where the project lies. It is compared file
by file with the session's ``built_site``.
"""

from __future__ import annotations

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
    proc = mkdocs_build(second, cwd=project)
    assert proc.returncode == 0, f"second build failed:\n{(proc.stdout + proc.stderr)[-6000:]}"

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
            f"the two builds differ in {len(problems)} files:\n" + "\n".join(problems[:40]),
            pytrace=False,
        )
