"""The Content-Security-Policy of every built page (hooks/csp.py): one policy, first in
<head> before any script, scripts only from the site and the hashes of the page's own
inline scripts, nothing unsafe. That browsers enforce it is tested in
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


def test_script_hashes_are_exactly_the_pages_inline_scripts(site):
    for path in _html_files(site):
        html = path.read_text(encoding="utf-8")
        allowed = set(_directives(META.search(html).group(1))["script-src"][1:])
        inline = set()
        for attrs, body in SCRIPT.findall(html):
            if "src=" in attrs or "application/json" in attrs:
                continue
            digest = base64.b64encode(hashlib.sha256(body.encode()).digest()).decode()
            inline.add(f"'sha256-{digest}'")
        assert inline, f"{path}: no inline script found: is the pattern still right?"
        assert allowed == inline, f"{path}: hashes allowed {allowed ^ inline} differ"
