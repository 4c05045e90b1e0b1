"""Figures built at build time from ``sigmoid_guide.figures.registry``.

A line ``[[figure: NAME]]`` in a page (alone on its line) becomes a ``<figure>`` with
``figures/NAME.svg`` (alt text, width and height, and the registry's caption if it has
one), all in the page's language. The SVG is generated into the build (a generated
``File``, so MkDocs validates the link), never into docs/.

Rendered SVGs are cached under ``.cache/figures/<package hash>/`` keyed by figure name
and language, the hash covering every source and data file of the package: a Markdown
edit under ``mkdocs serve`` re-renders nothing, a package edit re-renders everything.
Experiments are memoised per process by the registry, so the English sub-build reuses
the Korean build's results. A missing glyph (matplotlib warning or log record) or an
unknown figure name fails the build.
"""

from __future__ import annotations

import json
import logging
import os
import posixpath
import re
import warnings
from pathlib import Path

import sg_common
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority, get_plugin_logger
from mkdocs.structure.files import File

log = get_plugin_logger("figures")

DIRECTIVE = re.compile(r"^[ \t]*\[\[figure:[ \t]*([A-Za-z0-9_.-]+)[ \t]*\]\][ \t]*$", re.MULTILINE)
LOOSE = "[[figure:"
_SIZE = re.compile(rb'<svg\b[^>]*?\bwidth="([\d.]+)(pt|px)?"[^>]*?\bheight="([\d.]+)(pt|px)?"', re.S)

_cache_dir: Path | None = None
_meta: dict[tuple[str, str], dict] = {}  # (lang, name) -> {"file", "alt", "caption", ...}


class _GlyphLog(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.DEBUG)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        msg = record.getMessage()
        if "Glyph" in msg or "missing from font" in msg:
            self.messages.append(msg)


def _px(value: bytes, unit: bytes | None) -> int:
    v = float(value)
    return round(v * 96 / 72) if unit in (None, b"pt") else round(v)


def _render(name: str, lang: str) -> dict:
    """Render one figure (or take it from the cache); return its metadata."""
    assert _cache_dir is not None
    svg_path = _cache_dir / f"{name}.{lang}.svg"
    meta_path = _cache_dir / f"{name}.{lang}.json"
    if svg_path.exists() and meta_path.exists():
        return json.loads(meta_path.read_text(encoding="utf-8")) | {"file": str(svg_path)}

    from sigmoid_guide.figures import registry

    if name not in registry.FIGURES:
        known = ", ".join(registry.FIGURES) or "(none registered)"
        raise PluginError(f"[[figure: {name}]]: unknown figure; known figures: {known}")
    glyphs = _GlyphLog()
    mpl_log = logging.getLogger("matplotlib")
    mpl_log.addHandler(glyphs)
    try:
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            svg = registry.render_svg(name, lang)
            alt = registry.alt_text(name, lang)
            caption = registry.caption_text(name, lang)
    finally:
        mpl_log.removeHandler(glyphs)
    problems = glyphs.messages + [str(w.message) for w in caught if "Glyph" in str(w.message)]
    if problems:
        raise PluginError(f"figure {name} ({lang}): missing glyphs: {problems[:3]}")
    for w in caught:
        log.warning("figure %s (%s): %s: %s", name, lang, w.category.__name__, w.message)
    if isinstance(svg, str):
        svg = svg.encode("utf-8")
    if not alt or not alt.strip():
        raise PluginError(f"figure {name} ({lang}) has no alt text")
    m = _SIZE.search(svg[:4000])
    if not m:
        raise PluginError(f"figure {name} ({lang}): no width/height on the <svg> element")
    meta = {
        "alt": alt.strip(),
        "caption": caption.strip() if caption else None,
        "width": _px(m.group(1), m.group(2)),
        "height": _px(m.group(3), m.group(4)),
    }
    tmp = svg_path.with_suffix(f".tmp{os.getpid()}")
    tmp.write_bytes(svg)
    tmp.replace(svg_path)
    meta_path.write_text(json.dumps(meta, ensure_ascii=False, sort_keys=True), encoding="utf-8")
    return meta | {"file": str(svg_path)}


def on_config(config):
    global _cache_dir
    _cache_dir = sg_common.versioned_cache("figures", sg_common.build_hash())
    return config


@event_priority(-50)  # after mkdocs-jupyter has wrapped the notebook files
def on_files(files, config):
    lang = config.theme["language"]
    for key in [k for k in _meta if k[0] == lang]:  # forget the previous build's figures
        del _meta[key]
    names: list[str] = []
    for f in files.documentation_pages():
        if not f.src_uri.endswith(".md"):
            continue
        for name in DIRECTIVE.findall(f.content_string):
            if name not in names:
                names.append(name)
    for name in names:
        _prepare(name, lang, files, config)
    return files


def _prepare(name: str, lang: str, files, config) -> dict:
    meta = _render(name, lang)
    _meta[(lang, name)] = meta
    uri = f"figures/{name}.svg"
    if files.get_file_from_path(uri) is None:
        files.append(File.generated(config, uri, abs_src_path=meta["file"]))
    return meta


def _escape_alt(text: str) -> str:
    return re.sub(r"([\\\[\]`*_{}<>])", r"\\\1", " ".join(text.split()))


def on_page_markdown(markdown, page, config, files):
    lang = config.theme["language"]
    rel_dir = posixpath.dirname(page.file.src_uri)

    def figure(m: re.Match) -> str:
        name = m.group(1)
        meta = _meta.get((lang, name))
        if meta is None:  # the page changed after on_files read it (e.g. while serving)
            meta = _prepare(name, lang, files, config)
        src = posixpath.relpath(f"figures/{name}.svg", rel_dir or ".")
        parts = [
            f'<figure class="sg-figure" markdown="span">',
            f'![{_escape_alt(meta["alt"])}]({src}){{ width="{meta["width"]}" height="{meta["height"]}" }}',
        ]
        if meta["caption"]:
            parts.append(f"<figcaption>{_escape_alt(meta['caption'])}</figcaption>")
        parts.append("</figure>")
        return "\n".join(parts)

    return DIRECTIVE.sub(figure, markdown)


def on_page_content(html, page, config, files):
    if LOOSE in html:
        log.warning("%s: a '[[figure:' directive was not replaced (it must be alone on its line)", page.file.src_uri)
    return html
