from django.db import migrations
from django.utils import timezone


def create(apps, schema_editor):
    apps.get_model("provenance", "ContentVersion").objects.get_or_create(
        pk=1, defaults={"version": 1, "changed_at": timezone.now()}
    )


class Migration(migrations.Migration):
    dependencies = [("provenance", "0005_content_version_and_withdrawals")]

    operations = [migrations.RunPython(create, migrations.RunPython.noop)]
