"""Nothing published changes without the publish permission, whatever path writes it (#10, 1–4).

Each reported bypass has its test, then the kind: every path that can write a row without a
status of its own (participants, provisions, exchange counts, venues, issues) is walked for an
editor against a published owner, and for a publisher to show the path itself works.
"""

import pytest
import tablib
from django.contrib.admin import site
from django.core.exceptions import PermissionDenied
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction
from django.db.models import ProtectedError
from django.urls import reverse

from positions.models import ExchangeCount, Provision
from positions.resources import ExchangeCountResource
from provenance.guard import acting_as
from provenance.models import PublicationStatus
from talks.models import Event, Participant, Venue
from talks.resources import ParticipantResource
from tests import factories
from tests.admin_forms import form_data

pytestmark = pytest.mark.django_db
DRAFT = PublicationStatus.DRAFT


def url(obj, view, *args):
    opts = obj._meta
    return reverse(f"admin:{opts.app_label}_{opts.model_name}_{view}", args=[obj.pk, *args])


# --- 1. History versions accept writes -------------------------------------------------------


def test_editor_cannot_write_published_round_through_a_history_version(editor_client):
    round_ = factories.RoundFactory(title="Second round", publication_status=DRAFT)
    draft_version = round_.history.first()
    round_.publication_status = PublicationStatus.PUBLISHED
    round_.save()
    page = editor_client.get(url(round_, "simple_history", draft_version.history_id))
    assert page.status_code == 200
    assert "Revert" not in page.context["title"]  # "View …": nothing to press
    data = {**form_data(page, "historicalround_form"), "title": "Hacked"}
    response = editor_client.post(url(round_, "simple_history", draft_version.history_id), data)
    assert response.status_code == 403
    round_.refresh_from_db()
    assert round_.title == "Second round"
    assert round_.is_published


def test_revert_restores_the_version_not_the_posted_values(editor_client):
    round_ = factories.RoundFactory(title="As it was", publication_status=DRAFT)
    old = round_.history.first()
    round_.title = "Later"
    round_.save()
    revert = url(round_, "simple_history", old.history_id)
    data = {**form_data(editor_client.get(revert), "historicalround_form"), "title": "Anything"}
    assert editor_client.post(revert, data).status_code == 302
    round_.refresh_from_db()
    assert round_.title == "As it was"
    assert round_.history.first().history_change_reason.startswith("Reverted to the version of")


def test_editor_cannot_revert_a_participant_of_a_published_delegation(editor_client):
    participant = factories.ParticipantFactory(title_at_time="Minister")
    old = participant.history.first()
    participant.title_at_time = "Secretary"
    participant.save()
    revert = url(participant, "simple_history", old.history_id)
    assert editor_client.post(revert, {"title_at_time": "Minister"}).status_code == 403
    participant.refresh_from_db()
    assert participant.title_at_time == "Secretary"


# --- 2. Rows without a status of their own ---------------------------------------------------

COUNT_HEADER = (
    "exchange_title,exchange_kind,exchange_occurred_on,commitment,receiving_side,category,"
    "quantity,precision,claimed_by,confidence,note,sources\n"
)
PARTICIPANT_HEADER = (
    "round,side,person,role,title_at_time,represents,at_table,order,confidence,note,sources\n"
)


def upload(client, path, text):
    csv_file = SimpleUploadedFile("import.csv", text.encode(), content_type="text/csv")
    return client.post(path, {"resource": "0", "format": "0", "import_file": csv_file})


@pytest.fixture
def published_exchange():
    factories.SourceFactory(code="S41")
    exchange = factories.ExchangeFactory(title="Bodies", occurred_on="2025-06-11")
    factories.ExchangeCountFactory(
        exchange=exchange, category="bodies", quantity=909, claimed_by="ukraine"
    )
    return exchange


def test_editor_import_cannot_change_or_add_published_counts(editor_client, published_exchange):
    text = COUNT_HEADER + (
        "Bodies,bodies,2025-06-11,,ukraine,bodies,90900,exact,ukraine,,,S41\n"
        "Bodies,bodies,2025-06-11,,ukraine,bodies,12345,exact,russia,,,S41\n"
    )
    response = upload(editor_client, "/admin/positions/exchangecount/import/", text)
    assert "confirm_form" not in response.context
    assert "Only a publisher" in response.content.decode()
    dataset = tablib.Dataset().load(text, "csv")
    with acting_as(response.wsgi_request.user):
        ExchangeCountResource().import_data(dataset, dry_run=False, user=response.wsgi_request.user)
    assert list(published_exchange.counts.values_list("quantity", flat=True)) == [909]


def test_editor_import_cannot_put_a_person_into_a_published_delegation(editor_client):
    factories.SourceFactory(code="S41")
    factories.PersonFactory(slug="russian-official")
    factories.DelegationFactory(round=factories.RoundFactory(number=1), side="ukraine")
    text = PARTICIPANT_HEADER + "1,ukraine,russian-official,member,,,yes,0,,,S41\n"
    response = upload(editor_client, "/admin/talks/participant/import/", text)
    assert "confirm_form" not in response.context
    with acting_as(response.wsgi_request.user):
        ParticipantResource().import_data(
            tablib.Dataset().load(text, "csv"), dry_run=False, user=response.wsgi_request.user
        )
    assert not Participant.objects.exists()


def test_add_view_refuses_a_published_parent_with_a_message(editor_client):
    delegation = factories.DelegationFactory()
    person = factories.PersonFactory()
    add = reverse("admin:talks_participant_add")
    data = {**form_data(editor_client.get(add), "participant_form")}
    data.update({"delegation": delegation.pk, "person": person.pk, "role": "member"})
    response = editor_client.post(add, data)
    assert response.status_code == 200
    assert "belongs to the published delegation" in response.content.decode()
    assert not Participant.objects.exists()


def test_moving_a_draft_count_to_a_published_exchange_is_refused(editor_client):
    draft = factories.ExchangeFactory(publication_status=DRAFT)
    count = factories.ExchangeCountFactory(exchange=draft)
    published = factories.ExchangeFactory()
    change = url(count, "change")
    data = {**form_data(editor_client.get(change), "exchangecount_form")}
    data["exchange"] = published.pk
    response = editor_client.post(change, data)
    assert response.status_code == 200
    count.refresh_from_db()
    assert count.exchange == draft


# --- 3. Venues and issues --------------------------------------------------------------------


def test_editor_cannot_add_or_change_venues_and_issues(editor_client):
    venue = factories.VenueFactory(name="Dolmabahçe")
    issue = factories.IssueFactory(name="Ceasefire")
    for obj in (venue, issue):
        page = editor_client.get(url(obj, "change"))
        assert not page.context["has_change_permission"]
        assert editor_client.post(url(obj, "change"), {"name": "Renamed"}).status_code == 409
    assert editor_client.get(reverse("admin:talks_venue_add")).status_code == 403
    assert editor_client.get(reverse("admin:positions_issue_add")).status_code == 403
    venue.refresh_from_db()
    assert venue.name == "Dolmabahçe"


def test_publisher_changes_to_venues_and_issues_are_recorded(publisher_client):
    venue = factories.VenueFactory(name="Dolmabahçe")
    event = factories.EventFactory()
    change = url(venue, "change")
    data = {**form_data(publisher_client.get(change), "venue_form"), "name": "Dolmabahçe Palace"}
    assert publisher_client.post(change, data).status_code == 302
    assert venue.history.first().name == "Dolmabahçe Palace"
    assert venue.history.first().history_user.username == "pavlo"
    issue = factories.IssueFactory()
    change = url(issue, "change")
    data = {**form_data(publisher_client.get(change), "issue_form"), "events": [str(event.pk)]}
    assert publisher_client.post(change, data).status_code == 302
    linked = issue.history.first().events.values_list("event_id", flat=True)
    assert list(linked) == [event.pk]


# --- 4. Deletes that publish -----------------------------------------------------------------


def test_deleting_a_draft_round_never_makes_its_hidden_event_public(editor_client):
    round_ = factories.RoundFactory(publication_status=DRAFT)
    event = factories.EventFactory(round=round_)  # published, hidden with its draft round
    response = editor_client.post(url(round_, "delete"), {"post": "yes"})
    assert response.status_code == 200  # the page lists what protects it
    assert not Event.objects.published().filter(pk=event.pk).exists()
    with pytest.raises(ProtectedError):
        round_.delete()


def test_deleting_a_draft_document_leaves_published_positions_alone(editor_client):
    document = factories.DocumentFactory(publication_status=DRAFT)
    position = factories.PositionFactory(document=document)
    editor_client.post(url(document, "delete"), {"post": "yes"})
    position.refresh_from_db()
    assert position.document == document


# --- The kind: every path that writes a row without a status of its own ----------------------


def owned_rows():
    """(model, row of a published owner) for each model without a status of its own."""
    return {
        "participant": lambda: factories.ParticipantFactory(),
        "provision": lambda: factories.ProvisionFactory(),
        "exchangecount": lambda: factories.ExchangeCountFactory(),
        "venue": lambda: factories.VenueFactory(),
        "issue": lambda: factories.IssueFactory(),
    }


OWNED = list(owned_rows())


def snapshot(row):
    row = type(row)._base_manager.get(pk=row.pk)
    return {f.attname: getattr(row, f.attname) for f in row._meta.concrete_fields}


def first_text_field(row):
    for name in ("title_at_time", "text", "note", "name", "description"):
        if hasattr(row, name):
            return name
    raise AssertionError(row)


PATHS = ["model-save", "change-view", "owner-inline", "revert", "delete-view", "owner-delete"]


@pytest.mark.parametrize("path", PATHS)
@pytest.mark.parametrize("model", OWNED)
def test_editor_cannot_write_a_published_owners_row_by_any_path(editor, client, model, path):
    row = owned_rows()[model]()
    before = snapshot(row)
    client.force_login(editor)
    field = first_text_field(row)
    if path == "model-save":
        setattr(row, field, "Written by the editor")
        with acting_as(editor), pytest.raises(PermissionDenied):
            row.save()
    elif path in ("change-view", "revert", "delete-view") and type(row) not in site._registry:
        pytest.skip("edited only inline, on its owner's page")
    elif path == "change-view":
        data = {**form_data(client.get(url(row, "change")), f"{model}_form"), field: "Written"}
        assert client.post(url(row, "change"), data).status_code == 409
    elif path == "owner-inline":
        owner = getattr(row, type(row).publication_parents[0]) if model not in OWNED[3:] else None
        if owner is None:
            pytest.skip("venues and issues have no owner")
        page = client.get(url(owner, "change"))
        assert not page.context["has_change_permission"]
        assert client.post(url(owner, "change"), {}).status_code == 409
    elif path == "revert":
        version = row.history.first()
        response = client.post(url(row, "simple_history", version.history_id), {field: "W"})
        assert response.status_code == 403
    elif path == "delete-view":
        assert client.post(url(row, "delete"), {"post": "yes"}).status_code == 403
    elif path == "owner-delete":
        owner = getattr(row, type(row).publication_parents[0]) if model not in OWNED[3:] else None
        if owner is None:
            pytest.skip("venues and issues have no owner")
        assert client.post(url(owner, "delete"), {"post": "yes"}).status_code == 403
    assert snapshot(row) == before


@pytest.mark.parametrize("model", ["participant", "provision", "exchangecount"])
def test_editor_may_not_add_a_row_to_a_published_owner_but_may_to_a_draft(editor, model):
    row = owned_rows()[model]()
    owner_field = type(row).publication_parents[0]
    owner = getattr(row, owner_field)
    row.delete()
    row.pk = None
    row._state.adding = True
    with acting_as(editor), pytest.raises(PermissionDenied):
        row.save()
    type(owner).objects.filter(pk=owner.pk).update(publication_status=DRAFT)
    setattr(row, owner_field, type(owner).objects.get(pk=owner.pk))
    with acting_as(editor):
        row.save()
    assert type(row).objects.filter(pk=row.pk).exists()


def test_editing_a_row_in_review_sends_its_owner_back_to_draft(editor):
    delegation = factories.DelegationFactory(publication_status=PublicationStatus.IN_REVIEW)
    participant = factories.ParticipantFactory(delegation=delegation)
    participant.title_at_time = "Changed after submission"
    with acting_as(editor):
        participant.save()
    delegation.refresh_from_db()
    assert delegation.publication_status == DRAFT
    assert "changed during review" in delegation.history.first().history_change_reason


def test_publisher_writes_through_the_same_paths(publisher):
    for make in owned_rows().values():
        row = make()
        setattr(row, first_text_field(row), "Corrected by the publisher")
        with acting_as(publisher):
            row.save()
        assert getattr(type(row).objects.get(pk=row.pk), first_text_field(row)).startswith(
            "Corrected"
        )
    assert Venue.objects.exists()
    assert Provision.objects.exists()
    assert ExchangeCount.objects.exists()


# --- The kind: editors delete drafts only, by every path ---------------------------------------


def models_with_a_status():
    from django.apps import apps

    from provenance.guard import has_status, is_content

    return sorted(
        (m for m in apps.get_models() if is_content(m) and has_status(m)),
        key=lambda m: m._meta.label,
    )


@pytest.mark.parametrize("model", models_with_a_status(), ids=lambda m: m._meta.label)
def test_an_editor_may_not_delete_a_record_in_review_by_any_path(editor, publisher, client, model):
    make = getattr(factories, f"{model.__name__}Factory", None)
    assert make is not None, f"tests.factories has no {model.__name__}Factory"
    made = iter(range(100))

    def factory(**kwargs):
        if model.__name__ == "Track":  # TrackFactory finds the Istanbul talks by default
            kwargs["slug"] = f"track-in-review-{next(made)}"
        return make(**kwargs)

    row = factory(publication_status=PublicationStatus.IN_REVIEW)
    # In an atomic block, as each request is: the refusal rolls the delete back.
    refused = pytest.raises(PermissionDenied, match="in review")
    with acting_as(editor), refused, transaction.atomic():
        model.objects.get(pk=row.pk).delete()
    if model in site._registry:
        client.force_login(editor)
        page = client.get(url(row, "change"))
        if page.status_code == 200:  # an editor may see it (not a record review)
            assert not page.context["has_delete_permission"]  # no Delete button offered
        assert client.post(url(row, "delete"), {"post": "yes"}).status_code == 403
    assert model.objects.filter(pk=row.pk).exists()
    # A draft the editor may delete; a publisher may delete either.
    model.objects.filter(pk=row.pk).update(publication_status=DRAFT)
    with acting_as(editor):
        model.objects.get(pk=row.pk).delete()
    other = factory(publication_status=PublicationStatus.IN_REVIEW)
    with acting_as(publisher):
        model.objects.get(pk=other.pk).delete()
    assert not model.objects.filter(pk__in=[row.pk, other.pk]).exists()


def inlines_of_rows_with_a_status():
    from django.forms.models import _get_foreign_key

    from provenance.guard import has_status

    found = []
    for parent, model_admin in site._registry.items():
        for inline in model_admin.inlines:
            if has_status(inline.model) and inline.can_delete:  # no delete box, nothing to tick
                fk = _get_foreign_key(parent, inline.model, fk_name=inline.fk_name)
                found.append((parent, inline.model, fk.name))
    return sorted(found, key=lambda t: (t[0]._meta.label, t[1]._meta.label))


@pytest.mark.parametrize(
    ("parent", "model", "fk"),
    inlines_of_rows_with_a_status(),
    ids=lambda v: v._meta.label if hasattr(v, "_meta") else v,
)
def test_ticking_delete_on_an_inline_row_in_review_is_a_form_error(
    editor, client, parent, model, fk
):
    """On a draft record's page, a row in review ticked for deletion is refused on the page,
    with the editor's input kept, not with a bare 403."""
    owner = getattr(factories, f"{parent.__name__}Factory")(publication_status=DRAFT)
    row = getattr(factories, f"{model.__name__}Factory")(
        **{fk: owner, "publication_status": PublicationStatus.IN_REVIEW}
    )
    client.force_login(editor)
    page = client.get(url(owner, "change"))
    data = form_data(page, f"{parent._meta.model_name}_form")
    (prefix,) = [
        f.formset.prefix for f in page.context["inline_admin_formsets"] if f.opts.model is model
    ]
    index = next(
        i
        for i in range(int(data[f"{prefix}-TOTAL_FORMS"]))
        if data.get(f"{prefix}-{i}-id") == str(row.pk)
    )
    data[f"{prefix}-{index}-DELETE"] = "on"
    response = client.post(url(owner, "change"), data)
    assert response.status_code == 200
    assert "in review" in response.content.decode()
    assert model.objects.filter(pk=row.pk).exists()
