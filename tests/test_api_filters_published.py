"""Every API filter and every `q=` sees published rows only (#10, item 7).

The reported leaks first (a draft organization's name matched by delegations' `q=`; a draft
id answering differently from a missing one), then the kind: every filter of every resource
that reaches through a relation, and every relation `q=` searches through, is tried with the
value of a related row made a draft. The answer must be the one a missing value gets: the same empty list, or for a value that
names a row (a slug) the same 400 listing the values that exist.
"""

import datetime

import pytest

from api.filters import RoundNumberFilter
from api.urls import RESOURCES
from provenance.guard import has_status
from provenance.models import PublicationStatus

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("istanbul_record_for_module")]

DRAFT = PublicationStatus.DRAFT


def ids(client, resource: str, **params) -> set[int]:
    response = client.get(f"/api/v1/{resource}/", {**params, "page_size": 500})
    assert response.status_code == 200, response.content
    return {row["id"] for row in response.json()["results"]}


def answer(client, resource: str, **params):
    """(200, the ids found) or (the error status, the error's JSON with no value in it)."""
    response = client.get(f"/api/v1/{resource}/", {**params, "page_size": 500})
    if response.status_code == 200:
        return 200, {row["id"] for row in response.json()["results"]}
    text = response.content.decode()
    for value in params.values():
        text = text.replace(str(value), "<value>")
    return response.status_code, text


def make_draft(obj) -> None:
    type(obj).objects.filter(pk=obj.pk).update(publication_status=DRAFT)


def test_delegation_search_does_not_read_a_draft_organizations_name(client):
    from talks.models import Delegation

    delegation = Delegation.objects.published().exclude(organization=None).first()
    organization = delegation.organization
    assert delegation.pk in ids(client, "delegations", q=organization.name)
    make_draft(organization)
    assert ids(client, "delegations", q=organization.name) == set()


@pytest.mark.parametrize(
    ("resource", "param", "path"),
    [
        ("people", "organization", "memberships__organization"),
        ("events", "person", "people"),
        ("organizations", "parent", "parent"),
    ],
)
def test_a_draft_id_answers_like_a_missing_one(client, resource, param, path):
    from django.apps import apps

    kind = next(kind for kind in RESOURCES if kind[0] == resource)
    model = kind[1].serializer_class.Meta.model
    row = model.objects.published().filter(**{f"{path}__isnull": False}).first()
    related = model.objects.filter(pk=row.pk).values_list(path, flat=True).first()
    target = apps.get_model(*_target_label(model, path))
    assert ids(client, resource, **{param: related})
    make_draft(target.objects.get(pk=related))
    assert ids(client, resource, **{param: related}) == ids(client, resource, **{param: 999999})


def _target_label(model, path):
    for part in path.split("__"):
        model = model._meta.get_field(part).related_model
    return model._meta.app_label, model._meta.model_name


# --- The kind --------------------------------------------------------------------------------


def relation_filters():
    """(resource, parameter, filter) for every filter reaching through a relation."""
    found = []
    for prefix, viewset, _ in RESOURCES:
        filterset = viewset.filterset_class
        model = filterset._meta.model
        for name, spec in filterset.base_filters.items():
            first = (spec.field_name or "").split("__")[0]
            relation = _relation(model, first)
            if spec.method or relation is None or spec.lookup_expr == "isnull":
                continue
            found.append((prefix, name, spec))
        for path in getattr(filterset, "search_through", ()):
            found.append((prefix, "q", path))
    return found


def _relation(model, name):
    for field in model._meta.get_fields():
        if field.is_relation and name in (field.name, getattr(field, "attname", None)):
            return field
    return None


def _hops(model, field_name: str):
    """The relation names along `field_name` and the final attribute (attnames resolved)."""
    hops, parts = [], field_name.split("__")
    while parts:
        relation = _relation(model, parts[0])
        if relation is None:
            break
        hops.append(relation.name)
        model = relation.related_model
        if parts[0] != relation.name:  # "parent_id"
            parts = ["pk"]
            break
        parts = parts[1:]
    return hops, "__".join(parts) or "pk", model


FILTERS = relation_filters()


@pytest.mark.parametrize(
    ("resource", "param", "spec"), FILTERS, ids=[f"{r}?{p}" for r, p, _ in FILTERS]
)
def test_every_relation_filter_and_search_ignores_draft_rows(client, resource, param, spec):
    viewset = next(v for prefix, v, _ in RESOURCES if prefix == resource)
    model = viewset.filterset_class._meta.model
    field_name = spec if isinstance(spec, str) else spec.field_name
    hops, attribute, target = _hops(model, field_name)
    if not has_status(target) and len(hops) == 1:
        pytest.skip(f"{target.__name__} has no draft state")
    path = "__".join(hops)
    # A public row and the related row it reaches through the filter's relations.
    row = model.objects.published().filter(**{f"{path}__isnull": False}).first()
    if row is None:
        pytest.skip(f"the record has no {resource} reaching through {path}")
    value = model.objects.filter(pk=row.pk).values_list(f"{path}__{attribute}", flat=True)[0]
    # Draft the row the value names; if it has no draft state, the first relation that has one.
    if has_status(target):
        draftable, drafted_path = target, path
    else:
        first = model._meta.get_field(hops[0]).related_model
        if not has_status(first):
            pytest.skip(f"nothing on the way to {target.__name__} has a draft state")
        draftable, drafted_path = first, hops[0]
    drafted_pk = model.objects.filter(pk=row.pk).values_list(drafted_path, flat=True)[0]
    # A value that names one row (an id, a slug, a number) must then answer like a missing one.
    names_one_row = draftable is target and (
        attribute == "pk" or target._meta.get_field(attribute).unique
    )
    if isinstance(value, datetime.date):
        value = value.isoformat()
    if param == "q":
        value = str(value).split()[0] if str(value).split() else str(value)
    missing = "zz-missing" if isinstance(value, str) and not value.isdigit() else 9999
    params = {param: value}
    if isinstance(spec, RoundNumberFilter):  # a round number means something within a track
        track_path = f"{spec.round_path}__track__slug"
        params["track"] = model.objects.filter(pk=row.pk).values_list(track_path, flat=True)[0]
    assert row.pk in ids(client, resource, **params), "the filter finds the public row"
    make_draft(draftable.objects.get(pk=drafted_pk))
    status, found = answer(client, resource, **params)
    assert status in (200, 400)
    if status == 200:
        assert row.pk not in found
    if names_one_row and param != "q":
        # The same status and the same words (a 400 lists the values that exist): no side
        # channel tells a draft's slug from one that names nothing.
        assert (status, found) == answer(client, resource, **{**params, param: missing})
