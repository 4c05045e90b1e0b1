"""Tables arrive already wrapped for scrolling, so Material's bundle leaves them alone.

When Material's bundle starts, it takes every content table that has no class attribute
out of the page and puts it back inside two <div>s (a container that scrolls sideways
on narrow screens). By then the page has had its first layout, so the browser restyles
and lays out the tables again; on the glossary page (four tables) that came to a
quarter of the bundle's start-up work in Chromium at 4x CPU slowdown. This hook writes
the same wrapper into the HTML and gives the table ``class="sg-table"``, which the
bundle's ``table:not([class])`` skips. Material styles class-less tables with that same
selector, so the built copy of its stylesheet gets ``.sg-table`` added to each such
selector. If a Material upgrade renames the wrapper or the selector, the build warns
(and fails with --strict), and tests/test_site_build.py checks the result.

On a phone most tables are wider than the screen and the wrapper scrolls sideways. A
keyboard user can only scroll what takes focus, so the wrapper is a tab stop, a region
named in the page's language ("표 2", "Table 2"), with the class ``sg-scroll``: the
site's stylesheet draws its focus outline and the shadows at the edge that show that
there is more to see (overrides/stylesheets/site.css).
"""

from __future__ import annotations

import re
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.plugins import get_plugin_logger

log = get_plugin_logger("tables")

CLASS = "sg-table"
# Material's renderTable (src/templates/assets/javascripts/templates/table), plus what
# makes the scrolling wrapper reachable by keyboard: {label} is LABELS[lang] and a number.
WRAP_OPEN = (
    '<div class="md-typeset__scrollwrap sg-scroll" tabindex="0" role="region"'
    ' aria-label="{label}"><div class="md-typeset__table">'
)
WRAP_CLOSE = "</div></div>"
LABELS = {"ko": "표", "en": "Table"}  # theme.language -> the word for a table
TAG = re.compile(r"<(/?)table\b([^>]*)>", re.I)
HAS_CLASS = re.compile(r"\sclass\s*=", re.I)
# Material's CSS for class-less tables, and what it becomes (same specificity).
SELECTOR = "table:not([class])"
REWRITTEN = f"table:is(:not([class]),.{CLASS})"


def label_word(lang: str, where: str) -> str:
    try:
        return LABELS[lang]
    except KeyError:
        raise PluginError(
            f"{where}: no word for 'table' in language {lang!r} (LABELS in hooks/tables.py)"
        ) from None


def wrap_tables(page_html: str, where: str, lang: str) -> str:
    """Wrap each class-less <table> the way Material's bundle would, and mark it; the
    wrappers are named "<LABELS[lang]> 1", "... 2", ... in page order."""
    word = label_word(lang, where)
    count = 0
    out: list[str] = []
    stack: list[bool] = []  # per open <table>: whether this hook wrapped it
    pos = 0
    for m in TAG.finditer(page_html):
        out.append(page_html[pos : m.start()])
        pos = m.end()
        closing, attrs = m.group(1), m.group(2)
        if closing:
            if not stack:
                raise PluginError(f"{where}: </table> without an opening <table>")
            out.append(m.group(0) + (WRAP_CLOSE if stack.pop() else ""))
        elif HAS_CLASS.search(attrs):
            stack.append(False)
            out.append(m.group(0))
        else:
            stack.append(True)
            count += 1
            out.append(WRAP_OPEN.format(label=f"{word} {count}"))
            out.append(f'<table class="{CLASS}"{attrs}>')
    if stack:
        raise PluginError(f"{where}: <table> without a closing </table>")
    out.append(page_html[pos:])
    return "".join(out)


def on_page_content(page_html, page, config, files):
    return wrap_tables(page_html, page.file.src_uri, config.theme["language"])


def on_post_build(config):
    sheets = sorted((Path(config["site_dir"]) / "assets" / "stylesheets").glob("main.*.css"))
    if not sheets:
        log.warning("no Material main stylesheet in the build: check hooks/tables.py")
    for sheet in sheets:
        css = sheet.read_text(encoding="utf-8")
        if SELECTOR in css:
            sheet.write_text(css.replace(SELECTOR, REWRITTEN), encoding="utf-8")
        elif REWRITTEN not in css:  # already rewritten when MkDocs kept the file
            log.warning(f"{sheet.name} has no {SELECTOR!r}: check hooks/tables.py")
