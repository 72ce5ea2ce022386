"""Every change is recorded with who, when, what and why; two versions can be compared; revert works."""

import pytest
from django.test import Client
from django.urls import reverse

from provenance.models import PublicationStatus
from tests.admin_forms import form_data
from tests.factories import RoundFactory, SourceFactory


def save_round(client, round_, **changes):
    url = reverse("admin:talks_round_change", args=[round_.pk])
    data = {**form_data(client.get(url), "round_form"), **changes}
    response = client.post(url, data)
    assert response.status_code == 302, response.context and response.context["errors"]
    round_.refresh_from_db()


@pytest.fixture
def draft_round(db):
    round_ = RoundFactory(title="Round four", publication_status=PublicationStatus.DRAFT)
    round_.sources.add(SourceFactory())
    return round_


@pytest.mark.django_db
def test_change_records_user_and_reason(editor_client, draft_round):
    save_round(
        editor_client, draft_round, title="Round four, Çırağan", change_reason="Venue per S41"
    )
    latest = draft_round.history.first()
    assert latest.title == "Round four, Çırağan"
    assert latest.history_user.username == "ana"
    assert latest.history_change_reason == "Venue per S41"
    history_page = editor_client.get(reverse("admin:talks_round_history", args=[draft_round.pk]))
    assert "Venue per S41" in history_page.content.decode()


@pytest.mark.django_db
def test_compare_view_shows_what_changed_between_two_versions(editor_client, draft_round):
    save_round(editor_client, draft_round, title="Round four, Çırağan", summary="**Held** late.")
    old, new = draft_round.history.order_by("-history_date")[1], draft_round.history.first()
    url = reverse("admin:talks_round_compare", args=[draft_round.pk])
    page = editor_client.get(url, {"old": old.history_id, "new": new.history_id})
    changes = {row["field"]: (row["old"], row["new"]) for row in page.context["changes"]}
    assert changes["title"] == ("Round four", "Round four, Çırağan")
    assert changes["summary"] == ("", "**Held** late.")
    assert "Round four, Çırağan" in page.content.decode()
    assert editor_client.get(url, {"old": "999999", "new": new.history_id}).status_code == 404


@pytest.mark.django_db
def test_revert_restores_an_old_version_but_keeps_status_and_version_moving(
    editor_client, draft_round
):
    first = draft_round.history.first()
    save_round(editor_client, draft_round, title="A wrong title")
    revert_url = reverse(
        "admin:talks_round_simple_history", args=[draft_round.pk, first.history_id]
    )
    data = form_data(editor_client.get(revert_url), "historicalround_form")
    assert data["title"] == "Round four"
    response = editor_client.post(revert_url, data)
    assert response.status_code == 302
    draft_round.refresh_from_db()
    assert draft_round.title == "Round four"
    assert draft_round.version == 3  # created, changed, reverted: never back to an old number
    # Created, its source cited (a version of its own: sources are kept with each version),
    # changed, reverted.
    assert draft_round.history.count() == 4


@pytest.mark.django_db
def test_revert_cannot_unpublish_or_publish_by_the_back_door(publisher_client, draft_round):
    first = draft_round.history.first()  # a draft version
    draft_round.publication_status = PublicationStatus.PUBLISHED
    draft_round.save()
    revert_url = reverse(
        "admin:talks_round_simple_history", args=[draft_round.pk, first.history_id]
    )
    publisher_client.post(
        revert_url, form_data(publisher_client.get(revert_url), "historicalround_form")
    )
    draft_round.refresh_from_db()
    assert draft_round.publication_status == PublicationStatus.PUBLISHED


@pytest.mark.django_db
def test_history_shows_both_editors(editor, publisher, draft_round):
    first, second = Client(), Client()
    first.force_login(editor)
    second.force_login(publisher)
    save_round(first, draft_round, title="Edited by the editor")
    save_round(second, draft_round, title="Edited by the publisher")
    users = set(draft_round.history.values_list("history_user__username", flat=True))
    assert {"ana", "pavlo"} <= users


@pytest.mark.django_db
def test_rows_saved_with_a_record_share_its_reason(editor_client):
    from tests.factories import DelegationFactory, ParticipantFactory

    delegation = DelegationFactory(publication_status=PublicationStatus.DRAFT)
    participant = ParticipantFactory(delegation=delegation, title_at_time="Minister")
    url = reverse("admin:talks_delegation_change", args=[delegation.pk])
    data = form_data(editor_client.get(url), "delegation_form")
    data.update(
        {
            "participants-0-title_at_time": "Secretary of the NSDC",
            "change_reason": "Decree 306/2025",
        }
    )
    assert editor_client.post(url, data).status_code == 302
    latest = participant.history.first()
    assert latest.title_at_time == "Secretary of the NSDC"
    assert latest.history_change_reason == "Decree 306/2025"


@pytest.mark.django_db
def test_revert_restores_sources_and_hosts_and_compare_shows_them(publisher_client):
    from tests.factories import OrganizationFactory

    first_source, second_source = SourceFactory(code="S1"), SourceFactory(code="S2")
    host = OrganizationFactory(name="Türkiye")
    round_ = RoundFactory(publication_status=PublicationStatus.DRAFT)
    round_.sources.add(first_source)
    round_.hosts.add(host)
    cited_once = round_.history.first()
    round_.sources.set([second_source])
    round_.hosts.clear()
    compare = publisher_client.get(
        reverse("admin:talks_round_compare", args=[round_.pk]),
        {"old": cited_once.history_id, "new": round_.history.first().history_id},
    )
    changes = {str(row["field"]): (row["old"], row["new"]) for row in compare.context["changes"]}
    assert "S1" in changes["sources"][0]
    assert "S2" in changes["sources"][1]
    assert changes["hosts"][0] == "Türkiye"
    revert = reverse("admin:talks_round_simple_history", args=[round_.pk, cited_once.history_id])
    data = form_data(publisher_client.get(revert), "historicalround_form")
    assert publisher_client.post(revert, data).status_code == 302
    assert list(round_.sources.values_list("code", flat=True)) == ["S1"]
    assert list(round_.hosts.all()) == [host]
    assert round_.history.first().history_change_reason.startswith("Reverted to the version of")


@pytest.mark.django_db
def test_every_link_of_the_round_desk_opens(publisher_client):
    import re

    round_ = RoundFactory()
    page = publisher_client.get(reverse("admin:talks_round_change", args=[round_.pk]))
    links = re.findall(r'href="(/admin/[a-z]+/[a-z]+/\?[^"]+)"', page.content.decode())
    assert any("commitment__round__id__exact" in link for link in links)
    for link in links:
        assert publisher_client.get(link.replace("&amp;", "&")).status_code == 200, link


@pytest.mark.django_db
def test_history_shows_full_text_in_istanbul_time(editor_client, draft_round):
    import datetime

    long_summary = "Both delegations met for two hours in the Çırağan Palace; " * 4
    save_round(editor_client, draft_round, summary=long_summary.strip())
    latest = draft_round.history.first()
    latest.history_date = datetime.datetime(2025, 7, 23, 16, 5, tzinfo=datetime.UTC)
    latest.save()
    page = editor_client.get(reverse("admin:talks_round_history", args=[draft_round.pk]))
    text = page.content.decode()
    assert long_summary.strip() in text  # not "[88 chars]"
    assert "chars]" not in text
    assert "7:05 p.m." in text  # 16:05 UTC is 19:05 in Istanbul
