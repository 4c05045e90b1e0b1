"""axe-core findings that the browser tests accept, each with the reason it cannot be
fixed from the project (configuration, a template override or the site's CSS).

Each entry: ``rule`` (axe rule id), ``target`` (a regular expression searched in the
node's CSS selector as axe reports it), ``reason``. An entry that matches nothing on any
page fails the tests, so the list cannot go stale. Keep it empty if at all possible:
everything the theme does wrong that a template override or CSS can fix is fixed there.
"""

ALLOWLIST: list[dict[str, str]] = []
