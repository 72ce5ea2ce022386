"""The admin in the editor's language, the public site in its URL's (#15).

The admin follows the language menu's choice (the language cookie), else Accept-Language, else
English, at the same /admin/ addresses; the public site ignores both. Whatever language the
admin is in, every write path stores each text in its own column: `title` is the English,
`title_uk` and `title_ru` the translations (provenance.translated.records_in_english).
"""

import pytest
from django.conf import settings
from django.core.cache import cache
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse

from positions.models import ExchangeCount, Issue
from provenance.models import PublicationStatus
from tests.admin_forms import form_data
from tests.factories import (
    CommitmentFactory,
    IssueFactory,
    PositionFactory,
    RoundFactory,
    SourceFactory,
)

COOKIE = settings.LANGUAGE_COOKIE_NAME


@pytest.fixture
def in_ukrainian(publisher_client):
    publisher_client.cookies[COOKIE] = "uk"
    return publisher_client


@pytest.fixture
def translated_round(db):
    round_ = RoundFactory(
        title="Round four",
        title_uk="Четвертий раунд",
        title_ru="Четвёртый раунд",
        publication_status=PublicationStatus.DRAFT,
    )
    round_.sources.add(SourceFactory(code="S41"))
    return round_


# --- Which language -----------------------------------------------------------------------------


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("cookie", "accept", "expected"),
    [
        ("uk", "", "uk"),
        ("ru", "uk", "ru"),  # the menu's choice wins over the browser's
        (None, "ru-RU,ru;q=0.9,en;q=0.5", "ru"),
        (None, "", "en"),
        ("xx", "", "en"),  # a cookie naming no language of ours is ignored
    ],
)
def test_the_admin_is_in_the_editors_language(publisher_client, cookie, accept, expected):
    if cookie:
        publisher_client.cookies[COOKIE] = cookie
    response = publisher_client.get("/admin/", HTTP_ACCEPT_LANGUAGE=accept)
    assert response.status_code == 200
    assert f'<html lang="{expected}"' in response.content.decode()
    assert response["Content-Language"] == expected
    assert {"accept-language", "cookie"} <= {v.strip().lower() for v in response["Vary"].split(",")}


@pytest.mark.django_db
def test_the_login_page_too(client):
    client.cookies[COOKIE] = "uk"
    page = client.get(reverse("admin:login"))
    assert '<html lang="uk"' in page.content.decode()


@pytest.mark.django_db
@pytest.mark.parametrize("url", ["/", "/rounds/", "/about/"])
def test_a_public_page_stays_in_its_urls_language_whatever_the_cookie(client, url):
    client.cookies[COOKIE] = "uk"
    response = client.get(url, HTTP_ACCEPT_LANGUAGE="uk")
    assert response.status_code == 200
    assert '<html lang="en"' in response.content.decode()
    assert "accept-language" not in response.get("Vary", "").lower()
    assert '<html lang="ru"' in client.get(f"/ru{url}").content.decode()


@pytest.mark.django_db
def test_the_menu_switches_and_keeps_the_editor_on_the_same_page(publisher_client):
    publisher_client.cookies[COOKIE] = "en"
    page_url = reverse("admin:talks_round_changelist") + "?q=four"
    page = publisher_client.get(page_url)
    menu = form_data(page, "admin-language")
    assert menu["next"] == page_url
    switched = publisher_client.post(reverse("set_language"), {**menu, "language": "uk"})
    assert switched.status_code == 302
    assert switched["Location"] == page_url
    again = publisher_client.get(switched["Location"])
    assert '<html lang="uk"' in again.content.decode()
    assert "Мова" in again.content.decode()


@pytest.mark.django_db
def test_set_language_is_csrf_protected_and_follows_only_safe_urls(publisher):
    client = Client(enforce_csrf_checks=True)
    client.force_login(publisher)
    refused = client.post(reverse("set_language"), {"language": "uk", "next": "/admin/"})
    assert refused.status_code == 403
    page = client.get("/admin/")
    token = form_data(page, "admin-language")["csrfmiddlewaretoken"]
    elsewhere = client.post(
        reverse("set_language"),
        {"language": "uk", "next": "https://evil.example/admin/", "csrfmiddlewaretoken": token},
    )
    assert elsewhere.status_code == 302
    assert "evil.example" not in elsewhere["Location"]


@pytest.mark.django_db
def test_the_page_cache_never_stores_admin_pages_or_the_language_switch(client, settings):
    settings.PAGE_CACHE_SECONDS = 60
    client.cookies[COOKIE] = "uk"
    assert client.get(reverse("admin:login")).status_code == 200
    client.post(reverse("set_language"), {"language": "ru", "next": "/admin/"})
    client.get(reverse("set_language"))
    keys = cache.keys("*") if hasattr(cache, "keys") else list(cache._cache.keys())
    assert not [key for key in keys if "page" in str(key)]


# --- Every write path stores each text in its own column ---------------------------------------


@pytest.mark.django_db
def test_change_form_shows_and_saves_the_english_as_english(in_ukrainian, translated_round):
    url = reverse("admin:talks_round_change", args=[translated_round.pk])
    data = form_data(in_ukrainian.get(url), "round_form")
    assert data["title"] == "Round four"
    assert data["title_uk"] == "Четвертий раунд"
    data.update(title="Round four, Çırağan", title_ru="Четвёртый раунд, Чыраган")
    response = in_ukrainian.post(url, data)
    assert response.status_code == 302, response.context and response.context["errors"]
    translated_round.refresh_from_db()
    assert translated_round.title_en == "Round four, Çırağan"
    assert translated_round.title_uk == "Четвертий раунд"
    assert translated_round.title_ru == "Четвёртый раунд, Чыраган"


@pytest.mark.django_db
def test_add_form_saves_each_language_in_its_column(in_ukrainian):
    url = reverse("admin:positions_issue_add")
    data = form_data(in_ukrainian.get(url), "issue_form")
    data.update(slug="prisoners", name="Prisoners", name_uk="Полонені", name_ru="Пленные")
    response = in_ukrainian.post(url, data)
    assert response.status_code == 302, response.context and response.context["errors"]
    issue = Issue.objects.get(slug="prisoners")
    assert (issue.name_en, issue.name_uk, issue.name_ru) == ("Prisoners", "Полонені", "Пленные")


@pytest.mark.django_db
def test_a_unique_english_name_is_checked_against_the_english_names(in_ukrainian):
    IssueFactory(slug="prisoners", name="Prisoners", name_uk="Полонені")
    url = reverse("admin:positions_issue_add")
    data = form_data(in_ukrainian.get(url), "issue_form")
    data.update(slug="prisoners-2", name="Prisoners")
    response = in_ukrainian.post(url, data)
    assert response.status_code == 200
    assert response.context["errors"]
    assert Issue.objects.count() == 1


@pytest.mark.django_db
def test_inline_rows_keep_english_and_translations_apart(in_ukrainian, translated_round):
    position = PositionFactory(
        round=translated_round,
        summary="Wants all prisoners back",
        summary_uk="Вимагає повернення всіх полонених",
        publication_status=PublicationStatus.DRAFT,
    )
    url = reverse("admin:talks_round_change", args=[translated_round.pk])
    data = form_data(in_ukrainian.get(url), "round_form")
    field = next(k for k, v in data.items() if k.endswith("-summary") and v == position.summary_en)
    data[field] = "Wants every prisoner back"
    response = in_ukrainian.post(url, data)
    assert response.status_code == 302, response.context and response.context["errors"]
    position.refresh_from_db()
    assert position.summary_en == "Wants every prisoner back"
    assert position.summary_uk == "Вимагає повернення всіх полонених"


@pytest.mark.django_db
def test_search_and_ordering_use_the_english(in_ukrainian, translated_round):
    changelist = reverse("admin:talks_round_changelist")
    found = in_ukrainian.get(changelist, {"q": "Round four"})
    assert list(found.context["cl"].result_list) == [translated_round]
    ordered = in_ukrainian.get(changelist, {"o": "2"})
    assert ordered.status_code == 200
    answer = in_ukrainian.get(
        reverse("admin:autocomplete"),
        {"term": "four", "app_label": "positions", "model_name": "position", "field_name": "round"},
    )
    assert answer.status_code == 200
    assert "Round four" in answer.content.decode()


@pytest.mark.django_db
def test_actions_answer_in_the_editors_language_and_touch_no_text(in_ukrainian, translated_round):
    changelist = reverse("admin:talks_round_changelist")
    response = in_ukrainian.post(
        changelist,
        {"action": "mark_uk_reviewed", "_selected_action": [translated_round.pk]},
        follow=True,
    )
    shown = [str(m) for m in response.context["messages"]]
    assert shown
    assert not any("reviewed" in m for m in shown), shown
    in_ukrainian.post(
        changelist, {"action": "submit_for_review", "_selected_action": [translated_round.pk]}
    )
    translated_round.refresh_from_db()
    assert translated_round.publication_status == PublicationStatus.IN_REVIEW
    assert translated_round.translation_state("uk") == "reviewed"
    assert (translated_round.title_en, translated_round.title_uk) == (
        "Round four",
        "Четвертий раунд",
    )


@pytest.mark.django_db
def test_revert_restores_every_language(in_ukrainian, translated_round):
    first = translated_round.history.first()
    url = reverse("admin:talks_round_change", args=[translated_round.pk])
    data = form_data(in_ukrainian.get(url), "round_form")
    in_ukrainian.post(url, {**data, "title": "Wrong", "title_uk": "Хибна"})
    revert = reverse("admin:talks_round_simple_history", args=[translated_round.pk, first.pk])
    page = in_ukrainian.get(revert)
    assert form_data(page, "historicalround_form")["title"] == "Round four"
    assert in_ukrainian.post(revert, form_data(page, "historicalround_form")).status_code == 302
    translated_round.refresh_from_db()
    assert (translated_round.title_en, translated_round.title_uk) == (
        "Round four",
        "Четвертий раунд",
    )


@pytest.mark.django_db
def test_delete_in_ukrainian(in_ukrainian, translated_round):
    url = reverse("admin:talks_round_delete", args=[translated_round.pk])
    assert in_ukrainian.get(url).status_code == 200
    assert in_ukrainian.post(url, {"post": "yes"}).status_code == 302
    assert not type(translated_round).objects.filter(pk=translated_round.pk).exists()


@pytest.mark.django_db
def test_import_in_ukrainian(in_ukrainian):
    SourceFactory(code="S41")
    CommitmentFactory(slug="six-thousand")
    text = (
        "exchange_title,exchange_kind,exchange_occurred_on,commitment,receiving_side,category,"
        "quantity,precision,claimed_by,confidence,note,sources\n"
        "Bodies for bodies,bodies,2025-06-11,six-thousand,ukraine,bodies,1212,exact,ukraine,"
        "single_source,,S41\n"
    )
    url = "/admin/positions/exchangecount/import/"
    upload = SimpleUploadedFile("import.csv", text.encode(), content_type="text/csv")
    dry_run = in_ukrainian.post(url, {"resource": "0", "format": "0", "import_file": upload})
    assert dry_run.status_code == 200
    assert '<html lang="uk"' in dry_run.content.decode()
    confirm = form_data(dry_run, "import-confirm") or {
        "import_file_name": dry_run.context["confirm_form"].initial["import_file_name"],
        "original_file_name": "import.csv",
        "format": "0",
        "resource": "0",
    }
    done = in_ukrainian.post("/admin/positions/exchangecount/process_import/", confirm)
    assert done.status_code == 302
    assert ExchangeCount.objects.get().quantity == 1212
