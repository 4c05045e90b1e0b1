"""Rendering of one figure into the figure cache (used by hooks/figures.py, also in
worker processes; no MkDocs imports). Not a hook."""

from __future__ import annotations

import json
import logging
import os
import re
import warnings
from pathlib import Path

_SIZE = re.compile(
    rb'<svg\b[^>]*?\bwidth="([\d.]+)(pt|px)?"[^>]*?\bheight="([\d.]+)(pt|px)?"', re.S
)


class FigureError(Exception):
    """A figure cannot be published (unknown name, missing glyph, no alt text, ...)."""


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


# The versions of each figure: wide (desktop) and narrow (phone) layouts, each in the
# light and the dark palette. "" is the wide light one, figures/NAME.svg on the site.
VARIANTS = ("", ".narrow", ".dark", ".narrow.dark")


def paths(cache_dir: Path, name: str, lang: str) -> tuple[Path, Path]:
    return cache_dir / f"{name}.{lang}.svg", cache_dir / f"{name}.{lang}.json"


def variant_path(svg_path: Path | str, variant: str) -> Path:
    """The cached file of one version, from the path of the wide light one."""
    svg_path = Path(svg_path)
    return svg_path.with_name(svg_path.name[: -len(".svg")] + variant + ".svg")


def cached(cache_dir: Path, name: str, lang: str) -> dict | None:
    svg_path, meta_path = paths(cache_dir, name, lang)
    # The metadata is written last: when it is there, every version is.
    if meta_path.exists():
        return json.loads(meta_path.read_text(encoding="utf-8")) | {"file": str(svg_path)}
    return None


def render(cache_dir: Path, name: str, lang: str) -> tuple[dict, list[str]]:
    """Render figure ``name`` in ``lang`` into the cache unless it is there; return its
    metadata (alt, caption, width, height, file) and the warnings it raised."""
    hit = cached(cache_dir, name, lang)
    if hit is not None:
        return hit, []
    from sigmoid_guide.figures import registry

    if name not in registry.FIGURES:
        known = ", ".join(registry.FIGURES) or "(none registered)"
        raise FigureError(f"[[figure: {name}]]: unknown figure; known figures: {known}")
    glyphs = _GlyphLog()
    mpl_log = logging.getLogger("matplotlib")
    mpl_log.addHandler(glyphs)
    try:
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            svg = registry.render_svg(name, lang)
            narrow = registry.render_svg(name, lang, narrow=True)
            alt = registry.alt_text(name, lang)
            caption = registry.caption_text(name, lang)
    except Exception as exc:
        raise FigureError(f"figure {name} ({lang}): {type(exc).__name__}: {exc}") from exc
    finally:
        mpl_log.removeHandler(glyphs)
    problems = glyphs.messages + [str(w.message) for w in caught if "Glyph" in str(w.message)]
    if problems:
        raise FigureError(f"figure {name} ({lang}): missing glyphs: {problems[:3]}")
    notes = [f"figure {name} ({lang}): {w.category.__name__}: {w.message}" for w in caught]
    if not alt or not alt.strip():
        raise FigureError(f"figure {name} ({lang}) has no alt text")
    from sigmoid_guide.figures import dark_svg

    versions = {}
    for variant, light in (("", svg), (".narrow", narrow)):
        text = light.decode("utf-8")
        versions[variant] = text
        versions[variant + ".dark"] = dark_svg(text)
    meta = {
        "alt": alt.strip(),
        "caption": caption.strip() if caption else None,
        **_size(svg, name, lang, ""),
        "narrow": _size(narrow, name, lang, " (narrow)"),
    }
    svg_path, meta_path = paths(cache_dir, name, lang)
    cache_dir.mkdir(parents=True, exist_ok=True)
    for variant, text in versions.items():
        target = variant_path(svg_path, variant)
        tmp = target.with_suffix(f".tmp{os.getpid()}")
        tmp.write_bytes(text.encode("utf-8"))
        tmp.replace(target)
    tmp = meta_path.with_suffix(f".tmp{os.getpid()}")
    tmp.write_text(json.dumps(meta, ensure_ascii=False, sort_keys=True), encoding="utf-8")
    tmp.replace(meta_path)
    return meta | {"file": str(svg_path)}, notes


def svg_size(svg: bytes) -> dict[str, int] | None:
    """Width and height of an SVG document in CSS px, from its <svg> element."""
    m = _SIZE.search(svg[:4000])
    if not m:
        return None
    return {"width": _px(m.group(1), m.group(2)), "height": _px(m.group(3), m.group(4))}


def _size(svg: bytes, name: str, lang: str, which: str) -> dict[str, int]:
    size = svg_size(svg)
    if size is None:
        raise FigureError(f"figure {name} ({lang}){which}: no width/height on the <svg> element")
    return size


def render_group(
    cache_dir: str, items: list[tuple[str, str]]
) -> list[tuple[str, str, dict | None, str | None, list[str]]]:
    """Worker entry point: render figures that share an experiment (it runs once here).
    Returns (name, lang, metadata or None, error or None, warnings) for each item."""
    out = []
    for name, lang in items:
        try:
            meta, notes = render(Path(cache_dir), name, lang)
            out.append((name, lang, meta, None, notes))
        except FigureError as exc:
            out.append((name, lang, None, str(exc), []))
    if items:
        write_values(Path(cache_dir), items[0][0])
    return out


def experiment_key(func) -> str:
    """A name for an experiment function that is the same in every process."""
    return f"{func.__module__}.{func.__qualname__}"


def values_path(cache_dir: Path, key: str) -> Path:
    return cache_dir / f"values.{key}.json"


def write_values(cache_dir: Path, figure: str) -> None:
    """Store the raw prose values computed from figure ``figure``'s experiment (run here
    already), so that the main process need not run it again (hooks/values.py). A value
    that fails is left out: the main process computes it and reports the error."""
    from sigmoid_guide import values
    from sigmoid_guide.figures import registry

    spec = registry.FIGURES.get(figure)
    if spec is None:
        return
    raw = {}
    for name, value_spec in values.VALUES.items():
        if value_spec.source is spec.experiment:
            try:
                raw[name] = values.value(name)
            except Exception:  # reported by the main process, which computes it again
                continue
    path = values_path(cache_dir, experiment_key(spec.experiment))
    tmp = path.with_suffix(f".tmp{os.getpid()}")
    tmp.write_text(json.dumps(raw, sort_keys=True), encoding="utf-8")
    tmp.replace(path)


def explorable_path(cache_dir: Path, name: str, lang: str) -> Path:
    """The cached JSON of explorable ``name`` in ``lang`` (hooks/explorables.py)."""
    return cache_dir / f"explorable.{name}.{lang}.json"


def render_explorable(cache_dir: str, name: str, langs: list[str]) -> list[tuple[str, str | None]]:
    """Worker entry point: write the JSON of explorable ``name`` in each of ``langs``
    into the cache (its experiments run once here). Returns (lang, error or None)."""
    out: list[tuple[str, str | None]] = []
    for lang in langs:
        path = explorable_path(Path(cache_dir), name, lang)
        if path.exists():
            out.append((lang, None))
            continue
        try:
            with warnings.catch_warnings():
                warnings.simplefilter("error")
                from sigmoid_guide.explorables import explorable_json

                data = explorable_json(name, lang)
        except Exception as exc:
            out.append((lang, f"explorable {name} ({lang}): {type(exc).__name__}: {exc}"))
            continue
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(f".tmp{os.getpid()}")
        tmp.write_bytes(data)
        tmp.replace(path)
        out.append((lang, None))
    return out
