"""What every page's template may show besides its own content."""

from django.conf import settings
from django.urls import Resolver404, resolve, reverse, translate_url
from django.utils import translation
from django.utils.functional import SimpleLazyObject

from provenance.models import RecordReview


def record_review(request) -> dict:
    """`record_review`: how far the record reaches ("reviewed to 15 May 2026"), for the footer
    of every page, so a reader never takes silence after that day for "nothing happened".
    One query, and only when a template shows it; anonymous pages are cached whole anyway
    (ops.cache)."""
    return {"record_review": SimpleLazyObject(RecordReview.objects.latest)}


def languages(request) -> dict:
    """`languages`: this page in each of settings.LANGUAGES, for the header's switcher and the
    `hreflang` alternates, as [{code, name, url, absolute_url, current}] with `url` the same
    object and the same query string in that language (`/rounds/2/?as_of=…` ->
    `/uk/rounds/2/?as_of=…`); `x_default`: the English absolute URL. An address that resolves to nothing (a 404) links each language's home.
    `path_in_language`: the path without its language prefix, for the menu's aria-current."""
    current = translation.get_language()
    full_path = request.get_full_path()
    try:
        resolve(request.path_info)
        found = True
    except Resolver404:
        found = False
    links = []
    for code, name in settings.LANGUAGES:
        if found:
            url = translate_url(full_path, code)
            if getattr(request, "is_preview", False):
                # A preview (public.views.preview, which serves the public path) links the
                # preview in each language: the public address of a draft is a 404.
                code_prefix = "" if code == settings.LANGUAGE_CODE else f"/{code}"
                url = f"{code_prefix}/preview{url[len(code_prefix) :]}"
        else:
            with translation.override(code):
                url = reverse("public:home")
        links.append(
            {
                "code": code,
                "name": name,
                "url": url,
                "absolute_url": request.build_absolute_uri(url),
                "current": code == current,
            }
        )
    prefix = f"/{current}/"
    path = request.path
    if current != settings.LANGUAGE_CODE and path.startswith(prefix):
        path = path[len(prefix) - 1 :]
    return {
        "languages": links,
        "x_default": links[0]["absolute_url"],
        "path_in_language": path,
    }
