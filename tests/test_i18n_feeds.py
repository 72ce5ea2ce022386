"""Every feed and calendar in English (no prefix), Ukrainian (/uk/) and Russian (/ru/).

Every feed and calendar route of public/urls.py, found by its name (a new one is covered without
anyone listing it), with a real example from the Istanbul record, in each language: it answers,
a real parser reads it (feedparser, icalendar), it says its language, the words the code wrote
into the English one are not left in the others, and an ETag of one language never earns a 304
in another.

"The words the code wrote" are found, not listed: the English answer is fetched while every
gettext call is recorded, and each literal part of each message used ("Round ", " added") that
the English text shows is an interface word. The record's text is the same in every language,
so such a part must occur fewer times in the Ukrainian or Russian text than in the English:
only its uses inside the record's text may remain.
"""

import re

import feedparser
import icalendar
import pytest
from django.urls import reverse
from django.utils import translation
from django.utils.translation import trans_real

from public.urls import urlpatterns

pytestmark = pytest.mark.usefixtures("istanbul_record_for_module")

PREFIXES = {"en": "", "uk": "/uk", "ru": "/ru"}
# A message's placeholders: what is left between them is the message's own words.
PLACEHOLDER = re.compile(r"%(?:\(\w+\))?[sd]")


def feeds_and_calendars() -> list[str]:
    """Every feed and calendar route of the site, English address, with a real example (round 2
    of the Istanbul talks, round 1 of the trilateral track, the Istanbul track, Umerov, the
    ceasefire issue)."""
    examples = {"number": 2, "track_slug": "trilateral", "slug": None}
    slugs = {
        "track-changes-feed": "istanbul",
        "person-changes-feed": "rustem-umerov",
        "issue-changes-feed": "ceasefire",
    }
    urls = []
    with translation.override("en"):
        for pattern in urlpatterns:
            name = pattern.name or ""
            if not (name.endswith("-feed") or "calendar" in name or "-feed-" in name):
                continue
            kwargs = {
                key: slugs.get(name) if key == "slug" else examples[key]
                for key in pattern.pattern.converters
            }
            if name.endswith("-in-track"):
                kwargs["number"] = 1
            urls.append(reverse(f"public:{name}", kwargs=kwargs))
    return urls


def is_calendar(url: str) -> bool:
    return url.endswith(".ics")


def texts(url: str, body: bytes) -> str:
    """What a reader sees of a feed or calendar: its and its entries' words, parsed."""
    if is_calendar(url):
        calendar = icalendar.Calendar.from_ical(body)
        return "\n".join(
            str(component[name])
            for component in calendar.walk()
            for name in ("NAME", "X-WR-CALNAME", "SUMMARY", "DESCRIPTION")
            if name in component
        )
    feed = feedparser.parse(body)
    assert not feed.bozo, (url, feed.get("bozo_exception"))
    parts = [feed.feed.get(key, "") for key in ("title", "subtitle", "author")]
    for entry in feed.entries:
        parts += [entry.get("title", ""), entry.get("summary", "")]
    return "\n".join(parts)


def declared_language(url: str, body: bytes) -> str:
    """The language the feed or calendar says it is in; every text property the code writes
    words into must agree with it."""
    if not is_calendar(url):
        feed = feedparser.parse(body)
        return feed.feed.language
    calendar = icalendar.Calendar.from_ical(body)
    language = str(calendar["PRODID"]).rsplit("//", 1)[1].lower()
    for component in calendar.walk():
        for name in ("NAME", "X-WR-CALNAME", "SUMMARY", "DESCRIPTION"):
            if name in component:
                # English, the default, is not written (its bytes are what they always were).
                said = component[name].params.get("LANGUAGE", "en")
                assert said == language, (url, name, said, language)
    return language


@pytest.fixture
def recorded_messages(monkeypatch):
    """The msgids translated while the test runs (templates and Python alike)."""
    used = set()
    original = trans_real.gettext

    def recording(message):
        used.add(str(message).split("\x04")[-1])  # pgettext's context is not shown
        return original(message)

    monkeypatch.setattr(trans_real, "gettext", recording)
    monkeypatch.setattr(translation._trans, "gettext", recording)
    return used


def interface_words(used: set[str], english: str) -> set[str]:
    """The literal parts of the messages used that the English text shows."""
    parts = {part.strip() for message in used for part in PLACEHOLDER.split(message)}
    return {part for part in parts if re.search(r"[A-Za-z]{3}", part) and part in english}


@pytest.mark.django_db
def test_every_feed_and_calendar_answers_in_each_language_in_that_language(
    client, recorded_messages
):
    urls = feeds_and_calendars()
    assert len(urls) >= 9
    for url in urls:
        recorded_messages.clear()
        english = client.get(url)
        assert english.status_code == 200, url
        english_text = texts(url, english.content)
        assert declared_language(url, english.content) == "en", url
        words = interface_words(recorded_messages, english_text)
        # The feed's title at least, or the calendar's name.
        assert words, url
        for code in ("uk", "ru"):
            # Fetched after the English: a copy shared between languages would show here.
            response = client.get(PREFIXES[code] + url)
            assert response.status_code == 200, (code, url)
            assert response["Content-Language"] == code, (code, url)
            assert declared_language(url, response.content) == code, (code, url)
            text = texts(url, response.content)
            left = [word for word in words if text.count(word) >= english_text.count(word)]
            assert not left, (code, url, left)


@pytest.mark.django_db
def test_an_etag_of_one_language_is_no_304_in_another(client):
    for url in feeds_and_calendars():
        etags = {}
        for code, prefix in PREFIXES.items():
            response = client.get(prefix + url)
            etags[code] = response["ETag"]
            # Its own ETag is a 304, as it always was.
            again = client.get(prefix + url, headers={"if-none-match": etags[code]})
            assert again.status_code == 304, (code, url)
        assert len(set(etags.values())) == len(PREFIXES), url
        for code, prefix in PREFIXES.items():
            for other, etag in etags.items():
                if other == code:
                    continue
                response = client.get(prefix + url, headers={"if-none-match": etag})
                assert response.status_code == 200, (code, other, url)
                assert declared_language(url, response.content) == code, (code, other, url)


@pytest.mark.django_db
def test_a_feed_in_another_language_is_another_feed(client):
    """Atom ids: the English ones as they always were, others with the language, so a reader
    subscribed to two languages keeps each one's entries apart."""
    for url in feeds_and_calendars():
        if is_calendar(url):
            continue
        ids = {}
        for code, prefix in PREFIXES.items():
            feed = feedparser.parse(client.get(prefix + url).content)
            ids[code] = {feed.feed.id, *(entry.id for entry in feed.entries)}
            if code == "en":
                assert not [i for i in ids[code] if i.endswith(("/uk", "/ru"))], url
            else:
                assert all(i.endswith("/" + code) for i in ids[code]), (code, url)
        assert not ids["en"] & ids["uk"], url
        assert not ids["uk"] & ids["ru"], url


@pytest.mark.django_db
def test_a_rounds_feed_and_calendar_address_is_in_the_active_language(client):
    from talks.models import Round

    round_ = Round.objects.published().select_related("track").get(track__slug="istanbul", number=2)
    for code, prefix in PREFIXES.items():
        with translation.override(code):
            assert round_.get_feed_url() == prefix + "/feeds/rounds/2/changes.atom"
            assert round_.get_calendar_url() == prefix + "/rounds/2.ics"
        page = client.get(prefix + "/rounds/2/").content.decode()
        assert f'href="{prefix}/feeds/rounds/2/changes.atom"' in page, code
        assert f'href="{prefix}/rounds/2.ics"' in page, code
        # The long form of a round's address still leads to its one address in the language.
        response = client.get(prefix + "/tracks/istanbul/rounds/2.ics")
        assert response.status_code == 301
        assert response["Location"] == prefix + "/rounds/2.ics"


def test_every_field_whose_change_is_news_has_a_name_in_each_language():
    """ "Changed: held on, venue." names the fields of a change: each field of a kind whose
    changes are news is named in Ukrainian and Russian, and in English by its verbose name."""
    from record.changes import _tracked_fields, field_name
    from record.kinds import NEWS

    fields = {field for kind in NEWS for field in _tracked_fields(kind.model)}
    assert len(fields) > 50
    for field in fields:
        with translation.override("en"):
            assert field_name(field) == str(field.verbose_name)
        for code in ("uk", "ru"):
            with translation.override(code):
                named = field_name(field)
            assert named != str(field.verbose_name), (code, field)
            assert not re.search(r"[a-z]{3}", named.replace("Wikidata", "")), (code, named)


@pytest.mark.django_db
@pytest.mark.parametrize(("code", "changed"), [("uk", "Змінено"), ("ru", "Изменено")])
def test_an_update_names_its_fields_in_the_feeds_language(client, code, changed):
    from talks.models import Round

    round_ = Round.objects.get(track__slug="istanbul", number=2)
    round_.timing_note = "Began two hours late."
    round_.save()
    english = feedparser.parse(client.get("/feeds/rounds/2/changes.atom").content)
    assert english.entries[0].summary == "Changed: timing note."
    feed = feedparser.parse(client.get(f"/{code}/feeds/rounds/2/changes.atom").content)
    summary = feed.entries[0].summary
    assert summary.startswith(changed), summary
    assert "timing note" not in summary


def site_links(url: str, body: bytes) -> list[str]:
    """Every link a feed or calendar gives to the site's pages: the feed's and its entries'
    links, the calendar's URL and each event's."""
    if is_calendar(url):
        calendar = icalendar.Calendar.from_ical(body)
        return [str(c["URL"]) for c in calendar.walk() if "URL" in c]
    feed = feedparser.parse(body)
    links = [link.href for link in feed.feed.get("links", [])]
    for entry in feed.entries:
        links += [link.href for link in entry.get("links", [])]
    return [link for link in links if link.startswith("http://testserver/")]


@pytest.mark.django_db
def test_every_link_of_a_feed_or_calendar_leads_to_pages_in_its_language(client):
    """A reader of the Ukrainian calendar who follows its link lands on the Ukrainian site."""
    for url in feeds_and_calendars():
        for code in ("uk", "ru"):
            body = client.get(PREFIXES[code] + url).content
            links = site_links(url, body)
            assert links, (code, url)
            wrong = [link for link in links if not link.startswith(f"http://testserver/{code}/")]
            assert not wrong, (code, url, wrong)
