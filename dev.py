#!/usr/bin/env python3
"""One entry point for working on the guide; needs only Python (3.11-3.13 for the site).

    python3 dev.py serve    set up .venv, then serve both languages with live reload
    python3 dev.py test     set up .venv (and the browser-test tools), then run every test
    python3 dev.py build    set up .venv, then build the site into site/ (strict)
    python3 dev.py pdf      after a build: site/pdf/sigmoid-guide-{ko,en}.pdf (needs Chromium)
    python3 dev.py bench    print the activation benchmark (ratios measured side by side)
    python3 dev.py measure-build   time a cold build and a Markdown-edit reload of `serve`
    python3 dev.py test-package    the package's own tests only (Python 3.10-3.13), in
                                   .venv/pkg-3.X/ made from requirements/package.txt
    python3 dev.py lock [--upgrade]   re-resolve requirements/*.txt (see their headers)

.venv/ is installed from the lock requirements/site.txt (exact versions, with hashes),
then the package itself (editable; nothing from outside the lock). Setting up is skipped
when neither the lock nor pyproject.toml changed since the last run, so the commands
stay fast after the first time.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
import tempfile
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent
VENV = ROOT / ".venv"
REQ = ROOT / "requirements"
SITE_LOCK = REQ / "site.txt"
PACKAGE_LOCK = REQ / "package.txt"
# The Python versions each lock is resolved and tested for (first and last, inclusive).
# mkdocs-material 9.8 needs 3.11. (pymdown-extensions 13 and soupsieve 4 need 3.11.5:
# the site lock keeps 12 and 2, which build the same site, for Debian 12's Python 3.11.2.)
SITE_PYTHONS = ((3, 11, 0), (3, 13))
PACKAGE_PYTHONS = ((3, 10, 0), (3, 13))


def _version(v: tuple[int, ...]) -> str:
    """(3, 11, 5) -> "3.11.5"; (3, 10, 0) -> "3.10"."""
    return ".".join(str(part) for part in (v[:2] if v[2:] == (0,) else v))


# How requirements/*.txt are made: `python3 dev.py lock` runs this uv on these inputs.
UV = "uv==0.13.9"
LOCKS = {
    # lock: (extra of pyproject.toml, input file, first Python, fork strategy, what for)
    SITE_LOCK: (
        "test",
        REQ / "site.in",
        SITE_PYTHONS[0][:2],
        # One version of every package on every Python (the set the site is tested with).
        "fewest",
        "The site's toolchain and the whole test suite (`python3 dev.py serve`, `build`,\n"
        "# `test`; the GitHub workflow and .ci/run through them), for Python"
        f" {_version(SITE_PYTHONS[0])}-{_version(SITE_PYTHONS[1])}.",
    ),
    PACKAGE_LOCK: (
        "test-package",
        REQ / "package.in",
        PACKAGE_PYTHONS[0][:2],
        # On each Python, the newest release that supports it (what a user's pip gets).
        "requires-python",
        "The package and its own tests only (`python3 dev.py test-package`), for Python"
        f"\n# {_version(PACKAGE_PYTHONS[0])}-{_version(PACKAGE_PYTHONS[1])}.",
    ),
}


def _bin(env: Path) -> Path:
    return env / ("Scripts" if os.name == "nt" else "bin")


def _python(env: Path) -> Path:
    return _bin(env) / ("python.exe" if os.name == "nt" else "python")


BIN = _bin(VENV)
PY = _python(VENV)


def _run(*cmd: str | os.PathLike[str], env: dict[str, str] | None = None) -> None:
    print("+", " ".join(str(c) for c in cmd), flush=True)
    subprocess.run([str(c) for c in cmd], cwd=ROOT, check=True, env=env)


_THIS = ".".join(str(part) for part in sys.version_info[:3])  # this Python, e.g. "3.11.7"


def require_python(cmd: str, pythons: tuple[tuple[int, ...], tuple[int, ...]]) -> None:
    """Exit with one line unless this Python is one of `pythons` (first, last)."""
    first, last = pythons
    here = tuple(sys.version_info[:3])
    if first <= here and here[:2] <= last:
        return
    line = f"dev.py {cmd} needs Python {_version(first)}-{_version(last)}"
    if pythons == SITE_PYTHONS:
        line += " (the site's pinned toolchain)"
    line += f"; this is Python {_THIS} ({sys.executable})"
    first_pkg, last_pkg = PACKAGE_PYTHONS
    if pythons == SITE_PYTHONS and first_pkg <= here and here[:2] <= last_pkg:
        python = Path(sys.executable).name
        line += f"; the package's own tests run on it: `{python} dev.py test-package`"
    sys.exit(line)


def _fingerprint(*parts: Path | str) -> str:
    h = hashlib.sha256()
    for p in parts:
        if isinstance(p, Path):
            h.update(p.read_bytes() if p.exists() else b"")
        else:
            h.update(p.encode())
        h.update(b"\0")
    return h.hexdigest()


def _env_python_version(env: Path) -> str | None:
    """`major.minor.micro` of the environment's Python, or None if it does not run."""
    try:
        out = subprocess.run(
            [str(_python(env)), "-c", "import sys; print(*sys.version_info[:3], sep='.')"],
            capture_output=True,
            text=True,
            check=True,
        )
    except (OSError, subprocess.CalledProcessError):
        return None
    return out.stdout.strip()


def ensure_env(env: Path, lock: Path) -> None:
    """Make `env` a virtual environment with exactly `lock` and the package (editable),
    unless already done. The environment's Python is this one; an environment made by
    another Python version (or a broken one) is made again."""
    this = _THIS
    made = _python(env).exists()
    have = _env_python_version(env) if made else None
    if have is None or have.split(".")[:2] != this.split(".")[:2]:
        if made:
            was = f"Python {have}" if have else "broken"
            print(f"{env} is {was}: making it again with Python {this}", flush=True)
        else:
            print(f"creating {env} (Python {this})", flush=True)
        venv.EnvBuilder(with_pip=True, clear=made).create(env)
        have = this
    stamp = env / ".installed"
    want = _fingerprint(lock, ROOT / "pyproject.toml", have)
    if stamp.exists() and stamp.read_text() == want:
        return
    pip = (_python(env), "-m", "pip")
    env_vars = dict(os.environ, PIP_DISABLE_PIP_VERSION_CHECK="1")
    # Exact versions with their hashes, dependencies included (pip fails if the lock
    # misses one); then the package itself with the lock's extra, from what is installed
    # only (--no-index; its build backend, setuptools, is in the lock too): this fails
    # if pyproject.toml asks for something the lock does not have.
    _run(*pip, "install", "--require-hashes", "-r", lock, env=env_vars)
    extra = LOCKS[lock][0]
    try:
        _run(*pip, "install", "--no-index", "--no-build-isolation", "-e", f".[{extra}]",
             env=env_vars)  # fmt: skip
    except subprocess.CalledProcessError:
        rel = lock.relative_to(ROOT).as_posix()
        print(f"dev.py: {rel} does not have what pyproject.toml asks for: "
              "run `python3 dev.py lock` (see its header)", file=sys.stderr)  # fmt: skip
        raise
    stamp.write_text(want)


def ensure_venv(cmd: str) -> None:
    """The main .venv (site toolchain, whole test suite) for command `cmd`."""
    require_python(cmd, SITE_PYTHONS)
    ensure_env(VENV, SITE_LOCK)


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


def test_package(rest: list[str]) -> None:
    """The package's own tests (tests/conftest.py says which), in an environment with
    only the package and requirements/package.txt: .venv/pkg-<this Python's version>/."""
    require_python("test-package", PACKAGE_PYTHONS)
    env = VENV / f"pkg-{sys.version_info.major}.{sys.version_info.minor}"
    ensure_env(env, PACKAGE_LOCK)
    _run(_python(env), "-m", "pytest", "--package-tests", *rest, env=_env())


def lock(rest: list[str]) -> None:
    """Re-resolve every lock with uv (in a temporary environment). Extra arguments go
    to `uv pip compile`: `--upgrade` takes the newest releases pyproject.toml allows;
    without it the pins in the current lock are kept where they still fit."""
    require_python("lock", PACKAGE_PYTHONS)
    with tempfile.TemporaryDirectory(prefix="sigmoid-guide-uv-") as tmp:
        venv.EnvBuilder(with_pip=True).create(tmp)
        _run(_python(Path(tmp)), "-m", "pip", "install", "--quiet", UV)
        uv = _bin(Path(tmp)) / "uv"
        for out, (extra, infile, first, strategy, what) in LOCKS.items():
            rel = out.relative_to(ROOT).as_posix()
            compile_cmd = [
                "uv", "pip", "compile", "--universal", "--generate-hashes",
                "--python-version", _version(first), "--fork-strategy", strategy,
                "pyproject.toml", "--extra", extra, infile.relative_to(ROOT).as_posix(),
                "-o", rel,
            ]  # fmt: skip
            env = dict(os.environ, UV_NO_CONFIG="1")
            _run(uv, *compile_cmd[1:], "--no-header", "--quiet", *rest, env=env)
            header = (
                f"# {what}\n"
                "# Exact versions with the hashes of every file on PyPI, with markers where a\n"
                "# Python version or platform needs another one; installed with\n"
                f"#     pip install --require-hashes -r {rel}\n"
                f'#     pip install --no-index --no-build-isolation -e ".[{extra}]"\n'
                "#\n"
                "# Do not edit. To refresh (newest releases within pyproject.toml's ranges):\n"
                "#     python3 dev.py lock --upgrade\n"
                "# or, after editing pyproject.toml or an .in file, keeping the other pins:\n"
                "#     python3 dev.py lock\n"
                f"# which runs {UV.replace('==', ' ')}:\n"
                f"#     {' '.join(compile_cmd)}\n"
            )
            out.write_text(header + out.read_text(encoding="utf-8"), encoding="utf-8")
    print("Check the site with `python3 dev.py test`, the package with `dev.py test-package`.")


COMMANDS = {"serve", "test", "build", "pdf", "bench", "measure-build", "test-package", "lock"}


def main(argv: list[str]) -> int:
    if not argv or argv[0] not in COMMANDS:
        print(__doc__)
        return 2
    cmd, rest = argv[0], argv[1:]
    if cmd == "serve":
        ensure_venv(cmd)
        _run(BIN / "mkdocs", "serve", "--dev-addr", "127.0.0.1:8000", *rest, env=_env())
    elif cmd == "build":
        ensure_venv(cmd)
        _run(BIN / "mkdocs", "build", "--strict", *rest, env=_env())
    elif cmd == "pdf":
        ensure_venv(cmd)
        _run(PY, ROOT / "scripts" / "build_pdf.py", *rest, env=_env())
    elif cmd == "measure-build":
        ensure_venv(cmd)
        _run(PY, ROOT / "scripts" / "measure_build.py", *rest, env=_env())
    elif cmd == "bench":
        ensure_venv(cmd)
        _run(PY, "-m", "sigmoid_guide.bench", *rest, env=_env())
    elif cmd == "test-package":
        test_package(rest)
    elif cmd == "lock":
        lock(rest)
    else:
        ensure_venv(cmd)
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
