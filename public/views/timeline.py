"""The timeline of everything dated in the record (record.timeline), with its filter form."""

from django import forms
from django.core.paginator import Paginator
from django.shortcuts import render

from positions.models import Issue
from provenance.models import Side
from public import charts
from record.kinds import TIMELINE
from record.timeline import attach_sources, by_month, entries
from talks.models import Track

TIMELINE_PAGE_SIZE = 25


class TimelineFilterForm(forms.Form):
    """GET parameters of the timeline; every combination is a shareable URL."""

    kind = forms.MultipleChoiceField(
        choices=[(kind.name, kind.plural) for kind in TIMELINE],
        required=False,
        widget=forms.CheckboxSelectMultiple,
        label="Show",
    )
    track = forms.ModelChoiceField(
        queryset=Track.objects.published(),
        to_field_name="slug",
        required=False,
        empty_label="All tracks",
        label="Track",
    )
    side = forms.ChoiceField(
        choices=[("", "Both sides"), *Side.choices],
        required=False,
        label="Side",
        help_text="Rounds, exchanges and what both sides agreed are always shown.",
    )
    issue = forms.ModelChoiceField(
        queryset=Issue.objects.all(),
        to_field_name="slug",
        required=False,
        empty_label="All issues",
        label="Issue",
    )
    date_from = forms.DateField(
        required=False, label="From", widget=forms.DateInput(attrs={"type": "date"})
    )
    date_to = forms.DateField(
        required=False, label="To", widget=forms.DateInput(attrs={"type": "date"})
    )

    def clean(self):
        data = super().clean()
        start, end = data.get("date_from"), data.get("date_to")
        if start and end and end < start:
            raise forms.ValidationError("The end date is before the start date.")
        return data


def timeline(request):
    form = TimelineFilterForm(request.GET or None)
    rows = []
    if form.is_bound and form.is_valid():
        data = form.cleaned_data
        rows = entries(
            kinds=data["kind"],
            side=data["side"],
            issue=data["issue"],
            date_from=data["date_from"],
            date_to=data["date_to"],
            track=data["track"],
        )
    elif not form.is_bound:
        rows = entries()
    page = Paginator(rows, TIMELINE_PAGE_SIZE).get_page(request.GET.get("page"))
    attach_sources(page.object_list)
    return render(
        request,
        "public/timeline.html",
        {
            "form": form,
            "page": page,
            "total": len(rows),
            "chart": charts.timeline_chart(rows, TIMELINE),
            "by_month": by_month(rows),
            "kinds": TIMELINE,
        },
    )
