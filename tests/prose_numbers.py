"""Finding numbers typed into the prose of the pages (shared by the prose-value tests).

Prose is what a reader reads as text, math included: a page's Markdown without code
blocks, inline code, snippet lines, figure directives, value placeholders, link
targets and HTML tags. In prose, these count as *typed measured numbers*: decimals (``12.8``,
``0.007``), numbers in e-notation (``9.8e-07``) and percentages (``91%``).

Allowed, because they are not measured: version numbers in names ("CC BY 4.0",
"Python 3.10"), whole numbers (sizes of the setup such as
10 layers or batch 64, years, counts, section numbers), the constants in
:data:`CONSTANTS` (each with its reason), section numbers after ``§`` or "ch.", and
the bibliographic data of the references page (volumes, pages, arXiv numbers).
"""

from __future__ import annotations

import re

#: Decimal constants that the prose may type, with the reason each is not measured.
CONSTANTS = {
    "0.25": "the maximum of σ′, a property of the formula",
    "0.5": "σ(0) and the centre of sigmoid's range",
    "1.7159": "the constant of LeCun et al.'s scaled tanh (1998, §4.4)",
    "2.5": "the accuracy bound in ulp that tests/test_core_accuracy.py asserts for sigmoid",
}

_FENCE = re.compile(r"^([ \t]*)(```|~~~).*?^\1\2[ \t]*$", re.S | re.M)
_INLINE_CODE = re.compile(r"`[^`\n]*`")
_PLACEHOLDER = re.compile(r"\[\[(?:value|figure|explorable|explore):[^\]]*\]\]")
_LINK_TARGET = re.compile(r"\]\([^)]*\)")
_TAG = re.compile(r"<[^>\n]+>")
_ATTR_LIST = re.compile(r"\{[:#.][^}\n]*\}")
_SECTION = re.compile(r"(§|ch\.|chapter|절|장)\s*[0-9][0-9.]*", re.I)
# Versions in names: "CC BY 4.0", "Python 3.10", "MkDocs 1.6", "WCAG 2.1".
_VERSIONED = re.compile(
    r"\b(CC BY(?:-SA)?|Python|파이썬|MkDocs|NumPy|SciPy|Material|Lighthouse|WCAG|v)"
    r"\s*[0-9][0-9.x]*",
    re.I,
)
_NUMBER = re.compile(
    # Hangul may follow a number directly (a particle: 12.8이), Latin letters may not.
    r"(?<![0-9A-Za-z_.])[-−+]?"
    r"(?:[0-9]+\.[0-9]+(?:e[-+]?[0-9]+)?|[0-9]+e[-+]?[0-9]+|[0-9]+(?:\.[0-9]+)?\s?%)"
    r"(?![0-9A-Za-z_])",
    re.I,
)


def prose_of(markdown: str) -> str:
    """The prose of a page's Markdown (see the module docstring)."""
    text = _FENCE.sub("", markdown)
    strip = (_INLINE_CODE, _PLACEHOLDER, _LINK_TARGET, _TAG, _ATTR_LIST, _SECTION, _VERSIONED)
    for pattern in strip:
        text = pattern.sub(" ", text)
    return text


def typed_numbers(markdown: str) -> list[tuple[int, str]]:
    """(line number, number) of every typed measured number in the prose of ``markdown``."""
    prose = prose_of(markdown)
    found = []
    for m in _NUMBER.finditer(prose):
        token = m.group().lstrip("+")
        if token in CONSTANTS:
            continue
        found.append((prose.count("\n", 0, m.start()) + 1, token))
    return found
