#!/usr/bin/env python3
"""The printable edition: one PDF per language from the built site (`python3 dev.py pdf`).

    python3 scripts/build_pdf.py [--site site]

For each language, every page of the built site, in the order of the site's navigation,
is put into one HTML book (site/pdf/book-<lang>.html): a title page (title, licence,
the date of the commit it was built from, the site's address), a table of contents
with links, then each page's article. Ids are made unique per page and links between
pages become links inside the book; figures keep their light, wide version; exercise
answers are open; buttons and permalink signs are left out. Debian's Chromium prints it
(page numbers in the footer, the headings as the PDF outline, fonts embedded: Noto CJK
for Korean, from the fonts-noto-cjk package) to site/pdf/sigmoid-guide-<lang>.pdf. The
creation dates and ids Chromium writes are replaced by ones derived from the build
date and the content, so two runs give the same bytes. Finally every page of the
language gets a link to its PDF in the footer.

Needs a build (`python3 dev.py build`) and /usr/bin/chromium (CHROME_PATH); the site
itself builds without either.
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import html
import os
import posixpath
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
LANGS = {"ko": "", "en": "en/"}  # language -> its root below the site's root
CHROMIUM = os.environ.get("CHROME_PATH", "/usr/bin/chromium")
PDF_NAME = "sigmoid-guide-{lang}.pdf"
STRINGS = {
    "ko": {
        "contents": "차례",
        "built": "빌드한 커밋의 날짜",
        "site": "웹사이트",
        "pdf": "PDF로 보기",
        "subtitle": "시그모이드 활성화 함수를 실험으로 확인하는 가이드",
    },
    "en": {
        "contents": "Contents",
        "built": "Date of the commit it was built from",
        "site": "Website",
        "pdf": "PDF edition",
        "subtitle": "A guide to the sigmoid activation function, tested by experiment",
    },
}
PRINT_CSS = """
@page { size: A4; margin: 18mm 16mm 20mm; }
html { font-size: 10.5pt; }
body { margin: 0; }
.md-typeset { font-size: 1rem; line-height: 1.55; }
.sg-book-page { break-before: page; }
.sg-book-title { text-align: center; padding-top: 30%; }
.sg-book-title h1 { font-size: 2.2rem; margin-bottom: 0.5rem; }
.sg-book-toc li { margin: 0.25rem 0; }
.md-typeset pre > code, .md-typeset .highlight { white-space: pre-wrap; overflow-wrap: anywhere; }
.md-typeset details { break-inside: avoid-page; }
.md-typeset details, .md-typeset .admonition { font-size: 0.9rem; }
.md-typeset code, .md-typeset pre { font-size: 0.85em; }
.md-typeset table:not([class]) { font-size: 0.85rem; }
.headerlink, .md-content__button, .md-clipboard, .sg-nb-download { display: none !important; }
figure.sg-figure img { max-width: 100%; height: auto; }
"""
_ARTICLE = re.compile(r'<article class="md-content__inner md-typeset">(.*?)</article>', re.S)
_NAV = re.compile(
    r'<nav class="md-nav md-nav--primary"(.*?)</nav>\s*</div>\s*</div>\s*</div>', re.S
)
_NAV_LINK = re.compile(r'<a href="([^"#]*)" class="md-nav__link')
_TITLE = re.compile(r"<h1\b[^>]*>(.*?)</h1>", re.S)
_COPYRIGHT = re.compile(r'<div class="md-copyright__highlight">\s*(.*?)\s*</div>', re.S)
_STYLESHEET = re.compile(r'<link rel="stylesheet" href="([^"]+)"')


def _text(fragment: str) -> str:
    return html.unescape(re.sub(r"<[^>]+>", "", fragment)).replace("¶", "").strip()


def _site_path(folder: str, href: str) -> str:
    """``href``, relative to a page in ``folder`` ("en/definition/", "" for the root),
    as a path below the site's root ("" for the root itself, ".." above it)."""
    path = posixpath.normpath(posixpath.join(folder or ".", href))
    return "" if path == "." else path


def _page_path(folder: str, href: str) -> str:
    """The page ``href`` leads to, in the form of ``nav_pages`` ("en/definition/")."""
    path = _site_path(folder, href)
    return path + "/" if path else ""


def nav_pages(site: Path, root: str) -> list[str]:
    """Paths (below the site's root, e.g. "en/definition/") of the language's pages, in
    the order of its navigation, the home page first."""
    home = (site / root / "index.html").read_text(encoding="utf-8")
    nav = _NAV.search(home)
    if nav is None:
        raise SystemExit("build_pdf: no primary navigation in the home page: did Material change?")
    pages: list[str] = []
    for href in _NAV_LINK.findall(nav.group(0)):
        rel = _page_path(root, href)
        if not rel.startswith("..") and rel not in pages and (site / rel / "index.html").is_file():
            pages.append(rel)
    if not pages or pages[0] != root:
        raise SystemExit(f"build_pdf: the navigation of /{root} does not start at its home")
    return pages


def _key(rel: str, root: str) -> str:
    slug = rel[len(root) :].strip("/")
    return "p-" + (slug.replace("/", "-") if slug else "home")


def _rewrite(article: str, rel: str, root: str, book: set[str]) -> str:
    """One page's article for the book: ids prefixed, links and images re-pointed."""
    key = _key(rel, root)
    article = re.sub(r'\sid="([^"]+)"', lambda m: f' id="{key}--{m.group(1)}"', article)

    def link(m: re.Match[str]) -> str:
        href = html.unescape(m.group(1))
        if href.startswith(("http:", "https:", "mailto:")):
            return m.group(0)
        if href.startswith("#"):
            return f'href="#{key}--{href[1:]}"'
        path, _, anchor = href.partition("#")
        target = _page_path(rel, path)
        if target in book:
            other = _key(target, root)
            return f'href="#{other}--{anchor}"' if anchor else f'href="#{other}"'
        # a file of the site (a notebook download): an address relative to the PDF
        return f'href="../{_site_path(rel, href)}"'

    article = re.sub(r'href="([^"]*)"', link, article)
    # images and sources: relative to the book, which lives in site/pdf/
    article = re.sub(
        r'(src|srcset)="(?!data:|https?:)([^"]+)"',
        lambda m: f'{m.group(1)}="../{_site_path(rel, m.group(2))}"',
        article,
    )
    # the light, wide version of each figure only
    article = re.sub(r'<picture class="sg-figure__dark">.*?</picture>', "", article, flags=re.S)
    article = re.sub(r'<source media="\(max-width[^>]*>', "", article)
    article = article.replace(' loading="lazy"', "")
    article = re.sub(r"<details\b(?![^>]*\bopen\b)", "<details open", article)
    return f'<section class="sg-book-page" id="{key}">{article}</section>'


def book_html(site: Path, lang: str, built: str) -> tuple[str, list[str]]:
    """The book of one language, and the titles of its pages in order."""
    root = LANGS[lang]
    pages = nav_pages(site, root)
    book = set(pages)
    home = (site / root / "index.html").read_text(encoding="utf-8")
    styles = [_site_path(root, h) for h in _STYLESHEET.findall(home) if not h.startswith("http")]
    if "stylesheets/notebook.css" not in styles:
        styles.append("stylesheets/notebook.css")
    sections, titles = [], []
    for rel in pages:
        page = (site / rel / "index.html").read_text(encoding="utf-8")
        article = _ARTICLE.search(page)
        if article is None:
            raise SystemExit(f"build_pdf: no article in {rel}index.html")
        titles.append(_text(_TITLE.search(article.group(1)).group(1)))
        sections.append(_rewrite(article.group(1), rel, root, book))
    s = STRINGS[lang]
    copyright_text = _text(_COPYRIGHT.search(home).group(1))
    site_name = _text(re.search(r"<title>(.*?)</title>", home, re.S).group(1))
    site_url = re.search(r'<link rel="canonical" href="([^"]+)"', home).group(1)
    toc = "".join(
        f'<li><a href="#{_key(rel, root)}">{html.escape(t)}</a></li>'
        for rel, t in zip(pages, titles, strict=True)
    )
    links = "".join(f'<link rel="stylesheet" href="../{h}">' for h in styles)
    doc = f"""<!doctype html>
<html lang="{lang}" dir="ltr"><head><meta charset="utf-8"><title>{html.escape(site_name)}</title>
{links}<style>{PRINT_CSS}</style></head>
<body><div class="md-typeset">
<section class="sg-book-title"><h1>{html.escape(site_name)}</h1>
<p>{s["subtitle"]}</p><p>{html.escape(copyright_text)}</p>
<p>{s["built"]}: {built}</p><p>{s["site"]}: {html.escape(site_url)}</p></section>
<section class="sg-book-page sg-book-toc"><h1>{s["contents"]}</h1><ol>{toc}</ol></section>
{"".join(sections)}
</div></body></html>
"""
    return doc, titles


def build_date() -> str:
    """The date of the commit the site is built from (today's without git)."""
    try:
        out = subprocess.run(
            ["git", "log", "-1", "--format=%cs"],
            cwd=ROOT,
            capture_output=True,
            text=True,
            check=True,
        ).stdout.strip()
        if out:
            return out
    except (OSError, subprocess.CalledProcessError):
        pass
    return dt.datetime.now(dt.timezone.utc).date().isoformat()


def normalise(pdf: bytes, built: str) -> bytes:
    """What Chromium writes differently on every run, made the same: the creation and
    modification dates (the build date), the ids of the tagged structure's elements
    (DOM node numbers, renumbered in order of appearance) and the document id (a digest
    of the rest). Each replacement has the length of what it replaces, so the offsets
    in the file stay right."""
    stamp = (built.replace("-", "") + "000000").encode()
    pdf = re.sub(rb"(\(D:)\d{14}", lambda m: m.group(1) + stamp, pdf)
    order: dict[bytes, bytes] = {}

    def node(m: re.Match[bytes]) -> bytes:
        new = order.setdefault(m.group(1), b"%08d" % len(order))
        return b"(node" + new + b")"

    pdf = re.sub(rb"\(node(\d{8})\)", node, pdf)
    ids = re.compile(rb"<[0-9A-Fa-f]{32}>")
    digest = hashlib.sha256(ids.sub(b"<>", pdf)).hexdigest()[:32].upper().encode()
    return ids.sub(b"<" + digest + b">", pdf)


def print_pdf(book: Path, out: Path) -> None:
    from playwright.sync_api import sync_playwright

    footer = (
        '<div style="width:100%;font-size:8pt;text-align:center;color:#555">'
        '<span class="pageNumber"></span> / <span class="totalPages"></span></div>'
    )
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
        try:
            page = browser.new_page()
            page.goto(book.as_uri(), wait_until="load")
            page.evaluate("() => document.fonts.ready.then(() => true)")
            page.emulate_media(media="print", color_scheme="light")
            page.pdf(
                path=str(out),
                prefer_css_page_size=True,
                print_background=True,
                display_header_footer=True,
                header_template="<span></span>",
                footer_template=footer,
                outline=True,
                tagged=True,
            )
        finally:
            browser.close()


def link_pages(site: Path, lang: str) -> None:
    """Put a link to the language's PDF into the footer of each of its pages."""
    root = LANGS[lang]
    label = STRINGS[lang]["pdf"]
    for page in sorted((site / root).rglob("index.html")):
        rel = page.parent.relative_to(site).as_posix()
        if lang == "ko" and rel.split("/")[0] == "en":
            continue
        href = posixpath.relpath(f"pdf/{PDF_NAME.format(lang=lang)}", rel if rel != "." else ".")
        text = page.read_text(encoding="utf-8")
        marker = '<div class="md-copyright">'
        if marker not in text or "sg-pdf-link" in text:
            continue
        link = f'{marker}<a class="sg-pdf-link" href="{href}">{label}</a>'
        page.write_text(text.replace(marker, link, 1), encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--site", type=Path, default=ROOT / "site")
    ap.add_argument("--langs", nargs="*", default=list(LANGS))
    args = ap.parse_args(argv)
    site = args.site.resolve()
    if not (site / "index.html").is_file():
        print(
            f"build_pdf: no built site in {site}: run `python3 dev.py build` first", file=sys.stderr
        )
        return 1
    if not Path(CHROMIUM).exists():
        print(f"build_pdf: Chromium not found at {CHROMIUM} (set CHROME_PATH)", file=sys.stderr)
        return 1
    built = build_date()
    out_dir = site / "pdf"
    out_dir.mkdir(exist_ok=True)
    for lang in args.langs:
        doc, titles = book_html(site, lang, built)
        book = out_dir / f"book-{lang}.html"
        book.write_text(doc, encoding="utf-8")
        pdf = out_dir / PDF_NAME.format(lang=lang)
        print_pdf(book, pdf)
        pdf.write_bytes(normalise(pdf.read_bytes(), built))
        book.unlink()
        link_pages(site, lang)
        size = pdf.stat().st_size
        print(f"{pdf.relative_to(site.parent)}: {len(titles)} pages of the site, {size:,} bytes")
    return 0


if __name__ == "__main__":
    sys.exit(main())
