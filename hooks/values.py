"""Measured numbers in the prose: ``[[value: NAME]]`` becomes the number, computed.

``NAME`` is a key of ``sigmoid_guide.values.VALUES``; ``[[value: NAME|이/가]]`` also
writes the Korean particle that fits the rendered number (see
``sigmoid_guide.values.korean_particle``). An unknown name, a malformed placeholder or
a particle that cannot follow the number fails the build, naming the page.

A value whose experiment a figure worker runs (hooks/figures.py) is taken from what
that worker stored beside the figures (sg_figure_render.write_values), waiting for it if
need be; the others are computed here, from the same memoised experiments as the
figures rendered here. The rendered texts are kept in
``.cache/values/<package hash>/values.json``, so that a rebuild with an unchanged
package (``mkdocs serve``, the English sub-build) runs no experiment for them.
"""

from __future__ import annotations

import json
import os
import re
from concurrent.futures import wait

import sg_common
import sg_figure_render as fr
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

LOOSE = "[[value:"

_texts: dict[tuple[str, str | None], str] = {}
_worker_values: dict[str, dict] = {}  # experiment key -> raw values a worker stored
_hash: str | None = None
_dirty = False  # _texts has entries that the cache file lacks


def _cache_file():
    return sg_common.versioned_cache("values", sg_common.build_hash()) / "values.json"


def _load() -> None:
    global _hash
    digest = sg_common.build_hash()
    if _hash == digest:
        return
    _texts.clear()
    _worker_values.clear()
    _hash = digest
    path = _cache_file()
    if path.exists():
        for key, text in json.loads(path.read_text(encoding="utf-8")).items():
            name, _, particle = key.partition("|")
            _texts[(name, particle or None)] = text


def _save() -> None:
    global _dirty
    if not _dirty:
        return
    data = {f"{n}|{p}" if p else n: t for (n, p), t in sorted(_texts.items(), key=str)}
    path = _cache_file()
    # one temporary file per process: two builds may share the cache
    tmp = path.with_suffix(f".tmp{os.getpid()}")
    tmp.write_text(json.dumps(data, ensure_ascii=False, sort_keys=True), encoding="utf-8")
    tmp.replace(path)
    _dirty = False


def text_of(name: str, particle: str | None, where: str) -> str:
    """The rendered value (cached per package version); PluginError naming ``where``."""
    global _dirty
    _load()
    key = (name, particle)
    if key not in _texts:
        from sigmoid_guide import values

        spec = values.VALUES.get(name)
        if spec is None:
            raise PluginError(
                f"{where}: [[value: {name}]]: no experiment provides this value "
                f"({len(values.VALUES)} values are registered in sigmoid_guide/values/)"
            )
        try:
            raw = _from_worker(spec.source, name)
            if raw is not None:
                _texts[key] = values.text_of_raw(name, raw, particle)
            else:
                _texts[key] = values.value_text(name, particle)
        except (LookupError, AttributeError, TypeError, ValueError) as exc:
            # A spec whose path does not fit its result, a non-finite value, a
            # particle that cannot follow the number.
            raise PluginError(f"{where}: [[value: {name}]]: {exc}") from exc
        _dirty = True
    return _texts[key]


def _from_worker(source, name: str):
    """The raw value ``name`` as a figure worker stored it, or None if none does."""
    key = fr.experiment_key(source)
    if key not in _worker_values:
        task = sg_common.experiment_tasks.get(key)
        cache = sg_common.versioned_cache("figures", sg_common.build_hash())
        path = fr.values_path(cache, key)
        if task is not None and not path.exists():
            wait([task])
        if not path.exists():
            return None  # no worker ran this experiment: computed here
        _worker_values[key] = json.loads(path.read_text(encoding="utf-8"))
    return _worker_values[key].get(name)


# Math, where a value is part of the formula and stays plain text.
_MATH = re.compile(r"\\\(.*?\\\)|\\\[.*?\\\]|\$\$.*?\$\$|\$[^$\n]+\$", re.S)


def substitute(markdown: str, where: str) -> str:
    """Replace every placeholder in ``markdown``; refuse leftovers.

    Outside math a value is wrapped in ``<span class="sg-value">``, which the site's
    CSS keeps on one line: a browser would otherwise break "2.8e-85" after its hyphen.
    """
    from sigmoid_guide.values import PLACEHOLDER

    math = [m.span() for m in _MATH.finditer(markdown)]

    def rendered(m: re.Match) -> str:
        text = text_of(m.group(1), m.group(2), where)
        if any(start <= m.start() < end for start, end in math):
            return text
        return f'<span class="sg-value">{text}</span>'

    out = PLACEHOLDER.sub(rendered, markdown)
    if LOOSE in out:
        line = out[: out.index(LOOSE)].count("\n") + 1
        raise PluginError(f"{where}:{line}: malformed '[[value:' placeholder")
    return out


@event_priority(100)  # before the figures hook and anything that reads the text
def on_page_markdown(markdown, page, config, files):
    return substitute(markdown, page.file.src_uri)


def on_post_build(config):
    _save()  # once per build, not once per new value
