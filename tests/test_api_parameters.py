"""Parameters and addresses the API refuses or reads right, over every endpoint and filter (#12,
sections 3 and 4).

Each test walks the router's list (api/urls.py RESOURCES) or every filter of every FilterSet, so
a new endpoint or filter is covered without anyone remembering to: orderings, yes/no values,
choices, integers, slugs, `__in` lists, repeated parameters, Django-level refusals, unencoded
text in the query, and URLs typed without their trailing slash.
"""

from urllib.parse import parse_qs, urlsplit

import pytest
from django.db import models
from django_filters import rest_framework as filters
from django_filters.utils import get_model_field

from api.filters import NamesARow, published_rows
from api.urls import RESOURCES

pytestmark = pytest.mark.django_db

PREFIXES = [prefix for prefix, _, _ in RESOURCES]


@pytest.fixture(autouse=True)
def record(istanbul_record_for_module, db):
    """The record is loaded once for the module; each test runs in its own savepoint."""


def assert_json_400(response, *words: str):
    assert response.status_code == 400, response.content[:300]
    assert response["Content-Type"].startswith("application/json"), response["Content-Type"]
    text = response.content.decode()
    for word in words:
        assert word in text, (word, text)
    return response.json()


def filters_of(kind) -> list[tuple[str, str, object, object]]:
    """(resource, parameter, filter, model field) for every filter of every list."""
    found = []
    for prefix, viewset, _ in RESOURCES:
        filterset = viewset.filterset_class
        model = filterset._meta.model
        for name, spec in filterset.base_filters.items():
            field = get_model_field(model, spec.field_name) if spec.field_name else None
            if kind(spec, field):
                found.append((prefix, name, spec, field))
    return found


def _ids(found):
    return [f"{prefix}?{name}" for prefix, name, _, _ in found]


# --- 3. Orderings ----------------------------------------------------------------------------


@pytest.mark.parametrize("suffix", ["/", ".csv"])
@pytest.mark.parametrize("prefix", PREFIXES)
def test_a_doubled_minus_in_ordering_is_a_json_400_naming_the_orderings(client, prefix, suffix):
    viewset = next(v for p, v, _ in RESOURCES if p == prefix)
    field = viewset.ordering_fields[0]
    response = client.get(f"/api/v1/{prefix}{suffix}", {"ordering": f"--{field}"})
    body = assert_json_400(response, f"--{field}")
    message = body["ordering"][0]
    assert all(name in message for name in viewset.ordering_fields), message
    # One minus is still descending order.
    assert client.get(f"/api/v1/{prefix}{suffix}", {"ordering": f"-{field}"}).status_code == 200


@pytest.mark.parametrize("prefix", PREFIXES)
def test_an_empty_item_in_ordering_is_a_json_400(client, prefix):
    viewset = next(v for p, v, _ in RESOURCES if p == prefix)
    field = viewset.ordering_fields[0]
    response = client.get(f"/api/v1/{prefix}/", {"ordering": f"{field},,-{field}"})
    assert_json_400(response, "an empty item")


# --- 3. Yes/no values ------------------------------------------------------------------------

BOOLEANS = filters_of(lambda spec, field: isinstance(spec, filters.BooleanFilter))


@pytest.mark.parametrize(("prefix", "name", "spec", "field"), BOOLEANS, ids=_ids(BOOLEANS))
def test_every_yes_no_filter_refuses_what_is_not_yes_or_no(client, prefix, name, spec, field):
    assert_json_400(client.get(f"/api/v1/{prefix}/", {name: "maybe"}), "maybe", "true", "false")
    yes = client.get(f"/api/v1/{prefix}/", {name: "true", "page_size": 500}).json()["count"]
    no = client.get(f"/api/v1/{prefix}/", {name: "false", "page_size": 500}).json()["count"]
    total = client.get(f"/api/v1/{prefix}/", {"page_size": 500}).json()["count"]
    if field is not None and field.null and spec.lookup_expr == "exact":
        # A field that may be blank: `unknown` selects the blanks, and the three add up.
        unknown = client.get(f"/api/v1/{prefix}/", {name: "unknown"}).json()["count"]
        rows = published_rows(field.model)
        assert unknown == rows.filter(**{f"{spec.field_name}__isnull": True}).count()
        assert yes + no + unknown == total
    else:
        assert yes + no == total
        assert_json_400(client.get(f"/api/v1/{prefix}/", {name: "unknown"}), "unknown")


def test_a_three_valued_field_exists_and_its_unknowns_are_found(client):
    """The kind above must not pass by walking nothing: participants' `at_table` is blank for
    some people (present, not known to be at the table)."""
    nullable = [row for row in BOOLEANS if row[3] is not None and row[3].null]
    assert nullable
    response = client.get("/api/v1/participants/", {"at_table": "unknown"})
    assert response.json()["count"] > 0


# --- 3. Choices and lists --------------------------------------------------------------------

CHOICES = filters_of(
    lambda spec, field: (
        getattr(field, "choices", None) and spec.lookup_expr in ("exact", "in") and not spec.method
    )
)


@pytest.mark.parametrize(("prefix", "name", "spec", "field"), CHOICES, ids=_ids(CHOICES))
def test_every_choice_filter_refuses_an_unknown_value_and_lists_the_choices(
    client, prefix, name, spec, field
):
    choices = [key for key, _ in field.flatchoices if key]
    body = assert_json_400(client.get(f"/api/v1/{prefix}/", {name: "bogus"}), "bogus")
    assert all(key in body[name][0] for key in choices), body
    if isinstance(spec, filters.BaseCSVFilter):
        for empty in ("", ",", "a,,b", f"{choices[0]},"):
            assert_json_400(client.get(f"/api/v1/{prefix}/", {name: empty}), "empty value")


IN_FILTERS = filters_of(lambda spec, field: isinstance(spec, filters.BaseCSVFilter))


@pytest.mark.parametrize(("prefix", "name", "spec", "field"), IN_FILTERS, ids=_ids(IN_FILTERS))
def test_every_in_filter_takes_commas_and_repeats_and_means_the_union(
    client, prefix, name, spec, field
):
    model = next(v for p, v, _ in RESOURCES if p == prefix).filterset_class._meta.model
    values = list(
        published_rows(model)
        .order_by(spec.field_name)
        .values_list(spec.field_name, flat=True)
        .distinct()[:2]
    )
    assert len(values) == 2, f"the record has two values of {prefix}.{spec.field_name}"
    values = [str(value) for value in values]

    def ids(params):
        response = client.get(f"/api/v1/{prefix}/", [*params, ("page_size", 500)])
        assert response.status_code == 200, response.content
        return {row["id"] for row in response.json()["results"]}

    one, two = ids([(name, values[0])]), ids([(name, values[1])])
    assert one
    assert two
    assert ids([(name, ",".join(values))]) == one | two
    # pandas and requests send a list as the parameter repeated.
    assert ids([(name, values[0]), (name, values[1])]) == one | two


def test_organizations_kind_in_takes_commas_like_every_in(client):
    response = client.get("/api/v1/organizations/", {"kind__in": "state,international"})
    assert response.status_code == 200, response.content
    assert {row["kind"] for row in response.json()["results"]} == {"state", "international"}


def test_repeated_sides_give_both_sides_positions(client):
    both = client.get("/api/v1/positions/?side__in=russia&side__in=ukraine&page_size=500").json()
    russia = client.get("/api/v1/positions/?side=russia&page_size=500").json()["count"]
    ukraine = client.get("/api/v1/positions/?side=ukraine&page_size=500").json()["count"]
    assert both["count"] == russia + ukraine > russia


SINGLE = filters_of(
    lambda spec, field: not isinstance(spec, filters.BaseCSVFilter) and spec.field_name
)


@pytest.mark.parametrize(("prefix", "name", "spec", "field"), SINGLE, ids=_ids(SINGLE))
def test_every_single_valued_parameter_given_twice_with_different_values_is_a_400(
    client, prefix, name, spec, field
):
    response = client.get(f"/api/v1/{prefix}/", [(name, "1"), (name, "2")])
    assert_json_400(response, "more than once")


TYPED = filters_of(
    lambda spec, field: (
        spec.field_name
        and not (
            isinstance(spec, filters.CharFilter)
            and not isinstance(spec, filters.BaseCSVFilter)
            and not spec.extra.get("choices")
            and not spec.extra.get("validators")
        )
    )
)


@pytest.mark.parametrize(("prefix", "name", "spec", "field"), TYPED, ids=_ids(TYPED))
def test_every_filter_but_free_text_refuses_an_empty_value(client, prefix, name, spec, field):
    """`?updated_since=` or `?side__in=` says nothing; it is not read as "no filter"."""
    assert_json_400(client.get(f"/api/v1/{prefix}/", {name: ""}), "empty value")


@pytest.mark.parametrize("param", ["ordering", "page", "page_size", "q"])
@pytest.mark.parametrize("prefix", PREFIXES)
def test_common_parameters_given_twice_with_different_values_are_a_400(client, prefix, param):
    response = client.get(f"/api/v1/{prefix}/", [(param, "1"), (param, "2")])
    assert_json_400(response, "more than once")


# --- 3. Integers -----------------------------------------------------------------------------


def _integer(spec, field):
    if isinstance(field, models.ForeignKey):
        field = field.target_field
    return isinstance(spec, filters.NumberFilter) and isinstance(field, models.IntegerField)


INTEGERS = filters_of(_integer)


@pytest.mark.parametrize(("prefix", "name", "spec", "field"), INTEGERS, ids=_ids(INTEGERS))
@pytest.mark.parametrize("value", ["2.9", "2.0", "0.0"])
def test_every_integer_filter_refuses_a_fraction(client, prefix, name, spec, field, value):
    # "2.0" too: Django's IntegerField reads it as 2, and the schema says integer.
    assert_json_400(client.get(f"/api/v1/{prefix}/", {name: value}), "whole number")


def test_round_2_9_is_not_round_2(client):
    assert_json_400(client.get("/api/v1/positions/", {"round": "2.9"}), "whole number")


# --- 3. Slugs and names that name a row ------------------------------------------------------

NAMED = filters_of(
    lambda spec, field: any(isinstance(v, NamesARow) for v in spec.extra.get("validators", ()))
)


@pytest.mark.parametrize(("prefix", "name", "spec", "field"), NAMED, ids=_ids(NAMED))
def test_every_slug_filter_refuses_a_value_no_published_row_has(client, prefix, name, spec, field):
    known = published_rows(field.model).values_list(field.name, flat=True).order_by(field.name)
    first = str(known[0])
    body = assert_json_400(client.get(f"/api/v1/{prefix}/", {name: "zz-missing"}), "zz-missing")
    assert first in body[name][0], body
    assert client.get(f"/api/v1/{prefix}/", {name: first}).status_code == 200


def test_the_slug_filters_include_issues_tracks_and_cities():
    names = {(prefix, name) for prefix, name, _, _ in NAMED}
    assert {("positions", "issue"), ("rounds", "track"), ("venues", "city")} <= names


def test_issue_nato_says_which_issues_exist(client):
    body = assert_json_400(client.get("/api/v1/positions/", {"issue": "nato"}), "nato-alliances")
    assert "prisoners-of-war" in body["issue"][0]


# --- 3. Errors Django raises before a view ---------------------------------------------------


@pytest.mark.parametrize("prefix", PREFIXES)
def test_over_a_thousand_parameters_is_a_json_400(client, prefix):
    query = "&".join(f"q{i}=1" for i in range(1001))
    assert_json_400(client.get(f"/api/v1/{prefix}/?{query}"), "Too many")


@pytest.mark.parametrize("prefix", PREFIXES)
def test_a_host_not_served_is_a_json_400(client, prefix):
    assert_json_400(client.get(f"/api/v1/{prefix}/", HTTP_HOST="evil.example"), "host")


@pytest.mark.parametrize("prefix", PREFIXES)
def test_a_query_that_is_not_utf8_is_a_json_400(client, prefix):
    assert_json_400(client.get(f"/api/v1/{prefix}/?q=%FF%FEx"), "UTF-8")


# --- 4. Unencoded text in the query ----------------------------------------------------------

RAW = "Çırağan"


@pytest.mark.parametrize("prefix", [*PREFIXES, "search"])
def test_links_keep_unencoded_text_as_it_was_typed(client, prefix):
    """The test client puts the URL's UTF-8 bytes in QUERY_STRING as a WSGI server does
    (latin-1); every link of the page must read back as the text typed."""
    response = client.get(f"/api/v1/{prefix}/?q={RAW}&page_size=1")
    assert response.status_code == 200, response.content
    links = [part.split(">")[0].lstrip(" <") for part in response["Link"].split(",")]
    body = response.json()
    links += [body[key] for key in ("next", "previous") if body.get(key)]
    assert links
    for link in links:
        assert parse_qs(urlsplit(link).query)["q"] == [RAW], link


def test_following_next_of_an_unencoded_search_gives_the_second_page(client):
    first = client.get(f"/api/v1/search/?q={RAW}&page_size=1").json()
    assert first["count"] > 1
    assert first["next"]
    second = client.get(first["next"])
    assert second.status_code == 200, second.content
    assert second.json()["results"]
    assert second.json()["results"] != first["results"]


# --- 4. No trailing slash --------------------------------------------------------------------


@pytest.mark.parametrize("prefix", PREFIXES)
def test_every_list_and_item_answers_without_its_trailing_slash(client, prefix):
    listed = client.get(f"/api/v1/{prefix}/").json()["results"]
    assert listed, f"the record has {prefix}"
    for path in (f"/api/v1/{prefix}", f"/api/v1/{prefix}/{listed[0]['id']}"):
        response = client.get(f"{path}?format=json")
        assert response.status_code == 301, (path, response.status_code)
        assert response["Location"] == f"{path}/?format=json"
        assert client.get(response["Location"]).status_code == 200


@pytest.mark.parametrize("path", ["timeline", "search", "changes"])
def test_the_other_api_views_answer_without_the_slash(client, path):
    response = client.get(f"/api/v1/{path}?q=x", follow=True)
    assert response.status_code in (200, 400), response.content  # changes wants `since`
    assert response.redirect_chain[0][0].startswith(f"/api/v1/{path}/?")


def test_a_path_that_names_nothing_is_still_a_json_404(client):
    response = client.get("/api/v1/nothing-here")
    assert response.status_code == 404
    assert response.json()["detail"]


# --- 4. The docs' curl examples send what servers accept -------------------------------------

DOCS = ["README.md", "api/description.md"]


def _curl_urls(path: str) -> list[str]:
    import re
    from pathlib import Path

    text = (Path(__file__).resolve().parent.parent / path).read_text()
    lines = [line for line in text.splitlines() if line.lstrip().startswith("curl ")]
    return [url for line in lines for url in re.findall(r"'(https?://[^']*)'", line)]


@pytest.mark.parametrize("path", DOCS)
def test_every_curl_example_sends_an_ascii_url(path):
    """gunicorn (27) refuses a request line with raw UTF-8 bytes (RFC 9112) with an HTML 400
    before Django sees it, and has no setting to allow them: the examples put text in the
    query with --data-urlencode."""
    urls = _curl_urls(path)
    assert urls, f"{path} has curl examples"
    for url in urls:
        assert url.isascii(), url
