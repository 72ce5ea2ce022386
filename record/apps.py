from django.apps import AppConfig


class RecordConfig(AppConfig):
    """No models: the one list of public kinds, what every surface derives from the domain
    apps (timeline, search, changes, tallies), and the loader of the record's data files."""

    name = "record"
    verbose_name = "The public record"
