"""Lab notebooks: stored clean, rendered as executed HTML in both languages, downloadable.

mkdocs-jupyter can silently ship a notebook page as its raw source, or with a traceback
(``allow_errors``); these tests check the built pages. That a raising notebook fails the
build is tested in tests/test_site_failures.py.
"""

from __future__ import annotations

import gzip
import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
NOTEBOOKS = sorted((ROOT / "docs").glob("*/labs/*.ipynb"))
IDS = [p.relative_to(ROOT / "docs").as_posix() for p in NOTEBOOKS]


def test_there_are_labs_in_both_languages():
    names = {
        lang: {p.name for p in (ROOT / "docs" / lang / "labs").glob("*.ipynb")}
        for lang in ("ko", "en")
    }
    assert len(names["ko"]) >= 3 and names["ko"] == names["en"], names


@pytest.mark.parametrize("path", NOTEBOOKS, ids=IDS)
def test_notebook_is_stored_clean(path: Path):
    """No outputs, no execution counts, cell ids lab-1, lab-2, ... (byte-identical builds).
    Fix with: .venv/bin/python scripts/normalize_notebooks.py"""
    nb = json.loads(path.read_text(encoding="utf-8"))
    assert nb["metadata"]["kernelspec"]["name"] == "python3"
    for i, cell in enumerate(nb["cells"], start=1):
        assert cell["id"] == f"lab-{i}", f"cell {i} has id {cell.get('id')}"
        if cell["cell_type"] == "code":
            assert cell["outputs"] == [] and cell["execution_count"] is None, (
                f"cell {i} has outputs"
            )
    assert any("sigmoid_guide" in "".join(c["source"]) for c in nb["cells"]), (
        "lab does not use the package"
    )


def test_normalize_script_agrees():
    proc = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "normalize_notebooks.py"), "--check"],
        capture_output=True,
        text=True,
    )
    assert proc.returncode == 0, proc.stdout + proc.stderr


@pytest.mark.parametrize("path", NOTEBOOKS, ids=IDS)
def test_notebook_page_is_executed_html(path: Path, site):
    lang = path.parent.parent.name
    page = site.page(lang, f"labs/{path.stem}/index.html")
    text = page.text
    assert '"cell_type"' not in text and '"nbformat"' not in text, "raw notebook JSON shipped"
    assert 'class="jupyter-wrapper"' in text
    source_cells = [
        c for c in json.loads(path.read_text("utf-8"))["cells"] if c["cell_type"] == "code"
    ]
    assert text.count("jp-CodeCell jp-Notebook-cell") >= len(source_cells)
    outputs = re.findall(r'class="jp-RenderedText jp-OutputArea-output"[^>]*>', text)
    assert len(outputs) >= 1 and "jp-OutputArea-output" in text, "no executed outputs"
    assert re.search(r"In(?:&nbsp;|\s)\[\d+\]", text), "cells have no execution counts"
    for bad in (
        "Traceback",
        'jp-OutputArea-output" data-mime-type="application/vnd.jupyter.stderr"',
        "ename",
        "Error</span>",
    ):
        assert bad not in text, f"{bad!r} on {lang}/labs/{path.stem}"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=IDS)
def test_notebook_page_has_download_link(path: Path, site):
    lang = path.parent.parent.name
    page = site.page(lang, f"labs/{path.stem}/index.html")
    m = re.search(r'<a href="([^"]+\.ipynb)" download', page.text)
    assert m, "no download button"
    target = page.file.parent / m.group(1)
    assert target.is_file(), f"download link {m.group(1)} points nowhere"
    assert target.read_bytes() == path.read_bytes(), "downloaded notebook differs from the source"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=IDS)
def test_notebook_page_is_light(path: Path, site):
    """mkdocs-jupyter's ~600 KB of inline CSS and its MathJax/Mermaid loaders are gone."""
    lang = path.parent.parent.name
    page = site.page(lang, f"labs/{path.stem}/index.html")
    text = page.text
    assert "--jp-" not in text and "<style" not in text, "inline JupyterLab CSS left"
    assert "mathjax" not in text.lower() and "mermaid" not in text.lower()
    assert re.search(r'<link rel="stylesheet" href="[./]*stylesheets/notebook\.css">', text)
    assert (site.lang_root(lang) / "stylesheets" / "notebook.css").is_file()
    raw = page.file.read_bytes()
    # Without the inline CSS a lab page is its cells and inline figures, well under the
    # browser tests' budget (500 KB compressed for the whole first load).
    assert len(gzip.compress(raw)) < 150_000, (len(raw), len(gzip.compress(raw)))


@pytest.mark.parametrize("path", NOTEBOOKS, ids=IDS)
def test_notebook_copy_buttons_match_their_cells(path: Path, site):
    lang = path.parent.parent.name
    text = site.page(lang, f"labs/{path.stem}/index.html").text
    fors = re.findall(r'<clipboard-copy\b[^>]*\bfor="(cell-\d+)"', text)
    ids = re.findall(r'<div class="clipboard-copy-txt" id="(cell-\d+)">', text)
    assert fors and fors == ids == [f"cell-{i}" for i in range(1, len(ids) + 1)]


def test_notebook_svg_outputs_do_not_depend_on_the_build_environment(monkeypatch):
    """Executed notebooks are cached across builds; an SVG saved by matplotlib carries
    the current time unless SOURCE_DATE_EPOCH is set, so the kernel always gets a fixed
    one, also when the build was started without it."""
    sys.path.insert(0, str(ROOT / "hooks"))
    try:
        import notebooks as hook
    finally:
        sys.path.remove(str(ROOT / "hooks"))
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    lab = ROOT / "docs" / "en" / "labs" / "vanishing-gradients.ipynb"
    nb = hook._execute(lab, {"kernel_name": "python3", "allow_errors": False})
    svgs = [
        out["data"]["image/svg+xml"]
        for cell in nb.cells
        if cell.cell_type == "code"
        for out in cell.outputs
        if "image/svg+xml" in out.get("data", {})
    ]
    assert svgs, "the lab drew no SVG figure"
    for svg in svgs:
        assert re.findall(r"<dc:date>([^<]*)</dc:date>", svg) == ["2026-01-01T00:00:00+00:00"]
