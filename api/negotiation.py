"""Content negotiation that says which formats exist instead of answering 404."""

from django.utils.translation import gettext
from rest_framework import exceptions
from rest_framework.negotiation import DefaultContentNegotiation


class KnownFormatNegotiation(DefaultContentNegotiation):
    """DRF's negotiation, except that a `format` (`?format=xml`, `rounds.xml`) no renderer of the
    view has is a JSON 400 listing the view's formats; DRF's own answer is a bare 404."""

    def filter_renderers(self, renderers, format):
        known = [renderer.format for renderer in renderers]
        if format not in known:
            raise exceptions.ValidationError(
                {
                    "format": [
                        gettext("Unknown format '%(format)s'. Known: %(known)s.")
                        % {"format": format, "known": ", ".join(known)}
                    ]
                }
            )
        return [renderer for renderer in renderers if renderer.format == format]
