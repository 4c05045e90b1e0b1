"""Data of the explorable figures: every setting of an experiment, as compact JSON.

An explorable figure lets the reader change the setting of one experiment (activation,
weight scale, batch size, ...) and redraws from numbers computed here, when the site is
built, by the same experiment functions as the static figures. Each explorable is an
[`Explorable`][]: its controls (each a list of options; a *setting* picks one option of
every control) and a ``build(lang)`` function that returns the JSON payload of one
language:

* ``"cells"``: one entry per setting, keyed by the option indices joined with ``/``
  (``"0/4/0"``: first option of the first control, fifth of the second, ...). Each cell
  holds what the figure draws for that setting, a ``"readout"`` (a list of
  ``[label, text]`` pairs shown under the figure) and ``"live"``, the sentence a
  screen reader announces when the setting changes;
* ``"strings"``: the figure's labels in that language;
* ``"answers"``: the answers of the page's "try this" prompts, as the page prints them;
* anything else the figure needs once (axes, contour ellipses, ...).

Numbers are rounded to a few significant digits ([`num`][]) and every text is formatted
here, once, so the browser only draws; what differs between CPUs in the last bits of
``exp`` cannot reach the JSON (tests/test_portable.py checks it byte for byte).
"""

from __future__ import annotations

import importlib
import itertools
import json
import math
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

__all__ = [
    "EXPLORABLES",
    "Control",
    "Explorable",
    "cell_key",
    "explorable_json",
    "get_explorable",
    "num",
    "payload",
    "settings",
]

LANGS = ("ko", "en")


@dataclass(frozen=True)
class Control:
    """One control of an explorable: a radio group or a slider over a list of options.

    Attributes:
        name: Identifier, unique within the explorable (``"scale"``).
        kind: ``"radio"`` (a few named options) or ``"range"`` (an ordered list, moved
            with the arrow keys).
        legend: The control's label per language.
        options: Each option's label per language (``{"ko": (...), "en": (...)}``).
        default: Index of the option shown first; the default setting is the one the
            static figure shows.
    """

    name: str
    kind: str
    legend: Mapping[str, str]
    options: Mapping[str, Sequence[str]]
    default: int = 0

    def __post_init__(self) -> None:
        if self.kind not in ("radio", "range"):
            raise ValueError(f"control {self.name!r}: kind must be 'radio' or 'range'")
        counts = {lang: len(self.options[lang]) for lang in LANGS}
        if len(set(counts.values())) != 1:
            raise ValueError(f"control {self.name!r}: option counts differ: {counts}")
        if not 0 <= self.default < counts["en"]:
            raise ValueError(f"control {self.name!r}: default {self.default} out of range")

    @property
    def size(self) -> int:
        """Number of options."""
        return len(self.options["en"])


@dataclass(frozen=True)
class Explorable:
    """One explorable figure.

    Attributes:
        name: File-name-safe identifier; the page writes ``[[explorable: NAME]]`` and the
            data is ``explorables/NAME.json`` beside the site's pages.
        figure: The static figure whose numbers the default setting shows (it stays on
            the page, for readers without JavaScript and for print).
        title: A short heading per language.
        controls: The controls, in the order of the cell keys.
        build: ``build(lang)`` returns the payload (see the module docstring); it may
            run experiments (memoised per process by ``run_once``).
    """

    name: str
    figure: str
    title: Mapping[str, str]
    controls: tuple[Control, ...]
    build: Callable[[str], dict[str, Any]]

    @property
    def default_key(self) -> str:
        """Cell key of the default setting."""
        return cell_key(c.default for c in self.controls)


def cell_key(indices: Sequence[int] | Any) -> str:
    """``"i/j/k"`` of the option indices of one setting."""
    return "/".join(str(int(i)) for i in indices)


def settings(controls: Sequence[Control]) -> list[tuple[int, ...]]:
    """Every setting of ``controls``, as tuples of option indices, in key order."""
    return list(itertools.product(*(range(c.size) for c in controls)))


def num(value: float, digits: int = 4) -> float | None:
    """``value`` rounded to ``digits`` significant digits; None if it is not finite.

    Rounding keeps the JSON small and leaves out the last bits, which differ between
    CPUs.

    Examples:
        >>> num(0.123456), num(12345.678, 3), num(float("nan"))
        (0.1235, 12300.0, None)
    """
    value = float(value)
    if not math.isfinite(value):
        return None
    return float(f"{value:.{digits}g}")


_MODULES = ("definition", "classification", "vanishing", "zigzag")


def _collect() -> dict[str, Explorable]:
    out: dict[str, Explorable] = {}
    for module in _MODULES:
        spec = importlib.import_module(f"{__name__}.{module}").EXPLORABLE
        if spec.name in out:
            raise ValueError(f"explorable {spec.name!r} is registered twice")
        out[spec.name] = spec
    return out


#: Every explorable, by name, in the order of the pages.
EXPLORABLES: dict[str, Explorable] = _collect()


def get_explorable(name: str) -> Explorable:
    """The explorable ``name``.

    Raises:
        KeyError: an unknown name; the message lists the known ones.
    """
    try:
        return EXPLORABLES[name]
    except KeyError:
        raise KeyError(f"unknown explorable {name!r}; known: {', '.join(EXPLORABLES)}") from None


def payload(name: str, lang: str) -> dict[str, Any]:
    """The checked payload of explorable ``name`` in ``lang`` (see the module docstring).

    Raises:
        ValueError: a cell is missing or extra, or lacks its readout or live sentence.
    """
    if lang not in LANGS:
        raise ValueError(f"lang must be one of {LANGS}, got {lang!r}")
    spec = get_explorable(name)
    data = spec.build(lang)
    want = {cell_key(s) for s in settings(spec.controls)}
    got = set(data["cells"])
    if got != want:
        raise ValueError(
            f"explorable {name!r}: cells {sorted(got - want)[:3]} are extra, "
            f"{sorted(want - got)[:3]} missing"
        )
    for key, cell in data["cells"].items():
        if not (isinstance(cell.get("live"), str) and cell["live"]):
            raise ValueError(f"explorable {name!r}: cell {key} has no live sentence")
        if not isinstance(cell.get("readout"), list):
            raise ValueError(f"explorable {name!r}: cell {key} has no readout")
    data.setdefault("answers", {})
    return {
        "name": name,
        "lang": lang,
        "controls": [
            {
                "name": c.name,
                "kind": c.kind,
                "default": c.default,
                "options": list(c.options[lang]),
            }
            for c in spec.controls
        ],
        **data,
    }


def explorable_json(name: str, lang: str) -> bytes:
    """The JSON file of explorable ``name`` in ``lang``: compact, keys sorted, UTF-8.

    Raises:
        ValueError: see [`payload`][]; also a NaN or infinity anywhere (JSON has none:
            use None).
    """
    text = json.dumps(
        payload(name, lang),
        ensure_ascii=False,
        separators=(",", ":"),
        sort_keys=True,
        allow_nan=False,
    )
    return text.encode("utf-8")
