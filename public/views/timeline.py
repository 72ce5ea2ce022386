"""The timeline of everything dated in the record (record.timeline), with its filter form, its
order (oldest or newest first), a jump to any month and a grouping by track."""

import datetime
import re

from django import forms
from django.core.paginator import Paginator
from django.http import HttpResponseRedirect
from django.shortcuts import render
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from positions.models import Issue
from provenance.models import DatePrecision, Side
from public import charts
from public.templatetags.facts import partial_date
from record.kinds import TIMELINE
from record.timeline import attach_sources, by_month, entries
from talks.models import Track

TIMELINE_PAGE_SIZE = 25
# Oldest first stays the default of the plain /timeline/: a timeline reads as a story, like its
# graphic, and page links shared before the order existed keep showing the same entries. Home's
# link asks for newest first.
OLDEST, NEWEST = "oldest", "newest"
MONTH_FORMAT = re.compile(r"(\d{4})-(\d{2})")


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
        if not match or not 1 <= int(match[2]) <= 12:
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
        rows = entries(
            kinds=data["kind"],
            side=data["side"],
            issue=data["issue"],
            date_from=data["date_from"],
            date_to=data["date_to"],
            track=data["track"],
            newest_first=data["order"] == NEWEST,
        )
    elif not form.is_bound:
        rows = entries()
    grouped = data.get("group") == "track"
    if grouped:
        rows = _by_track(rows)
    months = _month_links(rows)
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
    page = Paginator(rows, TIMELINE_PAGE_SIZE).get_page(request.GET.get("page"))
    attach_sources(page.object_list)
    chart = charts.timeline_chart(rows, TIMELINE)
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
            "by_month": by_month(rows),
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


def _month_links(rows: list) -> list[dict]:
    """Each month with entries: its key (YYYY-MM), its first day, and a function of the request
    giving the address of the page holding its first entry (in the order shown), at that entry."""
    months: dict[str, dict] = {}
    for index, entry in enumerate(rows):
        key = f"{entry.date:%Y-%m}"
        if key not in months:
            page_number = index // TIMELINE_PAGE_SIZE + 1
            months[key] = {
                "key": key,
                "month": entry.date.replace(day=1),
                "href": lambda request, n=page_number, key=key: _page_url(request, n, key),
            }
    return sorted(months.values(), key=lambda m: m["key"])


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
