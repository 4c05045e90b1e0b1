"""The Content-Security-Policy of every built page (hooks/csp.py): one policy, first in
<head> before any script, scripts only from the site and the hashes of the inline
scripts of every page of its language (instant navigation keeps the first page's policy
in force), nothing unsafe. That browsers enforce it is tested in
tests/browser/test_pages.py."""

from __future__ import annotations

import base64
import hashlib
import re

import pytest

pytestmark = pytest.mark.site

META = re.compile(r'<meta http-equiv="Content-Security-Policy" content="([^"]+)">')
SCRIPT = re.compile(r"<script\b([^>]*)>(.*?)</script>", re.S)


def _directives(policy: str) -> dict[str, list[str]]:
    out = {}
    for part in policy.split(";"):
        name, *sources = part.split()
        assert name not in out, f"{name} twice"
        out[name] = sources
    return out


def _html_files(site):
    return sorted(site.root.rglob("*.html"))


def test_every_page_has_one_policy_before_any_script(site):
    files = _html_files(site)
    assert len(files) > 30
    for path in files:
        html = path.read_text(encoding="utf-8")
        metas = META.findall(html)
        assert len(metas) == 1, f"{path}: {len(metas)} policies"
        head = html.index("<head")
        assert head < html.index("Content-Security-Policy") < html.index("<script"), path


def test_the_policy_is_strict(site):
    for path in _html_files(site):
        d = _directives(META.search(path.read_text(encoding="utf-8")).group(1))
        assert d["default-src"] == ["'self'"], path
        assert d["object-src"] == ["'none'"] and d["base-uri"] == ["'self'"], path
        scripts = d["script-src"]
        assert scripts[0] == "'self'" and all(s.startswith("'sha256-") for s in scripts[1:])
        for name, sources in d.items():
            assert "'unsafe-eval'" not in sources, (path, name)
            assert not any(s.startswith(("http:", "https:", "*")) for s in sources), (path, name)
        assert "'unsafe-inline'" not in scripts + d["style-src"], path


def _inline_hashes(html: str) -> set[str]:
    inline = set()
    for attrs, body in SCRIPT.findall(html):
        if "src=" in attrs or "application/json" in attrs:
            continue
        digest = base64.b64encode(hashlib.sha256(body.encode()).digest()).decode()
        inline.add(f"'sha256-{digest}'")
    return inline


def test_script_hashes_are_exactly_the_pages_inline_scripts(site):
    """With instant navigation the first page's policy stays in force while the reader
    moves to other pages of its language, whose inline scripts (mkdocs-jupyter's on the
    labs) must run too: every page of one language allows the inline scripts of all of
    them, and nothing else. The site root and en/ are two languages, two lists."""
    by_lang: dict[str, dict] = {"ko": {}, "en": {}}
    for path in _html_files(site):
        lang = "en" if path.relative_to(site.root).parts[0] == "en" else "ko"
        html = path.read_text(encoding="utf-8")
        allowed = _directives(META.search(html).group(1))["script-src"][1:]
        inline = _inline_hashes(html)
        assert inline, f"{path}: no inline script found: is the pattern still right?"
        assert inline <= set(allowed), f"{path}: inline scripts {inline - set(allowed)} blocked"
        assert len(allowed) == len(set(allowed)), f"{path}: a hash is listed twice"
        by_lang[lang][path] = (tuple(allowed), inline)
    for lang, pages in by_lang.items():
        assert len(pages) > 15, f"only {len(pages)} {lang} pages"
        lists = {allowed for allowed, _ in pages.values()}
        assert len(lists) == 1, f"{lang} pages list {len(lists)} different script-src lists"
        (allowed,) = lists
        union = set().union(*(inline for _, inline in pages.values()))
        assert set(allowed) == union, (
            f"{lang}: script-src allows {set(allowed) - union} that no page has, "
            f"lacks {union - set(allowed)}"
        )
    ko, en = ({a for a, _ in pages.values()} for pages in by_lang.values())
    assert ko != en, "both languages list the same hashes: is en/ told apart from the root?"
