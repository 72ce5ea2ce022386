""" "Cite this page": the citation every public page carries (templates/includes/cite_this_page.html).

The style is the Chicago Manual of Style (17th ed.) bibliography entry for a web page with no
personal author — “Title.” Publisher. Last modified <date>. Accessed <date>. URL. — with dates
written day-month-year, as everywhere else on the site.
"""

import datetime
import html

from django.utils import timezone
from django.utils.formats import date_format
from django.utils.http import urlencode
from django.utils.translation import get_language, gettext, gettext_lazy

from provenance.models import ContentVersion
from public.as_of import AS_OF_ROUTES, ISTANBUL
from record.languages import named_in_english

# The publisher, in the page's language as its <title> names it (the same catalogue entry).
SITE_NAME = gettext_lazy("Istanbul Talks Tracker")

# The row a detail page is about, by route name: the context variable that holds it. Its
# `updated_at` is the page's "last modified" date; pages about no one row (lists, search, home)
# take the record's last change instead.
MAIN_OBJECT = {
    "round-detail": "round",
    "round-detail-in-track": "round",
    "track-detail": "track",
    "event-detail": "event",
    "person-detail": "person",
    "organization-detail": "organization",
    "issue-detail": "issue",
    "document-detail": "document",
    "commitment-detail": "commitment",
    "exchange-detail": "exchange",
    "source-detail": "source",
}


def day_text(day: datetime.date) -> str:
    """'2 June 2025' ('2 червня 2025'), as the rest of the site writes a day, in the active
    language."""
    return date_format(day, "j E Y")


def page_title(raw_title: str) -> str:
    """The page's own title from its <title> text (HTML-escaped, as the template rendered it),
    without the site's name after it; the home page, whose title is the site's name, is
    "Home page"."""
    title = " ".join(html.unescape(raw_title).split())
    site_name = str(SITE_NAME)
    for separator in (" · ", " — "):
        if title.endswith(separator + site_name):
            title = title[: -len(separator + site_name)]
    return gettext("Home page") if title in ("", site_name) else title


def version_date(request, context) -> datetime.date:
    """When what the page shows last changed, as a day in Istanbul: `citation_version_date` if
    the view set one (a page as it stood on a past day), else the `updated_at` of the row a
    detail page is about, else the time the public record last changed (one query)."""
    given = context.get("citation_version_date")
    if given:
        return given
    name = MAIN_OBJECT.get(request.resolver_match.url_name)
    changed = getattr(context.get(name), "updated_at", None) if name else None
    if changed is None:
        # Read from the database, not the content version's few-second cache copy, so the
        # page's query count does not depend on what the cache happens to hold.
        changed = (
            ContentVersion.objects.filter(pk=1).values_list("changed_at", flat=True).first()
            or timezone.now()
        )
    return changed.astimezone(ISTANBUL).date()


# Query parameters that say where a reader came from, not what the page shows.
TRACKING_PREFIXES = ("utm_", "fbclid", "gclid", "mc_", "yclid")


def cited_url(request, dated: bool) -> str:
    """The page's absolute address as a citation gives it: without tracking parameters, and
    without `as_of` on pages that keep no dated versions (they ignore it)."""
    kept = [
        (name, value)
        for name, values in request.GET.lists()
        for value in values
        if not name.startswith(TRACKING_PREFIXES) and (dated or name != "as_of")
    ]
    query = f"?{urlencode(kept)}" if kept else ""
    return request.build_absolute_uri(f"{request.path}{query}")


def title_in_english(request, context) -> bool:
    """Whether the page's title is its main object's name or title shown in English on a
    Ukrainian or Russian page, for want of a translation (the first of `translated_fields` is
    the one a page is named by)."""
    obj = context.get(MAIN_OBJECT.get(request.resolver_match.url_name, ""))
    return named_in_english(obj, get_language())


def build(request, context, raw_title: str) -> dict:
    """The citation of the page being rendered: {"title", "publisher", "url", "version",
    "accessed", "text" (the whole entry), "this_version" (a link that keeps showing this
    version), "dated" (whether that link is to a dated version), "title_in_english" (see
    `title_in_english`)}.

    On round, person, issue and exchange pages "this version" is the page `?as_of=` the day it
    is read: the record as it stood at the end of that day, Istanbul time. Other pages keep no
    dated versions; their link is the page's own address."""
    accessed = timezone.now().astimezone(ISTANBUL).date()
    version = version_date(request, context)
    dated = request.resolver_match.url_name in AS_OF_ROUTES
    url = cited_url(request, dated)
    title = page_title(raw_title)
    if dated and "as_of" in request.GET:
        this_version = url
    elif dated:
        this_version = request.build_absolute_uri(
            f"{request.path}?{urlencode({'as_of': accessed.isoformat()})}"
        )
    else:
        this_version = url
    # Chicago's order and punctuation in every language; the words and dates are the page's.
    text = gettext(
        "“%(title)s.” %(publisher)s. Last modified %(modified)s. Accessed %(accessed)s. %(url)s."
    ) % {
        "title": title,
        "publisher": SITE_NAME,
        "modified": day_text(version),
        "accessed": day_text(accessed),
        "url": url,
    }
    return {
        "title": title,
        "publisher": str(SITE_NAME),
        "url": url,
        "version": version,
        "accessed": accessed,
        "text": text,
        "this_version": this_version,
        "dated": dated,
        "title_in_english": title_in_english(request, context),
    }
