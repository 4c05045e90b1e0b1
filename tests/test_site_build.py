"""The built site (both languages): structure, languages, search, figures, math, code.

Uses the session fixtures of tests/conftest.py (one ``mkdocs build --strict`` per
session, which also fails on any WARNING or missing-glyph line in the build log).
"""

from __future__ import annotations

import json
import posixpath
import re
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from mkdocs.utils import yaml_load

ROOT = Path(__file__).resolve().parent.parent
LANGS = ("ko", "en")
HANGUL = re.compile(r"[\u1100-\u11ff\u3130-\u318f\uac00-\ud7a3]")
SITE_URL = yaml_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))["site_url"]
LANG_ROOT_URL = {"ko": SITE_URL, "en": SITE_URL + "en/"}
CONFIG = {"ko": "mkdocs.yml", "en": "mkdocs.en.yml"}
# English pages that may quote Korean: the glossary (terms) and references (titles of
# Korean books). Keep in sync with tests/test_site_parity.py.
HANGUL_ALLOWED_EN = {"glossary/", "references/"}


def _doc_pages(lang: str) -> set[str]:
    """Built page paths expected from docs/<lang>: x.md -> x/index.html, labs/y.ipynb -> ..."""
    out = set()
    for f in (ROOT / "docs" / lang).rglob("*"):
        if f.suffix not in {".md", ".ipynb"} or ".ipynb_checkpoints" in f.parts:
            continue
        rel = f.relative_to(ROOT / "docs" / lang).with_suffix("").as_posix()
        out.add("index.html" if rel == "index" else f"{rel}/index.html")
    return out


def test_build_log_is_clean(built_site_log: str):
    # The fixture already fails on these; this states the rule where it can be found.
    bad = [ln for ln in built_site_log.splitlines() if "WARNING" in ln or "Glyph" in ln]
    assert bad == []


@pytest.mark.parametrize("lang", LANGS)
def test_every_page_is_built(site, lang):
    built = {p.path for p in site.pages(lang)}
    expected = _doc_pages(lang)
    assert expected, f"docs/{lang} has no pages"
    assert expected <= built, f"pages missing from the {lang} build: {sorted(expected - built)}"


@pytest.mark.parametrize("lang", LANGS)
def test_html_lang_and_absolute_hreflang_alternates(site, lang):
    for page in site.pages(lang):
        assert f'<html lang="{lang}"' in page.text, page.path
        links = dict(
            (hl, href)
            for href, hl in re.findall(
                r'<link rel="alternate" href="([^"]+)" hreflang="([^"]+)">', page.text
            )
        )
        assert set(links) == {"ko", "en", "x-default"}, (page.path, links)
        slug = page.path[: -len("index.html")]
        for hl in LANGS:
            assert links[hl] == LANG_ROOT_URL[hl] + slug, (page.path, hl, links[hl])
        assert links["x-default"] == links[LANGS[0]]
        assert f'<link rel="canonical" href="{LANG_ROOT_URL[lang] + slug}">' in page.text


@pytest.mark.parametrize("lang", LANGS)
def test_language_switcher_leads_to_the_same_page(site, lang):
    for page in site.pages(lang):
        m = re.search(r'<ul class="md-select__list">(.*?)</ul>', page.text, re.S)
        assert m, f"{lang}/{page.path}: no language switcher"
        links = re.findall(r'<a href="([^"]+)" hreflang="(\w+)" lang="\w+"', m.group(1))
        assert {hl for _, hl in links} == set(LANGS), page.path
        page_dir = posixpath.dirname(
            (site.lang_root(lang) / page.path).relative_to(site.root).as_posix()
        )
        for href, hl in links:
            target = posixpath.normpath(posixpath.join(page_dir, href))
            target_file = (
                site.root / target / "index.html" if target != "." else site.root / "index.html"
            )
            expected = site.lang_root(hl) / page.path
            assert target_file.resolve() == expected.resolve(), (lang, page.path, hl, href)


def test_material_language_integration_is_kept_off_the_hreflang_links(site):
    # overrides/main.html renames the hreflang links while Material's bundle starts
    # (it would fetch sitemap.xml relative to each absolute alternate URL).
    text = site.page("ko", "index.html").text
    hide = text.index('l.rel="x-alternate"')
    bundle = text.index("assets/javascripts/bundle.")
    restore = text.index('l.rel="alternate"')
    assert hide < bundle < restore


@pytest.mark.parametrize("lang", LANGS)
def test_search_index_holds_only_its_language(site, lang):
    index = json.loads((site.lang_root(lang) / "search" / "search_index.json").read_text("utf-8"))
    assert index["config"]["lang"] == [lang]
    docs = index["docs"]
    assert docs, f"empty {lang} search index"
    locations = {d["location"].split("#")[0] for d in docs}
    assert not any(loc.startswith("en/") for loc in locations), "English pages in an index"
    with_hangul = {
        d["location"].split("#")[0] for d in docs if HANGUL.search(d["title"] + d["text"])
    }
    if lang == "ko":
        assert len(with_hangul) >= len(locations) * 0.8, "Korean index is mostly not Korean"
    else:
        assert with_hangul <= HANGUL_ALLOWED_EN, (
            f"Hangul in the English index: {sorted(with_hangul)}"
        )


@pytest.mark.parametrize("lang", LANGS)
def test_search_titles_carry_no_permalink_sign(site, lang):
    index = json.loads((site.lang_root(lang) / "search" / "search_index.json").read_text("utf-8"))
    marked = [d["location"] for d in index["docs"] if "¶" in d["title"]]
    assert not marked, marked


def test_korean_search_support_ships_with_the_site(site):
    assert (site.root / "assets/javascripts/lunr/min/lunr.ko.min.js").is_file()
    assert (site.root / "assets/javascripts/lunr/min/lunr.stemmer.support.min.js").is_file()


@pytest.mark.parametrize("lang", LANGS)
def test_no_snippet_or_figure_directive_is_left(site, lang):
    for page in site.pages(lang):
        assert "--8<--" not in page.text, f"{lang}/{page.path}: leftover snippet marker"
        assert "[[figure:" not in page.text, f"{lang}/{page.path}: figure directive not replaced"


@pytest.mark.parametrize("lang", LANGS)
def test_every_image_exists_and_figures_have_alt_text_in_the_page_language(site, lang):
    n_figures = 0
    for page in site.pages(lang):
        page_dir = page.file.parent
        for img in page.images():
            src = img.get("src", "")
            if src.startswith("data:"):  # notebook outputs are inlined
                assert img.get("alt", "").strip(), f"{lang}/{page.path}: inline image without alt"
                continue
            assert not urlsplit(src).scheme, f"{lang}/{page.path}: external image {src[:80]}"
            target = (page_dir / src.split("#")[0]).resolve()
            assert target.is_file(), f"{lang}/{page.path}: image {src} does not exist"
            if "/figures/" in "/" + src:
                n_figures += 1
                alt = img.get("alt", "").strip()
                assert alt, f"{lang}/{page.path}: figure {src} without alt text"
                assert img.get("width") and img.get("height"), f"{src}: no width/height"
                assert bool(HANGUL.search(alt)) == (lang == "ko"), (
                    f"{src}: alt not in {lang}: {alt}"
                )
                svg = target.read_text(encoding="utf-8")
                assert svg.lstrip().startswith(("<?xml", "<svg")), src
    assert n_figures > 0, f"no figure in the {lang} build"


@pytest.mark.parametrize("lang", LANGS)
def test_figures_load_lazily(site, lang):
    n = 0
    for page in site.pages(lang):
        for img in page.images():
            if "/figures/" in "/" + img.get("src", ""):
                n += 1
                assert img.get("loading") == "lazy", f"{lang}/{page.path}: {img.get('src')}"
                assert img.get("decoding") == "async", f"{lang}/{page.path}: {img.get('src')}"
    assert n > 0


@pytest.mark.parametrize("lang", LANGS)
def test_palette_toggle_is_driven_by_the_site_not_by_materials_component(site, lang):
    # overrides/partials/palette.html: with data-md-component="palette" Material's bundle
    # mounts its palette component, whose color-scheme <meta> makes the browser restyle
    # every element twice while the page loads. The form keeps Material's markup and
    # partials/javascripts/palette.html drives it; it supports only media-bound options.
    config = yaml_load((ROOT / CONFIG[lang]).read_text(encoding="utf-8"))
    media = [option["media"] for option in config["theme"]["palette"]]
    assert "(prefers-color-scheme)" not in media, "the automatic palette is not supported"
    for page in site.pages(lang):
        assert 'data-md-component="palette"' not in page.text, page.path
        form = re.search(r"<form [^>]*data-sg-palette[^>]*>(.*?)</form>", page.text, re.S)
        assert form, f"{lang}/{page.path}: no palette form"
        assert re.findall(r'data-md-color-media="([^"]*)"', form.group(1)) == media
        script = page.text[form.end() :].split("</script>", 1)[0]
        assert 'querySelector("form[data-sg-palette]")' in script, page.path
        assert '__md_get("__palette")' in script, page.path
        # Both languages store the palette under the Korean root (hooks/i18n.py).
        scope = urlsplit(SITE_URL).path
        assert f'__md_scope=new URL("{scope}",location)' in page.text, page.path


@pytest.mark.parametrize("lang", LANGS)
def test_tables_come_wrapped_so_materials_bundle_does_not_move_them(site, lang):
    # hooks/tables.py: Material's bundle moves every class-less table into a scrolling
    # wrapper after the first layout, and the browser then lays the page out again.
    wrapped = 0
    for page in site.pages(lang):
        for m in re.finditer(r"<table\b([^>]*)>", page.text):
            assert re.search(r"\sclass=", m.group(1)), f"{lang}/{page.path}: class-less table"
            if 'class="sg-table"' in m.group(1):
                wrapped += 1
                before = page.text[: m.start()]
                # Material's wrapper; the scrolling one is a named tab stop (hooks/tables.py).
                assert re.search(
                    r'<div class="md-typeset__scrollwrap[^"]*" tabindex="0" role="region"'
                    r' aria-label="[^"]+"><div class="md-typeset__table">$',
                    before[-200:],
                ), f"{lang}/{page.path}: sg-table outside Material's wrapper"
    assert wrapped >= 4, f"{lang}: only {wrapped} wrapped tables (the glossary alone has 4)"
    sheets = list((site.lang_root(lang) / "assets" / "stylesheets").glob("main.*.css"))
    assert sheets, f"no Material main stylesheet in the {lang} build"
    for sheet in sheets:
        css = sheet.read_text(encoding="utf-8")
        assert "table:not([class])" not in css, sheet
        assert css.count("table:is(:not([class]),.sg-table)") >= 10, sheet


@pytest.mark.parametrize("lang", LANGS)
def test_math_is_mathml_with_no_tex_left(site, lang):
    found = 0
    for page in site.pages(lang):
        found += page.text.count("<math ")
        for m in re.finditer(r'class="arithmatex[^"]*">(.*?)</(?:span|div)>', page.text, re.S):
            assert m.group(1).startswith("<math"), (
                f"{lang}/{page.path}: unconverted {m.group(1)[:60]}"
            )
        body = page.article_text()
        assert "\\(" not in body and "\\[" not in body, f"{lang}/{page.path}: raw TeX delimiters"
        assert "MathJax" not in page.text and "katex" not in page.text.lower(), page.path
    assert found > 0


@pytest.mark.parametrize("lang", LANGS)
def test_nothing_is_loaded_from_another_host(site, lang):
    for page in site.pages(lang):
        for tag, url in re.findall(r'<(script|img|iframe|source)\b[^>]*\bsrc="([^"]+)"', page.text):
            assert not urlsplit(url).netloc, f"{lang}/{page.path}: <{tag} src={url}>"
        for attrs in re.findall(r"<link\b([^>]*)>", page.text):
            rel = re.search(r'rel="([^"]+)"', attrs)
            href = re.search(r'href="([^"]+)"', attrs)
            if rel and href and rel.group(1) not in {"alternate", "canonical", "prev", "next"}:
                assert not urlsplit(href.group(1)).netloc, f"{lang}/{page.path}: {attrs}"
        assert "fonts.googleapis" not in page.text and "fonts.gstatic" not in page.text


@pytest.mark.parametrize("lang", LANGS)
def test_code_blocks_have_copy_buttons_enabled(site, lang):
    page = site.page(lang, "definition/index.html")
    assert page.code_blocks("python"), "the worked example page lost its code blocks"
    assert '"content.code.copy"' in page.text


@pytest.mark.parametrize("lang", LANGS)
def test_korean_heading_ids_are_real_slugs(site, lang):
    """pymdownx.slugs keeps Hangul in ids (the default slugify gives _1, _2, ...)."""
    for page in site.pages(lang):
        ids = re.findall(r'<h[1-6] id="([^"]*)"', page.text)
        assert all(ids), f"{lang}/{page.path}: empty heading id"
        assert not any(re.fullmatch(r"_\d+", i) for i in ids), f"{lang}/{page.path}: {ids}"
        assert len(ids) == len(set(ids)), f"{lang}/{page.path}: duplicate heading ids"


def test_api_page_lists_the_public_api(site):
    import sigmoid_guide

    for lang in LANGS:
        page = site.page(lang, "api/index.html")
        for name in sigmoid_guide.__all__:
            if name.startswith("__"):
                continue
            assert f'id="sigmoid_guide.{name}"' in page.text, f"{lang} API page lacks {name}"


def test_sitemaps_per_language(site):
    ko = (site.root / "sitemap.xml").read_text("utf-8")
    en = (site.root / "en" / "sitemap.xml").read_text("utf-8")
    assert f"<loc>{SITE_URL}definition/</loc>" in ko
    assert f"<loc>{SITE_URL}en/definition/</loc>" in en
    assert "/en/" not in ko
    # The build was started without SOURCE_DATE_EPOCH (tests/conftest.py); the hooks fix
    # the date, so two builds on different days give the same sitemaps.
    for sitemap in (ko, en):
        dates = set(re.findall(r"<lastmod>([^<]*)</lastmod>", sitemap))
        assert dates == {"2026-01-01"}, dates


@pytest.mark.parametrize("lang", LANGS)
def test_in_page_anchor_links_resolve(site, lang):
    """Links to '#id' (table of contents, permalinks, notebook headings) hit an id."""
    for page in site.pages(lang):
        ids = set(re.findall(r'\bid="([^"]+)"', page.text))
        missing = sorted({h for h in re.findall(r'href="#([^"]+)"', page.text)} - ids)
        assert not missing, f"{lang}/{page.path}: anchors without a target: {missing[:10]}"


def test_config_guards():
    """Settings whose absence breaks something silently (see shared notes/toolchain.md)."""
    cfg = yaml_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))
    theme = cfg["theme"]
    assert theme["font"] is False, "theme.font must be false (no Google Fonts)"
    # Instant navigation keeps the header, and with it the language menu's links to the
    # first page's translation, unless this script moves them along (its behaviour is
    # tested in tests/browser/test_explorables.py).
    if "navigation.instant" in theme["features"]:
        scripts = [s["path"] if isinstance(s, dict) else s for s in cfg["extra_javascript"]]
        assert "assets/javascripts/language-switcher.js" in scripts, "breaks the language switcher"
    assert "content.code.copy" in theme["features"]
    assert len(theme["palette"]) == 2, "light and dark palettes with a toggle"
    assert all(v == "warn" for v in cfg["validation"].values()) and len(cfg["validation"]) == 4
    jupyter = cfg["plugins"]["mkdocs-jupyter"]
    assert jupyter["execute"] is True and jupyter["allow_errors"] is False
    assert jupyter["include"] == ["labs/*.ipynb"] and jupyter["include_source"] is True
    snippets = next(
        e["pymdownx.snippets"]
        for e in cfg["markdown_extensions"]
        if isinstance(e, dict) and "pymdownx.snippets" in e
    )
    assert snippets["check_paths"] is True
    en = yaml_load((ROOT / "mkdocs.en.yml").read_text(encoding="utf-8"))
    assert cfg["plugins"]["search"]["lang"] == "ko" and en["plugins"]["search"]["lang"] == "en"
