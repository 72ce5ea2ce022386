"""The site's own 404 page (config.urls handler404): the site's header, footer and a way on."""

from django.shortcuts import render


def page_not_found(request, exception=None):
    """404 with the site around it, for an address that names nothing and for a draft alike (the
    same words: a 404 says nothing about drafts). Not cited: there is no page to cite."""
    return render(request, "404.html", {"no_citation": True}, status=404)
