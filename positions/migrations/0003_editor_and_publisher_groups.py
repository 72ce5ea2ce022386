"""The Editor and Publisher groups (README, "Editing").

Here, in the app at the top of the dependency chain, because the groups hold permissions on the
models of every app. Permissions are normally created after migrations run (post_migrate), so
they are created here first for a fresh database.
"""

from django.contrib.auth.management import create_permissions
from django.db import migrations

# Content editors log, correct and review: add/change/delete/view (delete of published content
# is refused by the admin unless the user can publish).
CONTENT = {
    "provenance": ["source"],
    "actors": ["organization", "person", "membership"],
    "talks": ["round", "delegation", "participant", "event"],
    "positions": ["document", "provision", "position", "commitment", "exchange", "exchangecount"],
}
# Reference lists editors extend but only publishers prune.
REFERENCE = {"talks": ["venue"], "positions": ["issue"]}


def codenames(models, actions):
    return [
        (app_label, f"{action}_{model}")
        for app_label, names in models.items()
        for model in names
        for action in actions
    ]


def create_groups(apps, schema_editor):
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")

    def permissions(pairs):
        found = []
        for app_label, codename in pairs:
            found.append(
                Permission.objects.get(content_type__app_label=app_label, codename=codename)
            )
        return found

    editor = [
        *codenames(CONTENT, ["view", "add", "change", "delete"]),
        *codenames(REFERENCE, ["view", "add", "change"]),
    ]
    publisher = [
        *editor,
        *codenames(REFERENCE, ["delete"]),
        ("provenance", "publish_content"),
    ]
    for name, pairs in [("Editor", editor), ("Publisher", publisher)]:
        group, _ = Group.objects.get_or_create(name=name)
        group.permissions.set(permissions(pairs))


def remove_groups(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name__in=["Editor", "Publisher"]).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("provenance", "0002_add_version_for_optimistic_locking"),
        ("actors", "0002_add_version_for_optimistic_locking"),
        ("talks", "0002_add_version_for_optimistic_locking"),
        ("positions", "0002_add_version_for_optimistic_locking"),
    ]

    operations = [migrations.RunPython(create_groups, remove_groups)]
