"""`?as_of=YYYY-MM-DD`: round, person, issue and exchange pages as the public record stood at
the end of a day, from history — only what was published then, clearly marked."""

import datetime

import pytest
from django.apps import apps
from django.utils import timezone

from provenance.models import PublicationStatus, Side
from public.as_of import ISTANBUL
from talks.models import ParticipantRole
from tests.factories import (
    DelegationFactory,
    ExchangeCountFactory,
    ExchangeFactory,
    IssueFactory,
    ParticipantFactory,
    PersonFactory,
    PositionFactory,
    RoundFactory,
)

pytestmark = pytest.mark.django_db

NOTICE = "You are looking at the record as it stood on"


def days_ago(days: int) -> datetime.datetime:
    return timezone.now() - datetime.timedelta(days=days)


def day(days: int) -> str:
    """The Istanbul date `days` days ago, as as_of takes it."""
    return days_ago(days).astimezone(ISTANBUL).date().isoformat()


def backdate_history(days: int) -> None:
    """Move every version saved so far `days` days back, as if the record was written then."""
    for model in apps.get_models():
        history = getattr(model, "history", None)
        if history is not None and hasattr(history, "model") and model is not history.model:
            history.all().update(history_date=days_ago(days))


def page(client, url: str) -> str:
    response = client.get(url)
    assert response.status_code == 200, (url, response.status_code)
    return response.content.decode()


def test_a_round_as_of_an_earlier_day_shows_what_was_published_then(client):
    round_ = RoundFactory(number=1, title="Title in May")
    delegation = DelegationFactory(round=round_, side=Side.UKRAINE)
    ParticipantFactory(
        delegation=delegation, person=PersonFactory(name="Head Then"), role=ParticipantRole.HEAD
    )
    PositionFactory(round=round_, side=Side.UKRAINE, summary="Stance then")
    backdate_history(10)
    round_.title = "Title corrected later"
    round_.save()

    earlier = page(client, f"/rounds/1/?as_of={day(5)}")
    assert "Title in May" in earlier
    assert "Title corrected later" not in earlier
    assert NOTICE in earlier
    assert 'href="/rounds/1/">See the current page' in earlier
    assert "Head Then" in earlier
    assert "Stance then" in earlier
    # The citation is of this dated page, and its permanent link is the page itself.
    assert f"http://testserver/rounds/1/?as_of={day(5)}." in earlier

    assert "Title corrected later" in page(client, "/rounds/1/")
    today = page(client, f"/rounds/1/?as_of={day(0)}")
    assert "Title corrected later" in today
    assert NOTICE in today


def test_a_round_in_draft_that_day_is_not_shown(client):
    RoundFactory(number=1, title="Published from the start")
    drafted = RoundFactory(
        number=2, title="Drafted at first", publication_status=PublicationStatus.DRAFT
    )
    backdate_history(10)
    drafted.publication_status = PublicationStatus.PUBLISHED
    drafted.save()

    response = client.get(f"/rounds/2/?as_of={day(5)}")
    assert response.status_code == 404
    assert "Drafted at first" not in response.content.decode()
    assert "was not part of the public record" in response.content.decode()
    assert "Drafted at first" in page(client, f"/rounds/2/?as_of={day(0)}")


def test_rows_in_draft_that_day_and_later_drafts_are_left_out(client):
    round_ = RoundFactory(number=1)
    ukraine = DelegationFactory(round=round_, side=Side.UKRAINE)
    ParticipantFactory(delegation=ukraine, person=PersonFactory(name="Public Member"))
    ParticipantFactory(
        delegation=ukraine,
        person=PersonFactory(name="Unpublished Person", publication_status="draft"),
    )
    russia = DelegationFactory(round=round_, side=Side.RUSSIA, publication_status="in_review")
    ParticipantFactory(delegation=russia, person=PersonFactory(name="Member In Review"))
    position = PositionFactory(round=round_, side=Side.UKRAINE, summary="Published wording")
    backdate_history(10)
    # Later: the Russian delegation is published, and the position is rewritten in a draft.
    russia.publication_status = PublicationStatus.PUBLISHED
    russia.save()
    position.summary = "Draft rewording"
    position.publication_status = PublicationStatus.DRAFT
    position.save()

    earlier = page(client, f"/rounds/1/?as_of={day(5)}")
    assert "Public Member" in earlier
    assert "Published wording" in earlier
    assert "Unpublished Person" not in earlier
    assert "Member In Review" not in earlier
    assert "Draft rewording" not in earlier
    now = page(client, f"/rounds/1/?as_of={day(0)}")
    assert "Member In Review" in now
    # Unpublished now: gone from the record as it stands today, draft text never shown.
    assert "Published wording" not in now
    assert "Draft rewording" not in now


def test_person_issue_and_exchange_pages_as_of_an_earlier_day(client):
    round_ = RoundFactory(number=1, title="The first round")
    person = PersonFactory(name="Negotiator Before", slug="negotiator")
    ParticipantFactory(delegation=DelegationFactory(round=round_), person=person)
    issue = IssueFactory(slug="ceasefire", name="Ceasefire then")
    PositionFactory(round=round_, issue=issue, side=Side.RUSSIA, summary="Russia view then")
    exchange = ExchangeFactory(title="Swap as first reported")
    ExchangeCountFactory(exchange=exchange, quantity=390)
    backdate_history(10)
    person.name = "Negotiator Renamed"
    person.save()
    issue.name = "Ceasefire renamed"
    issue.save()
    exchange.title = "Swap retitled"
    exchange.save()

    earlier = page(client, f"/people/negotiator/?as_of={day(5)}")
    assert "Negotiator Before" in earlier
    assert "Negotiator Renamed" not in earlier
    assert "The first round" in earlier
    assert NOTICE in earlier
    earlier = page(client, f"/issues/ceasefire/?as_of={day(5)}")
    assert "Ceasefire then" in earlier
    assert "Ceasefire renamed" not in earlier
    assert "Russia view then" in earlier
    assert NOTICE in earlier
    earlier = page(client, f"/exchanges/{exchange.pk}/?as_of={day(5)}")
    assert "Swap as first reported" in earlier
    assert "Swap retitled" not in earlier
    assert "390" in earlier
    assert NOTICE in earlier


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("yesterday", "is not a date in the form YYYY-MM-DD"),
        ("2025-6-2", "is not a date in the form YYYY-MM-DD"),
        ("", "is not a date in the form YYYY-MM-DD"),
        ("2025-02-30", "is not a day of the calendar"),
        ("2999-01-01", "is in the future"),
        ("tomorrow", "is in the future"),
        ("before the record", "history of"),
        ("two days", "Give one date"),
    ],
)
def test_a_bad_as_of_is_answered_with_a_message_and_400(client, value, message):
    round_ = RoundFactory(number=1)
    ParticipantFactory(
        delegation=DelegationFactory(round=round_), person=PersonFactory(slug="someone")
    )
    IssueFactory(slug="ceasefire")
    exchange = ExchangeFactory()
    backdate_history(10)
    query = {
        "tomorrow": f"as_of={(days_ago(-1).astimezone(ISTANBUL).date()).isoformat()}",
        "before the record": f"as_of={day(20)}",
        "two days": f"as_of={day(5)}&as_of={day(4)}",
    }.get(value, f"as_of={value}")
    for url in [
        "/rounds/1/",
        "/people/someone/",
        "/issues/ceasefire/",
        f"/exchanges/{exchange.pk}/",
    ]:
        response = client.get(f"{url}?{query}")
        assert response.status_code == 400, (url, query)
        assert message in response.content.decode(), (url, query)
        assert f'href="{url}">See the current page' in response.content.decode()


def test_a_missing_page_as_of_a_day_is_404_like_a_draft(client):
    RoundFactory(number=1)
    backdate_history(10)
    assert client.get(f"/rounds/9/?as_of={day(5)}").status_code == 404
    assert client.get(f"/people/nobody/?as_of={day(5)}").status_code == 404
    assert client.get(f"/exchanges/999/?as_of={day(5)}").status_code == 404


def test_an_as_of_page_is_cached_apart_from_the_current_page(client, settings):
    from django.core.cache import cache

    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
    settings.PAGE_CACHE_SECONDS = 60
    cache.clear()
    round_ = RoundFactory(number=1, title="Title in May")
    backdate_history(10)
    round_.title = "Title corrected later"
    round_.save()
    assert "Title corrected later" in page(client, "/rounds/1/")
    url = f"/rounds/1/?as_of={day(5)}"
    assert "Title in May" in page(client, url)
    # Served again from the cache: the copy is the dated page, not the current one.
    again = page(client, url)
    assert "Title in May" in again
    assert "Title corrected later" not in again
    cache.clear()


def test_an_istanbul_round_in_track_form_redirects_with_its_date(client):
    RoundFactory(number=1)
    response = client.get(f"/tracks/istanbul/rounds/1/?as_of={day(0)}")
    assert response.status_code == 301
    assert response["Location"] == f"/rounds/1/?as_of={day(0)}"


@pytest.mark.parametrize("language", ["uk", "ru"])
def test_a_dated_page_shows_the_translations_of_that_day_and_marks_english(client, language):
    """In Ukrainian or Russian, a dated page reads each version's translation as the current
    page reads the row's; a text that had none that day is shown in English, marked lang="en",
    even when it has one now."""
    round_ = RoundFactory(number=1, title="Title in May", summary="Summary in May")
    setattr(round_, f"summary_{language}", "Підсумок у травні")
    round_.save()
    backdate_history(10)
    setattr(round_, f"title_{language}", "Назва в червні")
    round_.save()

    earlier = page(client, f"/{language}/rounds/1/?as_of={day(5)}")
    assert '<span lang="en">Title in May</span></h1>' in earlier
    assert "Назва в червні" not in earlier
    assert '<div class="summary"><p>Підсумок у травні</p>' in earlier
    assert "Summary in May" not in earlier

    today = page(client, f"/{language}/rounds/1/?as_of={day(0)}")
    assert "Назва в червні</h1>" in today
    assert "Title in May" not in today.split("<main")[1]
