"""Drop one rule from Material's palette stylesheet: it makes every page restyle twice.

On every page load, Material's palette component sets ``data-md-color-switching`` on
<body> and removes it a moment later. Its palette CSS has a rule that suspends
transitions while that attribute is present (``[data-md-color-switching] * {...}``);
because a selector depends on the attribute, the browser restyles the whole page each
time it is set or removed. Measured on the glossary page with Chromium at 4x CPU
slowdown, the rule accounted for about 30% of main-thread time during load (style
937 -> 525 ms, layout 770 -> 522 ms; see scripts/lighthouse.py for the page-level
scores). Without it, switching palettes lets Material's short colour transitions run.

The rule is removed from the built copy only (Material's files are untouched). If a
Material version no longer has it, the build warns, so that this hook gets revisited.
"""

from __future__ import annotations

import re
from pathlib import Path

from mkdocs.plugins import get_plugin_logger

log = get_plugin_logger("palette_css")

# The rule as Material's minified palette CSS writes it (any selector list naming the
# attribute, then its declaration block).
RULE = re.compile(r"[^{}]*\[data-md-color-switching\][^{}]*\{[^{}]*\}")


def on_post_build(config):
    sheets = sorted((Path(config.site_dir) / "assets" / "stylesheets").glob("palette.*.css"))
    if not sheets:
        return  # no palette configured: nothing to do
    removed = 0
    for sheet in sheets:
        text = sheet.read_text(encoding="utf-8")
        new, n = RULE.subn("", text)
        if n:
            sheet.write_text(new, encoding="utf-8")
            removed += n
    if not removed:
        log.warning(
            "Material's palette CSS has no [data-md-color-switching] rule any more: "
            "check whether hooks/palette_css.py is still needed"
        )
