"""The wide (desktop) and the narrow (phone) layout of one figure.

Every figure is drawn twice by the same drawing function: once as designed for a page
about 700 px wide, and once inside ``narrow_layout`` for a phone. In the narrow
layout ``new_figure`` makes a figure
``NARROW_WIDTH_IN`` wide, side-by-side panels are stacked in one column, and no
text is smaller than ``NARROW_MIN_PT``. The page lets the browser choose
(``<picture>`` with a width media query, hooks/figures.py).

Why these numbers: a figure's SVG is shown at its natural size when it fits, 1 pt of
the figure being 4/3 CSS px. At 390 CSS px a page's text column is 358 px wide, a little
less inside an admonition; a 3.7 in figure is 355 px, so it is shown at about its
natural size, and 8.5 pt text is 11.3 px: at least 10 px down to 88 % scale.
"""

from __future__ import annotations

import contextvars
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from matplotlib.axes import Axes
from matplotlib.figure import Figure
from matplotlib.legend import Legend
from matplotlib.text import Text
from matplotlib.transforms import ScaledTranslation, blended_transform_factory

__all__ = [
    "NARROW_MIN_PT",
    "NARROW_PANEL_HEIGHT_IN",
    "NARROW_WIDTH_IN",
    "fit_narrow",
    "is_narrow",
    "narrow_layout",
    "settle",
]

#: Width of a narrow figure, in inches (355 CSS px at its natural size).
NARROW_WIDTH_IN = 3.7
#: Height of one panel in a narrow figure whose panels are stacked, in inches.
NARROW_PANEL_HEIGHT_IN = 2.75
#: Height of a narrow figure with one panel, in inches.
NARROW_SINGLE_HEIGHT_IN = 3.2
#: Smallest font size in a narrow figure, in points (11.3 CSS px at natural size).
NARROW_MIN_PT = 8.5

_OUTSIDE = {
    "lower": "outside lower center",
    "upper": "outside upper center",
    "left": "outside left center",
    "right": "outside right center",
}

_narrow: contextvars.ContextVar[bool] = contextvars.ContextVar("sg_narrow", default=False)


def is_narrow() -> bool:
    """Whether figures made now use the narrow (phone) layout."""
    return _narrow.get()


@contextmanager
def narrow_layout() -> Iterator[None]:
    """Make the figures created in the ``with`` block in the narrow layout."""
    token = _narrow.set(True)
    try:
        yield
    finally:
        _narrow.reset(token)


def fit_narrow(fig: Figure) -> None:
    """Make a figure drawn in the narrow layout fit a phone, before it is laid out.

    Drawing code is written for the wide layout, so here, for every figure alike: no
    text is smaller than ``NARROW_MIN_PT``; a title, label, legend entry or note
    wider than the figure is broken between words; and each legend inside an axes moves
    below it (with the figure grown to hold it), where it covers no data.
    """
    _min_text_size(fig, NARROW_MIN_PT)
    renderer = fig.canvas.get_renderer()
    axes = fig.get_axes()
    if len(axes) == 1 and axes[0].get_title() and fig._suptitle is None:
        # Long tick labels push a lone axes right; its title, centred on the figure,
        # keeps the whole width.
        title = axes[0].title
        fig.suptitle(title.get_text(), fontsize=title.get_fontsize(), color=title.get_color())
        axes[0].set_title("")
    ticks = {id(t) for ax in fig.get_axes() for t in _tick_labels(ax)}
    legends = [ax.get_legend() for ax in fig.get_axes() if ax.get_legend() is not None]
    in_legends = {id(t) for leg in legends for t in leg.get_texts()}
    limit = fig.bbox.width - 0.25 * fig.dpi  # the card's margins
    for text in fig.findobj(Text):
        if id(text) in ticks or id(text) in in_legends or not text.get_visible():
            continue
        _wrap(text, renderer, _room(text, renderer, fig, limit))
    for leg in list(fig.legends):  # a figure legend keeps its place, in fewer columns
        cols = leg._ncols  # no public getter
        while cols > 1 and leg.get_window_extent(renderer).width > limit:
            handles, labels = leg.legend_handles, [t.get_text() for t in leg.get_texts()]
            size = leg.get_texts()[0].get_fontsize()
            # matplotlib keeps only the first word of an "outside ..." place
            where = _OUTSIDE.get(leg._outside_loc or "", "outside lower center")
            leg.remove()
            cols -= 1
            leg = fig.legend(handles, labels, loc=where, ncols=cols, fontsize=size)
    grow = 0.0
    for ax in fig.get_axes():
        leg = ax.get_legend()
        if leg is not None:
            grow += _legend_below(ax, leg, renderer, limit)
    if grow:  # GuideFigure.resize keeps the card behind the figure its size
        fig.resize(fig.get_figwidth(), fig.get_figheight() + grow)  # type: ignore[attr-defined]


def _tick_labels(ax: Axes) -> list[Text]:
    out: list[Text] = []
    for axis in (ax.xaxis, ax.yaxis):
        for tick in axis.get_major_ticks() + axis.get_minor_ticks():
            out += [tick.label1, tick.label2]
    return out


def _min_text_size(fig: Figure, points: float) -> None:
    """Raise every text of ``fig`` smaller than ``points`` to that size.

    Tick labels are made at draw time from the axis' settings, so those are raised there.
    """
    for text in fig.findobj(Text):
        if text.get_fontsize() < points:
            text.set_fontsize(points)
    for ax in fig.get_axes():
        for axis in (ax.xaxis, ax.yaxis):
            for which in ("major", "minor"):
                ticks = axis.get_major_ticks() if which == "major" else axis.get_minor_ticks()
                if ticks and ticks[0].label1.get_fontsize() < points:
                    axis.set_tick_params(which=which, labelsize=points)


def _vertical(text: Text) -> bool:
    return round(text.get_rotation()) % 180 == 90


def _room(text: Text, renderer: Any, fig: Figure, limit: float) -> float:
    """How long (px) ``text`` may be where it stands, inside the figure's margins."""
    if _vertical(text):  # a y label: as tall as its axes, a little more
        axes = [ax for ax in fig.get_axes() if text is ax.yaxis.label]
        tall = axes[0].bbox.height + 0.3 * fig.dpi if axes else fig.bbox.height
        return min(tall, fig.bbox.height - 0.25 * fig.dpi)
    box = text.get_window_extent(renderer)
    left, right = fig.bbox.x0 + 0.125 * fig.dpi, fig.bbox.x0 + 0.125 * fig.dpi + limit
    ha = text.get_horizontalalignment()
    if ha == "left":
        return right - max(box.x0, left)
    if ha == "right":
        return min(box.x1, right) - left
    middle = (box.x0 + box.x1) / 2
    return 2 * min(middle - left, right - middle)


def _wrap(text: Text, renderer: Any, width: float) -> None:
    """Break ``text`` between words so that no line is wider than ``width`` px."""
    content = text.get_text()
    if "$" in content or _length(text, renderer) <= width:
        return
    lines: list[str] = []
    for paragraph in content.split("\n"):
        line = ""
        for word in paragraph.split(" "):
            trial = f"{line} {word}" if line else word
            text.set_text(trial)
            if line and _length(text, renderer) > width:
                lines.append(line)
                line = word
            else:
                line = trial
        lines.append(line)
    text.set_text("\n".join(lines))


def _length(text: Text, renderer: Any) -> float:
    box = text.get_window_extent(renderer)
    return box.height if _vertical(text) else box.width


def settle(fig: Figure, renderer: Any) -> None:
    """After a layout: break again each text that still sticks out of the figure where
    the layout put it (an axes title moves with its axes), and lay out again.

    Raises:
        ValueError: if a text or legend still sticks out (it would be cut on a phone),
            naming it.
    """
    engine = fig.get_layout_engine()
    skip = {id(t) for ax in fig.get_axes() for t in _tick_labels(ax)}
    # Legend entries are placed when the legend is drawn; legends are checked whole.
    skip |= {id(t) for leg in _legends(fig) for t in leg.findobj(Text)}
    inside = fig.bbox.padded(-0.06 * fig.dpi)
    limit = fig.bbox.width - 0.25 * fig.dpi
    for _ in range(3):
        out = _sticking_out(fig, renderer, skip, inside)
        if not out or engine is None:
            break
        before = [t.get_text() for t in out]
        for text in out:
            box = text.get_window_extent(renderer)
            over = max(inside.x0 - box.x0, box.x1 - inside.x1, 0.0)
            room = _length(text, renderer) - (2 * over if text.get_ha() == "center" else over)
            _wrap(text, renderer, min(room, _room(text, renderer, fig, limit)))
        if [t.get_text() for t in out] == before:
            break  # nothing more to break
        for ax in fig.get_axes():  # an x label broken in two pushes its legend down
            leg = ax.get_legend()
            if leg is not None and getattr(leg, "_sg_below", False):
                _legend_below(ax, leg, renderer, limit)
        skip |= {id(t) for leg in _legends(fig) for t in leg.findobj(Text)}
        engine.execute(fig)
    out = [repr(t.get_text()) for t in _sticking_out(fig, renderer, skip, inside)]
    out += [
        "a legend of " + ", ".join(repr(t.get_text()) for t in leg.get_texts())
        for leg in _legends(fig)
        if not _within(leg.get_window_extent(renderer), fig.bbox)
    ]
    if out:
        raise ValueError(f"in the narrow layout these stick out of the figure: {'; '.join(out)}")


def _sticking_out(fig: Figure, renderer: Any, skip: set[int], inside: Any) -> list[Text]:
    return [
        text
        for text in fig.findobj(Text)
        if id(text) not in skip
        and text.get_visible()
        and text.get_text()
        and not _within(text.get_window_extent(renderer), inside)
    ]


def _legends(fig: Figure) -> list[Legend]:
    return [leg for leg in [ax.get_legend() for ax in fig.get_axes()] + fig.legends if leg]


def _within(box: Any, inside: Any) -> bool:
    return (
        box.x0 >= inside.x0 and box.x1 <= inside.x1 and box.y0 >= inside.y0 and box.y1 <= inside.y1
    )


def _legend_below(ax: Axes, leg: Legend, renderer: Any, limit: float) -> float:
    """Put ``ax``'s legend under the axes (below its tick labels and x label), one entry
    a row if it would be wider than the figure; return the height it needs (inches)."""
    # What hangs below the axes is the x axis: its tick labels and label (asking the
    # axes for its whole tight box lays out both axes, a tenth of the narrow drawing).
    below = ax.xaxis.get_tightbbox(renderer)
    low = min(ax.bbox.y0, below.y0) if below is not None else ax.bbox.y0
    gap = (ax.bbox.y0 - low) / ax.figure.dpi + 0.05
    handles, labels = leg.legend_handles, [t.get_text() for t in leg.get_texts()]
    size = leg.get_texts()[0].get_fontsize() if labels else NARROW_MIN_PT
    ncols = leg._ncols  # no public getter
    shift = ScaledTranslation(0, -gap, ax.figure.dpi_scale_trans)
    for cols in (ncols, 1) if ncols > 1 else (1,):
        new = ax.legend(
            handles,
            labels,
            loc="upper center",
            bbox_to_anchor=(0.5, 0.0),
            # centred on the figure, not on the axes (which long tick labels push right)
            bbox_transform=blended_transform_factory(ax.figure.transFigure, ax.transAxes + shift),
            ncols=cols,
            fontsize=size,
        )
        box = new.get_window_extent(renderer)
        if box.width <= limit:
            break
    if box.width > limit:  # one entry a row is still too wide: break the long labels
        widest = max(t.get_window_extent(renderer).width for t in new.get_texts())
        for t in new.get_texts():
            _wrap(t, renderer, limit - (box.width - widest))
        box = new.get_window_extent(renderer)
    new._sg_below = True
    return box.height / ax.figure.dpi + gap
