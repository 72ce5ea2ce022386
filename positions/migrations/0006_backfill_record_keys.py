"""Give the rows already loaded from the record their stable keys, by the rule the data files'
keys were first made with (data/istanbul/README.md), so the loader, which now matches on keys
only, updates them instead of adding a second copy. Also fills issues' new search column.

Rows are updated in bulk: no history entry, no new `updated_at` or version.
"""

from django.db import migrations
from django.utils.text import slugify

from provenance.text import fold, fold_for_search


def _slug(text: str, limit: int) -> str:
    slug = slugify(fold(text))
    if len(slug) > limit:
        slug = slug[:limit].rsplit("-", 1)[0]
    return slug


def _assign(model, key_of) -> None:
    taken = set(model.objects.exclude(key="").values_list("key", flat=True))
    for obj in model.objects.filter(key=""):
        key, n = key_of(obj), 2
        base = key
        while key in taken:
            key, n = f"{base}-{n}", n + 1
        taken.add(key)
        model.objects.filter(pk=obj.pk).update(key=key)


def round_key(number: int) -> str:
    return f"istanbul-{number}"


def backfill(apps, schema_editor):
    get = apps.get_model
    _assign(get("actors", "Organization"), lambda o: _slug(o.name, 60))
    _assign(get("talks", "Venue"), lambda v: _slug(v.name, 60))
    _assign(get("talks", "Round"), lambda r: round_key(r.number))
    _assign(get("talks", "Delegation"), lambda d: f"{round_key(d.round.number)}-{d.side}")
    _assign(
        get("positions", "Position"),
        lambda p: f"{round_key(p.round.number)}-{p.side}-{p.issue.slug}",
    )
    _assign(get("positions", "Provision"), lambda p: f"{p.document.slug}-{p.order}")
    _assign(get("actors", "Membership"), lambda m: f"{m.person.slug}-{_slug(m.post, 40)}")
    _assign(get("talks", "Event"), lambda e: f"{e.occurred_on}-{_slug(e.title, 50)}")
    _assign(get("positions", "Exchange"), lambda x: f"{x.occurred_on}-{_slug(x.title, 50)}")
    Issue = get("positions", "Issue")
    for issue in Issue.objects.all():
        text = fold_for_search(issue.name, issue.slug, issue.description)
        Issue.objects.filter(pk=issue.pk).update(search_text=text)


class Migration(migrations.Migration):
    dependencies = [
        ("actors", "0004_record_keys"),
        ("talks", "0005_record_keys"),
        ("positions", "0005_record_keys"),
    ]

    operations = [migrations.RunPython(backfill, migrations.RunPython.noop)]
