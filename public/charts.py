"""Geometry for the server-rendered SVG pictures; the templates only draw what this computes.

Hand-rolled SVG needs no JavaScript, no CDN and no CSP exception, prints, and looks the same in
every browser (research/ecosystem.md §2.6). The numbers are always repeated in a table.
"""

import datetime
import math
from dataclasses import dataclass

WIDTH, HEIGHT = 720, 260
# RIGHT leaves room for a month label centred on the last day.
LEFT, RIGHT, TOP, BOTTOM = 64, 44, 16, 40


def _month_starts(start: datetime.date, end: datetime.date) -> list[datetime.date]:
    month = datetime.date(start.year, start.month, 1)
    if month < start:
        month = (month + datetime.timedelta(days=32)).replace(day=1)
    months = []
    while month <= end:
        months.append(month)
        month = (month + datetime.timedelta(days=32)).replace(day=1)
    # Keep at most about eight labels so they never overlap on a phone.
    step = max(1, math.ceil(len(months) / 8))
    return months[::step]


def _date_range(dates: list[datetime.date]) -> tuple[datetime.date, datetime.date]:
    start, end = min(dates), max(dates)
    if (end - start).days < 30:
        pad = datetime.timedelta(days=15)
        start, end = start - pad, end + pad
    return start, end


def _nice_ceiling(value: int) -> int:
    if value <= 0:
        return 10
    magnitude = 10 ** int(math.log10(value))
    for step in (1, 2, 2.5, 5, 10):
        if value <= step * magnitude:
            return int(step * magnitude)
    return value


@dataclass
class Tick:
    position: float
    label: str


def _x_scale(start: datetime.date, end: datetime.date, left: int = LEFT):
    span = max((end - start).days, 1)
    inner = WIDTH - left - RIGHT
    return lambda day: round(left + (day - start).days / span * inner, 1)


def step_chart(series) -> dict | None:
    """Paths for cumulative step lines, one per `progress.Series`; None if nothing to draw."""
    dates = [day for s in series for day, _ in s.points]
    if not dates:
        return None
    start, end = _date_range(dates)
    x = _x_scale(start, end)
    top = _nice_ceiling(max(total for s in series for _, total in s.points))
    inner = HEIGHT - TOP - BOTTOM

    def y(value: int) -> float:
        return round(TOP + inner - value / top * inner, 1)

    lines = []
    for s in series:
        if not s.points:
            continue
        path, previous = [f"M {x(s.points[0][0])} {y(0)}"], y(0)
        for day, total in s.points:
            path.append(f"H {x(day)} V {y(total)}")
            previous = y(total)
        path.append(f"H {WIDTH - RIGHT}")
        lines.append(
            {
                "side": s.side,
                "label": s.side_label,
                "total": s.total,
                "d": " ".join(path),
                "dots": [{"x": x(day), "y": y(total)} for day, total in s.points],
                "end_y": previous,
            }
        )
    return {
        "width": WIDTH,
        "height": HEIGHT,
        "left": LEFT,
        "right": WIDTH - RIGHT,
        "baseline": y(0),
        "top": TOP,
        "lines": lines,
        "y_ticks": [Tick(y(top * i // 4), f"{top * i // 4:,}") for i in range(5)],
        "x_ticks": [Tick(x(m), m.strftime("%b %Y")) for m in _month_starts(start, end)],
    }


LANE_HEIGHT = 34
# Room for the lane labels ("Documents", "Exchanges") left of the plot.
LANE_LABEL_WIDTH = 100


def timeline_chart(entries, lanes) -> dict | None:
    """Marker positions for timeline entries (record.timeline.Entry), one lane per kind in
    `lanes` (record.kinds.Kind)."""
    if not entries:
        return None
    start, end = _date_range([e.date for e in entries])
    x = _x_scale(start, end, LANE_LABEL_WIDTH)
    height = TOP + LANE_HEIGHT * len(lanes) + BOTTOM
    lane_y = {kind.name: TOP + LANE_HEIGHT * i + LANE_HEIGHT // 2 for i, kind in enumerate(lanes)}
    return {
        "width": WIDTH,
        "height": height,
        "left": LANE_LABEL_WIDTH,
        "right": WIDTH - RIGHT,
        "baseline": height - BOTTOM,
        "lanes": [{"kind": k.name, "label": k.plural, "y": lane_y[k.name]} for k in lanes],
        "markers": [
            {
                "x": x(e.date),
                "y": lane_y[e.kind.name],
                "kind": e.kind.name,
                "title": e.title,
                "url": e.url,
            }
            for e in entries
        ],
        "x_ticks": [Tick(x(m), m.strftime("%b %Y")) for m in _month_starts(start, end)],
    }
