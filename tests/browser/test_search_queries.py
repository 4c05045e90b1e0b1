"""The site's own search, in Chromium, on a fixed set of learner queries per language.

Each query of tests/search_queries.py is typed into Material's search box on the home
page, as a reader would; the test reads the result list and counts a top-1 hit when
the first result is one of the query's pages, a top-3 hit when one of the first three
is. It prints the whole table (query, first three results, hit) so that a miss can be
read in the CI log, and asserts the goals of issue 14 in each language, and that no
query finds nothing.
"""

from __future__ import annotations

import sys

import pytest
from search_queries import QUERIES, TOP1_GOAL, TOP3_GOAL

sc = sys.modules["sigmoid_guide_tests_sitecheck"]  # loaded by conftest.py

pytestmark = pytest.mark.browser


def _results(page, query: str, placeholder: str) -> list[str]:
    """Type ``query`` into the (open) search box; the result pages' paths, in order."""
    box = page.locator("input.md-search__input")
    box.fill("")
    box.press("End")  # Material reacts to keyup: back to the placeholder
    page.wait_for_function(
        "t => document.querySelector('.md-search-result__meta').textContent.trim() === t",
        arg=placeholder,
    )
    box.fill(query)
    box.press("End")
    page.wait_for_function(
        "t => document.querySelector('.md-search-result__meta').textContent.trim() !== t",
        arg=placeholder,
    )
    return page.evaluate(
        """() => [...document.querySelectorAll('.md-search-result__item > a')]
            .map(a => new URL(a.href).pathname)"""
    )


def _search_all(context, server, lang: str) -> list[tuple[str, tuple[str, ...], list[str]]]:
    root = "" if lang == "ko" else sc.EN_PREFIX
    page = context.new_page()
    placeholder = sc.open_search(page, server.url(root))
    base = server.url(root).split(server.origin, 1)[1]
    out = []
    for query, expected in QUERIES[lang]:
        paths = _results(page, query, placeholder)
        pages = []
        for path in paths:  # one entry a page: Material lists a page's sections under it
            rel = path[len(base) :] if path.startswith(base) else path
            if rel not in pages:
                pages.append(rel)
        out.append((query, expected, pages))
    return out


@pytest.mark.parametrize("lang", ["ko", "en"])
def test_learner_queries_find_their_page(browser, site_server, lang):
    assert len(QUERIES[lang]) == 30
    context = sc.new_context(browser, "light")
    try:
        rows = _search_all(context, site_server, lang)
    finally:
        context.close()

    def hit(expected, pages) -> str:
        if pages[:1] and pages[0] in expected:
            return "1"
        return "3" if any(p in expected for p in pages[:3]) else "-"

    marks = [hit(expected, pages) for _, expected, pages in rows]
    top1 = marks.count("1")
    top3 = top1 + marks.count("3")
    table = "\n".join(
        f"{mark}  {query!r:34} want {'|'.join(expected):28} got {pages[:3]}"
        for mark, (query, expected, pages) in zip(marks, rows, strict=True)
    )
    print(f"\n{lang}: top-1 {top1}/30, top-3 {top3}/30\n{table}")
    empty = [query for query, _, pages in rows if not pages]
    assert not empty, f"{lang}: queries without a result: {empty}\n{table}"
    assert top1 >= TOP1_GOAL and top3 >= TOP3_GOAL, (
        f"{lang}: top-1 {top1}/30 (goal {TOP1_GOAL}), top-3 {top3}/30 (goal {TOP3_GOAL})\n{table}"
    )
