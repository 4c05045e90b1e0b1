"""The notation page (기호 정리 / Notation) lists every symbol the guide's math uses.

The symbols of a formula are read from its TeX source (:func:`symbols`): single Latin
letters, Greek letters, the decorated letters (``\\bar{x}``, ``\\tilde{h}``, ``w^{*}``,
``\\mathcal{L}``, ``\\mathbb{R}``) and a few operators a high-school reader has not met
(``\\partial``, ``\\odot``, ``\\lVert``, ``\\top``, ``\\sum``, ``\\sim``, ...). Operator
names (``\\ln``, ``\\max``, ``\\tanh``), the text in ``\\operatorname{..}``,
``\\mathrm{..}`` and ``\\text{..}``, digits and [[value: ...]] placeholders are not
symbols. In both languages:

* every symbol in the math of the other pages (and of the labs' Markdown cells) is in
  the symbol column of the notation page, and every symbol listed there is used;
* both notation pages have the same tables, with the same symbol cells in the same order;
* each row's first-use link points to a page that exists (and to a heading of it),
  the page uses the row's symbols, and for every symbol one of its rows links to the
  first page in the navigation that uses it (a symbol with two meanings has a row for
  each, the other one linking to a later page). The home page is not counted: it only
  previews. A row may also explain an operator name (``\\ln``, ``\\tanh``); then the
  same holds for the name.

Clashes (one letter, two meanings) are rows of one symbol that start with "**겹침**" /
"**Reused**"; the report in issue 14 lists them with the suggested fixes.
"""

from __future__ import annotations

import json
import re
import unicodedata
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"
LANGS = ("ko", "en")
NOTATION = "notation.md"
#: Pages whose math is not searched for first uses (the home page only previews).
NOT_FIRST_USE = {"index.md"}
CONFIG = {"ko": "mkdocs.yml", "en": "mkdocs.en.yml"}

# ------------------------------------------------------------------ reading the math
_FENCE = re.compile(r"^([ \t]*)(```|~~~).*?^\1\2[ \t]*$", re.S | re.M)
_INLINE_CODE = re.compile(r"`[^`\n]*`")
_PLACEHOLDER = re.compile(r"\[\[value:[^\]]*\]\]")
# $$..$$, \[..\], \(..\), $..$ (as pymdownx.arithmatex and hooks/mathml.py read them)
_MATH = re.compile(
    r"\$\$(.+?)\$\$|\\\[(.+?)\\\]|\\\((.+?)\\\)|(?<![\\$])\$(?!\s)([^$\n]+?)(?<![\s\\])\$",
    re.S,
)

GREEK = frozenset(
    "alpha beta gamma delta epsilon varepsilon zeta eta theta vartheta iota kappa lambda "
    "mu nu xi pi varpi rho varrho sigma varsigma tau upsilon phi varphi chi psi omega "
    "Gamma Delta Theta Lambda Xi Pi Sigma Upsilon Phi Psi Omega ell".split()
)
#: Commands that are symbols to explain (the norm bars are one symbol, ‖·‖).
SYMBOL_COMMANDS = {
    "partial": r"\partial",
    "odot": r"\odot",
    "otimes": r"\otimes",
    "nabla": r"\nabla",
    "top": r"\top",
    "intercal": r"\top",
    "sum": r"\sum",
    "prod": r"\prod",
    "sim": r"\sim",
    "lVert": r"\lVert",
    "rVert": r"\lVert",
    "|": r"\lVert",
    "Vert": r"\lVert",
}
#: Commands whose braced argument is text or a name, not symbols.
TEXT_COMMANDS = frozenset("operatorname mathrm text textrm textit mbox begin end".split())
#: Commands that make a new symbol out of the letter in their argument.
DECORATIONS = frozenset("bar tilde hat mathcal mathbb mathbf boldsymbol vec".split())

_TOKEN = re.compile(r"\\([A-Za-z]+|.)|([A-Za-z])|(\{)|(\})|(\^)|(\*)|(.)", re.S)


def math_of(markdown: str) -> list[str]:
    """The TeX source of every formula in a page's Markdown (code and values left out)."""
    text = _INLINE_CODE.sub(" ", _FENCE.sub("", markdown))
    text = _PLACEHOLDER.sub(" ", text)
    return [next(g for g in m.groups() if g is not None) for m in _MATH.finditer(text)]


def _braced(tex: str, start: int) -> tuple[str, int]:
    """The braced group starting at tex[start] ("{...}"), or one character: (body, end)."""
    while start < len(tex) and tex[start].isspace():
        start += 1
    if start >= len(tex):
        return "", start
    if tex[start] != "{":
        m = re.match(r"\\[A-Za-z]+|.", tex[start:], re.S)
        return m.group(), start + m.end()
    depth = 0
    for i in range(start, len(tex)):
        depth += {"{": 1, "}": -1}.get(tex[i], 0)
        if depth == 0:
            return tex[start + 1 : i], i + 1
    raise ValueError(f"unbalanced braces in {tex!r}")


#: Operator names: not symbols, but a row of the notation page may explain one.
OPERATOR_NAMES = frozenset("ln log exp tanh sinh cosh max min sin cos".split())
_NAME = re.compile(r"\\operatorname\{([^}]*)\}|\\([A-Za-z]+)")


def operator_names(tex: str) -> list[str]:
    """The operator names of a formula: ``\\ln``, ``\\operatorname{logit}``, ..."""
    out = []
    for m in _NAME.finditer(tex):
        name = m.group(1) if m.group(1) is not None else m.group(2)
        if (m.group(1) is not None or name in OPERATOR_NAMES) and name not in out:
            out.append(name)
    return out


def symbols(tex: str) -> list[str]:
    """The symbols of one formula, in order of appearance, each once (see the docstring).

    >>> symbols(r"\\delta_l = \\left(W_{l+1}^{\\top} \\delta_{l+1}\\right) \\odot \\sigma'(z_l)")
    ['\\\\delta', 'l', 'W', '\\\\top', '\\\\odot', '\\\\sigma', 'z']
    """
    out: list[str] = []
    i = 0
    while i < len(tex):
        m = _TOKEN.match(tex, i)
        i = m.end()
        command, letter = m.group(1), m.group(2)
        found = None
        if command in TEXT_COMMANDS:
            _, i = _braced(tex, i)
        elif command in DECORATIONS:
            body, i = _braced(tex, i)
            inner = symbols(body)
            found = f"\\{command}{{{inner[0]}}}" if len(inner) == 1 else None
            if found is None:
                out += [s for s in inner if s not in out]
        elif command in GREEK:
            found = "\\" + command
        elif command in SYMBOL_COMMANDS:
            found = SYMBOL_COMMANDS[command]
        elif letter:
            found = letter
        if found is not None:
            # w^{*} and w^* are a symbol of their own ("the optimum")
            star = re.match(r"\^(?:\{\s*\*\s*\}|\*)", tex[i:])
            if star:
                found += "^{*}"
                i += star.end()
            if found not in out:
                out.append(found)
    return out


# ------------------------------------------------------------------ the pages
def _nav(lang: str) -> list[str]:
    """The pages of the navigation, in order (read from the config's nav lines)."""
    text = (ROOT / CONFIG[lang]).read_text(encoding="utf-8")
    block = re.search(r"^nav:\n((?:[ \t]+.*\n|\n)+)", text, re.M)
    assert block, f"{CONFIG[lang]}: no nav"
    return re.findall(
        r"^[ \t]+-[ \t]+(?:[^:\n]+:[ \t]+)?(\S+\.(?:md|ipynb))[ \t]*$", block.group(1), re.M
    )


def _page_math(lang: str, page: str) -> list[str]:
    path = DOCS / lang / page
    if path.suffix == ".ipynb":
        cells = json.loads(path.read_text(encoding="utf-8"))["cells"]
        return [
            tex
            for cell in cells
            if cell["cell_type"] == "markdown"
            for tex in math_of("".join(cell["source"]))
        ]
    return math_of(path.read_text(encoding="utf-8"))


def content_pages(lang: str) -> list[str]:
    """Every page but the notation page: the navigation's order, then any page not in it."""
    nav = [p for p in _nav(lang) if p != NOTATION]
    rest = sorted(
        p.relative_to(DOCS / lang).as_posix()
        for p in [*(DOCS / lang).glob("*.md"), *(DOCS / lang).glob("labs/*.ipynb")]
    )
    return nav + [p for p in rest if p not in nav and p != NOTATION]


def used_symbols(lang: str) -> dict[str, list[str]]:
    """Symbol -> the pages whose math uses it, in navigation order."""
    used: dict[str, list[str]] = {}
    for page in content_pages(lang):
        for tex in _page_math(lang, page):
            for s in symbols(tex):
                pages = used.setdefault(s, [])
                if page not in pages:
                    pages.append(page)
    return used


def used_operator_names(lang: str) -> dict[str, list[str]]:
    """Operator name -> the pages whose math uses it, in navigation order."""
    used: dict[str, list[str]] = {}
    for page in content_pages(lang):
        for tex in _page_math(lang, page):
            for name in operator_names(tex):
                pages = used.setdefault(name, [])
                if page not in pages:
                    pages.append(page)
    return used


_ROW = re.compile(r"^\|(.*)\|[ \t]*$")
_LINK = re.compile(r"\[[^\]]*\]\(([^)#\s]+)(?:#([^)\s]+))?\)")


def notation_tables(lang: str) -> list[list[tuple[str, str, str]]]:
    """The notation page's tables: rows of (symbol cell, meaning cell, first-use cell)."""
    tables: list[list[tuple[str, str, str]]] = []
    previous_was_row = False
    for line in (DOCS / lang / NOTATION).read_text(encoding="utf-8").splitlines():
        m = _ROW.match(line.strip())
        if not m:
            previous_was_row = False
            continue
        cells = [c.strip() for c in re.split(r"(?<!\\)\|", m.group(1))]
        if not previous_was_row:
            tables.append([])  # the header row
            previous_was_row = True
            continue
        if all(set(c) <= set("-: ") for c in cells):
            continue
        assert len(cells) == 3, f"{lang}/{NOTATION}: a row needs 3 cells: {line!r}"
        tables[-1].append((cells[0], cells[1], cells[2]))
    return tables


def notation_rows(lang: str) -> list[tuple[str, str, str]]:
    return [row for table in notation_tables(lang) for row in table]


def _row_symbols(cell: str) -> list[str]:
    return [s for tex in math_of(cell) for s in symbols(tex)]


def _row_names(cell: str) -> list[str]:
    return [n for tex in math_of(cell) for n in operator_names(tex)]


def _slug(heading: str) -> str:
    """The heading's id, as the site's toc slugify (pymdownx.slugs, case lower) writes it."""
    text = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", heading)  # links: their text
    text = re.sub(r"[*_`]", "", text)
    text = re.sub(r"</?[^>]*>", "", unicodedata.normalize("NFC", text)).strip().lower()
    return re.sub(r"[^\w\- ]", "", text).replace(" ", "-")


def heading_ids(lang: str, page: str) -> set[str]:
    markdown = _FENCE.sub("", (DOCS / lang / page).read_text(encoding="utf-8"))
    ids = set()
    for heading in re.findall(r"^#{1,6}[ \t]+(.+?)[ \t]*#*[ \t]*$", markdown, re.M):
        explicit = re.search(r"\{[^}]*#([\w-]+)[^}]*\}\s*$", heading)
        ids.add(explicit.group(1) if explicit else _slug(heading))
    return ids


# ------------------------------------------------------------------ the tests
def test_the_symbol_reader():
    assert symbols(r"\frac{\partial \mathcal{L}}{\partial W_l} = \delta_l h_{l-1}^{\top}") == (
        r"\partial \mathcal{L} W l \delta h \top".split()
    )
    assert symbols(r"\operatorname{logit}(p) = \ln\frac{p}{1 - p}") == ["p"]
    assert symbols(r"\mathrm{ReLU6}(x + 3) / 6 \text{ for } n_{\mathrm{in}}") == ["x", "n"]
    assert symbols(r"\lVert X w - y \rVert^{2}, w^{*}, \bar{x}, \tilde{h}") == (
        r"\lVert X w y w^{*} \bar{x} \tilde{h}".split()
    )
    assert symbols(r"\max(z, 0) + \sum_b u_b \sim N(0, 1), \|W\|_2") == (
        r"z \sum b u \sim N \lVert W".split()
    )
    assert math_of(r"a \(x\) b $$y$$ `$z$` [[value: a.b]] $ 5 $ costs $3 and $4") == ["x", "y"]


def test_the_notation_reader_sees_rows_and_links():
    for lang in LANGS:
        rows = notation_rows(lang)
        assert len(rows) > 30, f"{lang}: only {len(rows)} rows read"
        assert all(_LINK.search(link) for _, _, link in rows)


@pytest.mark.parametrize("lang", LANGS)
def test_every_symbol_used_is_listed(lang: str):
    listed = {s for cell, _, _ in notation_rows(lang) for s in _row_symbols(cell)}
    missing = {s: pages for s, pages in used_symbols(lang).items() if s not in listed}
    assert not missing, (
        f"symbols used in the math but not on {lang}/{NOTATION} (symbol: pages): "
        + "; ".join(f"{s}: {', '.join(p)}" for s, p in missing.items())
    )


@pytest.mark.parametrize("lang", LANGS)
def test_every_symbol_listed_is_used(lang: str):
    """A row of operator names only (``\\ln``, ``\\tanh``) needs those names in some math."""
    used, used_names = used_symbols(lang), used_operator_names(lang)
    unused = []
    for cell, _, _ in notation_rows(lang):
        row, names = _row_symbols(cell), _row_names(cell)
        if not (row or names) or not all(k in (used if row else used_names) for k in row or names):
            unused.append(cell)
    assert not unused, f"{lang}/{NOTATION} lists symbols no page uses: {unused}"


def test_both_languages_list_the_same_symbols_in_the_same_order():
    ko, en = notation_tables("ko"), notation_tables("en")
    assert [len(t) for t in ko] == [len(t) for t in en], "different tables or row counts"
    for (ko_cell, _, ko_link), (en_cell, _, en_link) in zip(
        notation_rows("ko"), notation_rows("en"), strict=True
    ):
        assert ko_cell == en_cell, f"symbol cells differ: ko {ko_cell!r}, en {en_cell!r}"
        assert _LINK.search(ko_link).group(1) == _LINK.search(en_link).group(1), (
            f"{ko_cell}: first-use pages differ: ko {ko_link!r}, en {en_link!r}"
        )


@pytest.mark.parametrize("lang", LANGS)
def test_first_use_links_point_to_pages_and_headings(lang: str):
    bad = []
    for cell, _, link_cell in notation_rows(lang):
        links = _LINK.findall(link_cell)
        if not links:
            bad.append(f"{cell}: no link")
        for page, anchor in links:
            if not (DOCS / lang / page).is_file():
                bad.append(f"{cell}: no page {page}")
            elif anchor and page.endswith(".md") and anchor not in heading_ids(lang, page):
                bad.append(f"{cell}: no heading #{anchor} on {page}")
    assert not bad, f"{lang}/{NOTATION}: " + "; ".join(bad)


@pytest.mark.parametrize("lang", LANGS)
def test_first_use_is_the_first_page_in_the_navigation(lang: str):
    """Each row's page uses all of the row's symbols (or its operator names, for a row
    with no symbol), and for each symbol some row with it links to the first page in
    the navigation that uses it (the others give its other meanings, on later pages)."""
    used = {**used_operator_names(lang), **used_symbols(lang)}
    order = [p for p in content_pages(lang) if p not in NOT_FIRST_USE]
    linked: dict[str, set[str]] = {}
    bad = []
    for cell, _, link_cell in notation_rows(lang):
        page = _LINK.search(link_cell).group(1)
        keys = _row_symbols(cell) or _row_names(cell)
        bad += [f"{cell}: {page} does not use {k}" for k in keys if page not in used.get(k, ())]
        for k in keys:
            linked.setdefault(k, set()).add(page)
    for key, pages in linked.items():
        first = next((p for p in order if p in used.get(key, ())), None)
        if first is not None and first not in pages:
            bad.append(f"{key}: first used on {first}, but linked to {sorted(pages)}")
    assert not bad, f"{lang}/{NOTATION}: " + "; ".join(bad)
