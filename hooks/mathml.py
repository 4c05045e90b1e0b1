"""Math as MathML at build time: nothing is loaded in the browser.

``pymdownx.arithmatex`` (generic mode) wraps ``$...$`` / ``\\(...\\)`` and ``$$...$$`` /
``\\[...\\]`` in ``<span class="arithmatex">`` / ``<div class="arithmatex">``; this hook
replaces their content with MathML from ``latex2mathml``. Notebook pages get the same
treatment for ``$...$`` and ``$$...$$`` in their Markdown cells.

latex2mathml silently passes unknown commands through (``\\foo`` stays as text), so any
backslash left in the MathML fails the build, as does a formula it cannot parse.
"""

from __future__ import annotations

import functools
import html
import re

from latex2mathml.converter import convert
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority, get_plugin_logger

log = get_plugin_logger("mathml")

ARITHMATEX = re.compile(r'<(span|div) class="arithmatex">(.*?)</\1>', re.S)
INLINE = re.compile(r"^\\\((.*)\\\)$", re.S)
BLOCK = re.compile(r"^\\\[(.*)\\\]$", re.S)
# Notebook Markdown cells (nbconvert leaves $...$ for MathJax): the rendered cell bodies.
NB_MARKDOWN = re.compile(r'(<div class="[^"]*jp-RenderedMarkdown[^"]*"[^>]*>)(.*?)(</div>)', re.S)
NB_MATH = re.compile(r"(?<![\\$])\$\$(.+?)\$\$|(?<![\\$])\$([^$\n]+?)\$(?!\$)", re.S)
_TEXT_NODE = re.compile(r">([^<]*)<")


@functools.lru_cache(maxsize=4096)
def _convert(tex: str, display: bool) -> tuple[str | None, str]:
    """(MathML, "") or (None, reason); memoised: rebuilds convert only new formulas."""
    try:
        out = convert(tex, display="block" if display else "inline")
    except Exception as exc:  # latex2mathml raises assorted exceptions on bad input
        return None, f"cannot convert formula {tex!r}: {exc}"
    leftovers = [t for t in _TEXT_NODE.findall(out) if "\\" in t]
    if leftovers:
        return None, f"formula {tex!r} has commands latex2mathml does not know: {leftovers}"
    return out, ""


def to_mathml(tex: str, display: bool, where: str) -> str:
    out, problem = _convert(tex.strip(), display)
    if out is None:
        raise PluginError(f"{where}: {problem}")
    return out


def _replace_arithmatex(page_html: str, where: str) -> str:
    def repl(m: re.Match) -> str:
        tag, body = m.group(1), html.unescape(m.group(2)).strip()
        match = (BLOCK if tag == "div" else INLINE).match(body)
        if not match:
            raise PluginError(f"{where}: unexpected arithmatex content {body[:80]!r}")
        mathml = to_mathml(match.group(1), tag == "div", where)
        if tag == "div":
            return f'<div class="arithmatex sg-math-block">{mathml}</div>'
        return f'<span class="arithmatex">{mathml}</span>'

    return ARITHMATEX.sub(repl, page_html)


def _replace_notebook_math(page_html: str, where: str) -> str:
    def cell(m: re.Match) -> str:
        def math(mm: re.Match) -> str:
            if mm.group(1) is not None:
                tex = html.unescape(mm.group(1))
                return f'<div class="arithmatex sg-math-block">{to_mathml(tex, True, where)}</div>'
            inline = to_mathml(html.unescape(mm.group(2)), False, where)
            return f'<span class="arithmatex">{inline}</span>'

        # Only text outside <code>/<pre>.
        parts = re.split(r"(<(?:code|pre)\b.*?</(?:code|pre)>)", m.group(2), flags=re.S)
        body = "".join(p if i % 2 else NB_MATH.sub(math, p) for i, p in enumerate(parts))
        return m.group(1) + body + m.group(3)

    return NB_MARKDOWN.sub(cell, page_html)


@event_priority(-50)
def on_page_content(page_html, page, config, files):
    where = page.file.src_uri
    page_html = _replace_arithmatex(page_html, where)
    if getattr(page, "nb_url", None):
        page_html = _replace_notebook_math(page_html, where)
    return page_html
