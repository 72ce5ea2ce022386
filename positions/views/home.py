"""The pages a reader starts from: the home page and the timeline of everything dated."""

from django.core.paginator import Paginator
from django.shortcuts import render

from positions import changes, charts, progress
from positions.models import Exchange
from positions.timeline import KINDS, TimelineFilterForm, attach_sources, by_month, entries
from talks.models import Round, RoundStatus

TIMELINE_PAGE_SIZE = 25


def home(request):
    rounds = Round.objects.published().select_related("venue").order_by("number")
    istanbul_exchanges = (
        Exchange.objects.published()
        .top_level()
        .filter(commitment__round__isnull=False)
        .exclude(linkage_confidence__in=progress.NOT_COUNTED)
        .prefetch_related("counts")
    )
    return render(
        request,
        "positions/home.html",
        {
            "rounds": rounds.with_heads(),
            "rounds_held": rounds.filter(status=RoundStatus.HELD).count(),
            "figures": progress.tally(istanbul_exchanges, grouped=True),
            "changes": changes.recent_changes(limit=10),
        },
    )


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
        )
    elif not form.is_bound:
        rows = entries()
    page = Paginator(rows, TIMELINE_PAGE_SIZE).get_page(request.GET.get("page"))
    attach_sources(page.object_list)
    return render(
        request,
        "positions/timeline.html",
        {
            "form": form,
            "page": page,
            "total": len(rows),
            "chart": charts.timeline_chart(rows, KINDS),
            "by_month": by_month(rows),
            "kinds": KINDS,
        },
    )
