"""The Atom feeds of what changed in the published record (record.changes): the whole record, and
one feed per track, round, person and issue.

Each feed is in English at its unprefixed address and in Ukrainian and Russian under /uk/ and
/ru/: the feed's own words, the entries' headings ("Round added") and the words the code puts
around the record's text ("Round 2: …") in the address's language, the record's text as stored.
A feed in another language is another feed, with ids of its own (`localized_id`), so a reader
subscribed to two never takes one's entries for the other's.
"""

from urllib.parse import urlsplit

from django.conf import settings
from django.contrib.syndication.views import Feed
from django.http import HttpResponsePermanentRedirect
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils import translation
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext

from actors.models import Person
from positions.models import Issue
from provenance.text import clean_value
from record.changes import Change, recent_changes
from talks.models import DEFAULT_TRACK, Round, Track

FEED_LENGTH = 50


def site_host() -> str:
    return urlsplit(settings.SITE_URL).hostname or "localhost"


def localized_id(tag: str) -> str:
    """`tag` as it is in English (the ids readers of the English feeds have always had), with
    "/uk" or "/ru" added in another language."""
    language = translation.get_language()
    return tag if language == settings.LANGUAGE_CODE else f"{tag}/{language}"


class CleanAtom1Feed(Atom1Feed):
    """Atom whose every string is cleaned first: Django refuses to write a control character
    into XML (a 500), and a non-character would make the feed invalid. Rows saved before text
    was cleaned on the way in may still hold them."""

    def __init__(self, *args, **kwargs):
        super().__init__(*clean_value(args), **clean_value(kwargs))

    def add_item(self, *args, **kwargs):
        super().add_item(*clean_value(args), **clean_value(kwargs))


# Links are paths: Django's Feed makes them absolute from the request (scheme, host and port),
# so they point where the reader is, behind a proxy on :8080 or with `make run PORT=8001`.
# The feed's language (`<feed xml:lang>`) is Django's default: the active one, the address's.
class ChangesFeed(Feed):
    feed_type = CleanAtom1Feed

    def title(self) -> str:
        return gettext("Istanbul Talks Tracker: what changed")

    def author_name(self) -> str:
        # Atom requires an author on the feed when entries have none.
        return gettext("Istanbul Talks Tracker editors")

    def subtitle(self) -> str:
        return gettext(
            "New and updated entries in the sourced record of the Russia–Ukraine talks, "
            "from Istanbul on."
        )

    def __call__(self, request, *args, **kwargs):
        response = super().__call__(request, *args, **kwargs)
        # Django's Feed dates the answer by its newest entry; the conditional check around every
        # feed (conditional_on_content) compares If-Modified-Since with the record's version
        # time. One Last-Modified for both, that one, so a reader sending back the date it got
        # gets its 304.
        if "Last-Modified" in response:
            del response["Last-Modified"]
        return response

    def link(self) -> str:
        return reverse("public:changes")

    def feed_url(self) -> str:
        return reverse("public:changes-feed")

    def feed_guid(self) -> str:
        return localized_id(f"tag:{site_host()},2025-05-16:changes")

    def items(self) -> list[Change]:
        return recent_changes(FEED_LENGTH)

    def item_title(self, item: Change) -> str:
        # "Round added: Round 2: …"; the heading in the feed's language.
        return f"{item.heading}: {item.title}"

    def item_description(self, item: Change) -> str:
        return item.summary

    def item_link(self, item: Change) -> str:
        # A change with no page of its own (a record review) links to the list of changes.
        return item.url or reverse("public:changes")

    def item_guid(self, item: Change) -> str:
        # One id per version of an object: a reader shows each change once, and again only when
        # the object changes again. Never the page URL, which may change with a slug.
        return localized_id(
            f"tag:{site_host()},{item.changed_at:%Y-%m-%d}:{item.key}/v{item.version}"
        )

    item_guid_is_permalink = False

    def item_pubdate(self, item: Change):
        return item.changed_at

    def item_updateddate(self, item: Change):
        return item.changed_at


class SubjectChangesFeed(ChangesFeed):
    """Changes about one subject — a round, a person, an issue — as `recent_changes(about=…)`
    defines them. Subclasses find the subject, name it, and say which field its URL carries."""

    url_name = ""  # the feed's route
    url_field = "slug"  # the subject's field in that route

    def name(self, subject) -> str:
        return str(subject)

    def guid_key(self, subject) -> str:
        # The id, not the slug: a corrected spelling must not look like a new feed.
        return f"{subject._meta.model_name}-{subject.pk}"

    def title(self, subject) -> str:
        return gettext("Istanbul Talks Tracker: what changed about %(name)s") % {
            "name": self.name(subject)
        }

    def subtitle(self, subject) -> str:
        return gettext("New and updated entries about %(name)s.") % {"name": self.name(subject)}

    def link(self, subject) -> str:
        return subject.get_absolute_url()

    def feed_url(self, subject) -> str:
        return reverse(self.url_name, args=[getattr(subject, self.url_field)])

    def feed_guid(self, subject) -> str:
        return localized_id(f"tag:{site_host()},2025-05-16:changes/{self.guid_key(subject)}")

    def items(self, subject) -> list[Change]:
        return recent_changes(FEED_LENGTH, about=subject)


class TrackChangesFeed(SubjectChangesFeed):
    """Changes to one track and everything in it: its rounds, appointed delegations, events,
    agreements and their exchanges."""

    url_name = "public:track-changes-feed"

    def get_object(self, request, slug: str) -> Track:
        return get_object_or_404(Track.objects.published(), slug=slug)

    def name(self, track: Track) -> str:
        return track.name


class RoundChangesFeed(SubjectChangesFeed):
    """Changes to one round and what belongs to it: delegations, documents, positions, deals.

    The Istanbul talks' rounds keep the feed address they had before tracks
    (/feeds/rounds/2/changes.atom); /feeds/tracks/istanbul/rounds/2/… redirects there."""

    def __call__(self, request, *args, **kwargs):
        round_ = self.get_object(request, *args, **kwargs)
        if request.path != round_.get_feed_url():
            return HttpResponsePermanentRedirect(round_.get_feed_url())
        return super().__call__(request, *args, **kwargs)

    def get_object(self, request, number: int, track_slug: str = DEFAULT_TRACK) -> Round:
        return get_object_or_404(
            Round.objects.published().select_related("track"),
            track__slug=track_slug,
            number=number,
        )

    def feed_url(self, round_: Round) -> str:
        return round_.get_feed_url()

    def name(self, round_: Round) -> str:
        # As the feed's title and subtitle name it: "what changed about round 2".
        if round_.track.slug == DEFAULT_TRACK:
            return gettext("round %(number)s") % {"number": round_.number}
        return gettext("%(track)s, round %(number)s") % {
            "track": round_.track.label,
            "number": round_.number,
        }

    def guid_key(self, round_: Round) -> str:
        return f"round-{round_.ref}"  # a round is known by its track and number for good


class PersonChangesFeed(SubjectChangesFeed):
    """Changes about one person: their page, their posts, rounds they attended or chaired, their
    delegations and the events that name them."""

    url_name = "public:person-changes-feed"

    def get_object(self, request, slug: str) -> Person:
        return get_object_or_404(Person.objects.published(), slug=slug)

    def name(self, person: Person) -> str:
        return person.name


class IssueChangesFeed(SubjectChangesFeed):
    """Changes on one issue: each side's positions on it, its commitments and their exchanges,
    the documents with provisions on it and the events about it."""

    url_name = "public:issue-changes-feed"

    def get_object(self, request, slug: str) -> Issue:
        return get_object_or_404(Issue, slug=slug)  # issues are a fixed, public vocabulary

    def name(self, issue: Issue) -> str:
        return issue.name
