from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class RecordConfig(AppConfig):
    """No models: the one list of public kinds, what every surface derives from the domain
    apps (timeline, search, changes, tallies), and the loader of the record's data files."""

    name = "record"
    verbose_name = _("The public record")
