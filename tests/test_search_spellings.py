"""Names as people type them (section 4 of the 2026 review): Ukrainian and Russian Cyrillic, the
Ukrainian national romanization, German, French and Turkish press spellings, abbreviations per
language, city names per language — found by the site's search and the API's `q=`, all from the
data files' aliases, on the loaded record."""

import pytest

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def record(istanbul_record_for_module):
    """Read-only tests: the record is loaded once for the module."""


def site_hits(client, query) -> str:
    response = client.get("/search/", {"q": query})
    assert response.status_code == 200
    return response.text


def api_names(client, path, query) -> set[str]:
    response = client.get(path, {"q": query, "page_size": 100})
    assert response.status_code == 200
    return {row["name"] for row in response.json()["results"]}


@pytest.mark.parametrize(
    ("query", "name"),
    [
        ("Мединський", "Vladimir Medinsky"),  # Ukrainian Cyrillic for a Russian
        ("Medinski", "Vladimir Medinsky"),  # German and French press
        ("Фідан", "Hakan Fidan"),
        ("Фидан", "Hakan Fidan"),
        ("Ердоган", "Recep Tayyip Erdoğan"),
        ("Эрдоган", "Recep Tayyip Erdoğan"),
        ("Umjerow", "Rustem Umerov"),  # German press
        ("Oumerov", "Rustem Umerov"),  # French press
        ("Serhii Kyslytsia", "Serhiy Kyslytsia"),  # Ukraine's national romanization
        ("Острянський", "Yevhenii Ostrianskyi"),  # had no Cyrillic before the review
        ("Дяков", "Oleksandr Diakov"),
        ("Selenskyj", "Volodymyr Zelensky"),
        ("Віткофф", "Steve Witkoff"),
        ("Уиткофф", "Steve Witkoff"),
        ("Буданов", "Kyrylo Budanov"),
        ("Uschakow", "Yuri Ushakov"),
        ("Шмыгаль", "Denys Shmyhal"),
        ("Калюш", "Mark Kaliush"),
    ],
)
def test_people_by_any_spelling(client, query, name):
    assert f">{name}</a>" in site_hits(client, query)
    assert name in api_names(client, "/api/v1/people/", query)


@pytest.mark.parametrize(
    ("query", "name"),
    [
        ("ГУР", "Defence Intelligence of Ukraine"),
        ("DIU", "Defence Intelligence of Ukraine"),
        ("СБУ", "Security Service of Ukraine"),
        ("РНБО", "National Security and Defence Council of Ukraine"),
        ("СНБО", "National Security and Defence Council of Ukraine"),
        ("ОАЕ", "United Arab Emirates"),
        ("ОАЭ", "United Arab Emirates"),
        ("Émirats arabes unis", "United Arab Emirates"),
        ("Координаційний штаб", "Coordination Headquarters for the Treatment of Prisoners of War"),
    ],
)
def test_organizations_by_abbreviation_in_each_language(client, query, name):
    assert f">{name}</a>" in site_hits(client, query)
    assert name in api_names(client, "/api/v1/organizations/", query)


@pytest.mark.parametrize(
    ("query", "titles"),
    [
        ("Женева", {"US–Ukraine talks in Geneva", "Trilateral round in Geneva"}),
        ("Genève", {"US–Ukraine talks in Geneva", "Trilateral round in Geneva"}),
        ("Cenevre", {"Trilateral round in Geneva"}),
        ("Абу-Дабі", {"First trilateral round, Abu Dhabi", "Second trilateral round, Abu Dhabi"}),
        ("Абу-Даби", {"First trilateral round, Abu Dhabi"}),
        ("Стамбул", {"First round in Istanbul", "Third round in Istanbul"}),
        ("İstanbul", {"Second round in Istanbul"}),
        ("Аляска", {"Trump–Putin summit in Anchorage"}),
    ],
)
def test_rounds_by_the_name_of_their_city_in_any_language(client, query, titles):
    page = site_hits(client, query)
    for title in titles:
        assert title in page, title
    response = client.get("/api/v1/rounds/", {"q": query, "page_size": 100})
    found = {row["title"] for row in response.json()["results"]}
    assert titles <= found
    hits = client.get("/api/v1/search/", {"q": query}).json()["results"]
    assert {h["type"] for h in hits} >= {"round"}
