"""Share compiled Jinja templates between builds (speed only; no effect on output).

Every MkDocs build creates fresh Jinja environments (Material's theme and the
mkdocstrings handler) and compiles several hundred templates again: about half of a
warm build's time, twice per build (Korean, then English), and again on every
``mkdocs serve`` rebuild. A Jinja bytecode cache in ``.cache/jinja/`` lets the later
environments load compiled templates; Jinja recompiles a template whose source changed
(the cache entry stores the source checksum).
"""

from __future__ import annotations

import sg_common
from jinja2 import FileSystemBytecodeCache
from mkdocs.plugins import event_priority, get_plugin_logger

log = get_plugin_logger("jinja_cache")
_cache: FileSystemBytecodeCache | None = None


def _bytecode_cache() -> FileSystemBytecodeCache:
    global _cache
    if _cache is None:
        folder = sg_common.CACHE_DIR / "jinja"
        folder.mkdir(parents=True, exist_ok=True)
        _cache = FileSystemBytecodeCache(str(folder))
    return _cache


@event_priority(-100)  # after mkdocstrings has created its handlers
def on_config(config):
    plugin = config.plugins.get("mkdocstrings")
    if plugin is not None:
        try:
            handler = plugin.handlers.get_handler("python")
        except Exception as exc:  # an API change: lose the speed-up, not the build
            log.debug("no mkdocstrings handler to cache: %s", exc)
        else:
            handler.env.bytecode_cache = _bytecode_cache()
    return config


def on_env(env, config, files):
    env.bytecode_cache = _bytecode_cache()
    return env
