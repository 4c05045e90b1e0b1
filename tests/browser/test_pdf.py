"""The printable edition (scripts/build_pdf.py, `python3 dev.py pdf`) of both languages.

The PDFs are made twice from copies of the built site: they must be byte-identical;
their text (pdftotext) must hold every page's title in navigation order, Hangul in the
Korean edition and no raw TeX; every figure of the site must be in the book; every font
must be embedded (pdffonts); the internal links must exist; and every page of the site
copy must link to its language's PDF. The page counts and sizes are printed.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

sc = sys.modules["sigmoid_guide_tests_sitecheck"]  # loaded by conftest.py

pytestmark = pytest.mark.browser

ROOT = Path(__file__).resolve().parents[2]
TOOLS = ("pdftotext", "pdffonts", "pdfinfo")


@pytest.fixture(scope="module")
def pdf_module():
    import importlib.util

    spec = importlib.util.spec_from_file_location("sg_build_pdf", ROOT / "scripts" / "build_pdf.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def editions(built_site, tmp_path_factory) -> list[Path]:
    missing = [t for t in TOOLS if shutil.which(t) is None]
    if missing:
        sc.skip_or_fail(f"{', '.join(missing)} not found (apt-get install poppler-utils)")
    sites = []
    for run in ("first", "second"):
        site = tmp_path_factory.mktemp(f"pdf-{run}") / "site"
        shutil.copytree(built_site, site)
        # as `dev.py pdf` runs it: in a process of its own (this one already drives a
        # browser through Playwright's sync API, which allows one per thread)
        script = ROOT / "scripts" / "build_pdf.py"
        done = subprocess.run(
            [sys.executable, str(script), "--site", str(site)], capture_output=True, text=True
        )
        assert done.returncode == 0, done.stdout + done.stderr
        sites.append(site)
    return sites


def _run(*cmd: str) -> str:
    return subprocess.run(cmd, capture_output=True, text=True, check=True).stdout


@pytest.mark.parametrize("lang", ["ko", "en"])
def test_two_runs_give_the_same_bytes(editions, lang):
    name = f"pdf/sigmoid-guide-{lang}.pdf"
    first, second = ((s / name).read_bytes() for s in editions)
    info = _run("pdfinfo", str(editions[0] / name))
    pages = re.search(r"^Pages:\s+(\d+)", info, re.M).group(1)
    print(f"\n{name}: {pages} pages, {len(first):,} bytes")
    assert first == second


@pytest.mark.parametrize("lang", ["ko", "en"])
def test_text_has_every_title_in_order_and_no_tex(editions, pdf_module, lang):
    site = editions[0]
    pdf = site / f"pdf/sigmoid-guide-{lang}.pdf"
    text = re.sub(r"\s+", " ", _run("pdftotext", "-q", str(pdf), "-"))
    _, titles = pdf_module.book_html(site, lang, "2026-01-01")
    assert len(titles) == len(pdf_module.nav_pages(site, pdf_module.LANGS[lang])) >= 18
    position = text.index(titles[-1])  # the table of contents lists them first
    for title in titles:
        assert title in text, f"{lang}: {title!r} is not in the PDF"
    after = text[position:]
    found = [after.find(t) for t in titles[1:]]
    assert all(i >= 0 for i in found), "a page title appears only in the contents"
    for tex in (r"\frac", r"\sigma", r"\(", r"\[", "[[value", "[[figure"):
        assert tex not in text, f"{lang}: raw {tex!r} in the PDF"
    hangul = len(re.findall(r"[\uac00-\ud7a3]", text))
    assert hangul > 10_000 if lang == "ko" else hangul < 2_000, (lang, hangul)


@pytest.mark.parametrize("lang", ["ko", "en"])
def test_every_figure_is_in_the_book(editions, pdf_module, lang):
    site = editions[0]
    book, _ = pdf_module.book_html(site, lang, "2026-01-01")
    shown = set(re.findall(r'src="\.\./(?:en/)?figures/([^"]+\.svg)"', book))
    root = site / pdf_module.LANGS[lang]
    pages = "".join(
        p.read_text(encoding="utf-8")
        for p in root.rglob("index.html")
        if lang == "en" or "en" not in p.relative_to(site).parts[:1]
    )
    light = {
        f
        for f in re.findall(r'src="(?:\.\./)*(?:en/)?figures/([^"]+\.svg)"', pages)
        if ".dark." not in f
    }
    assert light and light == shown, light ^ shown
    assert not any(".dark." in f or ".narrow." in f for f in shown)


@pytest.mark.parametrize("lang", ["ko", "en"])
def test_fonts_are_embedded_and_links_work(editions, lang):
    pdf = editions[0] / f"pdf/sigmoid-guide-{lang}.pdf"
    fonts = _run("pdffonts", str(pdf)).splitlines()[2:]
    assert fonts, "no fonts"
    not_embedded = [f for f in fonts if f.split()[-5] != "yes"]
    assert not not_embedded, not_embedded
    data = pdf.read_bytes()
    assert data.count(b"/Dest") > 100, "few internal links: are the book's anchors right?"
    assert b"/Outlines" in data, "no outline (bookmarks)"


def test_every_page_links_to_its_pdf(editions):
    site = editions[0]
    for page in site.rglob("index.html"):
        rel = page.relative_to(site)
        lang = "en" if rel.parts[0] == "en" else "ko"
        html = page.read_text(encoding="utf-8")
        m = re.search(r'<a class="sg-pdf-link" href="([^"]+)"', html)
        assert m, f"{rel}: no link to the PDF"
        target = (page.parent / m.group(1)).resolve()
        assert target == (site / f"pdf/sigmoid-guide-{lang}.pdf").resolve(), rel
