#!/usr/bin/env python3
"""One entry point for working on the guide; needs only Python 3.10+.

    python3 dev.py serve    set up .venv, then serve both languages with live reload
    python3 dev.py test     set up .venv (and the browser-test tools), then run every test
    python3 dev.py build    set up .venv, then build the site into site/ (strict)
    python3 dev.py bench    print the activation benchmark (ratios measured side by side)
    python3 dev.py measure-build   time a cold build and a Markdown-edit reload of `serve`

Setting up is skipped when nothing it depends on changed since the last run, so the
commands stay fast after the first time.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent
VENV = ROOT / ".venv"
BIN = VENV / ("Scripts" if os.name == "nt" else "bin")
PY = BIN / ("python.exe" if os.name == "nt" else "python")


def _run(*cmd: str | os.PathLike[str], env: dict[str, str] | None = None) -> None:
    print("+", " ".join(str(c) for c in cmd), flush=True)
    subprocess.run([str(c) for c in cmd], cwd=ROOT, check=True, env=env)


def _fingerprint(*paths: Path) -> str:
    h = hashlib.sha256()
    for p in paths:
        if p.exists():
            h.update(p.read_bytes())
    return h.hexdigest()


def ensure_venv(extra: str) -> None:
    """Create .venv and install the package with `extra`, unless already done."""
    if sys.version_info < (3, 10):  # noqa: UP036 - say so instead of failing obscurely
        sys.exit("dev.py: Python 3.10 or newer is required")
    if not PY.exists():
        print(f"creating {VENV}", flush=True)
        venv.EnvBuilder(with_pip=True).create(VENV)
    stamp = VENV / f".installed-{extra}"
    want = _fingerprint(ROOT / "pyproject.toml")
    if stamp.exists() and stamp.read_text() == want:
        return
    _run(PY, "-m", "pip", "install", "--upgrade", "pip")
    _run(PY, "-m", "pip", "install", "-e", f".[{extra}]")
    stamp.write_text(want)


def ensure_node_tools() -> None:
    """Install axe-core and lighthouse from package-lock.json when npm is available."""
    lock = ROOT / "package-lock.json"
    if not lock.exists() or shutil.which("npm") is None:
        return
    stamp = ROOT / "node_modules" / ".installed"
    want = _fingerprint(lock)
    if stamp.exists() and stamp.read_text() == want:
        return
    _run("npm", "ci", "--no-audit", "--no-fund")
    stamp.write_text(want)


def _env() -> dict[str, str]:
    env = dict(os.environ)
    env.setdefault("NO_MKDOCS_2_WARNING", "1")
    # The experiments multiply small matrices; BLAS threads only fight each other (and
    # the rest of the build) for two cores, which made them 10-50x slower under load.
    env.setdefault("OPENBLAS_NUM_THREADS", "1")
    env.setdefault("OMP_NUM_THREADS", "1")
    return env


def main(argv: list[str]) -> int:
    if not argv or argv[0] not in {"serve", "test", "build", "bench", "measure-build"}:
        print(__doc__)
        return 2
    cmd, rest = argv[0], argv[1:]
    if cmd == "serve":
        ensure_venv("docs")
        _run(BIN / "mkdocs", "serve", "--dev-addr", "127.0.0.1:8000", *rest, env=_env())
    elif cmd == "build":
        ensure_venv("docs")
        _run(BIN / "mkdocs", "build", "--strict", *rest, env=_env())
    elif cmd == "measure-build":
        ensure_venv("docs")
        _run(PY, ROOT / "scripts" / "measure_build.py", *rest, env=_env())
    elif cmd == "bench":
        ensure_venv("test")
        _run(PY, "-m", "sigmoid_guide.bench", *rest, env=_env())
    else:
        ensure_venv("test")
        ensure_node_tools()
        _run(PY, "-m", "pytest", *rest, env=_env())
    return 0


if __name__ == "__main__":
    try:
        sys.exit(main(sys.argv[1:]))
    except subprocess.CalledProcessError as exc:
        sys.exit(exc.returncode)
    except KeyboardInterrupt:
        sys.exit(130)
