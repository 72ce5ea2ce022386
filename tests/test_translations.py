"""The record's own texts in Ukrainian and Russian (modeltranslation's `<field>_uk`/`<field>_ru`
columns): what readers see on the translated pages, what search finds, what each translation's
state is, and that history and the data files carry them. Every kind with translations is
checked, not one example."""

import re
from html.parser import HTMLParser

import pytest
import yaml
from django.apps import apps
from django.utils import translation

from actors.models import Membership
from positions.models import Commitment, ExchangeCount, Issue, Position, Provision
from provenance.translated import Translated
from record.loader.files import DataFileError
from record.loader.load import Loader
from record.loader.spec import SPECS
from talks.models import (
    City,
    Delegation,
    Participant,
    Round,
    StandingDelegation,
    StandingMember,
    Venue,
)
from tests.factories import (
    CommitmentFactory,
    DelegationFactory,
    DocumentFactory,
    EventFactory,
    ExchangeCountFactory,
    ExchangeFactory,
    IssueFactory,
    MembershipFactory,
    OrganizationFactory,
    ParticipantFactory,
    PersonFactory,
    PositionFactory,
    ProvisionFactory,
    RoundFactory,
    StandingDelegationFactory,
    StandingMemberFactory,
    TrackFactory,
    VenueFactory,
)
from tests.test_loader_keys import data_dir, read, write  # noqa: F401  (data_dir is a fixture)

pytestmark = pytest.mark.django_db

NOT_TRANSLATED = {"uk": "Ще не перекладено", "ru": "Ещё не переведено"}
UNREVIEWED = {
    "uk": "Переклад з машинною допомогою, ще не перевірений",
    "ru": "Перевод с машинной помощью, ещё не проверен",
}

OUTDATED = {
    "uk": "Англійський текст змінився після цього перекладу: переклад може бути застарілим",
    "ru": "Английский текст изменился после этого перевода: перевод может быть устаревшим",
}

# Each kind with translations: how to make a published row of it with every translated field in
# English, and the page that shows it (positions are shown on their issue's page; a city and a
# venue on the page of a round held there; delegations and who was in them on their round's or
# track's page).
KINDS = {
    "track": lambda: TrackFactory(
        slug="trilateral",
        short_name="Trilateral",
        summary="The talks of three.",
        dates_note="Dates in Abu Dhabi.",
    ),
    "round": lambda: RoundFactory(
        summary="The sides met.", timing_note="About 13:30.", format_note="Face to face."
    ),
    "issue": lambda: IssueFactory(description="Prisoners.", movement_summary="Moved."),
    "position": lambda: PositionFactory(summary="Exchange all for all."),
    "commitment": lambda: CommitmentFactory(
        description="An exchange.", target_note="1,000 each.", status_note="Carried out."
    ),
    "person": lambda: PersonFactory(biography="A negotiator."),
    "organization": lambda: OrganizationFactory(
        short_name="MoD", description="A ministry of defence."
    ),
    "membership": lambda: MembershipFactory(note="Held during the talks."),
    "document": lambda: DocumentFactory(summary="Russia's terms."),
    "provision": lambda: ProvisionFactory(section="I. Final settlement"),
    "exchange": lambda: ExchangeFactory(
        summary="Both sides received 390.",
        linkage_note="Stated by both sides.",
        mediator_note="Assisted by the UAE.",
    ),
    "exchange_count": lambda: ExchangeCountFactory(note="Servicemen."),
    "city": lambda: RoundFactory(venue=VenueFactory(city="Geneva", country_code="CH")).venue.city,
    "venue": lambda: RoundFactory(venue=VenueFactory(description="By the Bosphorus.")).venue,
    "standingdelegation": lambda: StandingDelegationFactory(summary="For the talks."),
    "standingmember": lambda: StandingMemberFactory(
        title_at_time="Minister of Defence", note="Named later."
    ),
    "delegation": lambda: DelegationFactory(
        appointing_act="Decree No. 306/2025", summary="Twelve members."
    ),
    "participant": lambda: ParticipantFactory(
        title_at_time="Minister of Defence", note="At the table."
    ),
    "event": lambda: EventFactory(summary="The Kremlin names its delegation."),
}
# Kinds whose texts are shown inside another record's block (a provision in its document's, a
# count in its exchange's, a post in its person's): that block carries the page's one
# translation note, and the part's own texts are marked lang="en" until translated.
PARTS = {"provision", "exchange_count", "membership"}

# The record whose page shows a row: its own, or the one it is part of.
SHOWN_ON = {
    Position: "issue",
    Provision: "document",
    ExchangeCount: "exchange",
    Membership: "person",
}

# Kinds shown inside another record's block, with no translation note of their own: a reader
# sees their English marked lang="en" among the parent's texts.
INSIDE = {"city", "venue", "standingmember", "participant"}
# Kinds whose page shows their Markdown text (summary, biography or description).
MARKDOWN_SHOWN = [kind for kind in KINDS if kind not in {*INSIDE, *PARTS, "delegation"}]


def page_of(obj) -> str:
    owner = SHOWN_ON.get(type(obj))
    if owner:
        return getattr(obj, owner).get_absolute_url()
    if isinstance(obj, City):
        return Round.objects.get(venue__city=obj).get_absolute_url()
    if isinstance(obj, Venue):
        return Round.objects.get(venue=obj).get_absolute_url()
    if isinstance(obj, Delegation | Participant):
        delegation = obj if isinstance(obj, Delegation) else obj.delegation
        return delegation.round.get_absolute_url()
    if isinstance(obj, StandingDelegation | StandingMember):
        standing = obj if isinstance(obj, StandingDelegation) else obj.standing_delegation
        return standing.track.get_absolute_url()
    return obj.get_absolute_url()


# The translation notes a page in another language shows while nothing on it is translated: the
# record's own and, where it is shown inside another record's page, that record's.
NOTES_UNTRANSLATED = {"position": 2, "delegation": 2, "standingdelegation": 2}


def translate(obj, language: str) -> dict[str, str]:
    """Give `obj` a translation of every translated field; returns them by field."""
    texts = {field: f"Переклад {field} {obj.pk} {language}" for field in obj.translated_fields}
    for field, text in texts.items():
        setattr(obj, f"{field}_{language}", text)
    obj.save()
    return texts


def visible(html: str) -> str:
    return re.sub(r"<[^>]+>", " ", html)


def test_every_model_with_translations_is_a_kind_checked_here():
    translated = {model for model in apps.get_models() if issubclass(model, Translated)}
    made = {type(make()) for make in KINDS.values()}
    assert translated == made
    # …and every file of them takes translations.
    in_files = {spec.model for spec in SPECS if spec.is_translated}
    in_files |= {c.spec.model for spec in SPECS for c in spec.children if c.spec.is_translated}
    assert in_files == translated


@pytest.mark.parametrize("language", ["uk", "ru"])
@pytest.mark.parametrize("kind", [kind for kind in KINDS if kind not in INSIDE])
def test_a_page_in_another_language_shows_english_marked_until_translated(client, kind, language):
    obj = KINDS[kind]()
    english_url = page_of(obj)
    url = f"/{language}{english_url}"
    english = obj.english(obj.translated_fields[0])

    page = client.get(url).content.decode()
    assert english in page
    # Once per object block (a position's page is its issue's, which has its own note; a part
    # is noted with the record it is part of).
    untranslated = visible(page).count(NOT_TRANSLATED[language])
    assert untranslated == NOTES_UNTRANSLATED.get(kind, 1)
    assert f'lang="en">{english}' in page or f'lang="en"><p>{english}' in page
    assert UNREVIEWED[language] not in page

    shown = [field for field in obj.translated_fields if obj.english(field) in page]
    texts = translate(obj, language)
    page = client.get(url).content.decode()
    for field in shown:
        assert texts[field] in page
    if kind in PARTS:
        assert f'lang="en">{english}' not in page
        assert f'lang="en">{texts[obj.translated_fields[0]]}' not in page
        return
    assert visible(page).count(NOT_TRANSLATED[language]) == untranslated - 1
    # Loaded or typed, a translation is machine-assisted until a person reviews it.
    assert visible(page).count(UNREVIEWED[language]) == 1

    obj.mark_translation_reviewed(language)
    obj.save()
    page = client.get(url).content.decode()
    assert UNREVIEWED[language] not in page
    assert visible(page).count(NOT_TRANSLATED[language]) == untranslated - 1

    # English pages never change: no notes, the English text.
    english_page = client.get(english_url).content.decode()
    assert english in english_page
    assert NOT_TRANSLATED[language] not in english_page
    assert texts[obj.translated_fields[0]] not in english_page

    # The English is corrected after the review: the reviewed translation may now be wrong,
    # and the reader is told so (not that it is merely unreviewed).
    field = obj.translated_fields[-1]
    with translation.override("en"):
        setattr(obj, field, obj.english(field) + " Corrected.")
    obj.save()
    page = client.get(url).content.decode()
    assert visible(page).count(OUTDATED[language]) == 1
    assert UNREVIEWED[language] not in page


@pytest.mark.parametrize("language", ["uk", "ru"])
@pytest.mark.parametrize("kind", sorted(INSIDE))
def test_a_text_shown_inside_another_record_is_marked_english_until_translated(
    client, kind, language
):
    obj = KINDS[kind]()
    url = f"/{language}{page_of(obj)}"
    english = obj.english(obj.translated_fields[0])
    assert f'lang="en">{english}<' in client.get(url).content.decode()

    texts = translate(obj, language)
    page = client.get(url).content.decode()
    assert f">{texts[obj.translated_fields[0]]}<" in page
    assert f'lang="en">{english}<' not in page


@pytest.mark.parametrize("path", ["/uk/timeline/", "/uk/"])
def test_the_timeline_shows_an_events_ukrainian_title_and_marks_an_english_one(client, path):
    translated = EventFactory(title="Kremlin names its delegation")
    translated.title_uk = "Кремль називає свою делегацію"
    translated.save()
    EventFactory(title="Rubio and Fidan speak by phone")
    event_url = f"/uk{translated.get_absolute_url()}"
    page = client.get(path).content.decode()
    assert ">Кремль називає свою делегацію</a>" in page
    assert "Kremlin names its delegation" not in page
    assert 'lang="en">Rubio and Fidan speak by phone<' in page

    event_page = client.get(event_url).content.decode()
    assert "<h1>Кремль називає свою делегацію</h1>" in event_page


@pytest.mark.parametrize("kind", KINDS)
def test_translation_state_follows_the_english_and_the_review(kind):
    obj = KINDS[kind]()
    assert obj.translation_state("uk") == "missing"
    assert obj.translation_status == {}

    translate(obj, "uk")
    obj.refresh_from_db()
    assert obj.translation_state("uk") == "unreviewed"
    assert obj.translation_state("ru") == "missing"
    assert obj.translation_status == {"uk": {"reviewed": False, "english": obj.english_digest()}}

    obj.mark_translation_reviewed("uk")
    obj.save()
    obj = type(obj).objects.get(pk=obj.pk)
    assert obj.translation_state("uk") == "reviewed"

    field = obj.translated_fields[-1]
    with translation.override("en"):
        setattr(obj, field, obj.english(field) + " Corrected.")
    obj.save()
    obj = type(obj).objects.get(pk=obj.pk)
    assert obj.translation_state("uk") == "outdated"

    # Saving a changed translation makes it current again, but not reviewed.
    setattr(obj, f"{field}_uk", "Виправлено.")
    obj.save()
    assert obj.translation_state("uk") == "unreviewed"


@pytest.mark.parametrize("kind", KINDS)
def test_reverting_to_a_version_restores_its_translation(kind):
    obj = KINDS[kind]()
    first = translate(obj, "uk")
    field = obj.translated_fields[0]
    setattr(obj, f"{field}_uk", "Інший переклад")
    obj.save()
    version = obj.history.filter(**{f"{field}_uk": first[field]}).earliest("history_date")
    version.instance.save()
    obj = type(obj).objects.get(pk=obj.pk)
    assert getattr(obj, f"{field}_uk") == first[field]
    assert obj.english(field) == version.instance.english(field)


def test_english_addresses_and_queries_are_unchanged_by_a_translation(client):
    issue = IssueFactory(name="Prisoners of war")
    translate(issue, "uk")
    with translation.override("uk"):
        assert str(Issue.objects.get(pk=issue.pk)) == issue.name_uk
    assert Issue.objects.get(name="Prisoners of war") == issue
    assert Issue.objects.values_list("name", flat=True).get(pk=issue.pk) == "Prisoners of war"


@pytest.mark.parametrize("prefix", ["", "/uk", "/ru"])
def test_search_finds_a_round_by_its_ukrainian_summary_in_every_language(client, prefix):
    round_ = RoundFactory(summary="The sides agreed on an exchange.")
    round_.summary_uk = "Сторони домовилися про обмін полоненими біля кордону."
    round_.save()
    page = client.get(f"{prefix}/search/", {"q": "полоненими"}).content.decode()
    assert round_.get_absolute_url() in page
    hits = client.get("/api/v1/search/", {"q": "полоненими"}).json()["results"]
    assert ("round", str(round_)) in [(hit["type"], hit["name"]) for hit in hits]


@pytest.mark.parametrize("kind", ["document", "exchange", "organization"])
def test_search_finds_a_record_by_its_ukrainian_and_its_russian_text(client, kind):
    obj = KINDS[kind]()
    field = obj.translated_fields[0]
    setattr(obj, f"{field}_uk", "Кременчуцький переклад")
    setattr(obj, f"{field}_ru", "Нарьянмарский перевод")
    obj.save()
    for query in ("кременчуцький", "нарьянмарский"):
        for prefix in ("", "/uk", "/ru"):
            page = client.get(f"{prefix}/search/", {"q": query}).content.decode()
            assert obj.get_absolute_url() in page, (query, prefix)


def test_a_document_page_in_ukrainian_shows_its_provisions_in_ukrainian(client):
    """Translated provisions read as Ukrainian; one not yet translated is shown in English and
    marked lang="en", its section heading too."""
    document = DocumentFactory()
    translated = ProvisionFactory(
        document=document, order=1, section="I. Final settlement", text="Neutrality."
    )
    translated.section_uk = "I. Остаточне врегулювання"
    translated.text_uk = "Нейтралітет."
    translated.save()
    ProvisionFactory(document=document, order=2, section="II. Ceasefire", text="No redeployment.")
    page = client.get(f"/uk{document.get_absolute_url()}").content.decode()
    parser = _LanguageOfText()
    parser.feed(page)
    language_of = dict(parser.texts)
    assert language_of["I. Остаточне врегулювання"] == "uk"
    assert language_of["Нейтралітет."] == "uk"
    assert language_of["II. Ceasefire"] == "en"
    assert language_of["No redeployment."] == "en"
    assert "Neutrality." not in page
    assert "I. Final settlement" not in page


def test_data_files_load_translations_unreviewed_unless_the_row_says(data_dir):  # noqa: F811
    path = data_dir / "rounds.yaml"
    rows = read(path)
    rows[0]["summary_uk"] = "Перший раунд."
    rows[0]["title_ru"] = "Первый раунд"
    rows[0]["translations_reviewed"] = ["ru"]
    write(path, rows)
    Loader(data_dir=data_dir).load()
    round_ = Round.objects.get(key=rows[0]["key"])
    assert round_.summary_uk == "Перший раунд."
    assert round_.translation_state("uk") in {"missing", "unreviewed"}
    assert round_.translation_status["uk"]["reviewed"] is False
    assert round_.translation_status["ru"]["reviewed"] is True

    # Leaving a key out clears that translation, like any field; with none left, the language
    # has no status.
    del rows[0]["summary_uk"]
    write(path, rows)
    Loader(data_dir=data_dir).load()
    round_.refresh_from_db()
    assert round_.summary_uk is None
    for key in [key for key in rows[0] if key.endswith("_uk")]:
        del rows[0][key]
    write(path, rows)
    Loader(data_dir=data_dir).load()
    round_.refresh_from_db()
    assert round_.title_uk is None
    assert "uk" not in round_.translation_status


def test_data_check_refuses_a_language_it_does_not_know(data_dir):  # noqa: F811
    path = data_dir / "commitments.yaml"
    rows = read(path)
    rows[0]["translations_reviewed"] = ["de"]
    write(path, rows)
    with pytest.raises(DataFileError, match="translations_reviewed"):
        Loader(data_dir=data_dir).load()


def test_every_translated_file_documents_its_translation_keys():
    from record.loader.files import DATA_DIR

    readme = (DATA_DIR / "README.md").read_text()
    for spec in SPECS:
        if not spec.is_translated:
            continue
        section = readme.split(f"### {spec.file}\n", 1)[1].split("\n### ", 1)[0]
        for field in spec.model.translated_fields:
            for language in ("uk", "ru"):
                assert f"| `{field}_{language}` |" in section, (spec.file, field)
        assert "| `translations_reviewed` |" in section
    assert yaml  # the files are YAML; read() and write() above go through it


def test_commitments_list_marks_each_untranslated_commitment_once(client):
    commitments = [CommitmentFactory(), CommitmentFactory()]
    page = client.get("/uk/commitments/").content.decode()
    assert visible(page).count(NOT_TRANSLATED["uk"]) >= len(commitments)
    assert Commitment.objects.count() == len(commitments)


@pytest.mark.parametrize("kind", KINDS)
def test_the_admin_form_shows_each_translation_next_to_the_english(publisher_client, kind):
    obj = KINDS[kind]()
    opts = obj._meta
    page = publisher_client.get(
        f"/admin/{opts.app_label}/{opts.model_name}/{obj.pk}/change/"
    ).content.decode()
    for field in obj.translated_fields:
        # The English is edited as before, once; the translations come right after it.
        assert page.count(f'name="{field}"') == 1, field
        assert f'name="{field}_en"' not in page
        english_at = page.index(f'name="{field}"')
        for language in ("uk", "ru"):
            assert english_at < page.index(f'name="{field}_{language}"'), (field, language)
    # What is known of each translation, in words, not the stored JSON.
    assert "Ukrainian: missing" in page
    assert '"reviewed"' not in page


@pytest.mark.parametrize("kind", KINDS)
def test_a_publisher_marks_a_translation_reviewed_from_the_list(publisher_client, kind):
    obj = KINDS[kind]()
    translate(obj, "uk")
    opts = obj._meta
    publisher_client.post(
        f"/admin/{opts.app_label}/{opts.model_name}/",
        {"action": "mark_uk_reviewed", "_selected_action": [obj.pk]},
    )
    obj = type(obj).objects.get(pk=obj.pk)
    assert obj.translation_state("uk") == "reviewed"
    assert obj.translation_status["uk"] == {"reviewed": True, "english": obj.english_digest()}
    assert obj.history.latest("history_date").translation_status["uk"]["reviewed"] is True


# Three rows of a kind with more than one translated text (a position has one; the track
# maker's slug is fixed, so it makes one row).
@pytest.mark.parametrize("kind", ["round", "issue", "commitment", "person"])
def test_marking_reviewed_says_what_it_did_and_what_it_skipped(publisher_client, kind):
    """Reviewed once, not twice; a translation with text still missing is not reported as
    reviewed (it would stay missing); no translation at all is said so."""
    complete, partial, none = KINDS[kind](), KINDS[kind](), KINDS[kind]()
    translate(complete, "uk")
    translate(partial, "uk")
    setattr(partial, f"{partial.translated_fields[-1]}_uk", "")
    partial.save()
    opts = complete._meta
    url = f"/admin/{opts.app_label}/{opts.model_name}/"

    def mark(*objs) -> list[str]:
        response = publisher_client.post(
            url,
            {"action": "mark_uk_reviewed", "_selected_action": [obj.pk for obj in objs]},
            follow=True,
        )
        return [str(message) for message in response.context["messages"]]

    said = mark(complete, partial, none)
    assert "1 Ukrainian translation marked reviewed." in said
    assert "1 skipped: some text not translated into Ukrainian yet." in said
    assert "1 skipped: no Ukrainian translation." in said
    assert type(partial).objects.get(pk=partial.pk).translation_state("uk") == "missing"
    assert mark(complete) == ["1 skipped: already reviewed."]


def test_the_change_log_follows_the_english_once_and_not_the_translations():
    from record.changes import recent_changes

    round_ = RoundFactory(summary="The sides met.")
    round_.summary_uk = "Сторони зустрілися."
    round_.save()
    assert [change.summary for change in recent_changes(about=round_)] == ["New round."]

    with translation.override("uk"):
        # Saved from a Ukrainian page's thread: the English stays English.
        round_.summary = "Сторони зустрілися знову."
        round_.save()
    round_ = Round.objects.get(pk=round_.pk)
    assert round_.summary_en == "The sides met."
    assert Round.objects.filter(pk=round_.pk, summary="The sides met.").exists()

    with translation.override("en"):
        round_.summary = "The sides met again."
    round_.save()
    summaries = [change.summary for change in recent_changes(about=round_)]
    assert summaries == ["Changed: summary.", "New round."]


@pytest.mark.parametrize("kind", KINDS)
def test_the_admin_still_requires_the_english_the_model_requires(publisher_client, kind):
    obj = KINDS[kind]()
    for field in obj.translated_fields:
        original = obj._meta.get_field(field)
        assert obj._meta.get_field(f"{field}_en").blank == original.blank
        assert obj._meta.get_field(f"{field}_uk").blank


class _LanguageOfText(HTMLParser):
    """Each text node of a page with the language it is in (the nearest lang attribute)."""

    VOID = {"br", "img", "input", "link", "meta", "hr", "source", "wbr", "area", "col"}

    def __init__(self):
        super().__init__()
        self.stack: list[str | None] = []
        self.texts: list[tuple[str, str]] = []

    def handle_starttag(self, tag, attrs):
        if tag not in self.VOID:
            self.stack.append(dict(attrs).get("lang"))

    def handle_endtag(self, tag):
        if tag not in self.VOID and self.stack:
            self.stack.pop()

    def handle_data(self, data):
        language = next((lang for lang in reversed(self.stack) if lang), "")
        if data.strip():
            self.texts.append((data.strip(), language))


@pytest.mark.parametrize("language", ["uk", "ru"])
@pytest.mark.parametrize("kind", MARKDOWN_SHOWN)
def test_every_part_of_an_untranslated_summary_is_marked_english(client, kind, language):
    """Wherever the record's page shows its untranslated Markdown text (summary, biography or
    description), whole or in parts (a round's lead and its background), every part is marked
    lang="en"."""
    obj = KINDS[kind]()
    field = next(
        name for name in ("summary", "biography", "description") if name in obj.translated_fields
    )
    with translation.override("en"):
        setattr(
            obj,
            field,
            "The sides met in the palace.\n\n**Background**\n\nThey had met before in March.",
        )
    obj.save()
    parser = _LanguageOfText()
    parser.feed(client.get(f"/{language}{page_of(obj)}").content.decode())
    phrases = ("The sides met in the palace.", "They had met before in March.")
    shown = [(text, lang) for text, lang in parser.texts if any(p in text for p in phrases)]
    assert {p for p in phrases if any(p in text for text, _ in shown)} == set(phrases), shown
    assert all(lang == "en" for _, lang in shown), [t for t in shown if t[1] != "en"]
