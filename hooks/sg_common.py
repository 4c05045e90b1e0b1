"""Helpers shared by the hooks in this folder (imported by them, not a hook itself).

The hooks are loaded once per process by MkDocs and shared by the Korean build and the
English sub-build (same module objects), so state that must survive a `mkdocs serve`
rebuild lives here at module level.
"""

from __future__ import annotations

import hashlib
import importlib
import logging
import os
import shutil
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = "sigmoid_guide"
PACKAGE_DIR = ROOT / PACKAGE
CACHE_DIR = ROOT / ".cache"
# The build date (2026-01-01) that MkDocs writes into the sitemaps and matplotlib into
# every SVG's metadata. Fixed here, where every build loads it, so that two builds give
# the same bytes however they are started (a plain `mkdocs build` included); a date set
# in the environment still wins.
SOURCE_DATE_EPOCH = "1767225600"
os.environ.setdefault("SOURCE_DATE_EPOCH", SOURCE_DATE_EPOCH)

log = logging.getLogger("mkdocs.hooks.sg_common")

# Worker tasks of the figures hook, by experiment (sg_figure_render.experiment_key): each
# also stores the prose values computed from its experiment, which hooks/values.py waits
# for instead of running the experiment a second time in this process.
experiment_tasks: dict = {}
# Worker tasks computing the explorables' JSON, by (lang, name); hooks/explorables.py
# waits for them (they write into the figure cache, sg_figure_render.explorable_path).
explorable_tasks: dict = {}

_last_hash: str | None = None
_build_hash: str | None = None  # fixed for one outer build (the sub-builds reuse it)


def package_files() -> list[Path]:
    """Every source and data file of the package (what can change a figure or a lab)."""
    return sorted(
        p
        for p in PACKAGE_DIR.rglob("*")
        if p.is_file() and "__pycache__" not in p.parts and p.suffix not in {".pyc", ".pyo"}
    )


def package_hash() -> str:
    """sha256 over the relative paths and bytes of the package and of these hooks
    (about a millisecond): the hooks decide how figures and labs are rendered, so an
    edit to them must not reuse cached output either."""
    h = hashlib.sha256()
    hooks = sorted(Path(__file__).resolve().parent.glob("*.py"))
    for p in package_files() + hooks:
        h.update(p.relative_to(ROOT).as_posix().encode())
        h.update(b"\0")
        h.update(p.read_bytes())
        h.update(b"\0")
    return h.hexdigest()


def begin_build() -> str:
    """Called once at the start of the outer (Korean) build: fix the package hash for
    this build and its sub-builds, even if files change while it runs."""
    global _build_hash
    _build_hash = refresh_package()
    return _build_hash


def build_hash() -> str:
    """The package hash of the build in progress."""
    return _build_hash if _build_hash is not None else begin_build()


def refresh_package() -> str:
    """Return the package hash; if it changed since the last build in this process
    (a package edit while `mkdocs serve` runs), forget the imported package modules so
    that the next import (figures, experiments) runs the edited code."""
    global _last_hash
    digest = package_hash()
    if _last_hash is not None and digest != _last_hash:
        stale = [m for m in sys.modules if m == PACKAGE or m.startswith(PACKAGE + ".")]
        for name in stale:
            del sys.modules[name]
        importlib.invalidate_caches()
        if stale:
            log.info("sigmoid_guide changed: reloading %d modules", len(stale))
    _last_hash = digest
    return digest


def versioned_cache(kind: str, digest: str) -> Path:
    """`.cache/<kind>/<digest[:16]>/`, removing the folders of other package versions."""
    base = CACHE_DIR / kind
    keep = base / digest[:16]
    if base.is_dir():
        for child in base.iterdir():
            if child != keep and child.is_dir():
                shutil.rmtree(child, ignore_errors=True)
    keep.mkdir(parents=True, exist_ok=True)
    return keep
