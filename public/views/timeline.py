"""The timeline of everything dated in the record (record.timeline), with its filter form, its
order (oldest or newest first), a jump to any month and a grouping by track."""

import datetime
import re
from dataclasses import dataclass

from django import forms
from django.core.paginator import Paginator
from django.http import HttpResponseRedirect
from django.shortcuts import render
from django.utils.formats import number_format
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from positions.models import Issue
from provenance.models import DatePrecision, Side
from public import charts
from public.templatetags.facts import partial_date
from public.templatetags.translated import lang_of
from record.kinds import TIMELINE, Kind
from record.timeline import Listing, attach_sources, by_month, entries, listing
from talks.models import Track

TIMELINE_PAGE_SIZE = 25
# Oldest first stays the default of the plain /timeline/: a timeline reads as a story, like its
# graphic, and page links shared before the order existed keep showing the same entries. Home's
# link asks for newest first.
OLDEST, NEWEST = "oldest", "newest"
MONTH_FORMAT = re.compile(r"(\d{4})-(\d{2})")


class NamedRowSelect(forms.Select):
    """A choice of record rows (tracks, issues) by name: on a Ukrainian or Russian page, the
    option of a row whose name has no translation yet says lang="en" (`lang_of`)."""

    def create_option(self, name, value, label, selected, index, subindex=None, attrs=None):
        option = super().create_option(name, value, label, selected, index, subindex, attrs)
        row = getattr(value, "instance", None)  # None for the "All tracks" option
        if row is not None and lang_of(row, "name"):
            option["attrs"]["lang"] = "en"
        return option


class TimelineFilterForm(forms.Form):
    """GET parameters of the timeline; every combination is a shareable URL."""

    kind = forms.MultipleChoiceField(
        choices=[(kind.name, kind.plural) for kind in TIMELINE],
        required=False,
        widget=forms.CheckboxSelectMultiple,
        label=_("Show"),
    )
    track = forms.ModelChoiceField(
        queryset=Track.objects.published(),
        to_field_name="slug",
        required=False,
        empty_label=_("All tracks"),
        label=_("Track"),
        widget=NamedRowSelect,
    )
    side = forms.ChoiceField(
        choices=[("", _("Both sides")), *Side.choices],
        required=False,
        label=_("Side"),
        help_text=_("Rounds, exchanges and what both sides agreed are always shown."),
    )
    issue = forms.ModelChoiceField(
        queryset=Issue.objects.all(),
        to_field_name="slug",
        required=False,
        empty_label=_("All issues"),
        label=_("Issue"),
        widget=NamedRowSelect,
    )
    date_from = forms.DateField(
        required=False, label=_("From"), widget=forms.DateInput(attrs={"type": "date"})
    )
    date_to = forms.DateField(
        required=False, label=_("To"), widget=forms.DateInput(attrs={"type": "date"})
    )

    order = forms.ChoiceField(
        choices=[(OLDEST, _("Oldest first")), (NEWEST, _("Newest first"))],
        required=False,
        label=_("Order"),
    )
    group = forms.ChoiceField(
        choices=[("", _("One list")), ("track", _("By track"))],
        required=False,
        label=_("Group"),
    )
    month = forms.CharField(
        required=False,
        label=_("Jump to month"),
        help_text=_("Opens the page holding that month's first entry."),
        widget=forms.TextInput(attrs={"type": "month", "placeholder": "YYYY-MM"}),
    )

    def clean_month(self) -> datetime.date | None:
        """`YYYY-MM` as the first day of that month, or None."""
        value = self.cleaned_data["month"].strip()
        if not value:
            return None
        match = MONTH_FORMAT.fullmatch(value)
        # Year 0 has no dates (Python's calendar starts at year 1): the same message, not a 500.
        if not match or not 1 <= int(match[2]) <= 12 or int(match[1]) < datetime.MINYEAR:
            raise forms.ValidationError(
                _("Enter a month as year and month, e.g. 2025-06."), code="invalid"
            )
        return datetime.date(int(match[1]), int(match[2]), 1)

    def clean(self):
        data = super().clean()
        start, end = data.get("date_from"), data.get("date_to")
        if start and end and end < start:
            raise forms.ValidationError(_("The end date is before the start date."))
        return data


def timeline(request):
    """The timeline page: the filtered entries, 25 a page, in the order asked for, optionally under
    a heading per track; `?month=YYYY-MM` redirects to the page holding that month. Bad values of
    any parameter are answered with the form's message and no entries."""
    form = TimelineFilterForm(request.GET or None)
    rows = []
    data = {}
    if form.is_bound and form.is_valid():
        data = form.cleaned_data
        filters = {
            "kinds": data["kind"],
            "side": data["side"],
            "issue": data["issue"],
            "date_from": data["date_from"],
            "date_to": data["date_to"],
            "track": data["track"],
            "newest_first": data["order"] == NEWEST,
        }
    else:
        filters = None if form.is_bound else {}
    grouped = data.get("group") == "track"
    if filters is not None:
        # Grouping by track reads every entry's track; the plain list is paged by the database.
        rows = _by_track(entries(**filters)) if grouped else listing(**filters)
        if not grouped and rows.count() <= CHART_DOTS:
            # The graphic draws every entry: read them all once, and cut the page from them.
            rows.everything()
    months = _month_links(rows, newest=data.get("order") == NEWEST)
    if data.get("month"):
        wanted = data["month"].strftime("%Y-%m")
        link = next((m for m in months if m["key"] == wanted), None)
        if link is not None:
            return HttpResponseRedirect(link["href"](request))
        form.add_error(
            "month",
            gettext("Nothing on the timeline in %(month)s with these filters.")
            % {"month": partial_date(data["month"], DatePrecision.MONTH)},
        )
    counts = rows.months() if isinstance(rows, Listing) else by_month(rows)
    # Read before the page, so that when the graphic shows every entry the page is cut from them.
    drawn = _chart_entries(rows, counts, months, request)
    page = Paginator(rows, TIMELINE_PAGE_SIZE).get_page(request.GET.get("page"))
    attach_sources(page.object_list)
    chart = charts.timeline_chart(drawn, TIMELINE)
    if chart and chart["earlier"]:
        # The graphic's "earlier" link opens the list at the first of the entries left of its scale.
        first = f"{chart['earlier']['first'].date:%Y-%m}"
        chart["earlier"]["href"] = next(m["href"](request) for m in months if m["key"] == first)
    return render(
        request,
        "public/timeline.html",
        {
            "form": form,
            "page": page,
            "sections": _sections(page.object_list, grouped),
            "newest": data.get("order") == NEWEST,
            "grouped": grouped,
            "total": len(rows),
            "chart": chart,
            "dense": bool(drawn) and isinstance(drawn[0], MonthDot),
            "by_month": counts,
            "months": _months_by_year(months, request),
            "kinds": TIMELINE,
        },
    )


def _track_key(entry):
    track = entry.track
    if track is None or not track.is_published:
        # Entries of no track (or of a draft one, which readers must not see) come last.
        return (1, 0, datetime.date.min, 0)
    return (0, track.order, track.started_on, track.pk)


def _by_track(rows: list) -> list:
    # sorted() is stable: within a track the entries keep the order asked for.
    return sorted(rows, key=_track_key)


def _sections(rows, grouped: bool) -> list[dict]:
    """The page's entries as sections: one per track when grouped (a heading, or "No track"),
    else one without a heading. Each row carries the anchor of its month if it is the first of
    that month on the page, so that a month link lands on it."""
    sections: list[dict] = []
    seen: set[str] = set()
    for entry in rows:
        key = f"{entry.date:%Y-%m}"
        anchor = "" if key in seen else f"month-{key}"
        seen.add(key)
        track = entry.track if grouped and _track_key(entry)[0] == 0 else None
        heading = (track.pk if track else None) if grouped else "all"
        if not sections or sections[-1]["key"] != heading:
            sections.append({"key": heading, "track": track, "grouped": grouped, "rows": []})
        sections[-1]["rows"].append({"entry": entry, "anchor": anchor})
    return sections


def _month_links(rows, newest: bool = False) -> list[dict]:
    """Each month with entries: its key (YYYY-MM), its first day, and a function of the request
    giving the address of the page holding its first entry (in the order shown), at that entry.
    A `Listing` is read from its counts per month: the entries before a month's first are those of
    the months before it in the order shown."""
    if isinstance(rows, Listing):
        firsts, before = [], 0
        for month in sorted(rows.months(), key=lambda m: m["month"], reverse=newest):
            firsts.append((month["month"], before))
            before += sum(month["counts"])
    else:
        firsts, seen = [], set()
        for index, entry in enumerate(rows):
            if (entry.date.year, entry.date.month) not in seen:
                seen.add((entry.date.year, entry.date.month))
                firsts.append((entry.date, index))
    months = [
        {
            "key": f"{day:%Y-%m}",
            "month": day.replace(day=1),
            "href": lambda request, n=index // TIMELINE_PAGE_SIZE + 1, key=f"{day:%Y-%m}": (
                _page_url(request, n, key)
            ),
        }
        for day, index in firsts
    ]
    return sorted(months, key=lambda m: m["key"])


# Up to this many entries the graphic draws a dot for each; above, a dot for each month and kind
# with how many there are, so that the page costs the same whatever the size of the record.
CHART_DOTS = 400


@dataclass
class MonthDot:
    """One dot of the graphic standing for a month's entries of one kind (the shape of an Entry
    that charts.timeline_chart reads)."""

    kind: Kind
    date: datetime.date  # the month's first day
    weight: int  # how many entries it stands for
    url: str  # the page of the list holding the month's first entry
    precision: str = DatePrecision.MONTH
    # Its title is the interface's words, in the page's language: never an English fallback.
    title_falls_back = False

    @property
    def title(self) -> str:
        # "Events: 12", a count after the kind's name, reads right in any language without
        # plural forms.
        return f"{self.kind.plural}: {number_format(self.weight, force_grouping=True)}"


def _chart_entries(rows, counts: list[dict], months: list[dict], request) -> list:
    """What the graphic draws: the entries themselves, or one MonthDot per month and kind when
    there are more than CHART_DOTS (grouped by track or not)."""
    listed = isinstance(rows, Listing)
    if (rows.count() if listed else len(rows)) <= CHART_DOTS:
        return rows.everything() if listed else rows  # already read by the view
    href = {month["key"]: month["href"](request) for month in months}
    return [
        MonthDot(kind, month["month"], n, href[f"{month['month']:%Y-%m}"])
        for month in counts
        for kind, n in zip(TIMELINE, month["counts"], strict=True)
        if n
    ]


def _page_url(request, page_number: int, key: str) -> str:
    query = request.GET.copy()
    query.pop("month", None)
    query["page"] = str(page_number)
    return f"{request.path}?{query.urlencode()}#month-{key}"


def _months_by_year(months: list[dict], request) -> list[dict]:
    """The month links grouped by year, for the "Jump to" list."""
    years: list[dict] = []
    for month in months:
        if not years or years[-1]["year"] != month["month"].year:
            years.append({"year": month["month"].year, "months": []})
        years[-1]["months"].append(
            {"key": month["key"], "month": month["month"], "href": month["href"](request)}
        )
    return years
