"""hooks/tables.py on its own: the wrapper it writes, what it leaves alone, its errors."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest
from mkdocs.exceptions import PluginError

_spec = importlib.util.spec_from_file_location(
    "sg_hook_tables", Path(__file__).resolve().parent.parent / "hooks" / "tables.py"
)
tables = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(tables)


def wrapper(label: str = "Table 1") -> str:
    """Material's wrapper, made a named tab stop (it scrolls on narrow screens)."""
    return (
        '<div class="md-typeset__scrollwrap sg-scroll" tabindex="0" role="region"'
        f' aria-label="{label}"><div class="md-typeset__table">'
    )


def test_class_less_table_is_wrapped_and_marked():
    got = tables.wrap_tables('<p>a</p><table id="t"><tr><td>1</td></tr></table><p>b</p>', "x", "en")
    assert got == (
        f'<p>a</p>{wrapper()}<table class="sg-table" id="t"><tr><td>1</td></tr></table></div></div>'
        "<p>b</p>"
    )


def test_tables_with_a_class_are_left_alone_and_nesting_is_kept():
    src = '<table class="dataframe"><tr><td><table><tr><td>1</td></tr></table></td></tr></table>'
    got = tables.wrap_tables(src, "x", "en")
    assert got == (
        '<table class="dataframe"><tr><td>'
        f'{wrapper()}<table class="sg-table"><tr><td>1</td></tr></table></div></div>'
        "</td></tr></table>"
    )


@pytest.mark.parametrize(("lang", "word"), [("ko", "표"), ("en", "Table")])
def test_wrappers_are_numbered_regions_named_in_the_page_language(lang, word):
    table = "<table><tr><td>1</td></tr></table>"
    got = tables.wrap_tables(f"{table}<p>a</p>{table}", "x", lang)
    assert got.count('tabindex="0" role="region"') == 2
    assert got.index(wrapper(f"{word} 1")) < got.index(wrapper(f"{word} 2"))


def test_a_language_without_a_word_for_table_fails_the_build():
    with pytest.raises(PluginError, match=r"page\.md: .*'de'"):
        tables.wrap_tables("<table></table>", "page.md", "de")


def test_escaped_tables_in_code_are_text():
    src = "<pre><code>&lt;table&gt;&lt;/table&gt;</code></pre>"
    assert tables.wrap_tables(src, "x", "en") == src


@pytest.mark.parametrize("src", ["<table><tr><td>1</td></tr>", "<p>a</p></table>"])
def test_unbalanced_tables_fail_the_build(src):
    with pytest.raises(PluginError, match=r"page\.md"):
        tables.wrap_tables(src, "page.md", "en")


def test_stylesheet_rewrite_keeps_specificity_and_is_idempotent(tmp_path):
    sheets = tmp_path / "assets" / "stylesheets"
    sheets.mkdir(parents=True)
    css = ".md-typeset table:not([class]) th{color:red}.md-typeset table:not([class])+*{x:y}"
    (sheets / "main.abc.min.css").write_text(css, encoding="utf-8")
    tables.on_post_build({"site_dir": str(tmp_path)})
    once = (sheets / "main.abc.min.css").read_text(encoding="utf-8")
    assert once == css.replace("table:not([class])", "table:is(:not([class]),.sg-table)")
    tables.on_post_build({"site_dir": str(tmp_path)})
    assert (sheets / "main.abc.min.css").read_text(encoding="utf-8") == once
