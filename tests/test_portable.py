"""What the pages show does not depend on the last bits of NumPy's elementary functions.

Another CPU (AVX-512, AVX2, the baseline path, another libm) computes ``exp``, ``log``
... with different last bits. These tests nudge those functions by one or two ulp
(tests/perturb_numpy.py) and require the same printed output from every example and
doctest, the same alt texts, captions, prose values and figure SVGs (byte for
byte), and the same notebook outputs (text and images). tests/test_reproducible.py
also builds the site on the baseline SIMD path and compares the bytes.
"""

from __future__ import annotations

import doctest
import importlib
import json
import os
import pkgutil
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest
from perturb_numpy import MODES, forget_package, perturbed
from test_examples import DOCS_SRC, EXAMPLES, expected_output

ROOT = Path(__file__).resolve().parent.parent
TESTS = Path(__file__).resolve().parent
# Drawing every figure and running a lab are the slow parts: two modes each, moving
# results both ways.
SVG_MODES = ("up2", "mixed")
NOTEBOOK_MODES = ("down2", "mixed")


@pytest.mark.parametrize(
    "path", EXAMPLES, ids=[p.relative_to(DOCS_SRC).as_posix() for p in EXAMPLES]
)
def test_example_prints_the_same_on_other_cpus(path: Path, tmp_path: Path):
    proc = subprocess.run(
        [sys.executable, "-W", "error", str(TESTS / "perturb_numpy.py"), str(path), *MODES],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert proc.returncode == 0 and proc.stderr == "", proc.stderr
    want = expected_output(path.read_text(encoding="utf-8"))
    for mode, got in zip(MODES, json.loads(proc.stdout), strict=True):
        assert got == want, f"{path.name} prints other output with exp etc. nudged ({mode})"


def _package_modules() -> list[str]:
    import sigmoid_guide

    names = ["sigmoid_guide"]
    for info in pkgutil.walk_packages(sigmoid_guide.__path__, "sigmoid_guide."):
        if not info.name.startswith("sigmoid_guide.data"):
            names.append(info.name)
    return names


@pytest.fixture
def fresh_package():
    """Each use imports the package anew, so memoised experiments run again."""
    forget_package()
    yield
    forget_package()


@pytest.mark.parametrize("mode", MODES)
def test_doctests_pass_on_other_cpus(mode: str, fresh_package):
    flags = doctest.NORMALIZE_WHITESPACE | doctest.ELLIPSIS
    runner = doctest.DocTestRunner(optionflags=flags)
    examples = 0
    report: list[str] = []
    with perturbed(mode), np.printoptions():
        for name in _package_modules():
            module = importlib.import_module(name)
            for test in doctest.DocTestFinder().find(module):
                examples += len(test.examples)
                runner.run(test, out=report.append)
    results = runner.summarize(verbose=False)
    assert examples > 20
    assert results.failed == 0, (
        f"{results.failed} doctest examples fail with exp etc. nudged ({mode}):\n" + "".join(report)
    )


def _figure_texts() -> dict[str, str | None]:
    from sigmoid_guide import values
    from sigmoid_guide.figures import registry

    out: dict[str, str | None] = {}
    for name in registry.figure_names():
        for lang in ("ko", "en"):
            out[f"alt {name} {lang}"] = registry.alt_text(name, lang)
            out[f"caption {name} {lang}"] = registry.caption_text(name, lang)
    for name in values.value_names():
        out[f"value {name}"] = values.value_text(name)
    return out


def _svgs() -> dict[str, bytes]:
    from sigmoid_guide.figures import registry

    return {
        f"{name} {lang}": registry.render_svg(name, lang)
        for name in registry.figure_names()
        for lang in ("ko", "en")
    }


@pytest.fixture(scope="module")
def reference_texts():
    forget_package()
    return _figure_texts()


@pytest.mark.parametrize("mode", MODES)
def test_alt_texts_captions_and_prose_values_are_the_same_on_other_cpus(
    mode, reference_texts, fresh_package
):
    with perturbed(mode):
        texts = _figure_texts()
    changed = {k: (reference_texts[k], v) for k, v in texts.items() if v != reference_texts[k]}
    assert not changed, f"texts that change with exp etc. nudged ({mode}): {changed}"


@pytest.mark.slow
def test_figures_draw_the_same_svg_on_other_cpus(fresh_package):
    reference = _svgs()
    for mode in SVG_MODES:
        forget_package()
        with perturbed(mode):
            svgs = _svgs()
        changed = sorted(k for k, v in svgs.items() if v != reference[k])
        assert not changed, f"figures whose SVG changes with exp etc. nudged ({mode}): {changed}"


def _notebook_outputs(path: Path, mode: str | None) -> list:
    import nbformat
    from nbclient import NotebookClient

    nb = nbformat.read(path, as_version=4)
    setup = f"import sys; sys.path.insert(0, {str(TESTS)!r})\nimport perturb_numpy\n" + (
        f"perturb_numpy.perturbed({mode!r}).__enter__()\n" if mode else ""
    )
    nb.cells.insert(0, nbformat.v4.new_code_cell(setup))
    env = {**os.environ, "SOURCE_DATE_EPOCH": "1767225600"}
    NotebookClient(
        nb,
        kernel_name="python3",
        allow_errors=False,
        resources={"metadata": {"path": str(path.parent)}},
        extra_arguments=["--IPKernelApp.log_level=ERROR"],
    ).execute(env=env)
    # The kernel flushes stdout when it likes (a slower SIMD path or a busy machine
    # splits one print into two messages); the page shows the streams merged, as here.
    coalesce = _notebook_hook()._coalesce_streams
    shown = []
    for cell in nb.cells[1:]:
        if cell.cell_type != "code":
            continue
        for out in coalesce(cell.outputs):
            if out.output_type == "stream":
                shown.append((out.name, "".join(out.text)))
            elif "data" in out:
                shown.append({k: v for k, v in out.data.items() if k != "text/html"})
    return shown


def _notebook_hook():
    sys.path.insert(0, str(ROOT / "hooks"))
    try:
        return importlib.import_module("notebooks")
    finally:
        sys.path.remove(str(ROOT / "hooks"))


# The code cells are the same in both languages (tests/test_site_parity.py).
LABS = sorted((ROOT / "docs" / "ko" / "labs").glob("*.ipynb"))


@pytest.mark.slow
@pytest.mark.site  # runs the labs with Jupyter, part of the site's toolchain
@pytest.mark.parametrize("path", LABS, ids=[p.stem for p in LABS])
def test_notebook_outputs_are_the_same_on_other_cpus(path: Path):
    reference = _notebook_outputs(path, None)
    assert reference, f"{path.name} shows no output"
    for mode in NOTEBOOK_MODES:
        got = _notebook_outputs(path, mode)
        assert len(got) == len(reference), (
            f"{path.name} shows {len(got)} outputs with exp etc. nudged ({mode}), "
            f"{len(reference)} without"
        )
        changed = [i for i, (a, b) in enumerate(zip(reference, got, strict=True)) if a != b]
        assert not changed, f"{path.name}: outputs {changed} change with exp etc. nudged ({mode})"
