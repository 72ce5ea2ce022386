"""Search on the real Istanbul record (manage.py load_istanbul)."""

import pytest
from django.urls import reverse

from actors.models import Person
from talks.models import Round

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def record(istanbul_record_for_module):
    """Read-only tests: the record is loaded once for the module."""


def search(client, query):
    response = client.get(reverse("public:search"), {"q": query})
    assert response.status_code == 200
    return response.text


@pytest.mark.parametrize("query", ["Umierov", "Umyerov", "умєров", "УМЄРОВ"])
def test_other_spellings_find_rustem_umerov(client, query):
    umerov = Person.objects.get(name="Rustem Umerov")
    assert f'<a href="{umerov.get_absolute_url()}">Rustem Umerov</a>' in search(client, query)


@pytest.mark.parametrize("query", ["Чирагань", "Ciragan", "çırağan"])
def test_ciragan_finds_rounds_2_and_3_only(client, query):
    text = search(client, query)
    for number in (2, 3):
        assert (
            f'href="{Round.objects.get(track__slug="istanbul", number=number).get_absolute_url()}"'
            in text
        )
    assert (
        f'href="{Round.objects.get(track__slug="istanbul", number=1).get_absolute_url()}"'
        not in text
    )


def test_medinsky_in_cyrillic_finds_him(client):
    assert ">Vladimir Medinsky</a>" in search(client, "мединский")


def test_the_russian_memorandum_is_found(client):
    text = search(client, "memorandum")
    assert ">Documents</h2>" in text
    assert "Memorandum of the Russian Federation" in text


def test_bodies_finds_the_commitment_and_the_june_repatriations(client):
    text = search(client, "bodies")
    assert ">Commitments</h2>" in text
    assert "Return of bodies, 6,000 for 6,000" in text
    assert ">Exchanges</h2>" in text
    assert "Repatriation of bodies" in text


def test_search_on_the_record_costs_fifteen_queries(client, django_assert_num_queries):
    # The other spellings of names in the query (one UNION); one per searched kind: people,
    # organizations, venues, tracks, rounds, issues, events, documents, positions, commitments,
    # exchanges, sources; the record's review date in the footer; and when the record last
    # changed ("Cite this page").
    with django_assert_num_queries(15):
        search(client, "ceasefire")
