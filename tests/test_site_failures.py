"""The build fails loudly on each silent failure of the toolchain.

Each case is a small copy of the site (the real mkdocs.yml via INHERIT, the real hooks
and overrides, a few tiny pages) built with ``mkdocs build --strict`` in a temporary
folder, with one fault injected. A clean copy must build (the control), and every
faulty copy must fail and say why. The builds run in parallel, once per session.
See ../shared/notes/toolchain.md for the failures these guard against.
"""

from __future__ import annotations

import json
import shutil
import textwrap
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parent.parent

PAGE = {
    "ko": "# 시작\n\n한국어 쪽입니다. 수식 \\(\\sigma(x)\\).\n\n## 절 하나\n\n"
    "[다른 쪽](other.md#절-둘)\n",
    "en": "# Start\n\nThe English page. Math \\(\\sigma(x)\\).\n\n## Section one\n\n"
    "[Other](other.md#section-two)\n",
}
SNIPPET = '```python\n--8<-- "docs_src/mini/example.py:main"\n```\n'
OTHER = {
    "ko": "# 다른 쪽\n\n## 절 둘\n\n" + SNIPPET,
    "en": "# Other page\n\n## Section two\n\n" + SNIPPET,
}
IMAGE_CODE = (
    "from IPython.display import SVG\n"
    'SVG(\'<svg xmlns="http://www.w3.org/2000/svg" width="8" height="8"></svg>\')'
)
EXAMPLE = '# --8<-- [start:main]\nprint("hi")\n#> hi\n# --8<-- [end:main]\n'
NAV = {"ko": "[시작: index.md, 다른 쪽: other.md]", "en": "[Start: index.md, Other: other.md]"}
LAB_NAV = {"ko": ", 실습: labs/lab.ipynb]", "en": ", Lab: labs/lab.ipynb]"}
WITH_LAB = {
    "control",
    "raising_notebook",
    "nb_tex_delimiters",
    "nb_image_without_alt",
    "nb_broken_link",
}
# Kernels are slow to start: only these execute their notebook; the others show stored outputs.
EXECUTE = {"control", "raising_notebook"}


SVG_OUT = {
    "output_type": "display_data",
    "metadata": {},
    "data": {
        "image/svg+xml": ['<svg xmlns="http://www.w3.org/2000/svg" width="8" height="8"></svg>'],
        "text/plain": ["<SVG>"],
    },
}
LAB_MD = "Math $x^2$, a [link](../other.md#section-two)."


def _notebook(
    code: str,
    title: str,
    markdown: str = LAB_MD,
    alt: str | None = "a tiny image",
    outputs: list | None = None,
) -> str:
    meta = {"alt": alt} if alt else {}
    cells = [
        {
            "cell_type": "markdown",
            "id": "lab-1",
            "metadata": {},
            "source": [f"# {title}\n\n{markdown}"],
        },
        {
            "cell_type": "code",
            "id": "lab-2",
            "metadata": {},
            "execution_count": None,
            "outputs": [],
            "source": [code],
        },
        {
            "cell_type": "code",
            "id": "lab-3",
            "metadata": meta,
            "execution_count": None,
            "outputs": outputs or [],
            "source": [IMAGE_CODE],
        },
    ]
    nb = {
        "cells": cells,
        "nbformat": 4,
        "nbformat_minor": 5,
        "metadata": {
            "kernelspec": {"display_name": "Python 3", "language": "python", "name": "python3"},
            "language_info": {"name": "python"},
        },
    }
    return json.dumps(nb, indent=1)


def make_project(where: Path, lab: bool, execute: bool = True) -> Path:
    """A minimal bilingual site using the project's config, hooks and overrides."""
    nav = {k: v[:-1] + LAB_NAV[k] if lab else v for k, v in NAV.items()}
    shutil.copytree(ROOT / "hooks", where / "hooks", ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copytree(ROOT / "overrides", where / "overrides")
    (where / "mkdocs.yml").write_text(
        f"INHERIT: {ROOT / 'mkdocs.yml'}\nnav: {nav['ko']}\n"
        + ("" if execute else "plugins: {mkdocs-jupyter: {execute: false}}\n"),
        encoding="utf-8",
    )
    (where / "mkdocs.en.yml").write_text(
        textwrap.dedent(f"""\
            INHERIT: mkdocs.yml
            docs_dir: docs/en
            site_dir: site/en
            site_name: Mini
            site_url: https://example.invalid/mini/en/
            theme: {{language: en}}
            plugins: {{search: {{lang: en}}}}
            nav: {nav["en"]}
            """),
        encoding="utf-8",
    )
    for lang in ("ko", "en"):
        docs = where / "docs" / lang
        (docs / "labs").mkdir(parents=True)
        (docs / "index.md").write_text(PAGE[lang], encoding="utf-8")
        (docs / "other.md").write_text(OTHER[lang], encoding="utf-8")
        if lab:
            (docs / "labs" / "lab.ipynb").write_text(
                _notebook("print(6 * 7)", "Lab"), encoding="utf-8"
            )
        (docs / "labs" / "stray.py").write_text("print('not a page')\n", encoding="utf-8")
    (where / "docs_src" / "mini").mkdir(parents=True)
    (where / "docs_src" / "mini" / "example.py").write_text(EXAMPLE, encoding="utf-8")
    return where


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, (path, old)
    path.write_text(text.replace(old, new), encoding="utf-8")


# name -> (fault injected into a fresh project, text the build log must contain)
FAULTS = {
    "control": (lambda p: None, None),
    "en_broken_link": (
        lambda p: _edit(p / "docs/en/index.md", "(other.md#section-two)", "(missing.md)"),
        "missing.md",
    ),
    "en_broken_anchor": (
        lambda p: _edit(p / "docs/en/index.md", "#section-two", "#no-such-section"),
        "no-such-section",
    ),
    "missing_snippet_file": (
        lambda p: _edit(p / "docs/ko/other.md", "example.py:main", "nothere.py:main"),
        "nothere.py",
    ),
    "missing_snippet_section": (
        lambda p: _edit(p / "docs/en/other.md", "example.py:main", "example.py:nosection"),
        "nosection",
    ),
    "raising_notebook": (
        lambda p: (p / "docs/en/labs/lab.ipynb").write_text(
            _notebook("raise ValueError('boom-in-notebook')", "Lab"), encoding="utf-8"
        ),
        "boom-in-notebook",
    ),
    "unknown_tex_command": (
        lambda p: _edit(p / "docs/ko/index.md", "\\(\\sigma(x)\\)", "\\(\\nosuchcommand x\\)"),
        "nosuchcommand",
    ),
    "unknown_figure": (
        lambda p: _edit(
            p / "docs/en/index.md", "## Section one", "[[figure: no-such-figure]]\n\n## Section one"
        ),
        "no-such-figure",
    ),
    "unknown_value": (
        lambda p: _edit(
            p / "docs/ko/index.md", "한국어 쪽입니다.", "값은 [[value: no.such.value]]입니다."
        ),
        "index.md: [[value: no.such.value]]: no experiment provides this value",
    ),
    "value_with_unknown_particle": (
        lambda p: _edit(
            p / "docs/ko/index.md",
            "한국어 쪽입니다.",
            "값은 [[value: zigzag.gd_steps.positive|께서/께]] 맞습니다.",
        ),
        "unknown Korean particle",
    ),
    "malformed_value": (
        lambda p: _edit(p / "docs/en/index.md", "The English page.", "It is [[value: a b]]."),
        "malformed '[[value:' placeholder",
    ),
    "nb_tex_delimiters": (
        lambda p: (p / "docs/ko/labs/lab.ipynb").write_text(
            _notebook("print(1)", "Lab", markdown="Math \\(x^2\\) in a notebook."), encoding="utf-8"
        ),
        "write math as $...$",
    ),
    "nb_image_without_alt": (
        lambda p: (p / "docs/en/labs/lab.ipynb").write_text(
            _notebook("print(1)", "Lab", alt=None, outputs=[SVG_OUT]), encoding="utf-8"
        ),
        "has no alt text",
    ),
    "nb_broken_link": (
        lambda p: (p / "docs/en/labs/lab.ipynb").write_text(
            _notebook("print(1)", "Lab", markdown="[gone](../gone.md)"), encoding="utf-8"
        ),
        "gone.md",
    ),
    "page_without_translation": (
        lambda p: (p / "docs/ko/only-ko.md").write_text(
            "# 혼자\n\n번역이 없는 쪽.\n", encoding="utf-8"
        ),
        "only-ko.md",
    ),
}


@pytest.fixture(scope="module")
def fault_builds(
    tmp_path_factory: pytest.TempPathFactory, mkdocs_build
) -> dict[str, tuple[int, str, Path]]:
    def run(name: str) -> tuple[int, str, Path]:
        project = make_project(
            tmp_path_factory.mktemp(name), lab=name in WITH_LAB, execute=name in EXECUTE
        )
        FAULTS[name][0](project)
        proc = mkdocs_build(project / "site", cwd=project, timeout=300)
        return proc.returncode, proc.stdout + proc.stderr, project / "site"

    with ThreadPoolExecutor(max_workers=3) as pool:
        return dict(zip(FAULTS, pool.map(run, FAULTS), strict=True))


def test_control_project_builds_cleanly(fault_builds):
    rc, log, site = fault_builds["control"]
    assert rc == 0, log[-4000:]
    assert "WARNING" not in log, log[-4000:]
    assert (site / "en" / "index.html").is_file(), "English sub-build missing"
    lab = (site / "en" / "labs" / "lab" / "index.html").read_text(encoding="utf-8")
    assert "42" in lab and "jp-OutputArea-output" in lab
    assert 'alt="a tiny image"' in lab, "alt text from the cell metadata not applied"
    assert 'href="../../other/#section-two"' in lab, "link in a Markdown cell not rewritten"
    assert "<math" in lab and "$x^2$" not in lab, "notebook math not converted"
    # Stray .py files under docs/ are not turned into notebook pages.
    assert not (site / "labs" / "stray" / "index.html").exists()
    assert not (site / "en" / "labs" / "stray" / "index.html").exists()


@pytest.mark.parametrize("name", [n for n in FAULTS if n != "control"])
def test_fault_fails_the_build(fault_builds, name):
    rc, log, _ = fault_builds[name]
    expected = FAULTS[name][1]
    assert rc != 0, f"{name}: the build passed\n{log[-3000:]}"
    assert expected in log, f"{name}: the log does not mention {expected!r}\n{log[-3000:]}"
