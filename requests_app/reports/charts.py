"""Small server-rendered SVG charts: the geometry here, the markup in templates/reports/charts/.

Three shapes cover the dashboard: horizontal bars for categories with long names, columns for
months (one or more series side by side) and a line for a rate. Every chart carries a <title>
and a <desc> that states all its figures in words, every bar and point is labelled with its
value, and series differ by pattern as well as colour, so nothing is told by colour alone.
Text uses currentColor, so the charts follow the admin's light and dark themes.
"""

import math
import textwrap
from dataclasses import dataclass

# Mid-tone fills readable on white and on the admin's dark background; series 2+ are also hatched.
FILLS = ("#3b6fb6", "#c0601d", "#2f855a", "#8a5cb0")
PATTERNS = ("", "hatch", "dots", "cross")
CHAR_WIDTH = 6.6  # average advance of a 12px sans-serif character, for label room
LINE_HEIGHT = 13
LABEL_CHARACTERS = 34  # longer category names wrap onto two lines


@dataclass(frozen=True)
class Series:
    name: str
    values: tuple[float, ...]


@dataclass(frozen=True)
class Mark:
    """One bar, column or point, with where its value label goes."""

    x: float
    y: float
    width: float
    height: float
    text: str
    text_x: float
    text_y: float
    tooltip: str
    series: int = 0

    def __post_init__(self):
        for name in ("x", "y", "width", "height", "text_x", "text_y"):
            object.__setattr__(self, name, round(getattr(self, name), 1))

    @property
    def fill(self) -> str:
        return FILLS[self.series % len(FILLS)]

    @property
    def pattern(self) -> str:
        return PATTERNS[self.series % len(PATTERNS)]


@dataclass(frozen=True)
class Label:
    x: float
    y: float
    text: str
    wrap: int = 0  # wrap into at most two lines of this many characters (0: one line)

    def __post_init__(self):
        object.__setattr__(self, "x", round(self.x, 1))
        object.__setattr__(self, "y", round(self.y, 1))

    @property
    def lines(self) -> list[tuple[float, str]]:
        """(baseline, text) of each line, centred on y; a third line's words end the second with an ellipsis."""
        lines = textwrap.wrap(self.text, self.wrap) if self.wrap else [self.text]
        if len(lines) > 2:
            lines = [lines[0], textwrap.shorten(" ".join(lines[1:]), self.wrap, placeholder=" …")]
        first = self.y - LINE_HEIGHT * (len(lines) - 1) / 2
        return [(round(first + LINE_HEIGHT * number, 1), line) for number, line in enumerate(lines)]


@dataclass(frozen=True)
class LegendItem:
    name: str
    fill: str
    pattern: str


@dataclass(frozen=True)
class Chart:
    id: str
    title: str
    desc: str
    width: int
    height: int
    marks: tuple[Mark, ...]
    labels: tuple[Label, ...]  # category or month names
    ticks: tuple[Label, ...]  # value axis
    grid: tuple[float, ...]  # positions of the value grid lines
    plot: tuple[float, float, float, float]  # left, top, right, bottom
    legend: tuple[LegendItem, ...] = ()
    path: str = ""  # the line of a line chart


def nice_step(span: float, *, steps: int = 4, whole: bool = True) -> float:
    """Return a round step (1, 2, 2.5 or 5 times a power of ten) that cuts span into about `steps` parts."""
    if span <= 0:
        return 1.0
    raw = span / steps
    power = 10 ** math.floor(math.log10(raw))
    step = next(factor * power for factor in (1, 2, 2.5, 5, 10) if raw <= factor * power)
    return max(step, 1.0) if whole else step


def _axis(maximum: float, *, whole: bool = True) -> tuple[float, list[float]]:
    step = nice_step(maximum, whole=whole)
    top = max(step, math.ceil(maximum / step) * step)
    return top, [step * index for index in range(round(top / step) + 1)]


def _number(value: float) -> str:
    return f"{value:g}" if value != int(value) else f"{int(value)}"


def _legend(series: list[Series]) -> tuple[LegendItem, ...]:
    return tuple(
        LegendItem(one.name, FILLS[number % len(FILLS)], PATTERNS[number % len(PATTERNS)])
        for number, one in enumerate(series)
    )


def _rounded(values) -> tuple[float, ...]:
    return tuple(round(value, 1) for value in values)


def _desc(lines) -> str:
    return "; ".join(lines) + "."


def hbar_chart(*, id: str, title: str, labels, values, formatter=_number, width: int = 560,
               missing: str = "none") -> Chart:
    """Horizontal bars, one per category, each labelled with its name and value (None: no bar, `missing`)."""
    labels, values = [str(label) for label in labels], list(values)
    row, gap = 26, 8
    widest = max((len(line) for label in labels for line in textwrap.wrap(label, LABEL_CHARACTERS)), default=4)
    left = round(widest * CHAR_WIDTH + 16)
    top, right = 8, width - 64
    bottom = top + len(labels) * (row + gap)
    maximum, ticks = _axis(max((value for value in values if value is not None), default=0))
    scale = (right - left) / maximum
    marks, names = [], []
    for index, (label, value) in enumerate(zip(labels, values)):
        y = top + index * (row + gap) + gap / 2
        length = (value or 0) * scale
        text = missing if value is None else formatter(value)
        marks.append(Mark(left, y, length, row, text, left + length + 6, y + row / 2 + 4, f"{label}: {text}"))
        names.append(Label(left - 8, y + row / 2 + 4, label, wrap=LABEL_CHARACTERS))
    return Chart(
        id=id, title=title, desc=_desc(mark.tooltip for mark in marks), width=width, height=int(bottom + 24),
        marks=tuple(marks), labels=tuple(names),
        ticks=tuple(Label(left + tick * scale, bottom + 16, _number(tick)) for tick in ticks),
        grid=_rounded(left + tick * scale for tick in ticks), plot=(left, top, right, bottom),
    )


def compact(value: float) -> str:
    """Return a short count for a label: 950, 12.5k, 3.2M."""
    for limit, suffix in ((1_000_000, "M"), (1_000, "k")):
        if abs(value) >= limit:
            return f"{value / limit:.1f}".rstrip("0").rstrip(".") + suffix
    return _number(value)


def column_chart(*, id: str, title: str, labels, series: list[Series], formatter=_number, width: int = 640,
                 height: int = 240) -> Chart:
    """Columns per label (e.g. month), the series side by side; each column carries its value."""
    labels = [str(label) for label in labels]
    left, top, right, bottom = 44, 18, width - 8, height - 40
    maximum, ticks = _axis(max((value for one in series for value in one.values), default=0))
    scale = (bottom - top) / maximum
    slot = (right - left) / max(len(labels), 1)
    column = min(28.0, slot * 0.8 / max(len(series), 1))
    marks = []
    for index, label in enumerate(labels):
        start = left + index * slot + (slot - column * len(series)) / 2
        for number, one in enumerate(series):
            value = float(one.values[index])
            x, length, text = start + number * column, value * scale, formatter(value)
            marks.append(Mark(x, bottom - length, column - 2, length, text, x + (column - 2) / 2, bottom - length - 4,
                              f"{one.name}, {label}: {text}", series=number))
    names = tuple(Label(left + (index + 0.5) * slot, bottom + 16, label) for index, label in enumerate(labels))
    desc = _desc(
        f"{one.name}: " + ", ".join(f"{label} {formatter(value)}" for label, value in zip(labels, one.values))
        for one in series
    )
    return Chart(
        id=id, title=title, desc=desc, width=width, height=height, marks=tuple(marks), labels=names,
        ticks=tuple(Label(left - 6, bottom - tick * scale + 4, _number(tick)) for tick in ticks),
        grid=_rounded(bottom - tick * scale for tick in ticks), plot=(left, top, right, bottom),
        legend=_legend(series) if len(series) > 1 else (),
    )


def line_chart(*, id: str, title: str, labels, values, maximum: float, formatter=_number, width: int = 640,
               height: int = 240, missing: str = "no data") -> Chart:
    """A line through the values that exist (None leaves a gap), each point labelled with its value."""
    labels = [str(label) for label in labels]
    left, top, right, bottom = 44, 22, width - 8, height - 40
    _top, ticks = _axis(maximum, whole=False)
    scale = (bottom - top) / _top
    slot = (right - left) / max(len(labels), 1)
    marks, segments, pen_down = [], [], False
    for index, value in enumerate(values):
        x = left + (index + 0.5) * slot
        if value is None:
            pen_down = False
            continue
        y = bottom - value * scale
        segments.append(f"{'L' if pen_down else 'M'}{x:.1f},{y:.1f}")
        pen_down = True
        text = formatter(value)
        marks.append(Mark(x, y, 0, 0, text, x, y - 9, f"{labels[index]}: {text}"))
    names = tuple(Label(left + (index + 0.5) * slot, bottom + 16, label) for index, label in enumerate(labels))
    desc = _desc(f"{label}: {missing if value is None else formatter(value)}" for label, value in zip(labels, values))
    return Chart(
        id=id, title=title, desc=desc, width=width, height=height, marks=tuple(marks), labels=names,
        ticks=tuple(Label(left - 6, bottom - tick * scale + 4, formatter(tick)) for tick in ticks),
        grid=_rounded(bottom - tick * scale for tick in ticks), plot=(left, top, right, bottom),
        path=" ".join(segments),
    )
