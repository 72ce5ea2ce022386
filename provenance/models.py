"""Where every fact comes from, how sure we are of it, and whether it is public yet.

This app sits below the three domain apps (provenance ← actors ← talks ← positions): it holds
the Source model that every fact cites and the abstract pieces every content model shares, so
that "what is public" and "says who" are decided in one place.
"""

import contextvars
import re

from django.apps import apps
from django.db import models
from django.db.models import F, Q, Value
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from provenance.text import fold, fold_for_search, spelling_variants
from provenance.translated import english_column, without_rewriting


class PublicationStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    IN_REVIEW = "in_review", _("In review")
    PUBLISHED = "published", _("Published")


class Confidence(models.TextChoices):
    CONFIRMED = "confirmed", _("Confirmed")
    SINGLE_SOURCE = "single_source", _("Single source")
    CONTESTED = "contested", _("Contested")
    UNCERTAIN = "uncertain", _("Uncertain")


CONFIDENCE_HELP = _(
    "Confirmed: two independent sources or official acts of both sides. Single source: one. "
    "Contested: the sides disagree (keep every version). Uncertain: second-hand, anonymous or garbled."
)


class DatePrecision(models.TextChoices):
    DAY = "day", _("Day")
    MONTH = "month", _("Month")
    YEAR = "year", _("Year")


class Side(models.TextChoices):
    """The two negotiating parties."""

    UKRAINE = "ukraine", _("Ukraine")
    RUSSIA = "russia", _("Russia")


class Claimant(models.TextChoices):
    """Who a figure or statement comes from."""

    UKRAINE = "ukraine", _("Ukraine")
    RUSSIA = "russia", _("Russia")
    MEDIATOR = "mediator", _("Mediator")
    INDEPENDENT = "independent", _("Independent")


class StateAffiliation(models.TextChoices):
    """Which state, if any, owns or controls the publisher (government portals included)."""

    NONE = "", _("Not state-affiliated")
    RUSSIA = "russia", _("Russian state or state-aligned")
    UKRAINE = "ukraine", _("Ukrainian state")
    TURKIYE = "turkiye", _("Turkish state")
    UAE = "uae", _("Emirati state or state-linked")
    CHINA = "china", _("Chinese state")
    CUBA = "cuba", _("Cuban state")
    UNITED_STATES = "united_states", _("US government")
    OTHER = "other", _("Other state")


class SourceKind(models.TextChoices):
    OFFICIAL_STATEMENT = "official_statement", _("Official statement")
    DECREE = "decree", _("Decree or legal act")
    NEWS_REPORT = "news_report", _("News report")
    TRANSCRIPT = "transcript", _("Transcript")
    DOCUMENT = "document", _("Document")
    ANALYSIS = "analysis", _("Analysis")
    # The only kind a source may have without an address; its note says where a copy is.
    OFFLINE = "offline", _("No public address (see note)")


RECORD_KEY_HELP = _(
    "The row's stable key in the record's data files (data/istanbul/); blank for rows added in "
    "the admin. The loader matches rows on it, so a corrected title or date updates the row."
)


def record_key() -> models.SlugField:
    """The key of a row the record's data files name (data/istanbul/README.md)."""
    return models.SlugField(
        verbose_name=_("key"),
        max_length=100,
        blank=True,
        editable=False,
        help_text=RECORD_KEY_HELP,
    )


def unique_key(model_name: str) -> models.UniqueConstraint:
    """Keys are unique; rows added in the admin have none."""
    return models.UniqueConstraint(
        fields=["key"],
        condition=~Q(key=""),
        name=f"{model_name}_key_unique",
        violation_error_message=_("Another row already has this key."),
    )


# True while a staff preview renders a public page (public.views.preview): published() then
# keeps drafts and content in review too, so the preview is the public page with them in place.
PREVIEWING = contextvars.ContextVar("previewing", default=False)


def publication_paths(model) -> tuple[str, ...]:
    """Every record a row of `model` is public with, as relation paths: its `publication_parents`
    and, through each, theirs (a delegation's round, and that round's track), so hiding a
    record hides everything that belongs to it however deep."""
    paths: list[str] = []
    for path in getattr(model, "publication_parents", ()):
        paths.append(path)
        related = model
        for part in path.split("__"):
            related = related._meta.get_field(part).related_model
        if related is not model:
            paths += [f"{path}__{deeper}" for deeper in publication_paths(related)]
    return tuple(dict.fromkeys(paths))


class PublishableQuerySet(models.QuerySet):
    def published(self):
        """What readers, the API, feeds, search and downloads may see.

        A row is public when it is published itself (if it has a status of its own) and every
        record it belongs to — the relation paths in its model's `publication_parents`, such as a
        position's round, and theirs in turn, such as that round's track — is published too. An
        empty optional relation hides nothing.
        """
        queryset = self
        if PREVIEWING.get():
            return queryset.all()
        if any(field.name == "publication_status" for field in self.model._meta.fields):
            queryset = queryset.filter(publication_status=PublicationStatus.PUBLISHED)
        for path in publication_paths(self.model):
            queryset = queryset.filter(
                Q(**{f"{path}__isnull": True})
                | Q(**{f"{path}__publication_status": PublicationStatus.PUBLISHED})
            )
        return queryset


def _aliased_models() -> list[type[models.Model]]:
    """The models whose rows have other spellings (an `aliases` field): people, organizations,
    venues, cities. Found in the app registry, as this app sits below the ones defining them."""
    return [
        model
        for model in apps.get_models()
        if any(field.name == "aliases" for field in model._meta.concrete_fields)
        and any(field.name == "search_text" for field in model._meta.concrete_fields)
    ]


def spelling_groups(folded: str) -> list[set[str]]:
    """Groups of folded spellings of one name, for the names that share a word with `folded`.
    One query (a UNION over the aliased models), published rows only.

    A row gives one group of its full names (name, short and native name, aliases); a model
    that says `aliases_are_surnames` (people: "Umierov" is Rustem Umerov) gives a second one
    of the surnames: the last word of each name with the one-word aliases."""
    words = [word for word in re.findall(r"\w+", folded) if len(word) > 1]
    if not words:
        return []
    selects = []
    for model in _aliased_models():
        names = {field.name for field in model._meta.concrete_fields}
        rows = model._default_manager.all()
        if hasattr(rows, "published"):
            rows = rows.published()
        # A model with translations: modeltranslation's rewriting of values and F() would
        # break the UNION's columns, so the English columns are named directly.
        rows = without_rewriting(rows)
        condition = Q()
        for word in words:
            condition |= Q(search_text__contains=word)
        selects.append(
            rows.filter(condition)
            .annotate(
                spelling_surnames=Value(getattr(model, "aliases_are_surnames", False)),
                spelling_name=F(english_column(model, "name")),
                spelling_native=F("native_name") if "native_name" in names else Value(""),
                spelling_short=(
                    F(english_column(model, "short_name")) if "short_name" in names else Value("")
                ),
                spelling_aliases=F("aliases"),
            )
            .values_list(
                "spelling_surnames",
                "spelling_name",
                "spelling_native",
                "spelling_short",
                "spelling_aliases",
            )
            .order_by()
        )
    groups = []
    for surnames, name, native, short, aliases in selects[0].union(*selects[1:], all=True):
        aliases = [fold(alias) for alias in aliases.splitlines() if fold(alias)]
        full = {fold(name), fold(native), fold(short), *aliases} - {""}
        if surnames:
            single = {alias for alias in aliases if " " not in alias}
            groups.append(full - single)
            last_words = {fold(part).rsplit(" ", 1)[-1] for part in (name, native) if fold(part)}
            groups.append(last_words | single)
        else:
            groups.append(full)
    return [group for group in groups if len(group) > 1]


def search_variants(query: str) -> list[str]:
    """The folded query and its other spellings (provenance.text.spelling_variants), or [] for
    a blank one. One query."""
    folded = fold(query)
    if not folded:
        return []
    return spelling_variants(folded, spelling_groups(folded))


class SearchableQuerySet(PublishableQuerySet):
    """For models that keep a folded `search_text` column (see provenance.text)."""

    # The folded columns a query is matched against: the row's own, and those of related rows
    # it is found through (a round through its venue).
    search_paths: tuple[str, ...] = ("search_text",)

    def search(self, query: str, *, variants: list[str] | None = None):
        """Rows whose names, aliases or text contain `query`, in any case, script or accent, or
        another spelling of a name in it ("Umierov" finds what "Umerov" finds).

        `variants` are `search_variants(query)` when the caller has them already (one search
        over many kinds); otherwise they cost one query."""
        if variants is None:
            variants = search_variants(query)
        if not variants:
            return self.none()
        condition = Q()
        for path in self.search_paths:
            for variant in variants:
                condition |= Q(**{f"{path}__contains": variant})
        return self.filter(condition)


class Publishable(models.Model):
    """Content that moves draft → in review → published, with timestamps for sync and feeds."""

    publication_status = models.CharField(
        verbose_name=_("publication status"),
        max_length=16,
        choices=PublicationStatus,
        default=PublicationStatus.DRAFT,
        help_text=_("Only published content is visible to readers, the API, feeds and downloads."),
    )
    created_at = models.DateTimeField(
        verbose_name=_("created at"), default=timezone.now, editable=False
    )
    updated_at = models.DateTimeField(verbose_name=_("updated at"), auto_now=True)
    # Optimistic locking: every save of a stored row adds one, and the admin refuses a form
    # whose version is older than the row's (two editors on one record; see editorial.forms).
    version = models.PositiveIntegerField(verbose_name=_("version"), default=1, editable=False)

    objects = PublishableQuerySet.as_manager()

    class Meta:
        abstract = True

    def save(self, *args, **kwargs) -> None:
        if not self._state.adding:
            self.version += 1
        super().save(*args, **kwargs)

    @property
    def is_published(self) -> bool:
        return self.publication_status == PublicationStatus.PUBLISHED


class Sourced(models.Model):
    """A fact that cites its sources and says how sure we are of it."""

    sources = models.ManyToManyField(
        "provenance.Source",
        verbose_name=_("sources"),
        blank=True,
        related_name="%(app_label)s_%(class)ss",
        help_text=_("Every source that states this fact."),
    )
    confidence = models.CharField(
        verbose_name=_("confidence"),
        db_index=True,
        max_length=16,
        choices=Confidence,
        default=Confidence.SINGLE_SOURCE,
        help_text=CONFIDENCE_HELP,
    )
    confidence_note = models.TextField(
        verbose_name=_("confidence note"),
        blank=True,
        help_text=_("Why this label: which sources disagree, what is unverified."),
    )

    # simple-history keeps these many-to-many fields with each version, so a revert restores
    # them and "compare" shows them. Models with more add theirs (a round's hosts).
    _history_m2m_fields = ["sources"]

    class Meta:
        abstract = True


class Source(Publishable):
    """A citable document — article, statement, decree — that facts elsewhere cite."""

    code = models.SlugField(
        verbose_name=_("code"),
        max_length=16,
        unique=True,
        help_text=_("Short stable citation key, e.g. S41. Used by the loader and in exports."),
    )
    url = models.URLField(
        verbose_name=_("url"),
        max_length=500,
        blank=True,
        help_text=_("Leave blank if only offline."),
    )
    title = models.CharField(verbose_name=_("title"), max_length=300)
    publisher = models.CharField(verbose_name=_("publisher"), max_length=200)
    published_on = models.DateField(
        verbose_name=_("published on"), db_index=True, null=True, blank=True
    )
    published_on_precision = models.CharField(
        verbose_name=_("published on precision"),
        max_length=5,
        choices=DatePrecision,
        default=DatePrecision.DAY,
    )
    language = models.CharField(
        verbose_name=_("language"),
        db_index=True,
        max_length=8,
        blank=True,
        help_text=_("ISO 639-1 code, e.g. en, uk."),
    )
    kind = models.CharField(
        verbose_name=_("kind"),
        db_index=True,
        max_length=24,
        choices=SourceKind,
        default=SourceKind.NEWS_REPORT,
    )
    state_affiliation = models.CharField(
        verbose_name=_("state affiliation"),
        db_index=True,
        max_length=16,
        choices=StateAffiliation,
        blank=True,
        default=StateAffiliation.NONE,
        help_text=_("State-affiliated outlets are the record of what that side said, not of fact."),
    )
    is_mirror = models.BooleanField(
        verbose_name=_("is mirror"),
        default=False,
        help_text=_("A mirror, repost or rewrite of an original report."),
    )
    note = models.TextField(
        verbose_name=_("note"),
        blank=True,
        help_text=_("What this source is, e.g. 'Reuters rewrite'."),
    )
    search_text = models.TextField(verbose_name=_("search text"), blank=True, editable=False)

    objects = SearchableQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("source")
        verbose_name_plural = _("sources")
        ordering = ["code"]
        # Held by the Publisher group (editorial's data migration); checked by every publish path.
        permissions = [("publish_content", "Can publish and unpublish content")]
        indexes = [
            # The API's updated_since and the change feed read this.
            models.Index(
                fields=["publication_status", "updated_at"], name="source_status_updated_idx"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.code}: {self.publisher} — {self.title}"

    def save(self, *args, **kwargs) -> None:
        self.search_text = fold_for_search(self.code, self.title, self.publisher, self.url)
        super().save(*args, **kwargs)

    def get_absolute_url(self) -> str:
        return reverse("public:source-detail", args=[self.pk])

    @property
    def is_state_affiliated(self) -> bool:
        return bool(self.state_affiliation)


class RecordReviewQuerySet(PublishableQuerySet):
    def latest(self):
        """The published review that reaches furthest, or None. One query."""
        return self.published().order_by("-reviewed_to", "-reviewed_on").first()


class RecordReview(Publishable):
    """A check of the whole record against public reporting, up to a given day: readers see how
    far the record reaches, so silence after that day is not read as "nothing happened"."""

    key = record_key()

    reviewed_to = models.DateField(
        verbose_name=_("reviewed to"),
        db_index=True,
        help_text=_("The last day of public reporting the check covered, e.g. 15 May 2026."),
    )
    reviewed_on = models.DateField(
        verbose_name=_("reviewed on"),
        null=True,
        blank=True,
        help_text=_("When the check was made."),
    )
    reviewed_on_precision = models.CharField(
        verbose_name=_("reviewed on precision"),
        max_length=5,
        choices=DatePrecision,
        default=DatePrecision.DAY,
    )
    summary = models.TextField(
        verbose_name=_("summary"),
        blank=True,
        help_text=_("Markdown. What was checked and what was found, in a paragraph."),
    )

    objects = RecordReviewQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("record review")
        verbose_name_plural = _("record reviews")
        ordering = ["-reviewed_to"]
        constraints = [
            unique_key("recordreview"),
            models.CheckConstraint(
                condition=Q(reviewed_on__isnull=True) | Q(reviewed_on__gte=models.F("reviewed_to")),
                name="recordreview_made_after_what_it_covers",
                violation_error_message=_("A review cannot be made before the day it reviews to."),
            ),
        ]

    def __str__(self) -> str:
        # In the active language: the change log shows a review by this name.
        return gettext("Record reviewed to %(day)s") % {
            "day": date_format(self.reviewed_to, "j E Y")
        }


class ContentVersion(models.Model):
    """The version of the public record: one row, moved by every change a reader could see.

    The database holds it so that a cache outage cannot lose a change: the shared cache only
    keeps a copy for a few seconds (provenance.versioning), and ETags, Last-Modified and cached
    pages are keyed on it.
    """

    version = models.BigIntegerField(verbose_name=_("version"), default=0)
    changed_at = models.DateTimeField(verbose_name=_("changed at"), default=timezone.now)

    class Meta:
        verbose_name = _("content version")
        verbose_name_plural = _("content versions")

    def __str__(self) -> str:
        return f"Content version {self.version} ({self.changed_at:%Y-%m-%d %H:%M:%S})"


class Withdrawal(models.Model):
    """A row that stopped being public — unpublished, deleted, or hidden with its parent — so the
    API's `changes/` can tell mirrors what to drop (and never names a row that was never public)."""

    model = models.CharField(
        verbose_name=_("model"),
        max_length=100,
        help_text=_("The row's model, e.g. talks.event."),
    )
    object_id = models.BigIntegerField(verbose_name=_("object id"))
    withdrawn_at = models.DateTimeField(verbose_name=_("withdrawn at"), default=timezone.now)

    class Meta:
        verbose_name = _("withdrawal")
        verbose_name_plural = _("withdrawals")
        indexes = [
            # changes_since() reads the withdrawals after a time, per model.
            models.Index(fields=["model", "withdrawn_at"], name="withdrawal_model_at_idx"),
            # ...and whether a row was withdrawn before a time.
            models.Index(fields=["model", "object_id"], name="withdrawal_model_object_idx"),
        ]

    def __str__(self) -> str:
        return f"{self.model}:{self.object_id} withdrawn at {self.withdrawn_at:%Y-%m-%d %H:%M}"


class Appearance(models.Model):
    """A row that became public — published, or shown when the record it belongs to was
    published, or moved into a published one — so the API's `changes/` can tell a mirror that a
    row it never had is "created", even when the row itself did not change (a round published
    with its delegations). The counterpart of `Withdrawal`."""

    model = models.CharField(
        verbose_name=_("model"),
        max_length=100,
        help_text=_("The row's model, e.g. talks.event."),
    )
    object_id = models.BigIntegerField(verbose_name=_("object id"))
    appeared_at = models.DateTimeField(verbose_name=_("appeared at"), default=timezone.now)

    class Meta:
        verbose_name = _("appearance")
        verbose_name_plural = _("appearances")
        indexes = [
            # changes_since() reads the appearances after a time, and a row's earlier ones.
            models.Index(fields=["model", "appeared_at"], name="appearance_model_at_idx"),
            models.Index(fields=["model", "object_id"], name="appearance_model_object_idx"),
        ]

    def __str__(self) -> str:
        return f"{self.model}:{self.object_id} public from {self.appeared_at:%Y-%m-%d %H:%M}"


class ReviewStep(models.TextChoices):
    SUBMITTED = "submitted", _("Submitted for review")
    SENT_BACK = "sent_back", _("Sent back with changes requested")
    PUBLISHED = "published", _("Published")


class ReviewNote(models.Model):
    """One step of a record's review — submitted, sent back, published — with who, when and the
    note they wrote, for the review desk and the record's own page."""

    model = models.CharField(
        verbose_name=_("model"),
        max_length=100,
        help_text=_("The record's model, e.g. talks.round."),
    )
    object_id = models.BigIntegerField(verbose_name=_("object id"))
    title = models.CharField(
        verbose_name=_("title"),
        max_length=300,
        help_text=_("The record as it was called then."),
    )
    step = models.CharField(verbose_name=_("step"), max_length=16, choices=ReviewStep)
    note = models.TextField(verbose_name=_("note"), blank=True)
    # SET_NULL: a departed user's notes stay with the record.
    user = models.ForeignKey(
        "auth.User",
        verbose_name=_("user"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    at = models.DateTimeField(verbose_name=_("at"), default=timezone.now)

    class Meta:
        ordering = ["-at", "-pk"]
        verbose_name = _("review desk")
        verbose_name_plural = _("review desk")
        indexes = [
            # A record's page shows its latest notes; the desk lists the latest of each step.
            models.Index(fields=["model", "object_id", "-at"], name="reviewnote_record_idx"),
            models.Index(fields=["step", "-at"], name="reviewnote_step_idx"),
        ]

    def __str__(self) -> str:
        return f"{self.get_step_display()}: {self.title}"

    @classmethod
    def add(cls, obj, step: str, *, user, note: str = "") -> "ReviewNote":
        return cls.objects.create(
            model=obj._meta.label_lower,
            object_id=obj.pk,
            title=str(obj)[:300],
            step=step,
            note=note,
            user=user if getattr(user, "pk", None) else None,
        )

    @classmethod
    def of(cls, obj):
        return cls.objects.filter(model=obj._meta.label_lower, object_id=obj.pk)
