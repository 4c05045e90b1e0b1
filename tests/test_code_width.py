"""Code shown on the site fits its box: no line longer than 79 characters, and no output
line (``#>``, or a line a lab notebook prints) longer than what a phone shows without
scrolling.

The pages include their code with pymdownx.snippets (AUTHORING.md, "Code on pages"):
whole files from docs_src/ and named sections of files (``"path:name"``, dedented as
``dedent_subsections: true`` does). What a page shows is checked line by line, as
written in the file, with the snippet markers left out.

* 79 characters fit in a code block at 1280 px (80 do, in Material's code font and box),
  so no code block scrolls on a desktop.
* 43 characters fit in a code block at 390 px, a phone (measured in Chromium:
  tests/browser/test_phone_output.py checks that a line of that many characters fits in
  every box that shows ``#>`` lines, and that every output line fits). Code lines may
  scroll on a phone; output lines may not, because the part hidden at the right is often
  the very number the prose quotes.

The lab notebooks (docs/<lang>/labs/*.ipynb, AUTHORING.md, "Notebooks") are held to
the same two numbers: every line of a code cell, as stored, and every line their cells
print, as the built site shows it (they are executed at build time, so their output is
read from the built pages' output areas: those tests need the site).
"""

from __future__ import annotations

import html
import json
import re
import textwrap
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"
DOCS_SRC = ROOT / "docs_src"
NOTEBOOKS = sorted(DOCS.glob("*/labs/*.ipynb"))
NOTEBOOK_IDS = [p.relative_to(DOCS).as_posix() for p in NOTEBOOKS]
MAX_CODE = 79
MAX_OUTPUT = 43  # PHONE_CHARS in tests/browser/test_phone_output.py

_INCLUDE = re.compile(r'^[ \t]*--8<--[ \t]+"([^"]+)"[ \t]*$')
_MARKER = re.compile(r"^[ \t]*#[ \t]*--8<--[ \t]*\[(start|end):([^\]]+)\][ \t]*$")
_OUT = re.compile(r"^[ \t]*# ?>(?: |$)")
_FENCE = re.compile(r"^[ \t]*(```|~~~)")
# A text output area of a notebook page (nbconvert's lab template): what a cell printed,
# in one <pre>; ANSI colours would be <span>s inside it.
_OUTPUT_AREA = re.compile(
    r'<div class="[^"]*\bjp-RenderedText\b[^"]*\bjp-OutputArea-output\b[^"]*"[^>]*>\s*'
    r"<pre>(.*?)</pre>",
    re.DOTALL,
)
_TAG = re.compile(r"<[^>]+>")


def shown_lines(spec: str, root: Path = ROOT) -> list[str]:
    """The lines that `--8<-- "spec"` puts on a page: a whole file, or one section."""
    path, _, section = spec.partition(":")
    lines = (root / path).read_text(encoding="utf-8").splitlines()
    if not section:
        return [line for line in lines if not _MARKER.match(line)]
    inside, picked = False, []
    for line in lines:
        m = _MARKER.match(line)
        if m and m.group(2) == section:
            inside = m.group(1) == "start"
            continue
        if inside and not m:
            picked.append(line)
    assert picked, f"{spec}: no such section, or an empty one"
    return textwrap.dedent("\n".join(picked)).splitlines()


def page_code() -> dict[str, list[str]]:
    """Every code block line shown by the pages, keyed by where it comes from: the
    included file (or section), or the page for code typed into a fence."""
    shown: dict[str, list[str]] = {}
    for page in sorted(DOCS.rglob("*.md")):
        fence = False
        for line in page.read_text(encoding="utf-8").splitlines():
            m = _INCLUDE.match(line)
            if m:
                shown.setdefault(m.group(1), shown_lines(m.group(1)))
            elif _FENCE.match(line):
                fence = not fence
            elif fence:
                shown.setdefault(page.relative_to(ROOT).as_posix(), []).append(line)
    return shown


SHOWN = page_code()


def test_pages_show_code():
    examples = [spec for spec in SHOWN if spec.startswith("docs_src/")]
    assert len(examples) == len(list(DOCS_SRC.rglob("*.py"))), "an example is not shown"
    assert any(not spec.startswith("docs_src/") for spec in SHOWN), SHOWN.keys()


def test_shown_lines_parser(tmp_path: Path):
    src = tmp_path / "m.py"
    src.write_text(
        "import a\n# --8<-- [start:f]\ndef f():\n    return 1\n# --8<-- [end:f]\n",
        encoding="utf-8",
    )
    assert shown_lines("m.py", tmp_path) == ["import a", "def f():", "    return 1"]
    assert shown_lines("m.py:f", tmp_path) == ["def f():", "    return 1"]


@pytest.mark.parametrize("spec", sorted(SHOWN))
def test_no_shown_line_is_longer_than_79(spec: str):
    long = [f"{len(line)}: {line}" for line in SHOWN[spec] if len(line) > MAX_CODE]
    assert not long, f"{spec}: lines over {MAX_CODE} characters:\n" + "\n".join(long)


@pytest.mark.parametrize("spec", sorted(SHOWN))
def test_output_lines_fit_on_a_phone(spec: str):
    wide = [
        f"{len(line)}: {line}"
        for line in SHOWN[spec]
        if _OUT.match(line) and len(line) > MAX_OUTPUT
    ]
    assert not wide, f"{spec}: #> lines over {MAX_OUTPUT} characters:\n" + "\n".join(wide)


def notebook_code(path: Path) -> list[str]:
    """Every line of the notebook's code cells, as stored (and shown on its page)."""
    cells = json.loads(path.read_text(encoding="utf-8"))["cells"]
    return [
        line
        for cell in cells
        if cell["cell_type"] == "code"
        for line in "".join(cell["source"]).splitlines()
    ]


def printed_lines(page_html: str) -> list[list[str]]:
    """The lines of each text output area of a notebook page, as a reader sees them."""
    return [
        html.unescape(_TAG.sub("", pre)).splitlines() for pre in _OUTPUT_AREA.findall(page_html)
    ]


def test_printed_lines_parser():
    page = (
        '<div class="jp-RenderedText jp-OutputArea-output" data-mime-type="text/plain" '
        'tabindex="0">\n<pre>a &lt; b\n<span class="ansi-red-fg">x</span>  y\n</pre>\n</div>'
        '<div class="jp-InputArea"><pre>not an output</pre></div>'
    )
    assert printed_lines(page) == [["a < b", "x  y"]]


def test_there_are_notebooks_to_check():
    assert len(NOTEBOOKS) >= 6, NOTEBOOK_IDS
    assert all(notebook_code(path) for path in NOTEBOOKS)


@pytest.mark.parametrize("path", NOTEBOOKS, ids=NOTEBOOK_IDS)
def test_no_notebook_code_line_is_longer_than_79(path: Path):
    long = [f"{len(line)}: {line}" for line in notebook_code(path) if len(line) > MAX_CODE]
    assert not long, f"{path.name}: code lines over {MAX_CODE} characters:\n" + "\n".join(long)


@pytest.mark.site
@pytest.mark.parametrize("path", NOTEBOOKS, ids=NOTEBOOK_IDS)
def test_notebook_output_lines_fit_on_a_phone(path: Path, site):
    """What the lab's cells printed, read from its page in the built site: the page
    shows the outputs of the build's own execution (hooks/notebooks.py)."""
    lang = path.parent.parent.name
    page = site.page(lang, f"labs/{path.stem}/index.html")
    areas = printed_lines(page.text)
    cells = json.loads(path.read_text(encoding="utf-8"))["cells"]
    printing = sum(c["cell_type"] == "code" and "print(" in "".join(c["source"]) for c in cells)
    assert printing and len(areas) >= printing, (
        f"{lang}/labs/{path.stem}: {len(areas)} text output areas found on the page, "
        f"{printing} cells print"
    )
    wide = [f"{len(line)}: {line}" for area in areas for line in area if len(line) > MAX_OUTPUT]
    assert not wide, (
        f"{lang}/labs/{path.stem}: printed lines over {MAX_OUTPUT} characters:\n" + "\n".join(wide)
    )
