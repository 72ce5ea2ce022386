"""The Editor and Publisher groups cover the models the talks after Istanbul brought: editors log
tracks and standing delegations (with their members) like rounds, and extend the list of cities
like venues; only publishers prune cities (README, "Editing")."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

CONTENT = {"talks": ["track", "standingdelegation", "standingmember"]}
REFERENCE = {"talks": ["city"]}


def codenames(models, actions):
    return [
        (app_label, f"{action}_{model}")
        for app_label, names in models.items()
        for model in names
        for action in actions
    ]


def role_permissions() -> dict[str, list[tuple[str, str]]]:
    """What this migration adds to each group, as (app_label, codename); tests rebuild the
    groups from this and 0003's."""
    editor = [
        *codenames(CONTENT, ["view", "add", "change", "delete"]),
        *codenames(REFERENCE, ["view", "add", "change"]),
    ]
    return {"Editor": editor, "Publisher": [*editor, *codenames(REFERENCE, ["delete"])]}


def grant(apps, schema_editor):
    app_config = apps.get_app_config("talks")
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for name, pairs in role_permissions().items():
        for group in Group.objects.filter(name=name):
            group.permissions.add(
                *(
                    Permission.objects.get(content_type__app_label=app_label, codename=codename)
                    for app_label, codename in pairs
                )
            )


def revoke(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for name, pairs in role_permissions().items():
        for group in Group.objects.filter(name=name):
            for app_label, codename in pairs:
                group.permissions.remove(
                    *Permission.objects.filter(
                        content_type__app_label=app_label, codename=codename
                    )
                )


class Migration(migrations.Migration):
    dependencies = [
        ("positions", "0009_history_of_issues_and_m2m_protect_position_document"),
        ("talks", "0008_history_of_cities_tracks_and_standing_delegations"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
