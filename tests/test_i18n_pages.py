"""The public site's interface in English (no prefix), Ukrainian (/uk/) and Russian (/ru/).

Every page type of tests/browser/reader_pages.py (each route of public/urls.py with a real
example from the Istanbul record) in each language: the page answers, says its language, links
itself in the other languages (the switcher and the hreflang alternates), and a Ukrainian or
Russian page shows no English heading. English pages stay where and as they were, whatever
Accept-Language says.
"""

import html
import re

import pytest
from django.template import Context, Template
from django.utils import translation

from tests.browser.reader_pages import reader_pages

pytestmark = pytest.mark.usefixtures("istanbul_record_for_module")

PREFIXES = {"en": "", "uk": "/uk", "ru": "/ru"}
# The API's docs, served by another app (drf-spectacular) in English only.
NOT_TRANSLATED = {"api-docs"}
# English interface text of every page (header, footer, citation box) that must not be left on
# a page in another language.
ENGLISH_INTERFACE = [
    "Skip to main content",
    ">Search the record<",
    ">Change log<",
    '<h2 id="cite-page-heading">Cite this page</h2>',
]


@pytest.fixture
def pages(django_db_blocker):
    # English addresses, whatever language an earlier request left active in this thread.
    with django_db_blocker.unblock(), translation.override("en"):
        found, missing = reader_pages()
    assert not missing
    return {label: url for label, url in found.items() if label not in NOT_TRANSLATED}


def in_language(url: str, code: str) -> str:
    return PREFIXES[code] + url


def alternates(page: str) -> dict[str, str]:
    found = re.findall(r'<link rel="alternate" hreflang="([\w-]+)" href="([^"]+)">', page)
    return {code: html.unescape(href) for code, href in found}


def switcher(page: str) -> dict[str, str]:
    nav = page.split('<nav class="language-switcher"', 1)[1].split("</nav>", 1)[0]
    found = re.findall(r'<a href="([^"]+)" hreflang="(\w+)"', nav)
    return {code: html.unescape(href) for href, code in found}


@pytest.mark.django_db
@pytest.mark.parametrize("code", ["en", "uk", "ru"])
def test_every_page_type_answers_in_each_language_and_links_its_other_languages(
    client, pages, code
):
    assert len(pages) >= 20
    graphics = 0
    for label, url in pages.items():
        response = client.get(in_language(url, code))
        assert response.status_code == 200, (label, code)
        page = response.content.decode()
        assert f'<html lang="{code}">' in page, (label, code)
        assert response["Content-Language"] == code
        links = switcher(page)
        assert links == {other: in_language(url, other) for other in PREFIXES}, label
        current = f'hreflang="{code}" lang="{code}" aria-current="true">'
        assert current in page, (label, code)
        hreflang = alternates(page)
        assert hreflang == {
            **{other: "http://testserver" + in_language(url, other) for other in PREFIXES},
            "x-default": "http://testserver" + url,
        }, label
        if code != "en":
            left = [text for text in ENGLISH_INTERFACE if text in page]
            assert not left, (label, code, left)
            graphics += _check_graphics_and_feed_links(page, code, label)
    if code != "en":
        assert graphics >= 3  # the timeline's and the commitment charts at least


# Numbers the browser reads, in any language: coordinates and sizes of every SVG graphic.
SVG_NUMBER_ATTRIBUTES = re.compile(
    r'\s(?:x|y|x1|x2|y1|y2|cx|cy|r|dx|dy|width|height|viewBox|points|d|transform)="([^"]*)"'
)


def _check_graphics_and_feed_links(page: str, code: str, label: str) -> int:
    """Ukrainian and Russian write 3,5 for 3.5, but an SVG coordinate of "3,5%" is no number: a
    graphic's geometry is written the same in every language, only its words change. Feeds and
    calendars are linked in the page's language (the site's feed and calendar from every page,
    in `<link rel="alternate">` and the footer), and so is the API. Returns how many graphics
    the page has."""
    svgs = re.findall(r"<svg\b.*?</svg>", page, flags=re.S)
    for svg in svgs:
        commas = [v for v in SVG_NUMBER_ATTRIBUTES.findall(svg) if re.search(r"\d,\d", v)]
        assert not commas, (label, code, commas[:3])
    feeds = re.findall(r'href="(?:https?://[^/"]+)?(/[^"]*(?:\.atom|\.ics))"', page)
    assert len(feeds) >= 4, (label, code)  # the site's feed and calendar, twice each
    elsewhere = [href for href in feeds if not href.startswith(f"/{code}/")]
    assert not elsewhere, (label, code, elsewhere[:3])
    # The API's data is linked in the page's language too (the header's and footer's "API" at
    # least); the API takes it from ?lang=, never from a prefix. Its schema and docs are English.
    api_links = [
        href.replace("&amp;", "&")
        for href in re.findall(r'href="(?:https?://[^/"]+)?(/api/[^"]*)"', page)
        if not href.startswith(("/api/docs/", "/api/schema/"))
    ]
    assert len(api_links) >= 2, (label, code)
    english = [href for href in api_links if not re.search(rf"[?&]lang={code}(?:&|$)", href)]
    assert not english, (label, code, english[:3])
    return len(svgs)


@pytest.mark.django_db
def test_the_home_page_headings_are_in_the_pages_language(client):
    headings = {
        "": ["Latest developments", "Key figures", "Explore the record"],
        "/uk": ["Останні події", "Ключові цифри", "Розділи хроніки"],
        "/ru": ["Последние события", "Ключевые цифры", "Разделы хроники"],
    }
    for prefix, expected in headings.items():
        page = client.get(prefix + "/").content.decode()
        for heading in expected:
            assert heading in page, (prefix, heading)
    ukrainian = client.get("/uk/").content.decode()
    assert not [h for h in headings[""] if h in ukrainian]
    # The footer's review date: the month in the page's language, in the genitive after a day.
    assert "Хроніку перевірено до 15 травня 2026" in ukrainian
    assert "Хроника проверена до 15 мая 2026" in client.get("/ru/").content.decode()
    assert "Record reviewed to 15 May 2026" in client.get("/").content.decode()


@pytest.mark.django_db
def test_the_switcher_keeps_the_object_and_the_query_string(client):
    url = "/timeline/?track=istanbul&side=ukraine&page=1"
    page = client.get(url).content.decode()
    links = switcher(page)
    assert links == {"en": url, "uk": "/uk" + url, "ru": "/ru" + url}


@pytest.mark.django_db
def test_accept_language_never_redirects_or_changes_an_address_without_a_prefix(client):
    for language in ("uk", "ru", "uk-UA,uk;q=0.9,ru;q=0.8"):
        response = client.get("/", headers={"accept-language": language})
        assert response.status_code == 200
        assert '<html lang="en">' in response.content.decode()
        # The page does not depend on the header, so caches must not be split by it.
        assert "Accept-Language" not in response.get("Vary", "")
        round_page = client.get("/rounds/2/", headers={"accept-language": language})
        assert round_page.status_code == 200
        assert '<html lang="en">' in round_page.content.decode()


@pytest.mark.django_db
def test_a_missing_page_is_a_404_in_the_language_of_its_address(client):
    page = client.get("/uk/rounds/987654/")
    assert page.status_code == 404
    assert "<h1>Сторінку не знайдено</h1>" in page.content.decode()
    # The same address in each language, as for a page that is there.
    assert switcher(page.content.decode())["en"] == "/rounds/987654/"
    unknown = client.get("/ru/no/such/address/")
    assert unknown.status_code == 404
    assert "<h1>Страница не найдена</h1>" in unknown.content.decode()
    # An address that names no page at all: the switcher leads to each language's home.
    assert switcher(unknown.content.decode()) == {"en": "/", "uk": "/uk/", "ru": "/ru/"}
    assert "<h1>Page not found</h1>" in client.get("/rounds/987654/").content.decode()


@pytest.mark.django_db
def test_the_api_has_no_language_prefix_and_takes_its_language_from_the_request(client):
    # The site's language is its address's; the API's is the request's (`?lang=`, else
    # Accept-Language: tests/test_api_language.py, #15), so there is no /uk/api/.
    assert client.get("/api/v1/")["Content-Language"] == "en"
    response = client.get("/api/v1/", headers={"accept-language": "uk"})
    assert response.status_code == 200
    assert response["Content-Language"] == "uk"
    assert client.get("/uk/api/v1/").status_code == 404


@pytest.mark.django_db
def test_english_numbers_keep_their_comma_and_ukrainian_ones_a_space(client):
    template = Template("{% load humanize %}{{ n|intcomma }}")
    with translation.override("en"):
        assert template.render(Context({"n": 6057})) == "6,057"
    with translation.override("uk"):
        assert template.render(Context({"n": 6057})) == "6\xa0057"


@pytest.mark.parametrize(
    ("code", "expected"),
    [
        ("uk", {1: "1 раунд", 2: "2 раунди", 5: "5 раундів", 21: "21 раунд", 12: "12 раундів"}),
        ("ru", {1: "1 раунд", 2: "2 раунда", 5: "5 раундов", 21: "21 раунд", 12: "12 раундов"}),
    ],
)
def test_plurals_have_three_forms_in_ukrainian_and_russian(code, expected):
    template = Template(
        "{% load i18n %}{% blocktranslate count counter=n %}{{ counter }} round"
        "{% plural %}{{ counter }} rounds{% endblocktranslate %}"
    )
    with translation.override(code):
        for n, text in expected.items():
            assert template.render(Context({"n": n})) == text
