"""Geometry for the server-rendered SVG pictures; the templates only draw what this computes.

Hand-rolled SVG needs no JavaScript, no CDN and no CSP exception, prints, and looks the same in
every browser (research/ecosystem.md §2.6). The numbers are always repeated in a table.
"""

import datetime
import math
from dataclasses import dataclass

from django.utils.formats import date_format, number_format
from django.utils.translation import gettext

from public.templatetags.facts import partial_date

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
        # Month names in the page's language ("Jun 2025" in English, "чер 2025" in Ukrainian).
        ticks.append((day, date_format(day, "M Y") if day.year != year else date_format(day, "M")))
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
                "label": gettext("per %(label)s") % {"label": s.claimant_label},
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
        # Labels grouped as the page's language writes numbers ("1,000", "1 000"); the SVG's
        # coordinates are written unlocalised by the template.
        "y_ticks": [
            Tick(y(top * i // 4), number_format(top * i // 4, force_grouping=True))
            for i in range(5)
        ],
        "x_ticks": [Tick(x(day), label) for day, label in _step_month_ticks(start, end)],
        "tick_end": baseline + 5,
        "x_label_y": baseline + 22,
        "x_title": gettext("Date of the exchange"),
        "x_title_x": round((STEP_LEFT + right) / 2, 1),
        "x_title_y": STEP_HEIGHT - 8,
        "y_title": y_title or gettext("Running total"),
        "y_title_x": 2,
        "y_title_y": 16,
        "until": until,
    }


# The timeline graphic has no viewBox: its x positions are percentages of its width and its text
# is in CSS pixels, so labels keep their size (13 px, see site.css) on a phone instead of shrinking
# with the picture. Dots are stacked, not overlapped, at the narrowest width it is drawn at.
PHONE_WIDTH = 340  # px: the picture on a 390 px screen, less the page's margins (rounded down)
DOT_STEP = 12  # px between the centres of two dots on a row, and between rows
DOT_RADIUS = 5
PLOT_LEFT, PLOT_RIGHT = 3.0, 97.0  # % of the width: room for half a dot at either end
LANE_LABEL = 20  # px above a lane's dots, for its name
AXIS = 44  # px below the lanes: the month labels
HEADER = 26  # px above the lanes for the "earlier" link, when there are earlier entries
CAPTION = 44  # px at the bottom for the date and title of the dot in focus
# Entries separated from the rest by more than this, and fewer than EARLIER_SHARE of all, are
# background (the 2022 invasion before the 2025 talks): the scale starts after them.
EARLIER_GAP = datetime.timedelta(days=180)
EARLIER_SHARE = 0.1
MONTH_LABEL_WIDTH = 66  # px: "May 2025" at 13 px, and a gap


def _scale_start(dates: list[datetime.date]) -> datetime.date:
    """The first day the scale shows: the earliest date, unless the earliest few are far before
    the rest; then the first date after that gap."""
    ordered = sorted(dates)
    start = ordered[0]
    for i in range(1, len(ordered)):
        if i > len(ordered) * EARLIER_SHARE:
            break
        if ordered[i] - ordered[i - 1] > EARLIER_GAP:
            start = ordered[i]
    return start


def _short(text: str, length: int = 46) -> str:
    return text if len(text) <= length else text[: length - 1].rstrip() + "…"


def timeline_chart(entries, lanes) -> dict | None:
    """What the timeline graphic draws for `entries` (record.timeline.Entry), one lane per kind
    in `lanes` (record.kinds.Kind): lanes with their y in px and their dots (x in % of the width,
    y in px, the entry's title, date and address), month labels (x in %), the height in px, and
    `earlier`: how many entries lie before the scale, and the first of them (None if none).
    None if there is nothing to draw."""
    if not entries:
        return None
    dates = [e.date for e in entries]
    first_shown = _scale_start(dates)
    shown = [e for e in entries if e.date >= first_shown]
    earlier = sorted((e for e in entries if e.date < first_shown), key=lambda e: e.date)
    start = first_shown.replace(day=1)
    end = max(dates)
    if (end - start).days < 30:
        end = start + datetime.timedelta(days=30)
    span = (end - start).days
    plot = PLOT_RIGHT - PLOT_LEFT

    def x(day: datetime.date) -> float:
        return round(PLOT_LEFT + (day - start).days / span * plot, 2)

    px_per_day = PHONE_WIDTH * plot / 100 / span
    top = HEADER if earlier else 4
    out_lanes, markers = [], []
    for kind in lanes:
        mine = sorted((e for e in shown if e.kind.name == kind.name), key=lambda e: e.date)
        rows: list[datetime.date] = []  # the last date placed on each row
        placed = []
        for entry in mine:
            row = next(
                (
                    i
                    for i, last in enumerate(rows)
                    if (entry.date - last).days * px_per_day >= DOT_STEP
                ),
                None,
            )
            if row is None:
                rows.append(entry.date)
                row = len(rows) - 1
            else:
                rows[row] = entry.date
            placed.append((entry, row))
        dots_top = top + LANE_LABEL
        for entry, row in placed:
            markers.append(
                {
                    "x": x(entry.date),
                    "y": dots_top + DOT_RADIUS + row * DOT_STEP,
                    "kind": kind.name,
                    "title": entry.title,
                    "label": _short(entry.title),
                    # The title is English for want of a translation (a page in uk or ru).
                    "english": entry.title_falls_back,
                    "date": entry.date,
                    "precision": entry.precision,
                    # Said three times by the dot (label, tooltip, caption): formatted once.
                    "when": partial_date(entry.date, entry.precision),
                    "url": entry.url,
                }
            )
        height = LANE_LABEL + max(len(rows), 1) * DOT_STEP + 6
        out_lanes.append(
            {
                "kind": kind.name,
                "label": kind.plural,
                "count": sum(getattr(e, "weight", 1) for e in mine),
                "label_y": top + 14,
                "line_y": top + height,
            }
        )
        top += height
    baseline = top + 4
    ticks = [
        {"position": x(month), "label": date_format(month, "M Y")}
        for month in _month_starts_every(start, end, span * px_per_day)
    ]
    return {
        "height": baseline + AXIS + CAPTION,
        "top": HEADER if earlier else 4,
        "baseline": baseline,
        "caption_y": baseline + AXIS + 12,
        "lanes": out_lanes,
        "markers": markers,
        "x_ticks": ticks,
        "radius": DOT_RADIUS,
        "start": start,
        "end": end,
        "earlier": (
            {"count": sum(getattr(e, "weight", 1) for e in earlier), "first": earlier[0]}
            if earlier
            else None
        ),
    }


def _month_starts_every(
    start: datetime.date, end: datetime.date, phone_px: float
) -> list[datetime.date]:
    """Month starts from `start` to `end`, evenly spaced so that their labels, each starting at
    its tick, neither overlap nor run off the right edge at a phone's width (`phone_px`: the
    plot's width there)."""
    months = []
    month = start.replace(day=1)
    while month <= end:
        months.append(month)
        month = (month + datetime.timedelta(days=32)).replace(day=1)
    if len(months) == 1:
        return months
    month_px = phone_px / max((end - start).days, 1) * 30.4
    step = max(1, math.ceil(MONTH_LABEL_WIDTH / month_px))
    room = PHONE_WIDTH * (100 - PLOT_LEFT) / 100 - MONTH_LABEL_WIDTH
    return [m for m in months[::step] if (m - start).days / 30.4 * month_px <= room]
