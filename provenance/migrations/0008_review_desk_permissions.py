"""Editors and publishers read the review desk (provenance.ReviewNote's list)."""

from django.contrib.auth.management import create_permissions
from django.db import migrations


def grant(apps, schema_editor):
    app_config = apps.get_app_config("provenance")
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    view = Permission.objects.get(content_type__app_label="provenance", codename="view_reviewnote")
    for group in Group.objects.filter(name__in=["Editor", "Publisher"]):
        group.permissions.add(view)


class Migration(migrations.Migration):
    dependencies = [
        ("provenance", "0007_review_notes"),
        ("positions", "0003_editor_and_publisher_groups"),
    ]

    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
