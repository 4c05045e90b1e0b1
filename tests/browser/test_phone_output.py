"""Code blocks that fit, in a real browser, on every page of both languages.

At a phone's width (390 × 844 CSS px) every output line of every code block is visible
without scrolling sideways: the ``#>`` lines of the examples (docs_src/), the output
lines of doctest blocks, every line of other plain-text blocks, and every line a notebook
cell printed (a printed line too long for the box wraps there: it is text, not code).
Code lines may scroll on a phone (they are up to 79 characters, about 43 fit), but they
never wrap, so that Python keeps its indentation; in a notebook a code cell scrolls in
a box of its own. At 1280 px no Markdown code block scrolls at all.

A line "fits" when its last glyph ends inside the content box of the element that
would scroll it (the box minus its right padding: a line reaching into the padding
already makes the box scroll). Lines are measured with DOM ranges, so a wide glyph from
a fallback font counts as what it is.
"""

from __future__ import annotations

import sys

import pytest

sc = sys.modules["sigmoid_guide_tests_sitecheck"]  # loaded by conftest.py

pytestmark = pytest.mark.browser

PHONE, DESKTOP = sc.PHONE, sc.DESKTOP
# Characters of a monospace line that fit in a phone-wide code box, as measured here
# (DejaVu Sans Mono at Material's 0.68rem, in a box as wide as the screen): 358 px of
# text at 8.19 px a character. tests/test_code_width.py holds the #> lines to it.
PHONE_CHARS = 43
SLACK_PX = 0.5

# Every code box of the content: Material's code blocks (pre > code, the element that
# scrolls), and in notebooks the code of code cells (its <pre>, scrolled by the
# CodeMirror box around it), code blocks in Markdown cells, and text output. For each:
# its lines (text, characters, how far the line ends past the box's content edge, in
# how many rows it is drawn), whether the box scrolls and how, and whether a line of
# `chars` characters fits in it.
PROBE = """(chars) => {
  const content = document.querySelector('article.md-content__inner')
    || document.querySelector('.md-content');
  if (!content) return {error: 'no .md-content'};
  content.querySelectorAll('details').forEach(d => { d.open = true; });
  const boxes = [];
  for (const code of content.querySelectorAll('pre > code')) {
    if (code.closest('.jupyter-wrapper')) continue;
    const marked = code.closest('[class*="language-"]');
    const lang = marked ? (marked.className.match(/language-(\\S+)/) || ['', ''])[1] : '';
    boxes.push({kind: 'markdown', lang, text: code, scroller: code});
  }
  for (const pre of content.querySelectorAll('.jupyter-wrapper pre')) {
    if (pre.closest('.jp-OutputArea-output')) {
      boxes.push({kind: 'notebook-output', lang: '', text: pre, scroller: pre});
    } else {
      const scroller = pre.closest('.CodeMirror, .highlight') || pre;
      boxes.push({kind: 'notebook-code', lang: 'python', text: pre, scroller});
    }
  }
  const range = document.createRange();
  return {boxes: boxes.map(({kind, lang, text, scroller}) => {
    const sr = scroller.getBoundingClientRect();
    const ts = getComputedStyle(text);
    const ss = getComputedStyle(scroller);
    const edge = sr.left + scroller.clientLeft + scroller.clientWidth
      - parseFloat(ts.paddingRight) - (scroller === text ? 0 : parseFloat(ss.paddingRight));
    // Each line is measured word by word: a space where a line wraps may hang past
    // the edge without hiding anything.
    // rows a line is drawn in: tops more than half a line apart (glyphs from a
    // fallback font may sit a little higher or lower in the same row)
    const half = (parseFloat(ts.lineHeight) || parseFloat(ts.fontSize) * 1.2) / 2;
    const rowsOf = rs => rs.map(r => r.top).sort((a, b) => a - b)
      .filter((t, i, ts) => i === 0 || t - ts[i - 1] > half).length;
    const lines = [];
    let chars = '', word = null, rects = [];
    const endWord = (node, offset) => {
      if (!word) return;
      range.setStart(word[0], word[1]);
      range.setEnd(node, offset);
      rects.push(...[...range.getClientRects()].filter(r => r.width > 0));
      word = null;
    };
    const endLine = () => {
      if (chars.trim()) {
        lines.push({text: chars.slice(0, 80), chars: [...chars].length,
                    over: rects.length ? Math.max(...rects.map(r => r.right)) - edge : null,
                    rows: rowsOf(rects)});
      }
      chars = ''; rects = [];
    };
    const walker = document.createTreeWalker(text, NodeFilter.SHOW_TEXT);
    let node, last = null;
    while ((node = walker.nextNode())) {
      for (let i = 0; i < node.data.length; i++) {
        const c = node.data[i];
        if (c === '\\n' || c === ' ' || c === '\\t') endWord(node, i);
        if (c === '\\n') { endLine(); continue; }
        if (c !== ' ' && c !== '\\t' && !word) word = [node, i];
        chars += c;
      }
      last = node;
    }
    if (last) endWord(last, last.data.length);
    endLine();
    // a line of `chars` characters in this box's font, on a line of its own
    const probe = document.createTextNode('\\n' + '0'.repeat(chars));
    text.appendChild(probe);
    range.setStart(probe, 1);
    range.setEnd(probe, probe.data.length);
    const fits = Math.max(...[...range.getClientRects()].map(r => r.right)) - SLACK <= edge;
    probe.remove();
    return {kind, lang, lines, fits, whiteSpace: ts.whiteSpace, overflowX: ss.overflowX,
            hidden: scroller.scrollWidth - scroller.clientWidth,
            first: (text.textContent.split('\\n')[0] || '').slice(0, 50)};
  })};
}""".replace("SLACK", str(SLACK_PX))


def _visit(browser, server, pages, viewport: dict, mobile: bool) -> dict:
    context = sc.new_context(browser, viewport=viewport, mobile=mobile, scale=3 if mobile else 1)
    reports = sc.probe_each(context, server, pages, PROBE, PHONE_CHARS)
    return {p.rel: r for p, r in reports.items()}


@pytest.fixture(scope="module")
def phone_boxes(browser, site_server, site_pages) -> dict:
    return _visit(browser, site_server, site_pages, PHONE, mobile=True)


@pytest.fixture(scope="module")
def desktop_boxes(browser, site_server, site_pages) -> dict:
    return _visit(browser, site_server, site_pages, DESKTOP, mobile=False)


def _is_output(box: dict, text: str) -> bool:
    """An output line: what a program printed, not code a reader types."""
    line = text.lstrip()
    if box["kind"] == "notebook-output":
        return True
    if box["kind"] == "notebook-code":
        return False
    if box["lang"] == "python":
        return line.startswith(("#>", "# >"))
    if box["lang"] == "pycon":
        return not line.startswith((">>>", "..."))
    return True  # plain text: a formula, a table, a log


def _line_problems(reports: dict, wanted) -> list[str]:
    problems = []
    for rel, report in reports.items():
        assert "error" not in report, f"/{rel}: {report['error']}"
        for box in report["boxes"]:
            for line in box["lines"]:
                if not wanted(box, line["text"]):
                    continue
                if line["over"] is None:
                    problems.append(f"/{rel}: not drawn, cannot measure: {line['text']!r}")
                elif line["over"] > SLACK_PX:
                    problems.append(
                        f"/{rel} ({box['kind']}): {line['chars']} characters, "
                        f"{line['over']:.0f} px past the box: {line['text']!r}"
                    )
    return problems


def _all_boxes(reports: dict):
    for rel, report in reports.items():
        for box in report["boxes"]:
            yield rel, box


def test_the_pages_have_code_to_measure(phone_boxes):
    kinds: dict[str, int] = {}
    outputs = 0
    for _, box in _all_boxes(phone_boxes):
        kinds[box["kind"]] = kinds.get(box["kind"], 0) + 1
        outputs += sum(_is_output(box, line["text"]) for line in box["lines"])
    assert kinds.get("markdown", 0) > 100, kinds
    assert kinds.get("notebook-code", 0) > 10, kinds
    assert kinds.get("notebook-output", 0) > 10, kinds
    assert outputs > 300, f"only {outputs} output lines found"


def test_output_lines_fit_on_a_phone(phone_boxes):
    problems = _line_problems(phone_boxes, _is_output)
    assert not problems, (
        f"{len(problems)} output lines do not fit in their box at "
        f"{PHONE['width']} px:\n" + "\n".join(problems)
    )


def test_a_line_of_the_phone_budget_fits_where_examples_print(phone_boxes):
    """tests/test_code_width.py keeps #> lines to PHONE_CHARS characters: that many must
    fit in every box that shows such lines (a smaller font or a narrower box, inside a
    list or an admonition, would hide their ends)."""
    narrow = [
        f"/{rel}: {box['first']!r}"
        for rel, box in _all_boxes(phone_boxes)
        if not box["fits"]
        and any(_is_output(box, line["text"]) for line in box["lines"])
        and box["kind"] in {"markdown", "notebook-output"}
        and box["lang"] in {"python", ""}
    ]
    assert not narrow, f"{PHONE_CHARS} characters do not fit in:\n" + "\n".join(narrow)


@pytest.mark.parametrize("width", ["phone", "desktop"])
def test_code_never_wraps(width, phone_boxes, desktop_boxes):
    """Code keeps its line breaks and its indentation: a long line scrolls (its box has
    overflow-x auto), it is never drawn in two rows."""
    reports = phone_boxes if width == "phone" else desktop_boxes
    problems = []
    for rel, box in _all_boxes(reports):
        if box["kind"] == "notebook-output":
            continue
        if box["whiteSpace"] != "pre" or box["overflowX"] not in {"auto", "scroll"}:
            problems.append(
                f"/{rel} ({box['kind']}): white-space {box['whiteSpace']}, "
                f"overflow-x {box['overflowX']}: {box['first']!r}"
            )
            continue
        for line in box["lines"]:
            if line["rows"] > 1 and not _is_output(box, line["text"]):
                problems.append(f"/{rel} ({box['kind']}): wraps: {line['text']!r}")
    assert not problems, "code that wraps instead of scrolling:\n" + "\n".join(problems)


def test_no_code_block_scrolls_at_1280_px(desktop_boxes):
    """Markdown code blocks (examples, snippets from the package, doctests) fit whole.
    Notebook code cells are the labs' own code and may scroll: their output may not."""
    problems = [
        f"/{rel}: scrolls by {box['hidden']} px: {box['first']!r}"
        for rel, box in _all_boxes(desktop_boxes)
        if box["kind"] in {"markdown", "notebook-output"} and box["hidden"] > 1
    ]
    problems += _line_problems(desktop_boxes, lambda box, _: box["kind"] != "notebook-code")
    width = DESKTOP["width"]
    assert not problems, f"code blocks that scroll at {width} px:\n" + "\n".join(problems)
