"""The explorable figures' data and markup (sigmoid_guide/explorables/, hooks/explorables.py).

An explorable lets the reader change the setting of an experiment and redraws from a
JSON file computed when the site is built; the browser only draws and copies texts. So
what the reader sees is right exactly when that JSON is, and these tests check it
without a browser (tests/browser/test_explorables.py drives the figures themselves):

* the payload of every explorable in both languages: one cell per setting, each with a
  screen-reader sentence that names its setting and a readout of text pairs, no NaN,
  the controls' labels in the page's language;
* that its default setting is the static figure on the same page (a checker per
  explorable, recomputed from the experiment the figure draws);
* that the answers the page prints for its "try this" prompts are what the cells show,
  recomputed from the cells, and that the rendered page prints them;
* the built site: the JSON files are exactly what the package computes, each page with a
  ``[[explorable: NAME]]`` has the figure once, hidden until its script runs, with its
  data beside it and the static figure still before it;
* the download budget of a page's explorables (data and scripts, gzipped);
* that the JSON does not depend on the last bits of NumPy's ``exp`` and friends
  (tests/perturb_numpy.py), as every other output of the guide.

Every test is parametrized over ``EXPLORABLES``, so a newly registered explorable is
covered; the per-explorable checkers (``DEFAULT_IS_THE_FIGURE``, ``ANSWERS_FROM_CELLS``)
must exist for each, or ``test_every_explorable_has_its_checkers`` fails.
"""

from __future__ import annotations

import functools
import gzip
import html
import importlib
import json
import math
import re
from collections.abc import Callable
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urljoin

import pytest
from perturb_numpy import forget_package, perturbed

from sigmoid_guide.explorables import (
    EXPLORABLES,
    LANGS,
    cell_key,
    explorable_json,
    num,
    settings,
)

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"
LANG_PREFIX = {"ko": "", "en": "en/"}
NAMES = list(EXPLORABLES)
CASES = [(name, lang) for name in NAMES for lang in LANGS]
CASE_IDS = [f"{name}-{lang}" for name, lang in CASES]
BY_CASE = pytest.mark.parametrize(("name", "lang"), CASES, ids=CASE_IDS)
BY_NAME = pytest.mark.parametrize("name", NAMES)
# The directives of hooks/explorables.py (a page's text, before the build).
DIRECTIVE = re.compile(r"^[ \t]*\[\[explorable:[ \t]*([A-Za-z0-9_.-]+)[ \t]*\]\][ \t]*$", re.M)
ANSWER = re.compile(r"\[\[explore:[ \t]*([A-Za-z0-9_-]+)\.([A-Za-z0-9_]+)[ \t]*(?:\|[^\]]*)?\]\]")
# Cell entries that are text for the reader, not what the plot draws.
TEXT_ENTRIES = frozenset({"readout", "live", "table"})
# Download budget of one page's explorables (data + scripts, each file gzip -9).
BUDGET = 60_000
HANGUL = re.compile(r"[\uac00-\ud7a3]")


@functools.cache
def _json(name: str, lang: str) -> bytes:
    """explorable_json, once per process (the experiments behind it take seconds)."""
    return explorable_json(name, lang)


@functools.cache
def _payload(name: str, lang: str) -> dict:
    """The payload as the browser gets it (parsed from the JSON)."""
    return json.loads(_json(name, lang))


def _drawn(cell: dict) -> dict:
    return {k: v for k, v in cell.items() if k not in TEXT_ENTRIES}


def _control(name: str, control: str) -> tuple[int, object]:
    """(position, Control) of the control named ``control``."""
    for i, c in enumerate(EXPLORABLES[name].controls):
        if c.name == control:
            return i, c
    raise AssertionError(f"{name} has no control {control!r}")


# --------------------------------------------------------------------------- payloads


@BY_CASE
def test_one_cell_per_setting(name, lang):
    spec = EXPLORABLES[name]
    cells = _payload(name, lang)["cells"]
    want = [cell_key(s) for s in settings(spec.controls)]
    assert len(want) == math.prod(c.size for c in spec.controls)
    assert sorted(cells) == sorted(want), (
        f"{name} ({lang}): extra cells {sorted(set(cells) - set(want))[:5]}, "
        f"missing {sorted(set(want) - set(cells))[:5]}"
    )
    assert spec.default_key in cells


@BY_CASE
def test_json_is_finite_compact_and_names_the_controls(name, lang):
    def refuse(constant: str) -> None:
        raise AssertionError(f"{name} ({lang}): {constant} in the JSON")

    json.loads(_json(name, lang), parse_constant=refuse)  # explorable_json refuses them too
    payload = _payload(name, lang)
    assert payload["name"] == name and payload["lang"] == lang
    spec = EXPLORABLES[name]
    assert len(payload["controls"]) == len(spec.controls)
    for got, control in zip(payload["controls"], spec.controls, strict=True):
        assert got["name"] == control.name and got["kind"] == control.kind
        assert got["default"] == control.default
        assert got["options"] == list(control.options[lang]), (name, lang, control.name)
        assert len(got["options"]) == control.size > 1, (name, control.name)
        assert len(set(got["options"])) == control.size, f"{name}: two options look alike"
    assert isinstance(payload.get("strings"), dict) and payload["strings"]
    assert isinstance(payload.get("answers"), dict)


@BY_CASE
def test_every_readout_entry_is_a_pair_of_texts(name, lang):
    bad = []
    for key, cell in _payload(name, lang)["cells"].items():
        readout = cell["readout"]
        if not readout:
            bad.append(f"{key}: empty readout")
        for entry in readout:
            ok = (
                isinstance(entry, list)
                and len(entry) == 2
                and all(isinstance(t, str) and t.strip() for t in entry)
            )
            if not ok:
                bad.append(f"{key}: {entry!r}")
    assert not bad, f"{name} ({lang}) readout entries that are not [label, text]:\n" + "\n".join(
        bad[:20]
    )


def _mentions(sentence: str, label: str) -> bool:
    """Whether ``sentence`` names the option ``label``: the label itself, or, for a
    label with numbers in it ("full (512)" → "the full batch (512)"), all its numbers."""
    if label in sentence:
        return True
    numbers = re.findall(r"\d+(?:\.\d+)?", label)
    return bool(numbers) and all(
        re.search(rf"(?<![\d.]){re.escape(n)}(?![\d])", sentence) for n in numbers
    )


@BY_CASE
def test_live_sentence_names_its_setting(name, lang):
    """The aria-live sentence is all a screen-reader user hears after moving a control:
    it must say which setting it describes, in the page's language."""
    payload = _payload(name, lang)
    bad = []
    for key, cell in payload["cells"].items():
        live = cell["live"]
        if not (isinstance(live, str) and live.strip()):
            bad.append(f"{key}: no sentence")
            continue
        for control, index in zip(payload["controls"], key.split("/"), strict=True):
            label = control["options"][int(index)]
            if not _mentions(live, label):
                bad.append(f"{key}: {control['name']} = {label!r} not in {live[:120]!r}")
        if lang == "ko" and not HANGUL.search(live):
            bad.append(f"{key}: not Korean: {live[:80]!r}")
        if lang == "en" and HANGUL.search(live):
            bad.append(f"{key}: Korean in the English sentence: {live[:80]!r}")
    assert not bad, f"{name} ({lang}) live sentences:\n" + "\n".join(bad[:20])


@BY_CASE
def test_live_sentences_tell_every_setting_apart(name, lang):
    cells = _payload(name, lang)["cells"]
    by_sentence: dict[str, list[str]] = {}
    for key, cell in cells.items():
        by_sentence.setdefault(cell["live"], []).append(key)
    same = [keys for keys in by_sentence.values() if len(keys) > 1]
    # At the very least where the figure draws something else.
    differ = [k for k in same if len({json.dumps(_drawn(cells[x]), sort_keys=True) for x in k}) > 1]
    assert not differ, f"{name} ({lang}): settings that draw differently but sound alike: {differ}"
    assert not same, f"{name} ({lang}): settings announced with the same sentence: {same[:5]}"


@BY_NAME
def test_both_languages_show_the_same_numbers(name):
    """Same digits in both languages: the drawn data are identical, and so are the
    measured numbers (decimals, powers of ten) in each readout text."""
    ko, en = (_payload(name, lang) for lang in LANGS)
    assert ko["cells"].keys() == en["cells"].keys()
    number = re.compile(r"\d+\.\d+(?: × 10[⁻⁰¹²³⁴⁵⁶⁷⁸⁹]+)?|\d+ × 10[⁻⁰¹²³⁴⁵⁶⁷⁸⁹]+")
    for key in ko["cells"]:
        a, b = ko["cells"][key], en["cells"][key]
        assert _drawn(a) == _drawn(b), f"{name} {key}: drawn data differ between languages"
        assert len(a["readout"]) == len(b["readout"]), f"{name} {key}"
        for (_, ta), (_, tb) in zip(a["readout"], b["readout"], strict=True):
            assert sorted(number.findall(ta)) == sorted(number.findall(tb)), (name, key, ta, tb)
    assert ko["answers"] == en["answers"], f"{name}: the answers differ between languages"


# ------------------------------------------------------- the default is the static figure


def _vanishing_default(payload: dict) -> None:
    from sigmoid_guide.experiments.vanishing import sigmoid_bound

    r = sigmoid_bound()
    cell = payload["cells"][EXPLORABLES["vanishing"].default_key]
    assert cell["status"] == "ok"
    assert cell["y"] == [num(v, 3) for v in r.measured]
    assert cell["bound"] == [num(v, 3) for v in r.bound]
    assert payload["naive"] == [num(v, 3) for v in r.naive]
    assert payload["layers"] == [int(v) for v in r.layers]


def _zigzag_default(payload: dict) -> None:
    """Every cell at the default learning rate is one point of zigzag-sign-fraction
    (same fractions, same early window), and the default cell's path is the figure
    zigzag-trajectories' single-example path."""
    from sigmoid_guide.experiments.zigzag import run_zigzag
    from sigmoid_guide.values.zigzag import FRACTION_FMT

    r = run_zigzag()
    spec = EXPLORABLES["zigzag"]
    _, inputs = _control("zigzag", "inputs")
    _, batch = _control("zigzag", "batch")
    _, lr = _control("zigzag", "lr")
    assert [c.name for c in spec.controls] == ["inputs", "batch", "lr"]
    assert inputs.default == 0 and batch.default == 0, "the figure's default: positive, b = 1"
    assert len(r.labels) == inputs.size and len(r.batch_sizes) == batch.size
    for a, label in enumerate(r.labels):
        for b in range(batch.size):
            cell = payload["cells"][cell_key((a, b, lr.default))]
            early = format(float(r.same_sign_fraction_early[label][b]), FRACTION_FMT)
            whole = format(float(r.same_sign_fraction[label][b]), FRACTION_FMT)
            texts = [t for _, t in cell["readout"]]
            assert texts[0].startswith(f"{early} ("), (label, b, texts[0], early)
            assert texts[1].startswith(f"{whole} ("), (label, b, texts[1], whole)
            assert cell["early"] == int(r.early_updates[label][b]), (label, b)
            assert cell["problem"] == label
    path = payload["cells"][spec.default_key]["path"]
    figure = [[num(w1, 4), num(w2, 4)] for w1, w2 in r.sgd_path_b1[r.labels[0]].tolist()]
    n = min(len(path), len(figure))
    assert n > 10 and path[:n] == figure[:n]


def _definition_default(payload: dict) -> None:
    """x = 20 lies between float32's and float64's one_from, which the static figure
    shape-float-limits draws; the readout names both thresholds as the figure labels
    them (two decimals)."""
    from sigmoid_guide.experiments.shape import run_shape

    limits = run_shape().limits
    spec = EXPLORABLES["definition"]
    (control,) = spec.controls
    x = control.options["en"][control.default]
    assert x == "20"
    one32, one64 = limits["float32"].one_from, limits["float64"].one_from
    assert one32 <= 20 < one64
    cell = payload["cells"][spec.default_key]
    readout = dict(map(tuple, cell["readout"]))
    assert readout["x"] == "20"
    assert f"{one32:.2f}" in readout["float32"] and f"{one64:.2f}" in readout["float64"]
    assert "one" in cell["zones"]["float32"] and "one" not in cell["zones"]["float64"]


def _classification_default(payload: dict) -> None:
    """y = 0 (the left panel of classification-bce) and z = 20, where float32's
    probability path is already infinite and float64's is finite, as in the experiment."""
    import numpy as np

    from sigmoid_guide.experiments.classification import run_classification

    r = run_classification()
    spec = EXPLORABLES["classification"]
    label, z = spec.controls
    assert label.options["en"][label.default] == "y = 0"
    assert z.options["en"][z.default] == "20"
    (i,) = np.flatnonzero(np.round(r.z, 2) == 20.0)
    assert math.isinf(r.loss["prob/float32/y0"][i]) and math.isfinite(r.loss["prob/float64/y0"][i])
    cell = payload["cells"][spec.default_key]
    label, *prob = cell["table"]["rows"][1]  # exact, from probabilities, clipped, logits
    assert label == payload["strings"]["legend"]["prob/float32"].rsplit(", ", 1)[0]
    assert prob[0].startswith("∞") and not prob[1].startswith(("∞", "NaN")), prob


#: Explorable name → a check that its default setting shows what its static figure
#: (``Explorable.figure``) shows, recomputed from the experiment the figure draws.
DEFAULT_IS_THE_FIGURE: dict[str, Callable[[dict], None]] = {
    "vanishing": _vanishing_default,
    "zigzag": _zigzag_default,
    "definition": _definition_default,
    "classification": _classification_default,
}


# ----------------------------------------------------------------- "try this" answers


def _vanishing_answers(payload: dict) -> dict[str, str]:
    """Sigmoid at initialization: the first scale whose ratio ‖δ₁‖/‖δ_L‖ reaches 1 and
    the one before; ReLU at initialization: the scale whose ratio is closest to 1."""
    cells = payload["cells"]
    i_a, activation = _control("vanishing", "activation")
    i_s, scale = _control("vanishing", "scale")
    i_t, state = _control("vanishing", "state")
    assert (i_a, i_s, i_t) == (0, 1, 2)
    labels = payload["controls"][i_s]["options"]
    sigmoid, relu = (
        activation.options["en"].index("Sigmoid"),
        activation.options["en"].index("ReLU"),
    )
    init = 0
    assert state.options["en"][init] == "at initialization"
    ratio = [cells[cell_key((sigmoid, s, init))]["y"][0] for s in range(scale.size)]
    up = next(s for s, v in enumerate(ratio) if v >= 1)
    assert up > 0, "the sigmoid ratio is at least 1 at the smallest scale"
    relu_ratio = [cells[cell_key((relu, s, init))]["y"][0] for s in range(scale.size)]
    closest = min(range(scale.size), key=lambda s: abs(math.log(relu_ratio[s])))

    def shown(s: int, a: int) -> str:  # the ratio as the cell's readout prints it
        return cells[cell_key((a, s, init))]["readout"][0][1]

    return {
        "balance_below": labels[up - 1],
        "balance_above": labels[up],
        "balance_below_ratio": shown(up - 1, sigmoid),
        "balance_above_ratio": shown(up, sigmoid),
        "relu_scale": labels[closest],
        "relu_ratio": shown(closest, relu),
    }


def _zigzag_answers(payload: dict) -> dict[str, str]:
    """Positive inputs, batch size 64, from the smallest learning rate to the largest."""
    cells = payload["cells"]
    lr = _control("zigzag", "lr")[1].size
    b = payload["controls"][1]["options"].index("64")
    slow, fast = 0, lr - 1

    def readout(f: int) -> list[str]:
        return [t for _, t in cells[cell_key((0, b, f))]["readout"]]

    def fraction(text: str) -> str:
        return text.split(" (")[0]

    early = [fraction(readout(f)[0]) for f in range(lr)]
    gap = re.compile(r"\d(?:[\d.]*)(?: × 10[⁻⁰¹²³⁴⁵⁶⁷⁸⁹]+)?")
    updates = re.findall(r"\d+", cells[cell_key((0, b, 0))]["readout"][3][0])
    return {
        "whole_slow": fraction(readout(slow)[1]),
        "whole_fast": fraction(readout(fast)[1]),
        "early_low": min(early, key=float),
        "early_high": max(early, key=float),
        "gap_slow": gap.search(readout(slow)[3]).group(0),
        "gap_fast": gap.search(readout(fast)[3]).group(0),
        "window_slow": str(cells[cell_key((0, b, slow))]["early"]),
        "window_fast": str(cells[cell_key((0, b, fast))]["early"]),
        "updates": updates[-1],
    }


def _definition_answers(payload: dict) -> dict[str, str]:
    """Per float type: the first grid x at which σ is exactly 1, and the ranges where
    the textbook σ′ is 0 while the package's is not (both sides), from the zones."""
    cells = payload["cells"]
    labels = payload["controls"][0]["options"]
    xs = [float(label.replace("−", "-")) for label in labels]
    out = {}
    for dtype in ("float32", "float64"):
        zones = [cells[str(i)]["zones"][dtype] for i in range(len(labels))]
        one = [i for i, z in enumerate(zones) if "one" in z]
        pos = [i for i, z in enumerate(zones) if "textbook_grad_zero" in z and "grad_zero" not in z]
        neg = [i for i, z in enumerate(zones) if "overflow" in z and "zero" not in z]
        assert one and pos and neg, dtype
        assert one == list(range(one[0], len(labels))), f"{dtype}: σ = 1 is not a ray"
        assert all(xs[i] > 0 for i in pos) and all(xs[i] < 0 for i in neg)
        out[f"one_grid_{dtype}"] = labels[one[0]]
        out[f"gap_first_grid_{dtype}"] = labels[min(pos)]
        out[f"gap_last_grid_{dtype}"] = labels[max(pos)]
        out[f"gap_neg_first_grid_{dtype}"] = labels[max(neg)]
        out[f"gap_neg_last_grid_{dtype}"] = labels[min(neg)]
        lim = payload["limits"][dtype]
        for key, limit in (
            ("one_from", "one_from"),
            ("grad_zero", "grad_zero_from"),
            ("textbook_grad_zero", "textbook_grad_zero_from"),
            ("overflow", "naive_overflow_below"),
        ):
            out[f"{key}_{dtype}"] = f"{lim[limit]['x']:.4f}".replace("-", "−")
    return out


def _classification_answers(payload: dict) -> dict[str, str]:
    """y = 0: the first z > 0 at which each float type's probability path is infinite,
    and the clipped loss there and at the largest z, from the table of each cell."""
    cells = payload["cells"]
    labels = payload["controls"][1]["options"]
    values = [float(z.replace("−", "-")) for z in labels]

    def rows(j: int) -> list[list[str]]:
        return cells[cell_key((0, j))]["table"]["rows"]

    def first_inf(column: int) -> int:
        return next(
            j for j in range(len(labels)) if values[j] > 0 and rows(j)[1][column].startswith("∞")
        )

    j32, j64 = first_inf(1), first_inf(2)
    entry = re.compile(r"^(.+?) \(\S+ (.+)\)$")  # "15.94 (error 0.203)"
    clip, clip_max = entry.match(rows(j32)[2][1]), entry.match(rows(len(labels) - 1)[2][1])
    breaks = payload["breaks"]["sigma_one_from"]
    return {
        "inf_z32": labels[j32],
        "before_z32": labels[j32 - 1],
        "inf_z64": labels[j64],
        "one_from32": f"{breaks['float32']:#.4g}",
        "one_from64": f"{breaks['float64']:#.4g}",
        "clip_loss": clip.group(1),
        "clip_error": clip.group(2),
        "z_max": labels[-1],
        "clip_error_max": clip_max.group(2),
    }


#: Explorable name → its "try this" answers recomputed from the JSON cells (what the
#: reader would find by moving the controls), independently of the explorable's code.
ANSWERS_FROM_CELLS: dict[str, Callable[[dict], dict[str, str]]] = {
    "vanishing": _vanishing_answers,
    "zigzag": _zigzag_answers,
    "definition": _definition_answers,
    "classification": _classification_answers,
}


def test_every_explorable_has_its_checkers():
    missing = {
        table: sorted(set(NAMES) - set(checks))
        for table, checks in (
            ("DEFAULT_IS_THE_FIGURE", DEFAULT_IS_THE_FIGURE),
            ("ANSWERS_FROM_CELLS", ANSWERS_FROM_CELLS),
        )
        if set(NAMES) - set(checks)
    }
    assert not missing, f"add checkers to tests/test_explorables.py for {missing}"


@BY_CASE
def test_default_setting_is_the_static_figure(name, lang):
    DEFAULT_IS_THE_FIGURE[name](_payload(name, lang))


@BY_CASE
def test_try_this_answers_are_what_the_cells_show(name, lang):
    answers = _payload(name, lang)["answers"]
    expected = ANSWERS_FROM_CELLS[name](_payload(name, lang))
    assert set(expected) <= set(answers), f"{name}: answers {set(expected) - set(answers)} gone"
    wrong = {k: (answers[k], v) for k, v in expected.items() if answers[k] != v}
    assert not wrong, f"{name} ({lang}) answers (printed, from the cells): {wrong}"


# --------------------------------------------------------------------- the built site


def _pages_with(lang: str) -> dict[str, list[str]]:
    """{page path below the language's root (".../index.html"): explorable names} from
    the Markdown sources of ``lang``."""
    out = {}
    for md in sorted((DOCS / lang).rglob("*.md")):
        names = DIRECTIVE.findall(md.read_text(encoding="utf-8"))
        if not names:
            continue
        rel = md.relative_to(DOCS / lang).with_suffix("").as_posix()
        page = (
            "index.html"
            if rel == "index"
            else (
                rel[: -len("index")] + "index.html"
                if rel.endswith("/index")
                else rel + "/index.html"
            )
        )
        out[page] = names
    return out


def _md_of(name: str, lang: str) -> Path:
    mds = [
        md
        for md in sorted((DOCS / lang).rglob("*.md"))
        if name in DIRECTIVE.findall(md.read_text(encoding="utf-8"))
    ]
    assert len(mds) == 1, f"{name} is on {mds} in docs/{lang}"
    return mds[0]


def _page_of(name: str, lang: str) -> str:
    pages = [p for p, names in _pages_with(lang).items() if name in names]
    assert len(pages) == 1, f"{name} is on {pages} in docs/{lang}"
    return pages[0]


class _Figures(HTMLParser):
    """The explorable figures of a page: their attributes, caption and controls."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.figures: list[dict] = []
        self._depth = 0  # open elements inside the current figure (0: not in one)
        self._text: list[list[str]] = []  # text buffers of the open elements we read
        self._targets: list[tuple[int, Callable[[str], None]]] = []

    def _capture(self, store: Callable[[str], None]) -> None:
        self._targets.append((self._depth, store))
        self._text.append([])

    def handle_starttag(self, tag, attrs):
        a = {k: ("" if v is None else v) for k, v in attrs}
        void = tag in {"input", "br", "img", "wbr", "hr", "source", "meta", "link"}
        if self._depth == 0:
            if tag == "figure" and "sg-explorable" in a.get("class", "").split():
                self.figures.append({"attrs": a, "caption": "", "controls": [], "classes": []})
                self._depth = 1
            return
        fig = self.figures[-1]
        if not void:
            self._depth += 1
        fig["classes"] += a.get("class", "").split()
        if "data-control" in a:
            fig["controls"].append(
                {"attrs": a, "tag": tag, "legend": None, "labels": [], "inputs": [], "output": None}
            )
        control = fig["controls"][-1] if fig["controls"] else None
        if tag == "figcaption":
            self._capture(lambda t: fig.__setitem__("caption", t))
        elif tag == "legend" and control is not None:
            self._capture(lambda t: control.__setitem__("legend", t))
        elif tag == "label" and control is not None:
            if "for" in a:  # a range's label: its legend
                self._capture(lambda t: control.__setitem__("legend", t))
            else:
                self._capture(control["labels"].append)
        elif tag == "output" and control is not None:
            self._capture(lambda t: control.__setitem__("output", t))
        elif tag == "input" and control is not None:
            control["inputs"].append(a)
        if tag == "figure" and not void:
            fig.setdefault("nested", 0)
            fig["nested"] += 1

    def handle_startendtag(self, tag, attrs):  # <input ... />: no element left open
        self.handle_starttag(tag, attrs)
        if tag not in {"input", "br", "img", "wbr", "hr", "source", "meta", "link"}:
            self.handle_endtag(tag)

    def handle_endtag(self, tag):
        if self._depth == 0:
            return
        while self._targets and self._targets[-1][0] == self._depth:
            _, store = self._targets.pop()
            store(" ".join("".join(self._text.pop()).split()))
        self._depth -= 1

    def handle_data(self, data):
        for buffer in self._text:
            buffer.append(data)


def _figures_in(text: str) -> list[dict]:
    parser = _Figures()
    parser.feed(text)
    parser.close()
    return parser.figures


@BY_CASE
def test_built_json_is_what_the_package_computes(built_site, name, lang):
    path = built_site / LANG_PREFIX[lang] / "explorables" / f"{name}.json"
    assert path.is_file(), f"{path} was not written"
    assert path.read_bytes() == _json(name, lang), (
        f"{path} differs from explorable_json({name!r}, {lang!r}) of this package"
    )


@pytest.mark.parametrize("lang", LANGS)
def test_explorables_are_on_exactly_their_pages(site, lang):
    pages = _pages_with(lang)
    assert any(pages.values()), f"no page of docs/{lang} has an explorable"
    wrong = []
    for page in site.pages(lang):
        found = [f["attrs"].get("data-explorable") for f in _figures_in(page.text)]
        if sorted(found) != sorted(pages.get(page.path, [])):
            wrong.append(f"{page.path}: {found}, expected {pages.get(page.path, [])}")
    assert not wrong, "pages whose explorables are not their directives':\n" + "\n".join(wrong)


@BY_CASE
def test_page_markup_of_the_explorable(site, name, lang):
    spec = EXPLORABLES[name]
    page = site.page(lang, _page_of(name, lang))
    (fig,) = [f for f in _figures_in(page.text) if f["attrs"].get("data-explorable") == name]
    attrs = fig["attrs"]
    assert "hidden" in attrs, "the explorable must stay hidden until its script shows it"
    assert "data-state" not in attrs and "data-key" not in attrs
    assert "nested" not in fig, "a figure inside the explorable"
    base = "https://example.org/"
    page_url = urljoin(base + LANG_PREFIX[lang], page.path[: -len("index.html")])
    src = urljoin(page_url, attrs["data-src"])
    assert src == f"{base}{LANG_PREFIX[lang]}explorables/{name}.json", (page.path, attrs)
    assert fig["caption"] == spec.title[lang]
    for part in ("sg-x-controls", "sg-x-plot", "sg-x-readout", "sg-x-table", "sg-x-live"):
        assert fig["classes"].count(part) == 1, (
            f"{name} ({lang}): {part} x{fig['classes'].count(part)}"
        )
    assert re.search(r'<p class="sg-x-live" aria-live="polite"', page.text)
    assert len(fig["controls"]) == len(spec.controls)
    for i, (got, control) in enumerate(zip(fig["controls"], spec.controls, strict=True)):
        assert got["attrs"]["data-control"] == str(i)
        options = list(control.options[lang])
        assert got["legend"] == control.legend[lang], (control.name, got["legend"])
        if control.kind == "radio":
            assert got["tag"] == "fieldset"
            assert got["labels"] == options, (control.name, got["labels"])
            inputs = got["inputs"]
            assert [x.get("type") for x in inputs] == ["radio"] * control.size
            assert [x.get("value") for x in inputs] == [str(k) for k in range(control.size)]
            assert len({x.get("name") for x in inputs}) == 1
            assert ["checked" in x for x in inputs] == [
                k == control.default for k in range(control.size)
            ]
        else:
            assert "sg-x-range" in got["attrs"].get("class", "").split()
            (x,) = got["inputs"]
            assert x.get("type") == "range"
            assert (x.get("min"), x.get("max"), x.get("step")) == ("0", str(control.size - 1), "1")
            assert x.get("value") == str(control.default)
            assert x.get("aria-valuetext") == options[control.default]
            assert got["output"] == options[control.default]


@BY_CASE
def test_the_static_figure_stays_before_the_explorable(site, name, lang):
    """Without JavaScript and in print the static figure is what the reader sees."""
    spec = EXPLORABLES[name]
    page = site.page(lang, _page_of(name, lang))
    assert spec.figure in page.figure_names(), f"{page.path} lacks figures/{spec.figure}.svg"
    static = re.search(
        rf'<img[^>]*\bsrc="(?:\.\./)*figures/{re.escape(spec.figure)}\.svg"', page.text
    )
    explorable = page.text.index(f'data-explorable="{name}"')
    assert static and static.start() < explorable, f"{page.path}: the static figure comes after"


def _article_text(page_html: str) -> str:
    """The text of the page's <article>, tags removed, whitespace collapsed."""
    start = page_html.index("<article")
    body = page_html[start : page_html.index("</article>", start)]
    body = re.sub(r"<(script|style)\b.*?</\1>", " ", body, flags=re.S)
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", body)).split())


@BY_CASE
def test_the_page_prints_the_answers(site, name, lang):
    """The "try this" answers as ``[[explore: NAME.KEY]]`` printed them (the JSON's)."""
    page_path = _page_of(name, lang)
    md = _md_of(name, lang).read_text(encoding="utf-8")
    used = {key for n, key in ANSWER.findall(md) if n == name}
    answers = _payload(name, lang)["answers"]
    assert used, f"docs/{lang}: the page prints no answer of {name}"
    assert used <= set(answers), f"docs/{lang}: unknown answers {used - set(answers)}"
    text = _article_text(site.page(lang, page_path).text)
    missing = {k: answers[k] for k in sorted(used) if answers[k] not in text}
    assert not missing, f"{page_path} ({lang}) does not print the answers {missing}"
    assert "[[explore" not in text and "[[explorable" not in text


def _imports(js: Path, seen: set[Path]) -> None:
    """``js`` and the modules it imports (static imports, relative paths), into seen."""
    if js in seen:
        return
    assert js.is_file(), f"{js} is imported but missing"
    seen.add(js)
    source = js.read_text(encoding="utf-8")
    for spec in re.findall(
        r'^\s*import\s+(?:[^"\';]*?\s+from\s+)?["\'](\.{1,2}/[^"\']+)["\']', source, re.M
    ):
        _imports((js.parent / spec).resolve(), seen)


def _gz(data: bytes) -> int:
    return len(gzip.compress(data, compresslevel=9, mtime=0))


@pytest.mark.parametrize("lang", LANGS)
def test_download_budget_of_each_page_with_explorables(built_site, lang, capsys):
    root = built_site / LANG_PREFIX[lang]
    scripts = root / "assets" / "javascripts" / "explorables"
    index = scripts / "index.js"
    assert index.is_file(), f"{index} is missing"
    index_source = index.read_text(encoding="utf-8")
    report, over = [], []
    for page, names in _pages_with(lang).items():
        files: set[Path] = set()
        _imports(index.resolve(), files)  # index.js, explorable.js, plot.js
        for name in names:
            m = re.search(
                rf'["\']?{re.escape(name)}["\']?\s*:\s*\(\)\s*=>\s*import\(\s*["\'](\./[^"\']+)["\']',
                index_source,
            )
            assert m, f"index.js does not load a module for {name!r}"
            _imports((scripts / m.group(1)).resolve(), files)
        sizes = {p.name: _gz(p.read_bytes()) for p in sorted(files)}
        sizes |= {
            f"{n}.json": _gz((root / "explorables" / f"{n}.json").read_bytes()) for n in names
        }
        assert {"index.js", "explorable.js", "plot.js"} <= sizes.keys(), sizes
        total = sum(sizes.values())
        parts = ", ".join(f"{k} {v}" for k, v in sizes.items())
        line = f"{lang} {page}: {total} bytes gzipped ({parts})"
        report.append(line)
        if total > BUDGET:
            over.append(line)
    with capsys.disabled():
        print("\n" + "\n".join(report))
    assert not over, f"pages over {BUDGET} bytes of explorables:\n" + "\n".join(over)


# ---------------------------------------------------------------------- portability

# The vanishing grid takes about 17 s per run: two modes, one that moves every result up
# by 2 ulp and one that moves neighbours differently (as tests/test_portable.py draws the
# figures).
PORTABLE_MODES = ("up2", "mixed")


@pytest.mark.slow
def test_json_is_the_same_on_other_cpus():
    reference = {(n, lang): _json(n, lang) for n, lang in CASES}
    try:
        for mode in PORTABLE_MODES:
            forget_package()  # memoised experiments run again, under the nudged exp
            with perturbed(mode):
                fresh = importlib.import_module("sigmoid_guide.explorables")
                got = {(n, lang): fresh.explorable_json(n, lang) for n, lang in CASES}
            changed = sorted(
                f"{n}-{lang}" for (n, lang), v in got.items() if v != reference[(n, lang)]
            )
            assert not changed, (
                f"explorable JSON that changes with exp etc. nudged ({mode}): {changed}"
            )
    finally:
        forget_package()
