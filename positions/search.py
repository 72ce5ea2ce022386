"""Site search: one box over people, organizations, rounds, issues, events, documents, positions,
commitments, exchanges and sources.

It lives in `positions` because that is the app allowed to import all the others. Every group is
read with the model's own `published()` and `search()`, so drafts never appear and Cyrillic,
accents and aliases match the same way on SQLite and PostgreSQL (see provenance.text).
"""

from dataclasses import dataclass, field

from django import forms
from django.shortcuts import render

from actors.models import Organization, Person
from positions.models import Commitment, Document, Exchange, Issue, Position
from provenance.models import Source
from provenance.text import fold
from talks.models import Event, Round

# Results shown per group; one more is fetched to know whether there are more.
PER_GROUP = 20
MAX_QUERY_LENGTH = 200


class SearchForm(forms.Form):
    # CharField refuses NUL bytes (PostgreSQL cannot take them) and over-long queries.
    q = forms.CharField(
        label="Search terms",
        required=False,
        max_length=MAX_QUERY_LENGTH,
        widget=forms.SearchInput(attrs={"placeholder": "Umerov, Чирагань, ceasefire…"}),
    )


@dataclass
class Result:
    title: str
    url: str
    detail: str = ""


@dataclass
class ResultGroup:
    label: str
    results: list[Result] = field(default_factory=list)
    has_more: bool = False


def _group(label: str, rows, describe) -> ResultGroup:
    rows = list(rows[: PER_GROUP + 1])
    return ResultGroup(
        label=label,
        results=[describe(row) for row in rows[:PER_GROUP]],
        has_more=len(rows) > PER_GROUP,
    )


def _day(day) -> str:
    return f"{day.day} {day:%B %Y}"


def _person(person: Person) -> Result:
    names = [person.native_name, *person.alias_list]
    return Result(person.name, person.get_absolute_url(), " · ".join(n for n in names if n))


def _organization(org: Organization) -> Result:
    names = [org.short_name, org.native_name]
    return Result(org.name, org.get_absolute_url(), " · ".join(n for n in names if n))


def _round(round_: Round) -> Result:
    where = f", {round_.venue}" if round_.venue else ""
    return Result(str(round_), round_.get_absolute_url(), f"{_day(round_.held_on)}{where}")


def _event(event: Event) -> Result:
    return Result(
        event.title,
        event.get_absolute_url(),
        f"{_day(event.occurred_on)}, {event.get_kind_display()}",
    )


def _document(document: Document) -> Result:
    detail = f"{document.get_kind_display()} by {document.get_author_side_display()}"
    if document.round:
        detail += f", round {document.round.number}"
    return Result(document.title, document.get_absolute_url(), detail)


def _position(position: Position) -> Result:
    # A position has no page of its own; the issue page shows it in the matrix of rounds.
    return Result(
        f"{position.get_side_display()} on {position.issue.name}, round {position.round.number}",
        position.issue.get_absolute_url(),
        f"{position.get_stance_display()}: {position.summary}",
    )


def _commitment(commitment: Commitment) -> Result:
    made = f"round {commitment.round.number}" if commitment.round else "outside a round"
    return Result(
        commitment.title,
        commitment.get_absolute_url(),
        f"{commitment.get_status_display()}, {made}",
    )


def _exchange(exchange: Exchange) -> Result:
    return Result(
        exchange.title,
        exchange.get_absolute_url(),
        f"{_day(exchange.occurred_on)}, {exchange.get_kind_display()}",
    )


def _source(source: Source) -> Result:
    detail = source.publisher + (f", {_day(source.published_on)}" if source.published_on else "")
    return Result(source.title, source.get_absolute_url(), detail)


def _issue(issue: Issue) -> Result:
    return Result(issue.name, issue.get_absolute_url(), issue.movement_summary)


def search_groups(query: str) -> list[ResultGroup]:
    """Published matches for `query`, grouped by type. Ten queries, whatever the results."""
    folded = fold(query)
    if not folded:
        return []
    # Issues are a short fixed vocabulary without a search column: fold their names here.
    issues = [issue for issue in Issue.objects.all() if folded in fold(issue.name)]
    groups = [
        _group("People", Person.objects.published().search(query), _person),
        _group("Organizations", Organization.objects.published().search(query), _organization),
        _group(
            "Rounds",
            Round.objects.published().search(query).select_related("venue"),
            _round,
        ),
        _group("Issues", issues, _issue),
        _group("Events", Event.objects.published().search(query), _event),
        _group(
            "Documents",
            Document.objects.published().search(query).select_related("round"),
            _document,
        ),
        _group(
            "Positions",
            Position.objects.published().search(query).select_related("issue", "round"),
            _position,
        ),
        _group(
            "Commitments",
            Commitment.objects.published().search(query).select_related("round"),
            _commitment,
        ),
        _group("Exchanges", Exchange.objects.published().search(query), _exchange),
        _group("Sources", Source.objects.published().search(query), _source),
    ]
    return [group for group in groups if group.results]


def search(request):
    form = SearchForm(request.GET)
    if not form.is_valid():
        return render(request, "positions/search.html", {"form": form, "query": ""}, status=400)
    query = form.cleaned_data["q"]
    groups = search_groups(query)
    context = {
        "form": form,
        "query": query,
        "groups": groups,
        "total": sum(len(group.results) for group in groups),
    }
    return render(request, "positions/search.html", context)
