"""The copy-ready-code page works for a reader who has NumPy and nothing else.

Every section of that page that has code shows two Python blocks: the function block
(sections of sigmoid_guide/kernels.py) and a usage example that imports the function
from the package with one line starting ``from sigmoid_guide.kernels import``. The page
tells a reader with only NumPy to delete that line and paste the section's function
block in its place. This test does exactly that, in both languages, with the blocks as
a reader copies them from the built HTML (the ``site`` fixture), and runs

* each function block on its own (it must run and print nothing), and
* each usage example with its import line replaced by the function block (it must run
  and print exactly its ``#>`` lines),

with warnings as errors, in an interpreter that can import NumPy and the standard
library and nothing else: ``python -I -S`` (no site-packages, no .pth files, so not the
editable install of the package either), with ``sys.path`` extended by a temporary
folder that holds only links to NumPy's own folders. The same process first checks that
``import sigmoid_guide`` raises ModuleNotFoundError and that no site-packages folder is
on ``sys.path``. Each program runs twice: with NumPy's default CPU dispatch and with
every dispatched CPU feature disabled (``NPY_DISABLE_CPU_FEATURES``, the baseline SIMD
path), because the printed output must not depend on the reader's CPU.
"""

from __future__ import annotations

import dataclasses
import importlib
import os
import re
import subprocess
import sys
import tempfile
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import numpy as np
import pytest

import sigmoid_guide.kernels

ROOT = Path(__file__).resolve().parent.parent
PAGE = "copy-ready-code/index.html"
IMPORT_LINE = "from sigmoid_guide.kernels import"
_OUT = re.compile(r"^[ \t]*# ?>(?: (.*)|)$")  # as in tests/test_examples.py

# Runs in the isolated interpreter: check what it can import, then run the program.
_BOOTSTRAP = """\
import runpy, sys
assert sys.flags.isolated and sys.flags.no_site, sys.flags
assert not [p for p in sys.path if p.endswith(("site-packages", "dist-packages"))], sys.path
sys.path.append({numpy_only!r})
try:
    import sigmoid_guide
except ModuleNotFoundError:
    pass
else:
    sys.exit("sigmoid_guide is importable: " + repr(sigmoid_guide.__spec__))
import numpy
assert numpy.__file__.startswith({numpy_only!r}), numpy.__file__
disabled = {disabled!r}
if disabled:
    try:
        from numpy._core._multiarray_umath import __cpu_features__
    except ImportError:
        from numpy.core._multiarray_umath import __cpu_features__
    still_on = [f for f in disabled if __cpu_features__.get(f)]
    assert not still_on, still_on
sys.argv = [{program!r}]
runpy.run_path({program!r}, run_name="__main__")
"""


def _dispatched_cpu_features() -> list[str]:
    """The CPU features NumPy picks at run time (what NPY_DISABLE_CPU_FEATURES accepts)."""
    for name in ("numpy._core._multiarray_umath", "numpy.core._multiarray_umath"):
        try:
            return list(importlib.import_module(name).__cpu_dispatch__)
        except (ImportError, AttributeError):
            continue
    return []


CPU_PATHS = {"default": [], "baseline": _dispatched_cpu_features()}


def expected_output(source: str) -> str:
    lines = [m.group(1) or "" for m in map(_OUT.match, source.splitlines()) if m]
    return "".join(line + "\n" for line in lines)


@pytest.fixture(scope="module")
def numpy_only(tmp_path_factory: pytest.TempPathFactory) -> str:
    """A folder that holds NumPy (links to its package folder and bundled libraries)."""
    folder = tmp_path_factory.mktemp("numpy-only")
    package = Path(np.__file__).resolve().parent
    for name in ("numpy", "numpy.libs"):  # numpy.libs: the wheel's OpenBLAS and friends
        if (package.parent / name).is_dir():
            (folder / name).symlink_to(package.parent / name, target_is_directory=True)
    return str(folder)


def _run_isolated(code: str, numpy_only: str, disabled: list[str]) -> subprocess.CompletedProcess:
    # No PYTHON* (-I ignores them anyway) and no NPY_* settings but the one chosen here.
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PYTHON", "NPY_"))}
    if disabled:
        env["NPY_DISABLE_CPU_FEATURES"] = ",".join(disabled)
    with tempfile.TemporaryDirectory() as tmp:
        program = Path(tmp, "copied.py")
        program.write_text(code, encoding="utf-8")
        bootstrap = _BOOTSTRAP.format(
            numpy_only=numpy_only, disabled=disabled, program=str(program)
        )
        return subprocess.run(
            [sys.executable, "-I", "-S", "-W", "error", "-c", bootstrap],
            cwd=tmp,
            env=env,
            capture_output=True,
            text=True,
            timeout=120,
        )


def _sections(page) -> list[tuple[str, list[str]]]:
    """(heading id, Python blocks) for each h2 section of the page, in order; the part
    before the first h2 is returned with the id ''."""
    parts = re.split(r"(?=<h2\b)", page.text)
    out = []
    for part in parts:
        m = re.match(r'<h2 id="([^"]*)"', part)
        blocks = dataclasses.replace(page, text=part).code_blocks("python")
        out.append((m.group(1) if m else "", blocks))
    return out


#: The exercises section: its code blocks use the functions shown above them, and say
#: so in a comment; a NumPy-only reader pastes those function blocks over the import.
EXERCISES = {"확인-문제", "exercises"}
_KERNEL_IMPORT = re.compile(r"^from sigmoid_guide\.kernels import (\([^)]*\)|[^\n]*)$", re.M)


def _programs(page) -> list[tuple[str, str]]:
    """(label, code) of every program the page tells a NumPy-only reader to run."""
    programs = []
    shown: dict[str, str] = {}  # kernel name -> the function block that defines it
    for heading, blocks in _sections(page):
        if not blocks:
            continue
        where = f"{page.lang}/{page.path}#{heading}"
        if heading in EXERCISES:
            for i, block in enumerate(blocks, start=1):
                match = _KERNEL_IMPORT.search(block)
                assert match, f"{where}: exercise block {i} imports no kernel"
                names = re.findall(r"\w+", match.group(1))
                missing = [n for n in names if n not in shown]
                assert not missing, f"{where}: exercise block {i} uses {missing}, not shown above"
                pasted = "".join(shown[n] if shown[n].endswith("\n") else shown[n] + "\n"
                                 for n in dict.fromkeys(names))  # fmt: skip
                combined = block[: match.start()] + pasted + block[match.end() :]
                assert "sigmoid_guide" not in combined, f"{where}: exercise {i} needs the package"
                programs.append((f"{where} (exercise {i})", combined))
            continue
        assert heading and len(blocks) == 2, (
            f"{where}: expected a function block and a usage block, got {len(blocks)} blocks"
        )
        function, usage = blocks
        for name in re.findall(r"^def (\w+)", function, re.M):
            shown[name] = function
        assert "sigmoid_guide" not in function, f"{where}: the function block uses the package"
        lines = usage.splitlines(keepends=True)
        imports = [i for i, line in enumerate(lines) if line.startswith(IMPORT_LINE)]
        assert len(imports) == 1, f"{where}: the usage block needs one '{IMPORT_LINE}' line"
        lines[imports[0]] = function if function.endswith("\n") else function + "\n"
        combined = "".join(lines)
        assert "sigmoid_guide" not in combined, f"{where}: the usage block needs the package"
        programs += [(f"{where} (function block)", function), (f"{where} (usage)", combined)]
    return programs


def test_page_says_what_the_test_does(site):
    """Both pages name the import line that the test replaces, outside the code blocks."""
    for lang in ("ko", "en"):
        page = site.page(lang, PAGE)
        prose = page.article_text()
        for code in page.code_blocks():
            prose = prose.replace(code, "")
        assert IMPORT_LINE in prose, f"{lang}/{PAGE}: no instruction about '{IMPORT_LINE}'"


def test_page_shows_every_kernel(site):
    for lang in ("ko", "en"):
        shown = {
            name
            for _, blocks in _sections(site.page(lang, PAGE))
            for name in re.findall(r"^def (\w+)", blocks[0] if blocks else "", re.M)
        }
        assert shown == set(sigmoid_guide.kernels.__all__), f"{lang}/{PAGE}"


@pytest.mark.parametrize("cpu", CPU_PATHS)
def test_every_block_runs_with_numpy_only(site, numpy_only, cpu):
    disabled = CPU_PATHS[cpu]
    if cpu == "baseline" and not disabled:
        pytest.skip("this NumPy dispatches no CPU features: the default path is the baseline")
    programs: dict[str, list[str]] = {}
    for lang in ("ko", "en"):
        for label, code in _programs(site.page(lang, PAGE)):
            programs.setdefault(code, []).append(label)
    assert len(programs) >= 2 * len(sigmoid_guide.kernels.__all__)

    def run(code: str) -> subprocess.CompletedProcess:
        return _run_isolated(code, numpy_only, disabled)

    with ThreadPoolExecutor(max_workers=2) as pool:
        results = dict(zip(programs, pool.map(run, programs), strict=True))
    failures = []
    for code, proc in results.items():
        expected = expected_output(code)
        if proc.returncode or proc.stderr or proc.stdout != expected:
            failures.append(
                f"--- {', '.join(programs[code])}: exit {proc.returncode}\n{code}\n"
                f"--- stderr:\n{proc.stderr[-1500:]}\n--- stdout:\n{proc.stdout}"
                f"--- expected:\n{expected}"
            )
    assert not failures, f"{len(failures)} of {len(programs)} programs fail:\n" + "\n".join(
        failures
    )


def test_the_isolated_interpreter_cannot_import_the_package(numpy_only):
    """The check is not vacuous: this interpreter has the package (and SciPy) installed,
    an unchanged usage example fails in isolation, and only NumPy is there."""
    plain = subprocess.run(
        [sys.executable, "-W", "error", "-c", "import sigmoid_guide.kernels, scipy"],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert plain.returncode == 0, plain.stderr
    usage = ROOT / "docs_src" / "copy-ready-code" / "sigmoid_usage.py"
    unchanged = _run_isolated(usage.read_text(encoding="utf-8"), numpy_only, [])
    assert unchanged.returncode != 0
    assert "ModuleNotFoundError: No module named 'sigmoid_guide'" in unchanged.stderr
    scipy = _run_isolated("import scipy\n", numpy_only, [])
    assert "ModuleNotFoundError: No module named 'scipy'" in scipy.stderr
    assert sorted(p.name for p in Path(numpy_only).iterdir()) in (
        ["numpy"],
        ["numpy", "numpy.libs"],
    )
