"""The English texts, until now in `<field>`, copied into `<field>_en`, which the site reads from
now on (modeltranslation); on the rows and on every history version, so reverting to a version
made before translations existed restores its English."""

from django.db import migrations
from django.db.models import F

TRANSLATED = {'Track': ('name', 'short_name', 'summary', 'dates_note'), 'Round': ('title', 'summary', 'timing_note', 'format_note')}


def copy_english(apps, schema_editor):
    for model_name, fields in TRANSLATED.items():
        for name in (model_name, f"Historical{model_name}"):
            model = apps.get_model("talks", name)
            model.objects.update(**{f"{field}_en": F(field) for field in fields})


class Migration(migrations.Migration):
    dependencies = [("talks", "0011_translation_columns")]

    # Backwards: nothing to undo, the columns go with the schema migration before this one.
    operations = [migrations.RunPython(copy_english, migrations.RunPython.noop)]
