"""Math as MathML at build time: nothing is loaded in the browser.

``pymdownx.arithmatex`` (generic mode) wraps ``$...$`` / ``\\(...\\)`` and ``$$...$$`` /
``\\[...\\]`` in ``<span class="arithmatex">`` / ``<div class="arithmatex">``; this hook
replaces their content with MathML from ``latex2mathml``. Notebook pages get the same
treatment for ``$...$`` and ``$$...$$`` in their Markdown cells.

latex2mathml silently passes unknown commands through (``\\foo`` stays as text), so any
backslash left in the MathML fails the build, as does a formula it cannot parse, and so
does a bare ``&`` (an alignment that latex2mathml did not read as one, as in
``aligned``: use ``split``).

Browsers lay MathML out by MathML Core, which spaces an operator by its place in its
``<mrow>`` and by its operator dictionary, not by TeX's atom classes. latex2mathml writes
what TeX typesets with the spacing left to the renderer, so :func:`tidy` fixes the
places where the two disagree, on the element tree before it is written out:

* operator names (``\\log``, ``\\tanh``, ``\\max``, ``\\operatorname{logit}``) are an
  ``<mi>`` followed by the invisible function application U+2061 with a thin space after
  it, except before an opening bracket (``log p``, ``tanh x``, ``log(1 - p)``), and a thin
  space before them after a letter, number, fraction or closing bracket (``5/3 ln 2``);
* a prime is written after its base (``σ′``) instead of as a superscript, where a text
  font's prime glyph, already drawn high, went up a second time;
* ``\\lVert x \\rVert`` and ``|x|`` pairs in one row become a row of their own with a
  prefix and a postfix fence, and a script on the closing bar goes on the whole group
  (``‖W‖₂``): alone in the middle of a row, a bar is spaced as an infix operator;
* a sign right after an operator, a bracket or at the start is a prefix sign (``= −y``);
* operators inside sub- and superscripts get no space around them (``W_{l+1}``), as
  in TeX's script styles.

A display formula's ``<div>`` scrolls sideways when the formula is wider than the screen
(Material's stylesheet), so it is a tab stop too (a keyboard user can only scroll what
takes focus): a group named "수식" / "Formula" in the page's language, with the class
``sg-scroll`` for its focus outline and the shadows at the edge that show that it
scrolls (overrides/stylesheets/site.css). The class attribute comes last, so the tests
that look for ``class="arithmatex...">`` still see the formula right after it.
"""

from __future__ import annotations

import functools
import html
import re
from xml.etree.ElementTree import Element, tostring
from xml.sax.saxutils import unescape

from latex2mathml.converter import convert_to_element
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
_BARE_AMPERSAND = re.compile(r"&(?!#x?[0-9A-Fa-f]+;|[A-Za-z]+;)")

# ------------------------------------------------------------------ spacing (see above)
THIN = "0.1667em"  # TeX's thin space, 3 mu
ZERO = "0em"
FUNCTION_APPLICATION = "\u2061"
_FUNCTION_APPLICATION_TEXT = "&#x02061;"  # written as latex2mathml writes characters
ROWS = frozenset(
    {"math", "mrow", "mtd", "msqrt", "mstyle", "mpadded", "mphantom", "menclose", "merror"}
)
SCRIPTS = frozenset({"msub", "msup", "msubsup", "munder", "mover", "munderover"})
OPENING = frozenset("([{\u27e8")
CLOSING = frozenset(")]}\u27e9")
BARS = frozenset("|\u2016")  # | and ‖ (\\lvert, \\lVert, \\|)
SIGNS = frozenset("+-\u2212\u00b1\u2213")
PRIMES = re.compile("[\u2032\u2033\u2034\u2057]+")
# latex2mathml writes each operator name as one token: \\log -> <mi>log</mi>,
# \\max and \\operatorname{..} -> <mo>max</mo>; \\limsup with a thin space inside.
OPERATOR_NAME = re.compile("[A-Za-z]+(?:[\u2006\u2009][A-Za-z]+)*")


def _chars(el: Element) -> str:
    """The element's text as characters (latex2mathml keeps entities like &#x02212;)."""
    return html.unescape(el.text or "")


def _mo(text: str, **attrs: str) -> Element:
    el = Element("mo", attrs)
    el.text = text
    return el


def _is_name(el: Element) -> bool:
    text = _chars(el)
    return el.tag in ("mi", "mo") and len(text) > 1 and bool(OPERATOR_NAME.fullmatch(text))


def _is_closing(el: Element) -> bool:
    """A closing bracket or a postfix operator (after it, the row goes on as after a letter)."""
    return el.tag == "mo" and (
        _chars(el) in CLOSING
        or el.get("form") == "postfix"
        or bool(PRIMES.fullmatch(_chars(el)))
        or _chars(el) == "!"
    )


def _opens(el: Element) -> bool:
    """el starts with an opening bracket (a bare one or a \\left( ... \\right) row)."""
    while el.tag == "mrow" and len(el):
        el = el[0]
    return el.tag == "mo" and _chars(el) in OPENING


def _rows(root: Element):
    """Every element whose children are a row (post-order: inner rows first)."""
    for child in root:
        yield from _rows(child)
    if root.tag in ROWS:
        yield root


def _set_children(el: Element, children: list[Element]) -> None:
    for child in list(el):
        el.remove(child)
    el.extend(children)


def _primes_after_base(root: Element) -> None:
    for el in list(root.iter()):
        for i, child in enumerate(el):
            if child.tag != "msup" or len(child) != 2:
                continue
            base, sup = child
            if sup.tag == "mrow" and len(sup) == 1:
                sup = sup[0]
            if sup.tag in ("mi", "mo") and PRIMES.fullmatch(_chars(sup)):
                row = Element("mrow")
                row.extend([base, _mo(sup.text, lspace=ZERO, rspace=ZERO)])
                el[i] = row


def _bar(el: Element) -> tuple[str, bool] | None:
    """(bar, wrapped) if el is a | or ‖ not already a \\left/\\right fence, or a script on one."""
    wrapped = el.tag in SCRIPTS and len(el) > 0
    mo = el[0] if wrapped else el
    if mo.tag == "mo" and _chars(mo) in BARS and mo.get("fence") != "true":
        return _chars(mo), wrapped
    return None


def _group_bars(row: Element) -> None:
    items = list(row)
    stack: list[tuple[int, str]] = []
    i = 0
    while i < len(items):
        found = _bar(items[i])
        if found is None:
            i += 1
            continue
        bar, wrapped = found
        if stack and stack[-1][1] == bar:  # closes the innermost open bar
            start = stack.pop()[0]
            opener = items[start]
            closer = items[i][0] if wrapped else items[i]
            opener.attrib.update(form="prefix", lspace=ZERO, rspace=ZERO)
            closer.attrib.update(form="postfix", lspace=ZERO, rspace=ZERO)
            group = Element("mrow")
            group.extend([opener, *items[start + 1 : i], closer])
            if wrapped:  # the script goes on the whole group: ‖W‖₂
                script = items[i]
                script[0] = group
                group = script
            items[start : i + 1] = [group]
            i = start + 1
        elif wrapped or any(b == bar for _, b in stack):
            return  # not a clean pairing (a | b, improper nesting): leave the row as it is
        else:
            stack.append((i, bar))
            i += 1
    if not stack:
        _set_children(row, items)


def _space_operator_names(row: Element) -> None:
    items = list(row)
    out: list[Element] = []
    for i, el in enumerate(items):
        base = el[0] if el.tag in SCRIPTS and len(el) else None
        name = el if _is_name(el) else base if base is not None and _is_name(base) else None
        if name is None:
            out.append(el)
            continue
        if name is el:
            name.tag = "mi"  # <mo>max</mo> gets an operator's default 0.28em on both sides
            name.attrib.pop("movablelimits", None)
        else:  # \\max_{x}: keep the <mo> (its limits move), without the default spacing
            name.attrib.update(lspace=ZERO, rspace=ZERO)
        prev = out[-1] if out else None
        if prev is not None and (
            (prev.tag == "mo" and _is_closing(prev))
            or prev.tag not in ("mo", "mspace", "mtext")
            or (prev.tag == "mtext" and _chars(prev).strip(" \u00a0"))
        ):
            out.append(Element("mspace", width=THIN))
        out.append(el)
        nxt = items[i + 1] if i + 1 < len(items) else None
        if nxt is None or (nxt.tag == "mo" and _chars(nxt) == FUNCTION_APPLICATION):
            continue
        thin = not _opens(nxt) and not (
            nxt.tag == "mspace" or (nxt.tag == "mo" and _chars(nxt) not in SIGNS)
        )
        out.append(_mo(_FUNCTION_APPLICATION_TEXT, lspace=ZERO, rspace=THIN if thin else ZERO))
    _set_children(row, out)


def _prefix_signs(row: Element) -> None:
    prev = None
    for el in row:
        if el.tag == "mspace":
            continue
        if (
            el.tag == "mo"
            and _chars(el) in SIGNS
            and "form" not in el.attrib
            and (prev is None or (prev.tag == "mo" and not _is_closing(prev)))
        ):
            el.set("form", "prefix")
        prev = el


def _tight_scripts(root: Element) -> None:
    for el in root.iter():
        if el.tag in SCRIPTS:
            for script in list(el)[1:]:
                for mo in script.iter("mo"):
                    if "lspace" not in mo.attrib and "rspace" not in mo.attrib:
                        mo.attrib.update(lspace=ZERO, rspace=ZERO)


def tidy(math: Element) -> Element:
    """Fix latex2mathml's tree where MathML Core spaces it differently from TeX (above)."""
    _primes_after_base(math)
    for row in list(_rows(math)):
        _group_bars(row)
    for row in list(_rows(math)):
        _space_operator_names(row)
    for row in list(_rows(math)):
        _prefix_signs(row)
    _tight_scripts(math)
    return math


@functools.lru_cache(maxsize=4096)
def _convert(tex: str, display: bool) -> tuple[str | None, str]:
    """(MathML, "") or (None, reason); memoised: rebuilds convert only new formulas."""
    try:
        math = convert_to_element(tex, display="block" if display else "inline")
    except Exception as exc:  # latex2mathml raises assorted exceptions on bad input
        return None, f"cannot convert formula {tex!r}: {exc}"
    texts = [html.unescape(t) for t in _TEXT_NODE.findall(tostring(math, encoding="unicode"))]
    leftovers = [t for t in texts if "\\" in t]
    if leftovers:
        return None, f"formula {tex!r} has commands latex2mathml does not know: {leftovers}"
    # latex2mathml keeps characters as references (&#x02212;) in the tree's texts: a bare
    # & among them is an alignment it did not understand.
    stray = [t for t in texts if _BARE_AMPERSAND.search(t)]
    if stray:
        return None, f"formula {tex!r} has an & outside an alignment latex2mathml knows: {stray}"
    # As latex2mathml.converter.Converter writes it: its texts are escaped already.
    return unescape(tostring(tidy(math), encoding="unicode")), ""


def to_mathml(tex: str, display: bool, where: str) -> str:
    out, problem = _convert(tex.strip(), display)
    if out is None:
        raise PluginError(f"{where}: {problem}")
    return out


LABELS = {"ko": "수식", "en": "Formula"}  # theme.language -> the word for a formula
BLOCK_OPEN = (
    '<div tabindex="0" role="group" aria-label="{label}"'
    ' class="arithmatex sg-math-block sg-scroll">'
)


def block_open(lang: str, where: str) -> str:
    try:
        return BLOCK_OPEN.format(label=LABELS[lang])
    except KeyError:
        raise PluginError(
            f"{where}: no word for 'formula' in language {lang!r} (LABELS in hooks/mathml.py)"
        ) from None


def _replace_arithmatex(page_html: str, where: str, lang: str) -> str:
    opening = block_open(lang, where)

    def repl(m: re.Match) -> str:
        tag, body = m.group(1), html.unescape(m.group(2)).strip()
        match = (BLOCK if tag == "div" else INLINE).match(body)
        if not match:
            raise PluginError(f"{where}: unexpected arithmatex content {body[:80]!r}")
        mathml = to_mathml(match.group(1), tag == "div", where)
        if tag == "div":
            return f"{opening}{mathml}</div>"
        return f'<span class="arithmatex">{mathml}</span>'

    return ARITHMATEX.sub(repl, page_html)


def _replace_notebook_math(page_html: str, where: str, lang: str) -> str:
    opening = block_open(lang, where)

    def cell(m: re.Match) -> str:
        def math(mm: re.Match) -> str:
            if mm.group(1) is not None:
                tex = html.unescape(mm.group(1))
                return f"{opening}{to_mathml(tex, True, where)}</div>"
            inline = to_mathml(html.unescape(mm.group(2)), False, where)
            return f'<span class="arithmatex">{inline}</span>'

        # Only text outside <code>/<pre>.
        parts = re.split(r"(<(?:code|pre)\b.*?</(?:code|pre)>)", m.group(2), flags=re.S)
        body = "".join(p if i % 2 else NB_MATH.sub(math, p) for i, p in enumerate(parts))
        return m.group(1) + body + m.group(3)

    return NB_MARKDOWN.sub(cell, page_html)


@event_priority(-50)
def on_page_content(page_html, page, config, files):
    where, lang = page.file.src_uri, config.theme["language"]
    page_html = _replace_arithmatex(page_html, where, lang)
    if getattr(page, "nb_url", None):
        page_html = _replace_notebook_math(page_html, where, lang)
    return page_html
