"""Every public page carries "Cite this page": a citation with the page's title, the site as
publisher, the page's absolute address, when it last changed and the day it was read, and a
link that keeps showing this version."""

import re

import pytest
from django.urls import reverse
from django.utils import timezone

from actors.models import Organization, Person
from positions.models import Commitment, Document, Exchange, Issue
from provenance.models import Source
from public.as_of import AS_OF_ROUTES
from public.citation import day_text, page_title
from talks.models import DEFAULT_TRACK, Event, Round, Track

pytestmark = pytest.mark.django_db

CITATION = re.compile(r'<textarea id="cite-page-text"[^>]*readonly[^>]*>(.*?)</textarea>', re.S)
DAY = r"\d{1,2} (January|February|March|April|May|June|July|August|September|October|November|December) \d{4}"


def html_routes() -> list:
    """Every route of the public site that answers with an HTML page: all but feeds, calendars
    and staff previews."""
    from public import urls

    return [
        pattern
        for pattern in urls.urlpatterns
        if pattern.name
        and not pattern.name.removesuffix("-in-track").endswith(("feed", "calendar"))
        and not pattern.name.endswith("preview")
    ]


def route_arguments() -> dict:
    """A real, published object of the record for every route that takes one."""
    istanbul_round = Round.objects.published().filter(track__slug=DEFAULT_TRACK).first()
    other_round = Round.objects.published().exclude(track__slug=DEFAULT_TRACK).first()
    return {
        "track-detail": [Track.objects.published().first().slug],
        "round-detail": [istanbul_round.number],
        "round-detail-in-track": [other_round.track.slug, other_round.number],
        "event-detail": [Event.objects.published().first().pk],
        "person-detail": [Person.objects.published().first().slug],
        "organization-detail": [Organization.objects.published().first().pk],
        "issue-detail": [Issue.objects.first().slug],
        "document-detail": [Document.objects.published().first().slug],
        "commitment-detail": [Commitment.objects.published().first().slug],
        "exchange-detail": [Exchange.objects.published().first().pk],
        "source-detail": [Source.objects.published().first().pk],
    }


def citation_of(response) -> str:
    assert response.status_code == 200, response
    found = CITATION.search(response.content.decode())
    assert found, "no citation on the page"
    return found.group(1)


def test_every_page_type_carries_a_citation_with_its_address_and_dates(
    client, istanbul_record_for_module
):
    arguments = route_arguments()
    today = day_text(timezone.localdate())
    routes = html_routes()
    assert len(routes) >= 20
    for pattern in routes:
        converters = pattern.pattern.converters
        assert not converters or pattern.name in arguments, f"no object for {pattern.name}"
        url = reverse(f"public:{pattern.name}", args=arguments.get(pattern.name, []))
        response = client.get(url)
        text = citation_of(response)
        # The citation names the address the reader is on, in full, and when it last changed
        # and was read (Chicago style: “Title.” Publisher. Last modified …. Accessed …. URL.).
        assert f"http://testserver{url}." in text.replace("&amp;", "&"), (url, text)
        assert re.search(rf"Last modified {DAY}\. Accessed {today}\.", text), (url, text)
        assert "Istanbul Talks Tracker." in text, url
        page = response.content.decode()
        if pattern.name in AS_OF_ROUTES:
            # A link that keeps showing this version: the page as it stands at the end of today.
            link = f'href="http://testserver{url}?as_of={timezone.localdate().isoformat()}"'
            assert link in page, url
        else:
            assert "Link to this page" in page, url


def test_the_citation_names_the_page_by_its_title_and_dates_it_by_its_last_change(
    client, istanbul_record_for_module
):
    round_ = Round.objects.published().filter(track__slug=DEFAULT_TRACK, number=2).get()
    Round.objects.filter(pk=round_.pk).update(
        updated_at=timezone.make_aware(timezone.datetime(2026, 3, 4, 12))
    )
    text = citation_of(client.get("/rounds/2/"))
    assert text.startswith(f"“Round 2: {round_.title}.” Istanbul Talks Tracker.")
    assert "Last modified 4 March 2026." in text


def test_a_title_with_markup_characters_is_cited_as_written():
    assert page_title("Tom &amp; Jerry&#x27;s talks · Istanbul Talks Tracker") == (
        "Tom & Jerry's talks"
    )
    assert page_title("Istanbul Talks Tracker") == "Home page"


def test_the_copy_button_is_an_enhancement_loaded_from_a_file(client, istanbul_record_for_module):
    page = client.get("/").content.decode()
    # Without JavaScript the citation is still there to select; the button stays hidden until
    # the script (a file: the Content-Security-Policy forbids inline scripts) shows it.
    assert re.search(r'<button type="button" class="cite-page-copy"[^>]*hidden', page)
    assert '<script src="/static/js/cite.js" defer></script>' in page
    assert not re.search(r"<script(?![^>]*\bsrc=)(?![^>]*application/ld\+json)[^>]*>", page)


def test_a_draft_is_never_cited(client, istanbul_record_for_module):
    round_ = Round.objects.published().filter(track__slug=DEFAULT_TRACK, number=2).get()
    round_.publication_status = "draft"
    round_.save()
    response = client.get("/rounds/2/")
    assert response.status_code == 404
    assert "cite-page-text" not in response.content.decode()


def test_every_page_type_cites_its_address_without_tracking_and_ignored_parameters(
    client, istanbul_record_for_module
):
    """A shared link carries `utm_source`; a page that keeps no dated versions ignores `as_of`.
    Neither belongs in the citation, on any page type; a dated page keeps its `as_of`."""
    arguments = route_arguments()
    today = timezone.localdate().isoformat()
    for pattern in html_routes():
        url = reverse(f"public:{pattern.name}", args=arguments.get(pattern.name, []))
        response = client.get(url, {"utm_source": "newsletter", "as_of": today})
        text = citation_of(response).replace("&amp;", "&")
        assert "utm_source" not in text, (url, text)
        if pattern.name in AS_OF_ROUTES:
            assert f"http://testserver{url}?as_of={today}." in text, (url, text)
        else:
            assert f"http://testserver{url}." in text, (url, text)
            assert "Permanent link to this version" not in response.content.decode(), url
