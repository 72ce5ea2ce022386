"""Admin lists: a fixed number of queries whatever the number of rows, search, facets, popups."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from provenance.models import PublicationStatus
from tests import factories
from tests.admin_forms import form_data


def queries_for(client, url) -> int:
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured)


CHANGELISTS = [
    ("/admin/talks/round/", factories.RoundFactory),
    ("/admin/talks/delegation/", factories.DelegationFactory),
    ("/admin/talks/participant/", factories.ParticipantFactory),
    ("/admin/talks/event/", factories.EventFactory),
    ("/admin/actors/person/", factories.PersonFactory),
    ("/admin/actors/membership/", factories.MembershipFactory),
    ("/admin/provenance/source/", factories.SourceFactory),
    ("/admin/positions/document/", factories.DocumentFactory),
    ("/admin/positions/position/", factories.PositionFactory),
    ("/admin/positions/commitment/", factories.CommitmentFactory),
    ("/admin/positions/exchange/", factories.ExchangeFactory),
    ("/admin/positions/exchangecount/", factories.ExchangeCountFactory),
]


@pytest.mark.django_db
@pytest.mark.parametrize(("url", "factory"), CHANGELISTS)
def test_changelist_queries_do_not_grow_with_rows(publisher_client, url, factory):
    factory.create_batch(2)
    publisher_client.get(url)  # warm the content-type cache
    few = queries_for(publisher_client, url)
    factory.create_batch(20)
    many = queries_for(publisher_client, url)
    assert many == few


@pytest.mark.django_db
def test_round_changelist_query_list(publisher_client, django_assert_num_queries):
    rounds = factories.RoundFactory.create_batch(12)
    publisher_client.get("/admin/talks/round/")
    # 1 session, 1 user, 2 permissions (user's own, then via groups);
    # 2 counts (filtered and total) and 1 page of rounds joined to their venues;
    # 2 for the date hierarchy (range, then months);
    # 5 list filters, each 1 facet count: status, round status, format, confidence, venue;
    # 6 loads of the venue choices: 1 for the venue filter's own choices, and 1 each time the
    #   admin builds the filter list again for each facet's links;
    # total 20, the same for 12 rows as for 1000.
    with django_assert_num_queries(20):
        response = publisher_client.get("/admin/talks/round/")
    assert len(response.context["cl"].result_list) == len(rounds)


@pytest.mark.django_db
def test_changelist_shows_facet_counts_and_filters_by_status(publisher_client):
    factories.RoundFactory.create_batch(2)
    factories.RoundFactory(publication_status=PublicationStatus.DRAFT, title="Draft round")
    page = publisher_client.get("/admin/talks/round/").content.decode()
    assert "Draft (1)" in page
    assert "Published (2)" in page
    response = publisher_client.get("/admin/talks/round/", {"publication_status__exact": "draft"})
    assert [r.title for r in response.context["cl"].result_list] == ["Draft round"]


@pytest.mark.django_db
def test_person_search_and_autocomplete_find_transliterations(editor_client):
    factories.PersonFactory(name="Rustem Umerov", aliases="Umierov\nУмєров")
    response = editor_client.get("/admin/actors/person/", {"q": "umierov"})
    assert [p.name for p in response.context["cl"].result_list] == ["Rustem Umerov"]
    autocomplete = editor_client.get(
        "/admin/autocomplete/",
        {
            "app_label": "talks",
            "model_name": "participant",
            "field_name": "person",
            "term": "Умєров",
        },
    )
    assert [item["text"] for item in autocomplete.json()["results"]] == [
        "Rustem Umerov · published"
    ]


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("url", "data", "model"),
    [
        (
            "/admin/actors/person/add/?_to_field=id&_popup=1",
            {"name": "New Negotiator", "slug": "new-negotiator", "confidence": "single_source"},
            "actors.Person",
        ),
        (
            "/admin/provenance/source/add/?_to_field=id&_popup=1",
            {
                "code": "S99",
                "title": "New report",
                "publisher": "Reuters",
                "published_on_precision": "day",
                "kind": "news_report",
            },
            "provenance.Source",
        ),
    ],
)
def test_editor_adds_a_person_or_source_in_a_popup(editor_client, url, data, model):
    from django.apps import apps

    form_id = model.split(".")[1].lower() + "_form"
    response = editor_client.post(url, {**form_data(editor_client.get(url), form_id), **data})
    assert response.status_code == 200
    assert "popup_response" in response.content.decode()  # closes the popup, fills the field
    obj = apps.get_model(model).objects.get()
    assert obj.publication_status == PublicationStatus.DRAFT
    assert obj.history.first().history_user.username == "ana"


@pytest.mark.django_db
def test_round_page_has_everything_for_the_round(editor_client):
    round_ = factories.RoundFactory(publication_status=PublicationStatus.DRAFT)
    page = editor_client.get(f"/admin/talks/round/{round_.pk}/change/")
    prefixes = {formset.formset.prefix for formset in page.context["inline_admin_formsets"]}
    assert prefixes == {"delegations", "events", "documents", "positions", "commitments"}
    html = page.content.decode()
    assert f"/admin/positions/commitment/?round__id__exact={round_.pk}" in html
    assert f"/admin/positions/exchange/?commitment__round__id__exact={round_.pk}" in html
    assert "Markdown" in html  # the summary's help text


@pytest.mark.django_db
def test_autocomplete_labels_tell_records_apart_and_rounds_are_found_by_number(editor_client):
    import datetime

    from tests.factories import CommitmentFactory, DelegationFactory, RoundFactory

    round_ = RoundFactory(number=3, held_on=datetime.date(2025, 7, 23), title="Third round")
    CommitmentFactory(round=round_, title="Exchange of 1,200")
    DelegationFactory(round=round_)

    def labels(model, field, term):
        response = editor_client.get(
            "/admin/autocomplete/",
            {"term": term, "app_label": "positions", "model_name": model, "field_name": field}
            if model != "delegation"
            else {"term": term, "app_label": "talks", "model_name": model, "field_name": field},
        )
        return [row["text"] for row in response.json()["results"]]

    assert labels("position", "round", "3") == ["Round 3 · 23 Jul 2025 · Third round · published"]
    assert labels("position", "round", "round 3") == labels("position", "round", "3")
    assert labels("exchange", "commitment", "1,200") == ["Exchange of 1,200 · round 3 · published"]
