from django.apps import AppConfig


class PublicConfig(AppConfig):
    """No models: the public site's pages, feeds and calendars, and their template tags."""

    name = "public"
    verbose_name = "Public site"
