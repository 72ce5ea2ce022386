from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PublicConfig(AppConfig):
    """No models: the public site's pages, feeds and calendars, and their template tags."""

    name = "public"
    verbose_name = _("Public site")
