"""Charts for print: the web's chart data turned into vector shapes (millimetres).

Typst draws the shapes as PDF paths, so a chart prints sharp at any size and its numbers
are the very numbers the API hands to the web and the app.
"""

import math
from typing import Any

from .values import PrintChart

PALETTE = ["#1f5f8b", "#e0893a", "#4e9a6b", "#b5485d", "#7a6bb0", "#8a8f3c"]
AXIS = "#5b6770"
GRID = "#d5dce1"
LABEL_SIZE = 7.0
VALUE_SIZE = 6.5


def number_label(value: float | None) -> str:
    if value is None:
        return "자료 없음"
    if float(value).is_integer():
        return f"{int(value):,}"
    return f"{value:,.1f}"


def nice_scale(maximum: float, steps: int = 4) -> tuple[float, list[float]]:
    """A round top of the axis and the ticks below it (0, 10, 20 … rather than 0, 11.2 …)."""
    if maximum <= 0:
        return 1.0, [0.0, 1.0]
    raw = maximum / steps
    magnitude = 10 ** math.floor(math.log10(raw))
    step = next(m * magnitude for m in (1, 2, 2.5, 5, 10) if m * magnitude >= raw)
    top = step * math.ceil(maximum / step)
    ticks = [round(step * i, 10) for i in range(int(round(top / step)) + 1)]
    return top, ticks


def text(x: float, y: float, content: str, *, anchor: str = "start", size=LABEL_SIZE, color=AXIS):
    return {
        "kind": "text",
        "x": x,
        "y": y,
        "text": content,
        "anchor": anchor,
        "size": size,
        "color": color,
    }


def legend(chart: PrintChart, width: float) -> list[dict[str, Any]]:
    if len(chart.series) < 2:
        return []
    shapes: list[dict[str, Any]] = []
    x = width
    for index in reversed(range(len(chart.series))):
        name = chart.series[index].name
        label_width = 3.2 + 2.3 * len(name)
        x -= label_width
        shapes.append({"kind": "rect", "x": x, "y": 0.6, "w": 2.4, "h": 2.4, "fill": color(index)})
        shapes.append(text(x + 3.2, 1.8, name))
        x -= 3
    return shapes


def color(index: int) -> str:
    return PALETTE[index % len(PALETTE)]


def chart_shapes(chart: PrintChart, width: float, height: float = 68.0) -> dict[str, Any]:
    """Shapes, size and a spoken description of one chart."""
    if chart.kind == "pie":
        shapes = pie_shapes(chart, width, height)
    else:
        shapes = axis_chart_shapes(chart, width, height)
    return {"width": width, "height": height, "shapes": shapes, "alt": describe(chart)}


def axis_chart_shapes(chart: PrintChart, width: float, height: float) -> list[dict[str, Any]]:
    top_pad = 8.0 if len(chart.series) > 1 else 4.0
    left, bottom = 14.0, 9.0
    plot_w, plot_h = width - left - 2.0, height - top_pad - bottom
    values = [v for series in chart.series for v in series.values if v is not None]
    top, ticks = nice_scale(max(values, default=0))

    def y_of(value: float) -> float:
        return top_pad + plot_h - plot_h * max(0.0, value) / top

    shapes: list[dict[str, Any]] = legend(chart, width)
    for tick in ticks:
        y = y_of(tick)
        shapes.append(
            {"kind": "line", "x1": left, "y1": y, "x2": left + plot_w, "y2": y}
            | {"width": 0.5 if tick else 0.9, "color": GRID if tick else AXIS}
        )
        shapes.append(text(left - 1.5, y, number_label(tick), anchor="end"))
    count = max(1, len(chart.labels))
    group = plot_w / count
    for index, label in enumerate(chart.labels):
        shapes.append(
            text(left + group * (index + 0.5), top_pad + plot_h + 4.0, label, anchor="middle")
        )
    show_values = count * len(chart.series) <= 18
    if chart.kind == "line":
        for number, series in enumerate(chart.series):
            points = [
                ([left + group * (i + 0.5), y_of(v)] if v is not None else None)
                for i, v in enumerate(series.values)
            ]
            # A missing value breaks the line, as on the web: one polyline per run.
            for run in _runs(points):
                shapes.append(
                    {"kind": "polyline", "points": run, "width": 1.6, "color": color(number)}
                )
            present = [(p, v) for p, v in zip(points, series.values, strict=True) if p]
            for (x, y), value in present:
                shapes.append({"kind": "dot", "x": x, "y": y, "r": 1.1, "fill": color(number)})
                if show_values:
                    shapes.append(
                        text(x, y - 3.2, number_label(value), anchor="middle", size=VALUE_SIZE)
                    )
        return shapes
    bars = max(1, len(chart.series))
    bar_w = group * 0.66 / bars
    for number, series in enumerate(chart.series):
        for index, value in enumerate(series.values):
            if value is None:
                continue  # a gap, not a zero-height bar
            x = left + group * index + group * 0.17 + bar_w * number
            y = y_of(value)
            shapes.append(
                {"kind": "rect", "x": x, "y": y, "w": bar_w * 0.9, "h": top_pad + plot_h - y}
                | {"fill": color(number)}
            )
            if show_values:
                shapes.append(
                    text(
                        x + bar_w * 0.45,
                        y - 2.2,
                        number_label(value),
                        anchor="middle",
                        size=VALUE_SIZE,
                    )
                )
    return shapes


def _runs(points: list) -> list[list]:
    """The unbroken stretches of a line's points (None marks a gap), each of two or more."""
    runs: list[list] = []
    current: list = []
    for point in [*points, None]:
        if point is None:
            if len(current) > 1:
                runs.append(current)
            current = []
        else:
            current.append(point)
    return runs


def pie_shapes(chart: PrintChart, width: float, height: float) -> list[dict[str, Any]]:
    series = chart.series[0] if chart.series else None
    values = [max(0.0, v or 0.0) for v in (series.values if series else [])]
    total = sum(values) or 1.0
    radius = height / 2 - 4
    cx, cy = radius + 6, height / 2
    shapes: list[dict[str, Any]] = []
    start = -90.0
    for index, value in enumerate(values):
        sweep = 360.0 * value / total
        steps = max(2, int(sweep / 3) + 1)
        points = [[cx, cy]] + [
            [
                cx + radius * math.cos(math.radians(start + sweep * s / steps)),
                cy + radius * math.sin(math.radians(start + sweep * s / steps)),
            ]
            for s in range(steps + 1)
        ]
        shapes.append({"kind": "polygon", "points": points, "fill": color(index)})
        start += sweep
    legend_x = cx + radius + 12
    for index, (label, value) in enumerate(zip(chart.labels, values, strict=False)):
        y = 8 + index * 6.5
        shapes.append(
            {"kind": "rect", "x": legend_x, "y": y - 1.5, "w": 3, "h": 3, "fill": color(index)}
        )
        share = 100 * value / total
        shapes.append(text(legend_x + 5, y, f"{label}  {number_label(value)} ({share:.1f}%)"))
    return shapes


def describe(chart: PrintChart) -> str:
    """The chart's numbers in words, for screen readers (the PDF's alternative text)."""
    kind = {"bar": "막대", "line": "꺾은선", "pie": "원"}[chart.kind]
    unit = f" (단위: {chart.unit})" if chart.unit else ""
    parts = [
        f"{series.name}: "
        + ", ".join(
            f"{label} {number_label(value)}"
            for label, value in zip(chart.labels, series.values, strict=False)
        )
        for series in chart.series
    ]
    return f"{chart.title} {kind} 그래프{unit}. " + "; ".join(parts)
