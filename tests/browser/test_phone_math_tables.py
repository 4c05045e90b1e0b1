"""At a phone's width (390 × 844 CSS px), in a real browser, on every page of both
languages and in both palettes: no display formula and no table is cut off, and axe-core
finds nothing against WCAG 2.x A/AA.

A formula or a table is cut when part of it lies outside what its box shows, unless the
box scrolls to every part of it, takes keyboard focus (a tab stop with a role and a name
in the page's language, and a focus outline that shows on screen) and shows that it
scrolls: with the box's contents hidden, its edge on the side where more is to be seen
must look different from its other edge, at the start and again at the end (the scroll
shadows of hooks/mathml.py, hooks/tables.py and overrides/stylesheets/site.css).

Each page is loaded once per palette (light: the `default` scheme, dark: `slate`, chosen
by the browser's colour scheme) after Material's bundle has settled (its search index is
the last thing a page fetches), so that what its scripts set at load is in place. The
window is 390 px wide with a mouse, as a desktop browser made that narrow (or zoomed in
to 400 %) is: on a device without hover, Material's bundle deliberately takes code blocks
out of the tab order, which axe-core reports there (not something this site's CSS or
hooks can change).
"""

from __future__ import annotations

import io
import re
import sys

import pytest

sc = sys.modules["sigmoid_guide_tests_sitecheck"]  # loaded by conftest.py

pytestmark = pytest.mark.browser

PHONE = sc.PHONE
SCHEMES = {"light": "default", "dark": "slate"}
AXE_WCAG = {"tags": sc.AXE_TAGS, "rules": []}
# The two edges of a scrolling box must differ by at least this much (0-255, the largest
# channel difference of their average colours) for the cue to count as visible.
CUE_CONTRAST = 24
EDGE = 3  # px of each edge that are compared, inside the focus outline's place

# Every display formula and every table in the page's content, with the box that clips
# it (the nearest ancestor whose overflow-x is not visible) and what that box does.
PROBE = """() => {
  const vw = document.documentElement.clientWidth;
  const content = document.querySelector('.md-content');
  const clipper = el => {
    for (let e = el.parentElement; e && e !== content; e = e.parentElement) {
      if (!['visible', 'clip'].includes(getComputedStyle(e).overflowX)) return e;
    }
    return null;
  };
  const items = [];
  const targets = [
    ...[...content.querySelectorAll('math[display=block]')].map(el => ['formula', el]),
    ...[...content.querySelectorAll('table')].map(el => ['table', el])];
  targets.forEach(([kind, el], index) => {
    const box = clipper(el);
    el.dataset.sgProbe = String(index);
    const r = el.getBoundingClientRect();
    const item = {kind, index, text: el.textContent.replace(/\\s+/g, ' ').trim().slice(0, 60),
                  left: r.left, right: r.right, width: r.width, box: null};
    // Shown: the part of the viewport's width that the clipping box (if any) shows.
    let shownLeft = 0, shownRight = vw;
    if (box) {
      const b = box.getBoundingClientRect(), cs = getComputedStyle(box);
      shownLeft = Math.max(0, b.left + box.clientLeft);
      shownRight = Math.min(vw, b.left + box.clientLeft + box.clientWidth);
      const scrolls = ['auto', 'scroll'].includes(cs.overflowX)
        && box.scrollWidth > box.clientWidth + 0.5;
      // Scrolled to the end, is the right end of the element shown?
      const before = box.scrollLeft;
      box.scrollLeft = box.scrollWidth;
      const endRight = el.getBoundingClientRect().right;
      const endShown = Math.min(vw, b.left + box.clientLeft + box.clientWidth);
      box.scrollLeft = before;
      box.dataset.sgBox = String(index);
      item.box = {
        cls: box.className.slice(0, 60), left: b.left, right: b.right, scrolls,
        scrollWidth: box.scrollWidth, clientWidth: box.clientWidth,
        startsAtStart: r.left >= shownLeft - 0.5,
        reachesEnd: endRight <= endShown + 0.5,
        tabindex: box.getAttribute('tabindex'), role: box.getAttribute('role'),
        label: box.getAttribute('aria-label')};
    }
    item.fits = r.left >= shownLeft - 0.5 && r.right <= shownRight + 0.5;
    items.push(item);
  });
  return {vw, pageWidth: document.documentElement.scrollWidth, items,
          scheme: document.body.getAttribute('data-md-color-scheme')};
}"""

# After keyboard focus (Shift+Tab, Tab) on box `index`: is it focused, and where does its
# outline fall (it must show, and inside the viewport).
FOCUS_JS = """index => {
  const box = document.querySelector(`[data-sg-box="${index}"]`);
  const cs = getComputedStyle(box), r = box.getBoundingClientRect();
  const vw = document.documentElement.clientWidth;
  const width = parseFloat(cs.outlineWidth) || 0, offset = parseFloat(cs.outlineOffset) || 0;
  return {focused: document.activeElement === box, style: cs.outlineStyle, width,
          color: cs.outlineColor,
          inside: r.left - (width + offset) >= -0.5 && r.right + (width + offset) <= vw + 0.5};
}"""

# Hides what is in box `index` (not the box) and scrolls it to `where` ("start" or "end").
HIDE_JS = """([index, where]) => {
  const box = document.querySelector(`[data-sg-box="${index}"]`);
  for (const child of box.children) child.style.visibility = 'hidden';
  box.scrollLeft = where === 'start' ? 0 : box.scrollWidth;
  box.scrollIntoView({block: 'center'});
}"""
SHOW_JS = """index => {
  const box = document.querySelector(`[data-sg-box="${index}"]`);
  for (const child of box.children) child.style.visibility = '';
  box.scrollLeft = 0;
}"""


def _edges(png: bytes) -> tuple[tuple[float, ...], tuple[float, ...]]:
    """Average colours of the left and right EDGE-px strips of a screenshot, skipping the
    outermost 2 px where a focus outline or border may be."""
    from PIL import Image, ImageStat

    im = Image.open(io.BytesIO(png)).convert("RGB")
    w, h = im.size

    def mean(x0: int) -> tuple[float, ...]:
        return tuple(ImageStat.Stat(im.crop((x0, 0, x0 + EDGE, h))).mean)

    return mean(2), mean(w - 2 - EDGE)


def _differ(a: tuple[float, ...], b: tuple[float, ...]) -> float:
    return max(abs(x - y) for x, y in zip(a, b, strict=True))


def _visit(page, server, sp, axe_js) -> dict:
    response = page.goto(server.url(sp.rel), wait_until="load")
    sc._wait_for_search(page, response)
    # Exercise answers are collapsed (<details>): open them, so that their formulas and
    # tables are measured (and checked by axe) like the rest of the page.
    page.evaluate("document.querySelectorAll('details').forEach(d => { d.open = true; })")
    report = page.evaluate(PROBE)
    for item in report["items"]:
        box = item["box"]
        if item["fits"] or not box or not box["scrolls"]:
            continue
        locator = page.locator(f'[data-sg-box="{item["index"]}"]')
        # Keyboard focus: from the box, one step back and one forward lands on it again.
        locator.focus()
        page.keyboard.press("Shift+Tab")
        page.keyboard.press("Tab")
        box["focus"] = page.evaluate(FOCUS_JS, item["index"])
        page.evaluate("document.activeElement && document.activeElement.blur()")
        box["cue"] = {}
        for where in ("start", "end"):
            page.evaluate(HIDE_JS, [item["index"], where])
            box["cue"][where] = _edges(locator.screenshot(animations="disabled"))
        page.evaluate(SHOW_JS, item["index"])
    sc.inject_axe(page, axe_js)
    report["axe"] = page.evaluate(sc.AXE_RUN_JS, AXE_WCAG)
    return report


@pytest.fixture(scope="module")
def phone_visits(browser, site_server, site_pages, axe_source) -> dict:
    """{(scheme, page): report} for every page in both palettes at 390 × 844."""
    reports = {}
    for scheme in SCHEMES:
        # Not mobile: with touch, Material takes tabindex off scrolling code blocks.
        context = sc.new_context(browser, scheme, viewport=PHONE)
        try:
            page = context.new_page()
            for sp in site_pages:
                reports[scheme, sp] = _visit(page, site_server, sp, axe_source)
        finally:
            context.close()
    return reports


def _where(scheme: str, sp, item: dict) -> str:
    return f"/{sp.rel} ({scheme}) {item['kind']} {item['text']!r}"


def _cut(item: dict) -> list[str]:
    """Why this formula or table is cut off (nothing if it is not): it does not fit, and
    its box does not scroll to all of it, or takes no keyboard focus with a visible
    outline, or does not show that it scrolls."""
    if item["fits"]:
        return []
    box = item["box"]
    if box is None or not box["scrolls"]:
        return ["wider than the screen and its box does not scroll"]
    why = []
    if not box["startsAtStart"]:
        why.append("its start lies before where its box scrolls to")
    if not box["reachesEnd"]:
        why.append("scrolled to the end, its end is still hidden")
    focus = box["focus"]
    if box["tabindex"] != "0" or not focus["focused"]:
        why.append(f"its box is no tab stop (tabindex={box['tabindex']!r})")
    elif focus["style"] == "none" or focus["width"] < 1 or not focus["inside"]:
        why.append(f"its box shows no focus outline on screen ({focus})")
    for where, (left, right) in box["cue"].items():
        if _differ(left, right) < CUE_CONTRAST:
            why.append(
                f"at the {where}, its box shows no sign that it scrolls (edges "
                f"{[round(c) for c in left]} and {[round(c) for c in right]})"
            )
    return why


def test_pages_were_measured_in_both_palettes(phone_visits, site_pages):
    problems = []
    for (scheme, sp), r in phone_visits.items():
        if r["scheme"] != SCHEMES[scheme]:
            problems.append(f"/{sp.rel}: {scheme} palette is {r['scheme']!r}")
    formulas = sum(i["kind"] == "formula" for r in phone_visits.values() for i in r["items"])
    tables = sum(i["kind"] == "table" for r in phone_visits.values() for i in r["items"])
    assert not problems, "\n".join(problems)
    assert formulas > 20 and tables > 8, f"found only {formulas} formulas, {tables} tables"


def test_no_page_scrolls_sideways(phone_visits):
    problems = [
        f"/{sp.rel} ({scheme}): {r['pageWidth']} px wide"
        for (scheme, sp), r in phone_visits.items()
        if r["pageWidth"] > r["vw"]
    ]
    assert not problems, "pages wider than the phone:\n" + "\n".join(problems)


@pytest.mark.parametrize("kind", ["formula", "table"])
def test_nothing_is_cut_off(phone_visits, kind):
    problems = []
    for (scheme, sp), r in phone_visits.items():
        for item in r["items"]:
            if item["kind"] == kind and (why := _cut(item)):
                problems.append(f"{_where(scheme, sp, item)}: {'; '.join(why)}")
    assert not problems, f"{kind}s cut off at 390 px ({len(problems)}):\n" + "\n".join(problems)


@pytest.mark.parametrize("kind", ["formula", "table"])
def test_scrolling_boxes_are_named_in_the_page_language(phone_visits, kind):
    """A box that scrolls has a role and a name (read when it takes focus) in the page's
    language."""
    problems, seen = [], 0
    for (scheme, sp), r in phone_visits.items():
        for item in r["items"]:
            box = item["box"]
            if item["kind"] != kind or item["fits"] or not box or not box["scrolls"]:
                continue
            seen += 1
            where = _where(scheme, sp, item)
            if box["role"] not in ("region", "group"):
                problems.append(f"{where}: role={box['role']!r}")
            label = box["label"] or ""
            script = sc.HANGUL if sp.lang == "ko" else sc.LATIN
            if not script.search(label) or (sp.lang == "en" and sc.HANGUL.search(label)):
                problems.append(f"{where}: aria-label {label!r} is not in {sp.lang}")
    assert not problems, f"scrolling {kind} boxes:\n" + "\n".join(problems)
    if kind == "table":  # some tables are always wider than a phone (the remedies table)
        assert seen, "no table scrolls at 390 px: is the test still measuring?"


@pytest.mark.parametrize("scheme", list(SCHEMES))
def test_axe_finds_nothing_at_phone_width(phone_visits, scheme):
    """axe-core's WCAG 2.x A/AA rules at 390 px (scrollable-region-focusable among them),
    with the allowlist of tests/browser/axe_allowlist.py."""
    allowlist = sc.load_allowlist()
    problems = []
    for (s, sp), r in phone_visits.items():
        if s != scheme:
            continue
        for v in r["axe"]:
            nodes = [
                n
                for n in v["nodes"]
                if not any(
                    e["rule"] == v["id"] and re.search(e["target"], n["target"]) for e in allowlist
                )
            ]
            if nodes:
                problems.append(f"/{sp.rel}:\n" + sc.format_axe([{**v, "nodes": nodes}]))
    assert not problems, f"axe-core at 390 px, {scheme} palette:\n" + "\n".join(problems)
