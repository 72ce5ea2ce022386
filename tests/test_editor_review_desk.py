"""The review desk: submit with a note, send back with a note the editor sees, counts on the
admin index (#10, "A review desk editors would expect")."""

import pytest
from django.test import Client
from django.urls import reverse

from provenance.models import PublicationStatus
from talks.models import Round
from tests.factories import DelegationFactory, RoundFactory, SourceFactory, TrackFactory

pytestmark = pytest.mark.django_db
DESK = "/admin/provenance/reviewnote/"


def test_submit_send_back_and_the_editor_sees_the_note(editor, publisher):
    ana, pavlo = Client(), Client()
    ana.force_login(editor)
    pavlo.force_login(publisher)
    add = ana.post(
        "/admin/talks/round/add/",
        {
            "track": str(TrackFactory().pk),
            "number": "9",
            "title": "Ninth round",
            "status": "scheduled",
            "held_on": "2026-02-01",
            "held_on_precision": "day",
            "time_zone": "Europe/Istanbul",
            "confidence": "single_source",
            **{
                f"{p}-{k}": v
                for p in ("delegations", "events", "documents", "positions", "commitments")
                for k, v in (("TOTAL_FORMS", "0"), ("INITIAL_FORMS", "0"))
            },
        },
    )
    assert add.status_code == 302

    round_ = Round.objects.get(number=9)
    round_.sources.add(SourceFactory())
    DelegationFactory(round=round_, publication_status=PublicationStatus.DRAFT)
    assert "Ninth round" in ana.get(DESK).content.decode()  # my drafts
    ana.post(
        "/admin/talks/round/",
        {
            "action": "submit_for_review",
            "_selected_action": [round_.pk],
            "review_note": "Sources checked against the decree",
        },
    )
    waiting = pavlo.get(DESK).content.decode()
    assert "Ninth round" in waiting
    assert "submitted by ana" in waiting
    assert "Sources checked against the decree" in waiting
    index = pavlo.get("/admin/").content.decode()
    assert "Waiting for review: 2" in index  # the round and its delegation
    form = pavlo.post(
        "/admin/talks/round/", {"action": "send_back", "_selected_action": [round_.pk]}
    )
    assert "What to change" in form.content.decode()
    pavlo.post(
        "/admin/talks/round/",
        {
            "action": "send_back",
            "_selected_action": [round_.pk],
            "review_note": "Name the venue and add Russia's delegation",
        },
    )
    round_.refresh_from_db()
    assert round_.publication_status == PublicationStatus.DRAFT
    assert round_.delegations.get().publication_status == PublicationStatus.DRAFT
    desk = ana.get(DESK).content.decode()
    assert "Name the venue and add Russia&#x27;s delegation" in desk
    page = ana.get(reverse("admin:talks_round_change", args=[round_.pk])).content.decode()
    assert "Sent back with changes requested" in page
    assert "Name the venue and add Russia&#x27;s delegation" in page


def test_the_desk_is_read_only_and_closed_to_staff_without_a_role(client, editor):
    staff = type(editor).objects.create_user("nobody", is_staff=True)
    client.force_login(staff)
    assert client.get(DESK).status_code == 403
    client.force_login(editor)
    assert client.get(DESK).status_code == 200
    assert client.get(DESK + "add/").status_code == 403
    RoundFactory()


def test_the_desk_lists_missing_outdated_and_unreviewed_translations_of_every_kind(
    editor, publisher, istanbul_record
):
    """Every model with translations: a row without its Ukrainian is missing; a reviewed
    Russian translation whose English then changed is outdated; the record's machine-assisted
    translations wait as not reviewed. The admin index counts what needs a translator."""
    from provenance.admin.desk import admin_url, counts, translated_models

    before = counts(publisher)["translations"]
    pavlo = Client()
    pavlo.force_login(publisher)
    models = translated_models()
    assert {m._meta.model_name for m in models} >= {
        "track", "round", "issue", "position", "commitment", "person"
    }  # fmt: skip
    changed = {}
    for model in models:
        field = model.translated_fields[0]
        # The first row with that text in English (an exchange count's note is often empty).
        obj = next(o for o in model._default_manager.order_by("pk") if o.english(field))
        assert getattr(obj, f"{field}_uk"), (model, "the record's data files translate it")
        model._default_manager.filter(pk=obj.pk).update(**{f"{field}_uk": None})
        obj.refresh_from_db()
        obj.mark_translation_reviewed("ru")
        obj.save()
        # The English changes after the review, by a path that skips the form.
        model._default_manager.filter(pk=obj.pk).update(
            **{f"{field}_en": getattr(obj, f"{field}_en") + " (corrected)"}
        )
        changed[model] = admin_url(obj)

    page = pavlo.get(DESK).content.decode()
    sections = {
        name: page.split(f'id="desk-{name}"', 1)[1].split("</details>", 1)[0]
        for name in ("uk-missing", "ru-outdated", "ru-unreviewed", "uk-unreviewed")
    }
    for model, url in changed.items():
        assert url in sections["uk-missing"], model
        assert url in sections["ru-outdated"], model
        assert url not in sections["ru-unreviewed"], model
    # The rest of the record's translations are machine-assisted: listed as not reviewed.
    assert sections["uk-unreviewed"].count("<li>") >= 10
    index = pavlo.get("/admin/").content.decode()
    assert f"Translations missing or outdated: {before + 2 * len(changed)}" in index

    # An editor is not sent to published records they may not change: only drafts are listed.
    draft = Round.objects.published().order_by("pk").first()
    Round.objects.filter(pk=draft.pk).update(
        publication_status=PublicationStatus.DRAFT, title_uk=None
    )
    ana = Client()
    ana.force_login(editor)
    desk = ana.get(DESK).content.decode()
    assert admin_url(draft) in desk
    for url in changed.values():
        if url != admin_url(draft):
            assert url not in desk, url
    assert "published records are a publisher" in desk
