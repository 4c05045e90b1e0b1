"""Every code block whose output a page shows is followed by a sentence that says what
the output shows (issue 14: "one sentence after each code block"), in both languages.

A block shows output when the example it includes prints ``#>`` lines. The line after
the block (blank lines skipped) must be prose: not a heading, another code block, a
figure, an admonition, a table or the end of the page. Blocks inside an answer or an
admonition (indented) are checked the same way, within their indentation.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"
PAGES = sorted(p.relative_to(DOCS).as_posix() for p in DOCS.glob("*/*.md"))
_FENCE = re.compile(r"^([ \t]*)```")
_SNIPPET = re.compile(r'--8<-- "([^"]+)"')
_NOT_PROSE = ("#", "```", "[[figure", "!!!", "???", "|", "--8<--")


def _prints_output(block: list[str]) -> bool:
    for line in block:
        m = _SNIPPET.search(line)
        if m:
            path = ROOT / m.group(1).split(":")[0]
            text = path.read_text(encoding="utf-8")
            if any(line.startswith("#>") for line in text.splitlines()):
                return True
    return False


def blocks_without_sentence(markdown: str) -> list[int]:
    """Line numbers (1-based) of output-showing code blocks not followed by prose.

    >>> blocks_without_sentence("```python\\nprint(1)\\n```\\n\\nIt prints 1.\\n")
    []
    """
    lines = markdown.splitlines()
    bad = []
    i = 0
    while i < len(lines):
        m = _FENCE.match(lines[i])
        if not m:
            i += 1
            continue
        indent = m.group(1)
        start = i
        i += 1
        while i < len(lines) and not lines[i].startswith(indent + "```"):
            i += 1
        block = lines[start + 1 : i]
        i += 1
        if not _prints_output(block):
            continue
        j = i
        while j < len(lines) and not lines[j].strip():
            j += 1
        following = lines[j] if j < len(lines) else ""
        inside = following.startswith(indent) and following.strip()
        if not inside or following.strip().startswith(_NOT_PROSE):
            bad.append(start + 1)
    return bad


@pytest.mark.parametrize("page", PAGES)
def test_each_output_is_explained_in_a_sentence(page: str):
    bad = blocks_without_sentence((DOCS / page).read_text(encoding="utf-8"))
    assert not bad, f"{page}: code blocks with output but no sentence after them, lines {bad}"


def test_the_check_finds_a_block_followed_by_a_heading():
    example = ROOT / "docs_src" / "definition"
    snippet = next(p for p in sorted(example.glob("*.py")) if "#>" in p.read_text("utf-8"))
    rel = snippet.relative_to(ROOT).as_posix()
    page = f'```python\n--8<-- "{rel}"\n```\n\n## Next\n'
    assert blocks_without_sentence(page) == [1]
    assert blocks_without_sentence(page.replace("## Next", "That is all.")) == []
    assert blocks_without_sentence(page.replace("## Next", "[[figure: x]]")) == [1]
