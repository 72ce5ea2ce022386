"""Every page type a reader can open, each with a real example from the Istanbul record.

`reader_pages()` walks public/urls.py's urlpatterns, so a page type added there is checked by the
browser tests without anyone remembering to list it: a route without parameters (/about/,
/totals/) is visited as it is, and a route with parameters needs an example in EXAMPLES, or
`reader_pages()` reports it as missing and test_every_page_type_has_an_example fails.
"""

from django.urls import URLPattern, reverse

from public.urls import urlpatterns

# Not HTML pages a reader reads in a browser, so not held to the page bar (overflow, axe…):
# feeds and calendars are files for feed readers and calendar apps, and previews are staff-only
# views of drafts behind a login.
NOT_PAGES = {
    ".atom": "an Atom feed for feed readers, not an HTML page",
    ".ics": "an iCalendar file for calendar apps, not an HTML page",
    "preview": "a staff-only preview of drafts, behind the admin login",
}

# Pages outside public/urls.py, and the same page type in states a reader reaches by a link or
# a form: the filtered timeline, a form error, a search with results.
EXTRA_PAGES = {
    "data": "/data/",
    "api-docs": "/api/docs/",
    "search-results": "/search/?q=Umerov",
    "timeline-filtered": (
        "/timeline/?track=istanbul&side=ukraine&issue=ceasefire"
        "&date_from=2025-05-01&date_to=2025-12-31"
    ),
    "timeline-page-2": "/timeline/?page=2",
    "timeline-form-error": "/timeline/?date_from=2025-07-01&date_to=2025-01-01",
}


def _round(*, default_track: bool = True):
    """Round 2 of the Istanbul talks, or the first round with delegations in another track."""
    from talks.models import DEFAULT_TRACK, Round

    rounds = Round.objects.published().select_related("track").order_by("track__slug", "number")
    if default_track:
        # Round 2 is the page the issue measured (22,000 px on a phone): the most to show.
        return rounds.get(track__slug=DEFAULT_TRACK, number=2)
    return rounds.exclude(track__slug=DEFAULT_TRACK).filter(delegations__isnull=False).first()


def _exchange():
    from django.db.models import Count

    from positions.models import Exchange

    # The exchange with the most counts has the widest claimant table, the one the issue found
    # clipped on a phone.
    return (
        Exchange.objects.published().annotate(rows=Count("counts")).order_by("-rows", "pk").first()
    )


def _source():
    from django.db.models.functions import Length

    from provenance.models import Source

    # The longest address: the one most likely to push a phone's page sideways.
    return Source.objects.published().order_by(Length("url").desc(), "pk").first()


def _first(model_path):
    def example():
        from django.apps import apps

        return apps.get_model(model_path).objects.published().order_by("pk").first()

    return example


# Route name -> a function returning the URL of a real, published example of that page type.
EXAMPLES = {
    "track-detail": lambda: reverse("public:track-detail", args=["istanbul"]),
    "round-detail": lambda: reverse("public:round-detail", args=[_round().number]),
    "round-detail-in-track": lambda: _round(default_track=False).get_absolute_url(),
    "event-detail": lambda: _first("talks.Event")().get_absolute_url(),
    "person-detail": lambda: reverse("public:person-detail", args=["vladimir-medinsky"]),
    "organization-detail": lambda: _first("actors.Organization")().get_absolute_url(),
    "issue-detail": lambda: reverse("public:issue-detail", args=["ceasefire"]),
    "document-detail": lambda: _first("positions.Document")().get_absolute_url(),
    "commitment-detail": lambda: _first("positions.Commitment")().get_absolute_url(),
    "exchange-detail": lambda: _exchange().get_absolute_url(),
    "source-detail": lambda: _source().get_absolute_url(),
}

ROUND_PAGES = {"round-detail", "round-detail-in-track"}


def not_a_page(pattern: URLPattern) -> str | None:
    """Why a route is not held to the page bar (a feed, a calendar, a preview), or None."""
    route = str(pattern.pattern)
    for marker, reason in NOT_PAGES.items():
        if route.endswith(marker) or marker in (pattern.name or ""):
            return reason
    return None


def reader_pages() -> tuple[dict[str, str], list[str]]:
    """({label: URL} of every page type, [route names that have parameters and no example]).

    Needs database access: the examples are published rows of the loaded record. Labels are
    route names (`round-detail`) or EXTRA_PAGES' names (`api-docs`).
    """
    pages, missing = {}, []
    for pattern in urlpatterns:
        if not_a_page(pattern):
            continue
        if pattern.name in EXAMPLES:
            pages[pattern.name] = EXAMPLES[pattern.name]()
        elif pattern.pattern.converters:
            missing.append(pattern.name)
        else:
            pages[pattern.name] = reverse(f"public:{pattern.name}")
    pages.update(EXTRA_PAGES)
    return pages, missing
