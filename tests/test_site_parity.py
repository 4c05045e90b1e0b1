"""Korean and English are the same guide: same pages, code, figures and notebook code.

Also checks that no page is an untranslated fallback: every Korean page body has
Hangul, and English page bodies have none (except the glossary and the references,
which quote Korean terms and titles).
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from mkdocs.utils import yaml_load

ROOT = Path(__file__).resolve().parent.parent
DOCS = {lang: ROOT / "docs" / lang for lang in ("ko", "en")}
HANGUL = re.compile(r"[\u1100-\u11ff\u3130-\u318f\uac00-\ud7a3]")
HANGUL_ALLOWED_EN = {"glossary/index.html", "references/index.html"}
FIGURE = re.compile(r"^[ \t]*\[\[figure:[ \t]*([A-Za-z0-9_.-]+)[ \t]*\]\][ \t]*$", re.M)


def _files(lang: str) -> set[str]:
    return {
        p.relative_to(DOCS[lang]).as_posix()
        for p in DOCS[lang].rglob("*")
        if p.is_file() and ".ipynb_checkpoints" not in p.parts and p.name != ".DS_Store"
    }


def _nav_pages(nav) -> list[str]:
    out = []
    for item in nav:
        value = next(iter(item.values())) if isinstance(item, dict) else item
        if isinstance(value, list):
            out += _nav_pages(value)
        else:
            out.append(value)
    return out


def test_same_source_files_in_both_languages():
    ko, en = _files("ko"), _files("en")
    assert ko == en, f"only in ko: {sorted(ko - en)}; only in en: {sorted(en - ko)}"


def test_same_navigation_in_both_languages():
    ko = yaml_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))["nav"]
    en = yaml_load((ROOT / "mkdocs.en.yml").read_text(encoding="utf-8"))["nav"]
    assert _nav_pages(ko) == _nav_pages(en)
    assert len(ko) == len(en), "different number of navigation sections"


def test_same_figures_in_page_sources():
    for rel in sorted(_files("ko")):
        if rel.endswith(".md"):
            ko = FIGURE.findall((DOCS["ko"] / rel).read_text(encoding="utf-8"))
            en = FIGURE.findall((DOCS["en"] / rel).read_text(encoding="utf-8"))
            assert ko == en, f"{rel}: figures differ: ko {ko}, en {en}"


def _code_cells(path: Path) -> list[str]:
    nb = json.loads(path.read_text(encoding="utf-8"))
    return ["".join(c["source"]) for c in nb["cells"] if c["cell_type"] == "code"]


def test_same_notebook_code_cells():
    notebooks = sorted(r for r in _files("ko") if r.endswith(".ipynb"))
    assert notebooks, "no notebooks"
    for rel in notebooks:
        assert _code_cells(DOCS["ko"] / rel) == _code_cells(DOCS["en"] / rel), rel


def test_built_pages_pair_up(site):
    ko = {p.path for p in site.pages("ko")}
    en = {p.path for p in site.pages("en")}
    assert ko == en, f"only ko: {sorted(ko - en)}; only en: {sorted(en - ko)}"


def test_same_code_blocks_in_built_pages(site):
    for ko, en in site.pairs():
        assert ko.code_blocks() == en.code_blocks(), f"{ko.path}: code blocks differ"


def test_same_figures_in_built_pages(site):
    for ko, en in site.pairs():
        assert ko.figure_names() == en.figure_names(), f"{ko.path}: figures differ"


@pytest.mark.parametrize("lang", ["ko", "en"])
def test_no_untranslated_fallback_page(site, lang):
    for page in site.pages(lang):
        body = page.article_text()
        # Code is the same in both languages; only the prose must be translated.
        for code in page.code_blocks():
            body = body.replace(code, "")
        has_hangul = bool(HANGUL.search(body))
        if lang == "ko":
            assert has_hangul, f"ko/{page.path}: no Korean text in the page body"
        elif page.path not in HANGUL_ALLOWED_EN:
            found = sorted(set(HANGUL.findall(body)))[:10]
            assert not has_hangul, f"en/{page.path}: Korean text in the page body: {found}"
