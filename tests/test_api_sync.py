"""`updated_since=` and `updated_at` cover every row a resource's representation shows: for
every resource in the router (api/urls.py RESOURCES) and every related row its serializer
includes (`api.sync.included_paths`: references, nested lists, values read through a relation),
changing, deleting or unlinking that row brings the resource's row into `updated_since`.
"""

import pytest
from django.utils import timezone

from api.sync import included_paths
from api.urls import RESOURCES

pytestmark = pytest.mark.django_db


def _last_relation(model, path: str):
    for part in path.split("__"):
        field = model._meta.get_field(part)
        model = field.related_model
    return field


# Every (resource, relation path its representation shows): ~70 pairs.
SHOWN = [
    pytest.param(prefix, viewset, path, related, id=f"{prefix}-{path}")
    for prefix, viewset, _basename in RESOURCES
    for path, related in included_paths(viewset.serializer_class).items()
]


def _a_public_pair(viewset, path, related):
    """A public row of the resource and a public related row it shows through `path`."""
    model = viewset.serializer_class.Meta.model
    shown = related.objects.published() if hasattr(related.objects, "published") else None
    for parent in model.objects.published().order_by("pk"):
        pks = model.objects.filter(pk=parent.pk).values_list(path, flat=True)
        rows = related._default_manager.filter(pk__in=[pk for pk in pks if pk is not None])
        if shown is not None:
            rows = rows.filter(pk__in=shown.values("pk"))
        child = rows.order_by("pk").first()
        if child is not None:
            return parent, child
    return None, None


def _updated_since(client, prefix, since) -> set[int]:
    response = client.get(
        f"/api/v1/{prefix}/", {"updated_since": since.isoformat(), "page_size": 500}
    )
    assert response.status_code == 200, response.content
    return {row["id"] for row in response.json()["results"]}


@pytest.mark.parametrize(("prefix", "viewset", "path", "related"), SHOWN)
def test_changing_or_removing_a_shown_row_moves_the_resource(
    client, istanbul_record_for_module, prefix, viewset, path, related
):
    parent, child = _a_public_pair(viewset, path, related)
    if parent is None:  # a relation the record does not use
        pytest.skip(f"no public {prefix} shows a {path}")
    since = timezone.now()
    assert parent.pk not in _updated_since(client, prefix, since)
    child.save()
    assert parent.pk in _updated_since(client, prefix, since), "a change to it"
    detail = client.get(f"/api/v1/{prefix}/{parent.pk}/").json()
    if "updated_at" in detail:
        assert detail["updated_at"] >= since.isoformat().replace("+00:00", "Z")[:19]

    relation = _last_relation(viewset.serializer_class.Meta.model, path)
    if not (relation.one_to_many or relation.many_to_many):
        return
    since = timezone.now()
    if relation.many_to_many:  # unlink it from the row that holds the link
        *holder_path, attr = path.split("__")
        holder = parent
        for part in holder_path:
            holder = getattr(holder, part)
            holder = holder.filter(**{attr: child}).first() if hasattr(holder, "all") else holder
        links = getattr(holder, attr) if hasattr(holder, attr) else None
        if links is None or not hasattr(links, "remove"):
            links = getattr(child, relation.remote_field.get_accessor_name())
            links.remove(holder)
        else:
            links.remove(child)
    else:
        child.delete()
    assert parent.pk in _updated_since(client, prefix, since), "its removal"
