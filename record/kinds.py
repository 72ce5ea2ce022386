"""The one list of the record's public kinds, and what each surface does with each.

The site, the API, the feeds and the downloads all read this list: which models are public, what
a reader calls them, what the API calls them, which date places them on the timeline, whether
search looks at them and whether their changes are news. A new kind is added here once.
"""

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from actors.models import Membership, Organization, Person
from positions.models import (
    Commitment,
    Document,
    Exchange,
    ExchangeCount,
    Issue,
    Position,
    Provision,
)
from provenance.models import PublicationStatus, RecordReview, Source
from talks.models import (
    Delegation,
    Event,
    Participant,
    Round,
    StandingDelegation,
    StandingMember,
    Track,
    Venue,
)


@dataclass(frozen=True)
class Dated:
    """How a kind sits on the timeline: its date, how precise it is, whose act it is."""

    date: str  # a field or expression name on the queryset `Kind.dated()` returns
    precision: str = ""  # the date's precision field; blank: always a day
    summary: str = "summary"  # the text a timeline entry shows
    round_number: str = ""  # the path to the round number, for the timeline's round filter
    side: str = ""  # whose act it is; blank: both sides' (always shown when filtering by side)
    both_sides: tuple[str, ...] = ()  # values of `side` that mean both sides' act
    issue: str = ""  # the path to its issues, for the timeline's issue filter
    # Paths to the track it belongs to, for the timeline's track filter (any of them matches).
    track: tuple[str, ...] = ()
    # A fallback date when the kind's own is blank (a document tabled on an unknown day is
    # placed on its round's day).
    fallback: str = ""


def _url(obj) -> str:
    return obj.get_absolute_url()


def _title(obj) -> str:
    return getattr(obj, "title", None) or str(obj)


@dataclass(frozen=True)
class Kind:
    """One public kind of record."""

    name: str  # singular, as in API route names (`round-detail`) and search results' `type`
    model: type[models.Model]
    # What a reader calls one, and a heading for several: lazy, in the language of the page that
    # shows them (the API and feeds, unprefixed, are English).
    label: str
    plural: str
    api_name: str  # the API resource (`/api/v1/<api_name>/`) and the /data/ table
    # Where a reader sees it: its own page, or its parent's. Costs the joins in `related`.
    url: Callable[[models.Model], str] = _url
    # What a list of mixed kinds (the timeline) calls one row.
    title: Callable[[models.Model], str] = _title
    related: tuple[str, ...] = ()
    dated: Dated | None = None  # on the timeline, if set
    searched: bool = False  # found by the site's and the API's search
    # Its changes are listed on /changes/, in the Atom feeds and on the home page.
    news: bool = False
    # For the feeds of one round, person or issue: which rows are about that subject, given its
    # id. A kind without an entry for a subject is left out of that subject's feed.
    about: Mapping[type[models.Model], Callable[[int], Q]] = field(default_factory=dict)

    def public(self):
        """The rows readers may see (the model's own `published()` rule)."""
        return self.model.objects.published()

    @property
    def has_history(self) -> bool:
        return hasattr(self.model, "history")


def _of_round(pk: int) -> Q:
    return Q(round=pk)


def _of_rounds_track(pk: int) -> Q:
    return Q(round__track=pk)


KINDS: tuple[Kind, ...] = (
    Kind(
        "track",
        Track,
        _("Track"),
        _("Tracks"),
        "tracks",
        title=lambda t: t.name,
        searched=True,
        news=True,
        about={Track: lambda pk: Q(pk=pk)},
    ),
    Kind(
        "round",
        Round,
        _("Round"),
        _("Rounds"),
        "rounds",
        title=str,  # "Round 2: Second round in Istanbul"; pages show the track beside it
        related=("venue__city", "track"),
        dated=Dated("held_on", "held_on_precision", round_number="number", track=("track",)),
        searched=True,
        news=True,
        about={
            Track: lambda pk: Q(track=pk),
            Round: lambda pk: Q(pk=pk),
            # Through a published delegation only: a draft one must not show who is in it.
            Person: lambda pk: (
                Q(chair=pk)
                | Q(
                    delegations__participants__person=pk,
                    delegations__publication_status=PublicationStatus.PUBLISHED,
                )
            ),
        },
    ),
    Kind(
        "event",
        Event,
        _("Event"),
        _("Events"),
        "events",
        related=("round__track", "track"),
        dated=Dated(
            "occurred_on",
            "occurred_on_precision",
            round_number="round__number",
            side="side",
            both_sides=("both",),
            issue="issues",
            track=("track", "round__track"),
        ),
        searched=True,
        news=True,
        about={
            Track: lambda pk: Q(track=pk) | Q(round__track=pk),
            Round: _of_round,
            Person: lambda pk: Q(people=pk),
            Issue: lambda pk: Q(issues=pk),
        },
    ),
    Kind(
        "document",
        Document,
        _("Document"),
        _("Documents"),
        "documents",
        dated=Dated(
            "tabled_on",
            "tabled_on_precision",
            round_number="round__number",
            side="author_side",
            issue="provisions__issues",
            fallback="round__held_on",
            track=("round__track",),
        ),
        searched=True,
        news=True,
        about={
            Track: _of_rounds_track,
            Round: _of_round,
            Issue: lambda pk: Q(provisions__issues=pk),
        },
    ),
    Kind(
        "commitment",
        Commitment,
        _("Commitment"),
        _("Commitments"),
        "commitments",
        dated=Dated(
            "announced_on",
            summary="description",
            round_number="round__number",
            side="announced_by",
            both_sides=("",),  # agreed by both sides, or reported only
            issue="issue",
            fallback="round__held_on",
            track=("track",),
        ),
        searched=True,
        news=True,
        about={Track: lambda pk: Q(track=pk), Round: _of_round, Issue: lambda pk: Q(issue=pk)},
    ),
    Kind(
        "exchange",
        Exchange,
        _("Exchange"),
        _("Exchanges"),
        "exchanges",
        dated=Dated(
            "occurred_on",
            "occurred_on_precision",
            round_number="commitment__round__number",
            issue="commitment__issue",
            track=("commitment__track",),
        ),
        searched=True,
        news=True,
        about={
            Track: lambda pk: Q(commitment__track=pk),
            Round: lambda pk: Q(commitment__round=pk),
            Issue: lambda pk: Q(commitment__issue=pk),
        },
    ),
    Kind(
        "delegation",
        Delegation,
        _("Delegation"),
        _("Delegations"),
        "delegations",
        url=lambda d: d.round.get_absolute_url(),
        related=("round__track",),
        news=True,
        about={
            Track: _of_rounds_track,
            Round: _of_round,
            Person: lambda pk: Q(participants__person=pk),
        },
    ),
    Kind(
        # One word, like the model: route names are `<name>-detail`.
        "standingdelegation",
        StandingDelegation,
        _("Appointed delegation"),
        _("Appointed delegations"),
        "standing-delegations",
        related=("track",),
        title=str,
        news=True,
        about={
            Track: lambda pk: Q(track=pk),
            Person: lambda pk: Q(members__person=pk),
        },
    ),
    Kind(
        "participant",
        Participant,
        _("Delegation member"),
        _("Delegation members"),
        "participants",
        url=lambda p: p.delegation.round.get_absolute_url(),
        related=("person", "delegation__round__track"),
    ),
    Kind(
        "position",
        Position,
        _("Position"),
        _("Positions"),
        "positions",
        # A position has no page of its own; the issue page shows it in the matrix of rounds.
        url=lambda p: p.issue.get_absolute_url(),
        related=("issue", "round__track"),
        searched=True,
        news=True,
        about={Track: _of_rounds_track, Round: _of_round, Issue: lambda pk: Q(issue=pk)},
    ),
    Kind(
        "issue",
        Issue,
        _("Issue"),
        _("Issues"),
        "issues",
        searched=True,
    ),
    Kind(
        "person",
        Person,
        _("Person"),
        _("People"),
        "people",
        searched=True,
        news=True,
        about={Person: lambda pk: Q(pk=pk)},
    ),
    Kind(
        "membership",
        Membership,
        _("Post"),
        _("Posts"),
        "memberships",
        url=lambda m: m.person.get_absolute_url(),
        related=("person", "organization"),
        news=True,
        about={Person: lambda pk: Q(person=pk)},
    ),
    Kind(
        "organization",
        Organization,
        _("Organization"),
        _("Organizations"),
        "organizations",
        searched=True,
        news=True,
    ),
    Kind(
        "venue",
        Venue,
        _("Venue"),
        _("Venues"),
        "venues",
        # A venue has no page of its own; its rounds are listed with it in search.
        url=lambda v: "",
        related=("city",),
        searched=True,
    ),
    Kind(
        "exchange-count",
        ExchangeCount,
        _("Exchange count"),
        _("Exchange counts"),
        "exchange-counts",
        url=lambda c: c.exchange.get_absolute_url(),
        related=("exchange",),
    ),
    Kind("source", Source, _("Source"), _("Sources"), "sources", searched=True),
    Kind(
        "recordreview",
        RecordReview,
        _("Review of the record"),
        _("Reviews of the record"),
        "reviews",
        url=lambda r: "",
        news=True,
    ),
    # Not an API resource of its own: nested in its appointed delegation.
    Kind(
        "standingmember",
        StandingMember,
        _("Appointed delegation member"),
        _("Appointed delegation members"),
        "",
        url=lambda m: m.standing_delegation.get_absolute_url(),
        related=("person", "standing_delegation__track"),
    ),
    # Not an API resource of its own: a document's provisions are nested in it.
    Kind(
        "provision",
        Provision,
        _("Provision"),
        _("Provisions"),
        "",
        url=lambda p: p.document.get_absolute_url(),
        related=("document",),
    ),
)

BY_NAME: dict[str, Kind] = {kind.name: kind for kind in KINDS}
BY_API_NAME: dict[str, Kind] = {kind.api_name: kind for kind in KINDS if kind.api_name}
BY_MODEL: dict[type[models.Model], Kind] = {kind.model: kind for kind in KINDS}

# The order each surface lists kinds in.
TIMELINE = tuple(kind for kind in KINDS if kind.dated)
SEARCHED = tuple(
    BY_NAME[name]
    for name in (
        "person", "organization", "venue", "track", "round", "issue", "event", "document",
        "position", "commitment", "exchange", "source",
    )
)  # fmt: skip
NEWS = tuple(kind for kind in KINDS if kind.news)
# Kinds that cite sources, for a source's "What cites it".
CITING = tuple(
    kind for kind in KINDS if any(f.name == "sources" for f in kind.model._meta.many_to_many)
)
# The API's resources and the /data/ tables, in the order the downloads page lists them.
RESOURCES = tuple(
    BY_NAME[name]
    for name in (
        "organization", "person", "membership", "source", "venue", "track", "round",
        "standingdelegation", "delegation", "participant", "event", "issue", "document",
        "position", "commitment", "exchange", "exchange-count", "recordreview",
    )
)  # fmt: skip
