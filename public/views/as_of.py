"""Round, person, issue and exchange pages as the public record stood at the end of a day
(`?as_of=YYYY-MM-DD`, public/as_of.py).

Scope, said on every such page: each is rebuilt from history as far as the row the page is
about and the rows directly about it — a round with its venue, delegations and their members,
and each side's positions; a person with their posts and the rounds they attended; an issue
with each side's positions round by round; an exchange with its counts and the commitment it
carries out. Sources, documents, commitments, events and charts of the current pages are not
rebuilt. Every row shown was published at that moment, and so was every record it is public
with (a delegation's round, a participant's person); anything saved later is left out. Each
page costs a fixed number of queries, however long the history.
"""

from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext, pgettext_lazy

from actors.models import Membership, Organization, Person
from positions.models import Commitment, Exchange, ExchangeCount, Issue, Position
from provenance.translated import TranslatedVersion
from public.as_of import (
    ISTANBUL,
    AsOfError,
    by_id,
    end_of,
    latest,
    one_per_row,
    parse_as_of,
    record_began,
    snapshot,
)
from public.templatetags.facts import partial_date
from talks.models import (
    DEFAULT_TRACK,
    City,
    Delegation,
    DelegationSide,
    Participant,
    ParticipantRole,
    Round,
    Track,
    Venue,
)

SIDE_ORDER = [side.value for side in DelegationSide]

# What a dated page's kind is called after "the site's history of", with a context: Ukrainian
# and Russian need the genitive there ("історія раундів").
HISTORY_OF = {
    "rounds": pgettext_lazy("the site's history of", "rounds"),
    "people": pgettext_lazy("the site's history of", "people"),
    "issues": pgettext_lazy("the site's history of", "issues"),
    "exchanges": pgettext_lazy("the site's history of", "exchanges"),
}


def _answer(request, model, kind: str, build):
    """The page `build(moment)` makes for the day asked, or a refusal saying why: 400 for a
    day that is no date, in the future or before the record's history of `kind` begins; 404
    when what the page is about was not public at the end of that day (a draft then, or never
    published, answers exactly as a missing page)."""
    current_url = request.path
    try:
        day = parse_as_of(request.GET.getlist("as_of"))
    except AsOfError as error:
        return _refusal(request, str(error), current_url, status=400)
    moment = end_of(day)
    page = build(moment)
    if page is None:
        began = record_began(model)
        if began is not None and day < began:
            return _refusal(
                request,
                gettext(
                    "The site's history of %(kind)s begins on %(day)s: ask for a day from then "
                    "to today."
                )
                % {"kind": kind, "day": partial_date(began)},
                current_url,
                status=400,
            )
        return _refusal(
            request,
            gettext("This page was not part of the public record at the end of %(day)s.")
            % {"day": partial_date(day)},
            current_url,
            status=404,
        )
    shown = [row for row in page.pop("shown") if row is not None]
    changed = max(row.history_date for row in shown)
    # Each version's texts in the page's language, as its row's on the current page (the
    # templates mark an English fallback with lang_of and marked, as the current pages do).
    language = translation.get_language()
    for row in shown:
        if isinstance(row, TranslatedVersion):
            row.read_in(language)
    page.update(
        {
            "as_of": day,
            "current_url": current_url,
            "citation_version_date": changed.astimezone(ISTANBUL).date(),
        }
    )
    return render(request, f"public/as_of/{page['template']}.html", page)


def _refusal(request, message: str, current_url: str, status: int):
    return render(
        request,
        "public/as_of/refused.html",
        {"message": message, "current_url": current_url, "no_citation": True},
        status=status,
    )


def _round_url(round_, track_slugs: dict) -> str:
    slug = track_slugs.get(round_.track_id, "")
    if slug == DEFAULT_TRACK or not slug:
        return reverse("public:round-detail", args=[round_.number])
    return reverse("public:round-detail-in-track", args=[slug, round_.number])


def _track_slugs(rounds) -> dict:
    """{track id: slug} for links to the rounds' pages, at their current addresses. One query."""
    ids = {round_.track_id for round_ in rounds}
    if not ids:
        return {}
    return dict(Track.objects.filter(id__in=ids).values_list("id", "slug"))


def round_page(request, number: int, track_slug: str = DEFAULT_TRACK):
    """A round as it stood: title, dates, venue, status and summary; each delegation with its
    members (head first); each side's position per issue. Up to ten queries."""
    if track_slug == DEFAULT_TRACK and request.path != reverse(
        "public:round-detail", args=[number]
    ):
        # /tracks/istanbul/rounds/2/ answers at /rounds/2/, as the current page does.
        url = reverse("public:round-detail", args=[number])
        return redirect(f"{url}?{request.GET.urlencode()}", permanent=True)

    def build(moment):
        track_id = Track.objects.filter(slug=track_slug).values_list("pk", flat=True).first()
        round_ = latest(snapshot(Round, moment).filter(track_id=track_id, number=number))
        if round_ is None:
            return None
        track = latest(snapshot(Track, moment).filter(id=track_id))
        venue = city = None
        if round_.venue_id:
            venue = latest(snapshot(Venue, moment).filter(id=round_.venue_id))
            if venue is not None:
                city = latest(snapshot(City, moment).filter(id=venue.city_id))
        delegations = one_per_row(snapshot(Delegation, moment).filter(round_id=round_.id))
        delegations.sort(key=lambda d: SIDE_ORDER.index(d.side) if d.side in SIDE_ORDER else 99)
        participants = []
        if delegations:
            participants = one_per_row(
                snapshot(Participant, moment).filter(delegation_id__in=[d.id for d in delegations])
            )
        people = by_id(Person, moment, {p.person_id for p in participants})
        # A participant is public with its person: one not published then is left out.
        participants = [p for p in participants if p.person_id in people]
        for delegation in delegations:
            members = [p for p in participants if p.delegation_id == delegation.id]
            for member in members:
                member.person_then = people[member.person_id]
            delegation.members = sorted(
                members,
                key=lambda p: (p.role != ParticipantRole.HEAD, p.order, p.person_then.name),
            )
        positions = one_per_row(snapshot(Position, moment).filter(round_id=round_.id))
        issues = by_id(Issue, moment, {p.issue_id for p in positions})
        rows: dict[int, dict] = {}
        for position in sorted(positions, key=lambda p: p.side):
            issue = issues.get(position.issue_id)
            if issue is not None:
                rows.setdefault(issue.id, {"issue": issue})[position.side] = position
        issue_rows = sorted(rows.values(), key=lambda row: (row["issue"].order, row["issue"].name))
        return {
            "template": "round",
            "round": round_,
            "track": track,
            "venue": venue,
            "city": city,
            "delegations": delegations,
            "issue_rows": issue_rows,
            "shown": [round_, track, venue, city, *delegations, *participants, *people.values()]
            + [*positions, *issues.values()],
        }

    return _answer(request, Round, HISTORY_OF["rounds"], build)


def person_page(request, slug: str):
    """A person as they stood: name, other spellings, biography; their posts; the rounds they
    attended, with role and title then. Up to seven queries."""

    def build(moment):
        person = latest(snapshot(Person, moment).filter(slug=slug))
        if person is None:
            return None
        memberships = one_per_row(snapshot(Membership, moment).filter(person_id=person.id))
        organizations = by_id(Organization, moment, {m.organization_id for m in memberships})
        memberships = [m for m in memberships if m.organization_id in organizations]
        for membership in memberships:
            membership.organization_then = organizations[membership.organization_id]
        memberships.sort(key=lambda m: (m.start_on is None, m.start_on))
        participations = one_per_row(snapshot(Participant, moment).filter(person_id=person.id))
        delegations = by_id(Delegation, moment, {p.delegation_id for p in participations})
        rounds = by_id(Round, moment, {d.round_id for d in delegations.values()})
        track_slugs = _track_slugs(rounds.values())
        attended = []
        for participation in participations:
            delegation = delegations.get(participation.delegation_id)
            round_ = rounds.get(delegation.round_id) if delegation else None
            if round_ is not None:
                participation.delegation_then = delegation
                participation.round_then = round_
                participation.round_url = _round_url(round_, track_slugs)
                attended.append(participation)
        attended.sort(key=lambda p: (p.round_then.held_on, p.round_then.number))
        return {
            "template": "person",
            "person": person,
            "aliases": [line.strip() for line in person.aliases.splitlines() if line.strip()],
            "memberships": memberships,
            "attended": attended,
            "shown": [person, *memberships, *organizations.values(), *attended]
            + [*delegations.values(), *rounds.values()],
        }

    return _answer(request, Person, HISTORY_OF["people"], build)


def issue_page(request, slug: str):
    """An issue as it stood: name, description, what moved; each side's position round by round,
    from published rounds only. Up to four queries."""

    def build(moment):
        issue = latest(snapshot(Issue, moment).filter(slug=slug))
        if issue is None:
            return None
        positions = one_per_row(snapshot(Position, moment).filter(issue_id=issue.id))
        rounds = by_id(Round, moment, {p.round_id for p in positions})
        track_slugs = _track_slugs(rounds.values())
        rows: dict[int, dict] = {}
        for position in positions:
            round_ = rounds.get(position.round_id)
            if round_ is not None:
                row = rows.setdefault(
                    round_.id, {"round": round_, "url": _round_url(round_, track_slugs)}
                )
                row[position.side] = position
        round_rows = sorted(rows.values(), key=lambda r: (r["round"].held_on, r["round"].number))
        return {
            "template": "issue",
            "issue": issue,
            "round_rows": round_rows,
            "shown": [issue, *[p for p in positions if p.round_id in rounds], *rounds.values()],
        }

    return _answer(request, Issue, HISTORY_OF["issues"], build)


def _public_with_parents(exchange, moment) -> tuple[bool, object]:
    """Whether an exchange's commitment and that commitment's round were published at
    `moment` (an exchange is public with them), and the commitment then. Up to two queries."""
    if not exchange.commitment_id:
        return True, None
    commitment = latest(snapshot(Commitment, moment).filter(id=exchange.commitment_id))
    if commitment is None:
        return False, None
    if (
        commitment.round_id
        and latest(snapshot(Round, moment).filter(id=commitment.round_id)) is None
    ):
        return False, None
    return True, commitment


def exchange_page(request, pk: int):
    """An exchange as it stood: title, kind, dates, summary, the commitment it carries out, and
    how many people or bodies each side received according to each claimant. Up to eight
    queries."""

    def build(moment):
        exchange = latest(snapshot(Exchange, moment).filter(id=pk))
        if exchange is None:
            return None
        public, commitment = _public_with_parents(exchange, moment)
        if not public:
            return None
        part_of = None
        if exchange.part_of_id:
            # A stage is public with the reported total it is part of, and that with its own.
            part_of = latest(snapshot(Exchange, moment).filter(id=exchange.part_of_id))
            if part_of is None or not _public_with_parents(part_of, moment)[0]:
                return None
        counts = one_per_row(snapshot(ExchangeCount, moment).filter(exchange_id=exchange.id))
        counts.sort(key=lambda c: (c.receiving_side, c.category, c.claimed_by))
        return {
            "template": "exchange",
            "exchange": exchange,
            "commitment": commitment,
            "part_of": part_of,
            "counts": counts,
            "shown": [exchange, commitment, part_of, *counts],
        }

    return _answer(request, Exchange, HISTORY_OF["exchanges"], build)
