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
    for step in (1, 2, 2.5, 4, 5, 8, 10):
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


# The step charts are drawn narrow (400 units) so that, scaled to a 390 px phone's column
# (about 358 px), their 14-unit labels still render at 12.5 px; on a desktop they grow instead.
STEP_WIDTH, STEP_HEIGHT = 400, 290
# The y axis title sits above the plot, horizontal, where a phone has room for it.
STEP_LEFT, STEP_RIGHT, STEP_TOP, STEP_BOTTOM = 60, 16, 36, 60
STEP_FONT = 14
# How many month labels fit under a 400-unit plot at that size without touching.
STEP_MAX_X_LABELS = 4


def _step_month_ticks(start: datetime.date, end: datetime.date) -> list[tuple[datetime.date, str]]:
    """Month starts to label, evenly spaced, at most STEP_MAX_X_LABELS: the first of each year
    shown, and the first label, carry the year ("Jun 2025", "Sep", "Jan 2026")."""
    months = []
    month = datetime.date(start.year, start.month, 1)
    if month < start:
        month = (month + datetime.timedelta(days=32)).replace(day=1)
    while month <= end:
        months.append(month)
        month = (month + datetime.timedelta(days=32)).replace(day=1)
    step = max(1, math.ceil(len(months) / STEP_MAX_X_LABELS))
    chosen = months[::step]
    ticks, year = [], None
    for day in chosen:
        ticks.append((day, day.strftime("%b %Y") if day.year != year else day.strftime("%b")))
        year = day.year
    return ticks


def step_chart(series, *, until: datetime.date | None = None, y_title: str = "") -> dict | None:
    """Geometry of one cumulative step chart: a line per `tallies.ClaimSeries` (one receiving
    side, one line per claimant), from the first exchange to `until` (the record's reviewed-to
    day, else the last exchange), with axis titles. None if nothing to draw.

    Each line's dots say whether the figure at that step is the claimant's own (`own`); the
    template draws the others hollow."""
    dates = [day for s in series for day, _, _ in s.points]
    if not dates:
        return None
    if until and until > max(dates):
        dates.append(until)
    start, end = _date_range(dates)
    span = max((end - start).days, 1)
    right = STEP_WIDTH - STEP_RIGHT

    def x(day: datetime.date) -> float:
        return round(STEP_LEFT + (day - start).days / span * (right - STEP_LEFT), 1)

    top = _nice_ceiling(max(total for s in series for _, total, _ in s.points))
    inner = STEP_HEIGHT - STEP_TOP - STEP_BOTTOM

    def y(value: int) -> float:
        return round(STEP_TOP + inner - value / top * inner, 1)

    lines = []
    for s in series:
        if not s.points:
            continue
        path = [f"M {x(s.points[0][0])} {y(0)}"]
        for day, total, _ in s.points:
            path.append(f"H {x(day)} V {y(total)}")
        path.append(f"H {right}")
        lines.append(
            {
                "side": s.side,
                "claimant": s.claimant,
                "label": f"per {s.claimant_label}",
                "total": s.total,
                "unpublished": s.unpublished,
                "d": " ".join(path),
                # x0, y0: the corner of a square marker centred on the point.
                "dots": [
                    {
                        "x": x(day),
                        "y": y(total),
                        "x0": round(x(day) - 4, 1),
                        "y0": round(y(total) - 4, 1),
                        "own": own,
                    }
                    for day, total, own in s.points
                ],
            }
        )
    baseline = y(0)
    return {
        "width": STEP_WIDTH,
        "height": STEP_HEIGHT,
        "left": STEP_LEFT,
        "right": right,
        "top": STEP_TOP,
        "baseline": baseline,
        "font": STEP_FONT,
        "lines": lines,
        "y_ticks": [Tick(y(top * i // 4), f"{top * i // 4:,}") for i in range(5)],
        "x_ticks": [Tick(x(day), label) for day, label in _step_month_ticks(start, end)],
        "tick_end": baseline + 5,
        "x_label_y": baseline + 22,
        "x_title": "Date of the exchange",
        "x_title_x": round((STEP_LEFT + right) / 2, 1),
        "x_title_y": STEP_HEIGHT - 8,
        "y_title": y_title or "Running total",
        "y_title_x": 2,
        "y_title_y": 16,
        "until": until,
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
