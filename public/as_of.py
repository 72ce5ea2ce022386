"""`?as_of=YYYY-MM-DD`: a page as the public record stood at the end of a day, from history.

django-simple-history keeps a row of every save of every content row (`Model.history`). The
record "as of" a day is, for each row, its latest historical row saved before the end of that
day in Istanbul (where the talks began; the site's dates are Istanbul dates), provided that row
was published then: a row in draft or review at that moment is left out, and so is anything
saved later. The pages built from it are in public/views/as_of.py.
"""

import datetime
import re
import zoneinfo
from functools import wraps

from django.db.models import Min
from django.utils import timezone
from django.utils.translation import gettext

from provenance.models import PublicationStatus

ISTANBUL = zoneinfo.ZoneInfo("Europe/Istanbul")

# The routes that answer ?as_of= (public/urls.py wraps their views with `or_as_of`).
AS_OF_ROUTES = {
    "round-detail",
    "round-detail-in-track",
    "person-detail",
    "issue-detail",
    "exchange-detail",
}


class AsOfError(ValueError):
    """An as_of value the site cannot answer for; its message is shown to the reader (400)."""


def parse_as_of(values: list[str]) -> datetime.date:
    """The day asked for, from the query's `as_of` values. Raises AsOfError, with a message for
    the reader, for a value that is not one YYYY-MM-DD day or a day after today in Istanbul."""
    if len(set(values)) != 1:
        raise AsOfError(
            gettext("Give one date as as_of, in the form YYYY-MM-DD (e.g. 2025-06-02).")
        )
    value = values[0]
    if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        raise AsOfError(
            gettext("“%(value)s” is not a date in the form YYYY-MM-DD (e.g. as_of=2025-06-02).")
            % {"value": value[:40]}
        )
    try:
        day = datetime.date.fromisoformat(value)
    except ValueError:
        raise AsOfError(
            gettext("%(value)s is not a day of the calendar.") % {"value": value}
        ) from None
    today = timezone.now().astimezone(ISTANBUL).date()
    if day > today:
        raise AsOfError(
            gettext(
                "%(value)s is in the future: the record can be shown as it stood on any day up "
                "to today, %(today)s (Istanbul time)."
            )
            % {"value": value, "today": today.isoformat()}
        )
    return day


def end_of(day: datetime.date) -> datetime.datetime:
    """The first moment after `day` in Istanbul: what was saved before it stood that day."""
    return datetime.datetime.combine(day + datetime.timedelta(days=1), datetime.time(), ISTANBUL)


def snapshot(model, moment: datetime.datetime, *, published_only: bool = True):
    """The rows of `model` as they stood at `moment`: of each, its latest historical row saved
    before `moment`, deleted ones left out, and (unless `published_only` is false) for models
    with a status of their own only those published at that moment. A queryset of historical rows (with the model's fields and
    `history_date`); filter it further by field (`round_id=…`). One query when evaluated,
    however many historical rows there are."""
    rows = model.history.filter(history_date__lt=moment).latest_of_each()
    # After latest_of_each: a row whose latest version then was a draft is left out, never
    # replaced by an older published version of it.
    rows = rows.exclude(history_type="-")
    if published_only and any(field.name == "publication_status" for field in model._meta.fields):
        rows = rows.filter(publication_status=PublicationStatus.PUBLISHED)
    return rows


def one_per_row(rows) -> list:
    """Historical rows, one per original row: two versions saved in the same microsecond would
    both be "latest"; the one saved last (highest history_id) is kept."""
    kept = {}
    for row in sorted(rows, key=lambda row: row.history_id):
        kept[row.id] = row
    return list(kept.values())


def by_id(model, moment: datetime.datetime, ids) -> dict:
    """The rows of `model` with these ids as they stood at `moment` (published then), by id:
    one query, none when `ids` is empty."""
    if not ids:
        return {}
    return {row.id: row for row in one_per_row(snapshot(model, moment).filter(id__in=set(ids)))}


def latest(rows):
    """The one historical row of a snapshot filtered to one original row, or None."""
    rows = one_per_row(rows)
    return rows[-1] if rows else None


def record_began(model) -> datetime.date | None:
    """The first day a row of `model` was public in the record's history (Istanbul), or None.
    One query."""
    rows = model.history.all()
    if any(field.name == "publication_status" for field in model._meta.fields):
        rows = rows.filter(publication_status=PublicationStatus.PUBLISHED)
    first = rows.aggregate(first=Min("history_date"))["first"]
    return first.astimezone(ISTANBUL).date() if first else None


def or_as_of(current_view, as_of_view):
    """`current_view`, unless the query asks for `as_of`: then `as_of_view`, with the same
    arguments, builds the page as it stood that day.

    Caching: a dated page is cached like any other anonymous page (ops.middleware), under the
    content version and its full URL, as_of included, so it never shares a copy with the
    current page or another day. History before a past day does not change without a write
    that moves the version, so the key is never stale; as_of=today moves with the version as
    the current page does. Refusals (400, 404) are not cached."""

    @wraps(current_view)
    def view(request, *args, **kwargs):
        if "as_of" in request.GET:
            return as_of_view(request, *args, **kwargs)
        return current_view(request, *args, **kwargs)

    return view
