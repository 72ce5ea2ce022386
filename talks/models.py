"""Rounds of talks, who sat at the table, and the dated events around them."""

import zoneinfo

from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models
from django.db.models import F, Prefetch, Q
from django.urls import reverse
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from actors.models import ALIASES_HELP, Organization, Person, country_code_validator, split_aliases
from provenance.models import (
    DatePrecision,
    Publishable,
    PublishableQuerySet,
    SearchableQuerySet,
    Side,
    Sourced,
    record_key,
    unique_key,
)
from provenance.text import fold_for_search
from provenance.translated import Translated

# The track whose rounds are addressed by their number alone (/rounds/2/), as they were before
# the record had tracks: the Istanbul direct talks of 2025. A data migration (talks 0006) puts
# rounds loaded before then in it.
DEFAULT_TRACK = "istanbul"


class City(Translated, models.Model):
    """A city where talks were held, with its names in each language (Женева, Genève, Cenevre),
    so that a search in any of them finds the rounds held there."""

    key = record_key()

    name = models.CharField(
        verbose_name=_("name"), max_length=100, unique=True, help_text=_("In English, e.g. Geneva.")
    )
    native_name = models.CharField(
        verbose_name=_("native name"), max_length=100, blank=True, help_text=_("e.g. Genève.")
    )
    aliases = models.TextField(verbose_name=_("aliases"), blank=True, help_text=ALIASES_HELP)
    country_code = models.CharField(
        verbose_name=_("country code"),
        max_length=2,
        validators=[country_code_validator],
        help_text=_("ISO 3166-1 alpha-2, e.g. CH."),
    )
    description = models.TextField(
        verbose_name=_("description"),
        blank=True,
        help_text=_("Markdown. What was held there, or what the name stands for."),
    )
    search_text = models.TextField(verbose_name=_("search text"), blank=True, editable=False)
    updated_at = models.DateTimeField(verbose_name=_("updated at"), auto_now=True)

    objects = SearchableQuerySet.as_manager()
    # Public as soon as saved (publishers change it; talks.admin), so every change is recorded:
    # `history` is registered in translation.py (see Track). Its description is the editors'
    # (no page or API item shows it): not translated.
    translated_fields = ("name",)

    class Meta:
        verbose_name = _("city")
        verbose_name_plural = _("cities")
        ordering = ["name_en"]  # one order in every language (provenance.translated)
        constraints = [unique_key("city")]

    def __str__(self) -> str:
        return self.name

    def save(self, *args, **kwargs) -> None:
        self.search_text = fold_for_search(
            self.english("name"), self.native_name, *self.alias_list, *self.translations_of("name")
        )
        super().save(*args, **kwargs)

    @property
    def alias_list(self) -> list[str]:
        return split_aliases(self.aliases)


class VenueQuerySet(SearchableQuerySet):
    # Venues whose names, or whose city's names in any language, contain the query.
    search_paths = ("search_text", "city__search_text")


class VenueManager(models.Manager.from_queryset(VenueQuerySet)):
    def get_queryset(self):
        # A venue is named with its city ("Çırağan Palace, Istanbul"): lists, admin choices and
        # autocompletes would otherwise cost a query per venue.
        return super().get_queryset().select_related("city")


class Venue(Translated, Sourced):
    """A place where talks or side meetings were held."""

    key = record_key()

    name = models.CharField(verbose_name=_("name"), max_length=200, unique=True)
    native_name = models.CharField(verbose_name=_("native name"), max_length=200, blank=True)
    aliases = models.TextField(
        verbose_name=_("aliases"), blank=True, help_text=_("Other spellings, one per line.")
    )
    # PROTECT: a city with venues is part of the record.
    city = models.ForeignKey(
        City, verbose_name=_("city"), on_delete=models.PROTECT, related_name="venues"
    )
    country_code = models.CharField(
        verbose_name=_("country code"),
        db_index=True,
        max_length=2,
        help_text=_("ISO 3166-1 alpha-2, e.g. TR."),
    )
    latitude = models.DecimalField(
        verbose_name=_("latitude"), max_digits=8, decimal_places=5, null=True, blank=True
    )
    longitude = models.DecimalField(
        verbose_name=_("longitude"), max_digits=8, decimal_places=5, null=True, blank=True
    )
    description = models.TextField(verbose_name=_("description"), blank=True)
    search_text = models.TextField(verbose_name=_("search text"), blank=True, editable=False)
    updated_at = models.DateTimeField(verbose_name=_("updated at"), auto_now=True)

    objects = VenueManager()
    # Venues are public as soon as they are saved: publishers change them, and it is recorded:
    # `history` is registered in translation.py (see Track).
    translated_fields = ("name", "description")

    class Meta:
        verbose_name = _("venue")
        verbose_name_plural = _("venues")
        ordering = ["name_en"]  # one order in every language (provenance.translated)
        constraints = [
            unique_key("venue"),
            models.CheckConstraint(
                condition=Q(latitude__isnull=True) | Q(latitude__gte=-90, latitude__lte=90),
                name="venue_latitude_in_range",
                violation_error_message=_("Latitude must be between -90 and 90."),
            ),
            models.CheckConstraint(
                condition=Q(longitude__isnull=True) | Q(longitude__gte=-180, longitude__lte=180),
                name="venue_longitude_in_range",
                violation_error_message=_("Longitude must be between -180 and 180."),
            ),
        ]

    def __str__(self) -> str:
        """ "Çırağan Palace, Istanbul"; "Geneva" for a venue the sources name by its city only.
        The default manager selects the city with the venue."""
        if self.city.name in self.name:
            return self.name
        return f"{self.name}, {self.city}"

    def save(self, *args, **kwargs) -> None:
        self.search_text = fold_for_search(
            self.english("name"), self.native_name, *self.alias_list, *self.translations_of("name")
        )
        super().save(*args, **kwargs)

    @property
    def alias_list(self) -> list[str]:
        return split_aliases(self.aliases)


class Track(Translated, Sourced, Publishable):
    """One negotiation process with its own parties, mediators and round numbering: the Istanbul
    direct talks (2025), the US–Ukraine consultations, the US–Russia–Ukraine trilateral talks."""

    slug = models.SlugField(
        verbose_name=_("slug"),
        max_length=100,
        unique=True,
        help_text=_(
            "Its address: the slug us-ukraine gives /tracks/us-ukraine/, and its rounds "
            "/tracks/us-ukraine/rounds/1/. Do not change it once published: links to it would "
            "break."
        ),
    )
    name = models.CharField(
        verbose_name=_("name"),
        max_length=200,
        unique=True,
        help_text=_("e.g. Istanbul direct talks."),
    )
    short_name = models.CharField(
        verbose_name=_("short name"), max_length=60, blank=True, help_text=_("e.g. Istanbul talks.")
    )
    parties = models.ManyToManyField(
        Organization,
        verbose_name=_("parties"),
        related_name="tracks_as_party",
        help_text=_("The states that negotiate in this track."),
    )
    mediators = models.ManyToManyField(
        Organization,
        verbose_name=_("mediators"),
        blank=True,
        related_name="tracks_as_mediator",
        help_text=_(
            "Hosts and mediators, e.g. Türkiye; the United States in the trilateral talks."
        ),
    )
    started_on = models.DateField(
        verbose_name=_("started on"),
        db_index=True,
        help_text=_("The first round or the act that opened the track."),
    )
    started_on_precision = models.CharField(
        verbose_name=_("started on precision"),
        max_length=5,
        choices=DatePrecision,
        default=DatePrecision.DAY,
    )
    ended_on = models.DateField(
        verbose_name=_("ended on"),
        null=True,
        blank=True,
        help_text=_("The last round known; blank if the track goes on."),
    )
    ended_on_precision = models.CharField(
        verbose_name=_("ended on precision"),
        max_length=5,
        choices=DatePrecision,
        default=DatePrecision.DAY,
    )
    dates_note = models.TextField(
        verbose_name=_("dates note"),
        blank=True,
        help_text=_("What the dates mean, if not obvious."),
    )
    summary = models.TextField(
        verbose_name=_("summary"), blank=True, help_text=_("Markdown. The track in a paragraph.")
    )
    order = models.PositiveSmallIntegerField(
        verbose_name=_("order"), default=0, help_text=_("Lower comes first.")
    )
    search_text = models.TextField(verbose_name=_("search text"), blank=True, editable=False)

    objects = SearchableQuerySet.as_manager()
    # `history` is registered in translation.py, after the translation columns exist, so that
    # each version carries them too.
    translated_fields = ("name", "short_name", "summary", "dates_note")

    class Meta:
        verbose_name = _("track")
        verbose_name_plural = _("tracks")
        ordering = ["order", "started_on"]
        constraints = [
            models.CheckConstraint(
                condition=Q(ended_on__isnull=True) | Q(ended_on__gte=F("started_on")),
                name="track_end_not_before_start",
                violation_error_message=_("A track cannot end before it starts."),
            ),
        ]
        indexes = [
            models.Index(fields=["publication_status", "updated_at"], name="track_status_upd_idx"),
        ]

    def __str__(self) -> str:
        return self.name

    def save(self, *args, **kwargs) -> None:
        self.search_text = fold_for_search(
            self.english("name"),
            self.english("short_name"),
            self.english("summary"),
            *self.translations_of("name", "short_name", "summary"),
        )
        super().save(*args, **kwargs)

    def get_absolute_url(self) -> str:
        return reverse("public:track-detail", args=[self.slug])

    @property
    def label(self) -> str:
        return self.short_name or self.name


class RoundStatus(models.TextChoices):
    ANNOUNCED = "announced", _("Announced")
    SCHEDULED = "scheduled", _("Scheduled")
    HELD = "held", _("Held")
    POSTPONED = "postponed", _("Postponed")
    CANCELLED = "cancelled", _("Cancelled")


class RoundFormat(models.TextChoices):
    PLENARY = "plenary", _("Plenary, chaired by the host")
    HEADS_THEN_PLENARY = "heads_then_plenary", _("Heads of delegation alone, then plenary")
    HEADS_ONLY = "heads_only", _("Heads of delegation only")
    BILATERAL = "bilateral", _("Bilateral, without a chair")
    TRILATERAL = "trilateral", _("Trilateral, the mediator's delegation at the table")
    CONSULTATIONS = "consultations", _("Consultations of the mediator with one side")
    SUMMIT = "summit", _("Leaders' summit")


class RoundQuerySet(SearchableQuerySet):
    # Rounds whose title or summary, their venue's names or their city's names in any language
    # ("Женева", "Genève"), or their track's names contain the query. Venue, city and track are
    # matched through joins rather than copied into the round's own `search_text`, so renaming a
    # venue or adding a city's alias takes effect at once.
    search_paths = (
        "search_text",
        "venue__search_text",
        "venue__city__search_text",
        "track__search_text",
    )

    def with_heads(self):
        """Each round's published delegations (Ukraine, Russia, then a mediator's) with who led
        them, for one-line "led by" summaries: heads and heads of state or government, and a
        mediator's members (the US envoys have no head). Two more queries for any number of
        rounds."""
        leading = Participant.objects.published().filter(
            Q(role__in=[ParticipantRole.HEAD, ParticipantRole.LEADER])
            | Q(delegation__side=DelegationSide.MEDIATOR)
        )
        return self.prefetch_related(
            Prefetch(
                "delegations",
                queryset=Delegation.objects.published()
                .filter(side__in=[*Side.values, DelegationSide.MEDIATOR])
                .select_related("organization")
                .order_by("-side")
                .prefetch_related(
                    Prefetch(
                        "participants",
                        queryset=leading.select_related("person").order_by("order"),
                    )
                ),
            )
        )


class Round(Translated, Sourced, Publishable):
    """One round of a track: when, where, in what format, chaired by whom."""

    key = record_key()

    # PROTECT: a track with rounds is part of the record.
    track = models.ForeignKey(
        Track,
        verbose_name=_("track"),
        on_delete=models.PROTECT,
        related_name="rounds",
        help_text=_("The negotiation this round belongs to; rounds are numbered within it."),
    )
    number = models.PositiveSmallIntegerField(
        verbose_name=_("number"),
        db_index=True,
        validators=[MinValueValidator(1)],
        help_text=_("1 for the track's first round."),
    )
    title = models.CharField(verbose_name=_("title"), max_length=200)
    status = models.CharField(
        verbose_name=_("status"),
        db_index=True,
        max_length=16,
        choices=RoundStatus,
        default=RoundStatus.SCHEDULED,
    )
    held_on = models.DateField(
        verbose_name=_("held on"),
        db_index=True,
        help_text=_("The (first) day of the round, or the announced day."),
    )
    held_on_precision = models.CharField(
        verbose_name=_("held on precision"),
        max_length=5,
        choices=DatePrecision,
        default=DatePrecision.DAY,
    )
    ended_on = models.DateField(
        verbose_name=_("ended on"),
        null=True,
        blank=True,
        help_text=_("The last day, for a round held over several days."),
    )
    time_zone = models.CharField(
        verbose_name=_("time zone"),
        max_length=64,
        default="Europe/Istanbul",
        help_text=_("IANA zone the times below are shown in, e.g. Asia/Dubai for Abu Dhabi."),
    )
    scheduled_start_at = models.DateTimeField(
        verbose_name=_("scheduled start at"), null=True, blank=True
    )
    actual_start_at = models.DateTimeField(verbose_name=_("actual start at"), null=True, blank=True)
    actual_end_at = models.DateTimeField(verbose_name=_("actual end at"), null=True, blank=True)
    timing_note = models.TextField(
        verbose_name=_("timing note"),
        blank=True,
        help_text=_(
            "What the sources say about timing when it is approximate, e.g. 'about 13:30'."
        ),
    )
    # PROTECT: a venue with rounds is part of the record.
    venue = models.ForeignKey(
        Venue,
        verbose_name=_("venue"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="rounds",
    )
    format = models.CharField(
        verbose_name=_("format"), db_index=True, max_length=24, choices=RoundFormat, blank=True
    )
    format_note = models.TextField(verbose_name=_("format note"), blank=True)
    working_language = models.CharField(
        verbose_name=_("working language"),
        max_length=8,
        blank=True,
        help_text=_("ISO 639-1 code of the language the talks were held in."),
    )
    # PROTECT: removing a person must not silently erase who chaired a round.
    chair = models.ForeignKey(
        Person,
        verbose_name=_("chair"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="chaired_rounds",
    )
    hosts = models.ManyToManyField(
        Organization, verbose_name=_("hosts"), blank=True, related_name="hosted_rounds"
    )
    summary = models.TextField(
        verbose_name=_("summary"),
        blank=True,
        help_text=_("Markdown. What happened, in a paragraph."),
    )
    search_text = models.TextField(verbose_name=_("search text"), blank=True, editable=False)

    objects = RoundQuerySet.as_manager()
    # `history` is registered in translation.py (see Track).
    _history_m2m_fields = ["sources", "hosts"]
    translated_fields = ("title", "summary", "timing_note", "format_note")

    class Meta:
        verbose_name = _("round")
        verbose_name_plural = _("rounds")
        ordering = ["held_on", "number"]
        constraints = [
            unique_key("round"),
            models.UniqueConstraint(
                fields=["track", "number"],
                name="round_number_unique_in_track",
                violation_error_message=_("This track already has a round with this number."),
            ),
            models.CheckConstraint(
                condition=Q(ended_on__isnull=True) | Q(ended_on__gte=F("held_on")),
                name="round_last_day_not_before_first",
                violation_error_message=_("A round cannot end before its first day."),
            ),
            models.CheckConstraint(
                condition=Q(actual_end_at__isnull=True)
                | Q(actual_start_at__isnull=True)
                | Q(actual_end_at__gte=F("actual_start_at")),
                name="round_end_not_before_start",
                violation_error_message=_("A round cannot end before it starts."),
            ),
        ]
        indexes = [
            models.Index(fields=["publication_status", "held_on"], name="round_status_held_idx"),
            models.Index(
                fields=["publication_status", "updated_at"], name="round_status_updated_idx"
            ),
        ]

    def __str__(self) -> str:
        """ "Round 2: Second round in Istanbul", in the active language (the title is the
        record's own text)."""
        return gettext("Round %(number)s: %(title)s") % {"number": self.number, "title": self.title}

    def save(self, *args, **kwargs) -> None:
        self.search_text = fold_for_search(
            self.english("title"),
            self.english("summary"),
            *self.translations_of("title", "summary"),
        )
        super().save(*args, **kwargs)

    def clean(self) -> None:
        try:
            zoneinfo.ZoneInfo(self.time_zone)
        except (zoneinfo.ZoneInfoNotFoundError, ValueError):
            raise ValidationError({"time_zone": _("Not a known IANA time zone.")}) from None

    def get_absolute_url(self) -> str:
        """/rounds/2/ for the Istanbul talks (their address before tracks), else
        /tracks/<track>/rounds/<number>/. Costs a query unless the track is selected."""
        return self._reverse("round-detail")

    def get_calendar_url(self) -> str:
        """/rounds/2.ics, /tracks/<track>/rounds/<number>.ics, as `get_absolute_url`: in the
        active language (/uk/rounds/2.ics on a Ukrainian page)."""
        return self._reverse("round-calendar")

    def get_feed_url(self) -> str:
        """/feeds/rounds/2/changes.atom, /feeds/tracks/<track>/rounds/<number>/changes.atom, in
        the active language as `get_absolute_url` (/uk/feeds/rounds/2/changes.atom)."""
        return self._reverse("round-changes-feed")

    def _reverse(self, route: str) -> str:
        # The site's routes are reversed by name, so talks imports nothing from public.
        if self.track.slug == DEFAULT_TRACK:
            return reverse(f"public:{route}", args=[self.number])
        return reverse(f"public:{route}-in-track", args=[self.track.slug, self.number])

    @property
    def track_slug(self) -> str:
        return self.track.slug

    @property
    def ref(self) -> str:
        """The round's name for good in calendar UIDs and feed ids: "2" for the Istanbul talks'
        round 2 (as before tracks, so subscribers see no new event), "trilateral-1" for other
        tracks' rounds. Costs a query unless the track is selected."""
        if self.track.slug == DEFAULT_TRACK:
            return str(self.number)
        return f"{self.track.slug}-{self.number}"

    @property
    def local_time_label(self) -> str:
        """'Istanbul time', 'Abu Dhabi time' (in the active language): the venue's city, else
        the time zone's."""
        if self.venue_id and self.venue.city_id:
            place = self.venue.city.name
        else:
            place = self.time_zone.rsplit("/", 1)[-1].replace("_", " ")
        return gettext("%(place)s time") % {"place": place}

    @property
    def tz(self) -> zoneinfo.ZoneInfo:
        return zoneinfo.ZoneInfo(self.time_zone)

    @property
    def start_delay(self):
        """How late the round started, as a timedelta, when both times are known."""
        if self.scheduled_start_at and self.actual_start_at:
            return self.actual_start_at - self.scheduled_start_at
        return None

    @property
    def duration(self):
        if self.actual_start_at and self.actual_end_at:
            return self.actual_end_at - self.actual_start_at
        return None


class DelegationSide(models.TextChoices):
    UKRAINE = "ukraine", _("Ukraine")
    RUSSIA = "russia", _("Russia")
    # A mediator that sits at the table with a delegation of its own: the United States in the
    # consultations and the trilateral talks.
    MEDIATOR = "mediator", _("Mediator at the table")
    HOST = "host", _("Host and mediator")
    PARTNERS = "partners", _("Partners present, not at the table")


class StandingDelegation(Translated, Sourced, Publishable):
    """One side's delegation appointed for a whole track by one act (Ukraine's decree 869/2025),
    with the head and members the act names. Who attended each round is recorded on that round's
    own delegation, which names the act it was appointed under."""

    key = record_key()

    # PROTECT: a track's appointed delegations are part of its record.
    track = models.ForeignKey(
        Track,
        verbose_name=_("track"),
        on_delete=models.PROTECT,
        related_name="standing_delegations",
    )
    side = models.CharField(
        verbose_name=_("side"), db_index=True, max_length=16, choices=DelegationSide
    )
    # PROTECT: the state a delegation represents cannot vanish from under it.
    organization = models.ForeignKey(
        Organization,
        verbose_name=_("organization"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="standing_delegations",
        help_text=_("The state or body the delegation represents."),
    )
    appointing_act = models.CharField(
        verbose_name=_("appointing act"),
        max_length=200,
        help_text=_("e.g. Decree of the President of Ukraine No. 869/2025."),
    )
    appointed_on = models.DateField(verbose_name=_("appointed on"), db_index=True)
    ended_on = models.DateField(
        verbose_name=_("ended on"),
        null=True,
        blank=True,
        help_text=_("The day another act replaced it; blank while it stands."),
    )
    summary = models.TextField(
        verbose_name=_("summary"), blank=True, help_text=_("Markdown. What the act says it is for.")
    )

    publication_parents = ("track",)

    objects = PublishableQuerySet.as_manager()
    # `history` is registered in translation.py (see Track).
    translated_fields = ("appointing_act", "summary")

    class Meta:
        verbose_name = _("standing delegation")
        verbose_name_plural = _("standing delegations")
        ordering = ["appointed_on", "pk"]
        constraints = [
            unique_key("standingdelegation"),
            models.CheckConstraint(
                condition=Q(ended_on__isnull=True) | Q(ended_on__gte=F("appointed_on")),
                name="standingdelegation_end_not_before_start",
                violation_error_message=_("An appointment cannot end before it is made."),
            ),
        ]
        indexes = [
            models.Index(
                fields=["publication_status", "updated_at"], name="standingdel_status_upd_idx"
            ),
        ]

    def __str__(self) -> str:
        return gettext("%(side)s's delegation, %(act)s") % {
            "side": self.get_side_display(),
            "act": self.appointing_act,
        }

    def get_absolute_url(self) -> str:
        """On its track's page. Costs a query unless the track is selected."""
        return f"{self.track.get_absolute_url()}#appointed-{self.pk}"


class Delegation(Translated, Sourced, Publishable):
    """One side's delegation at one round, and the act that appointed it."""

    key = record_key()

    # PROTECT: a round's delegations must be removed deliberately before the round.
    round = models.ForeignKey(
        Round, verbose_name=_("round"), on_delete=models.PROTECT, related_name="delegations"
    )
    side = models.CharField(
        verbose_name=_("side"), db_index=True, max_length=16, choices=DelegationSide
    )
    # PROTECT: the act a delegation attended under is part of the record.
    standing = models.ForeignKey(
        StandingDelegation,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="round_delegations",
        verbose_name=_("appointed under"),
        help_text=_(
            "The delegation appointed for a track (by decree 869/2025, say) that this one "
            "attended the round as, if any; the members listed here are those who attended this "
            "round. It may attend rounds of other tracks too: decree 869/2025's delegation sits in "
            "the trilateral talks as well."
        ),
    )
    # PROTECT: the state a delegation represents cannot vanish from under it.
    organization = models.ForeignKey(
        Organization,
        verbose_name=_("organization"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="delegations",
        help_text=_("The state or body the delegation represents."),
    )
    appointing_act = models.CharField(
        verbose_name=_("appointing act"),
        max_length=200,
        blank=True,
        help_text=_("e.g. Decree of the President of Ukraine No. 306/2025."),
    )
    appointed_on = models.DateField(verbose_name=_("appointed on"), null=True, blank=True)
    reported_size = models.PositiveSmallIntegerField(
        verbose_name=_("reported size"),
        null=True,
        blank=True,
        help_text=_(
            "Members as stated by the appointing act or sources, even if not all are named."
        ),
    )
    summary = models.TextField(verbose_name=_("summary"), blank=True, help_text=_("Markdown."))

    publication_parents = ("round",)

    objects = PublishableQuerySet.as_manager()
    # `history` is registered in translation.py (see Track).
    translated_fields = ("appointing_act", "summary")

    class Meta:
        verbose_name = _("delegation")
        verbose_name_plural = _("delegations")
        ordering = ["round__number", "side"]
        constraints = [
            unique_key("delegation"),
            models.UniqueConstraint(
                fields=["round", "side"],
                name="delegation_one_per_side_per_round",
                violation_error_message=_("This round already has a delegation for this side."),
            ),
        ]
        indexes = [
            models.Index(
                fields=["publication_status", "updated_at"], name="delegation_status_upd_idx"
            ),
        ]

    def __str__(self) -> str:
        return gettext("%(side)s at round %(number)s") % {
            "side": self.get_side_display(),
            "number": self.round.number,
        }

    @property
    def label(self) -> str:
        """ "Ukraine", "Russia", or the state a mediator's or host's delegation represents
        ("United States"). Costs a query unless the organization is selected."""
        if self.side in Side.values or self.organization_id is None:
            return self.get_side_display()
        return self.organization.name


class ParticipantRole(models.TextChoices):
    HEAD = "head", _("Head of delegation")
    MEMBER = "member", _("Member")
    EXPERT = "expert", _("Expert")
    ADVISER = "adviser", _("Adviser")
    OBSERVER = "observer", _("Observer")
    CHAIR = "chair", _("Chair")
    HOST = "host", _("Host")
    # Heads of state or government at a summit, or receiving envoys: not delegation members.
    LEADER = "leader", _("Head of state or government")
    ACCOMPANYING = "accompanying", _("Accompanying, not a delegation member")


# Roles that count towards a delegation's membership (the appointing act's list).
MEMBER_ROLES = (ParticipantRole.HEAD, ParticipantRole.MEMBER, ParticipantRole.EXPERT)


class ParticipantQuerySet(PublishableQuerySet):
    def members(self):
        return self.filter(role__in=MEMBER_ROLES)


class Participant(Translated, Sourced):
    """A person in a delegation: role, title held at the time, and whether they sat at the table."""

    # CASCADE: a participant row only exists as part of its delegation.
    delegation = models.ForeignKey(
        Delegation,
        verbose_name=_("delegation"),
        on_delete=models.CASCADE,
        related_name="participants",
    )
    # PROTECT: a person who took part in a round is part of the record.
    person = models.ForeignKey(
        Person, verbose_name=_("person"), on_delete=models.PROTECT, related_name="participations"
    )
    role = models.CharField(
        verbose_name=_("role"),
        db_index=True,
        max_length=16,
        choices=ParticipantRole,
        default=ParticipantRole.MEMBER,
    )
    title_at_time = models.CharField(
        verbose_name=_("title at time"),
        max_length=300,
        blank=True,
        help_text=_("The post they held on the day, e.g. Minister of Defence."),
    )
    # PROTECT: keeps the "on behalf of" link for advisers from third states.
    represents = models.ForeignKey(
        Organization,
        verbose_name=_("represents"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="participations",
        help_text=_("Only if different from the delegation's, e.g. the UK for a British adviser."),
    )
    at_table = models.BooleanField(
        verbose_name=_("at table"),
        null=True,
        blank=True,
        help_text=_(
            "Yes: sat at the negotiating table. No: present in the city of the talks only. "
            "Blank: unknown."
        ),
    )
    order = models.PositiveSmallIntegerField(
        verbose_name=_("order"), default=0, help_text=_("Lower comes first; head first.")
    )
    note = models.TextField(verbose_name=_("note"), blank=True)

    # No status of its own: a participant is public with its delegation, round and person.
    publication_parents = ("delegation", "delegation__round", "person")

    objects = ParticipantQuerySet.as_manager()
    # `history` is registered in translation.py (see Track).
    translated_fields = ("title_at_time", "note")

    class Meta:
        verbose_name = _("participant")
        verbose_name_plural = _("participants")
        ordering = ["delegation", "order", "person__name_en"]
        constraints = [
            models.UniqueConstraint(
                fields=["delegation", "person"],
                name="participant_once_per_delegation",
                violation_error_message=_("This person is already in this delegation."),
            ),
            models.UniqueConstraint(
                fields=["delegation"],
                condition=Q(role="head"),
                name="participant_one_head_per_delegation",
                violation_error_message=_("A delegation has only one head."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.person} ({self.get_role_display()}), {self.delegation}"


class StandingMember(Translated, Sourced):
    """A person an appointing act names to a standing delegation, as its head or a member."""

    # CASCADE: a member row only exists as part of its standing delegation.
    standing_delegation = models.ForeignKey(
        StandingDelegation,
        verbose_name=_("standing delegation"),
        on_delete=models.CASCADE,
        related_name="members",
    )
    # PROTECT: a person named in an appointing act is part of the record.
    person = models.ForeignKey(
        Person,
        verbose_name=_("person"),
        on_delete=models.PROTECT,
        related_name="standing_memberships",
    )
    role = models.CharField(
        verbose_name=_("role"),
        max_length=16,
        choices=ParticipantRole,
        default=ParticipantRole.MEMBER,
    )
    title_at_time = models.CharField(
        verbose_name=_("title at time"),
        max_length=300,
        blank=True,
        help_text=_("The post the act gives them, e.g. NSDC Secretary."),
    )
    order = models.PositiveSmallIntegerField(
        verbose_name=_("order"), default=0, help_text=_("Lower comes first; head first.")
    )
    note = models.TextField(verbose_name=_("note"), blank=True)

    # No status of its own: public with its standing delegation, track and person.
    publication_parents = (
        "standing_delegation",
        "standing_delegation__track",
        "person",
    )

    objects = PublishableQuerySet.as_manager()
    # `history` is registered in translation.py (see Track).
    translated_fields = ("title_at_time", "note")

    class Meta:
        verbose_name = _("standing member")
        verbose_name_plural = _("standing members")
        ordering = ["standing_delegation", "order", "person__name_en"]
        constraints = [
            models.UniqueConstraint(
                fields=["standing_delegation", "person"],
                name="standingmember_once_per_delegation",
                violation_error_message=_("This person is already named in this appointment."),
            ),
            models.UniqueConstraint(
                fields=["standing_delegation"],
                condition=Q(role="head"),
                name="standingmember_one_head",
                violation_error_message=_("An appointment names only one head."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.person} ({self.get_role_display()}), {self.standing_delegation}"


class EventKind(models.TextChoices):
    ANNOUNCEMENT = "announcement", _("Announcement")
    DECREE = "decree", _("Decree or appointment")
    SIDE_MEETING = "side_meeting", _("Side meeting")
    STATEMENT = "statement", _("Statement")
    PROPOSAL = "proposal", _("Proposal")
    CONTEXT = "context", _("Context")


class EventSide(models.TextChoices):
    UKRAINE = "ukraine", _("Ukraine")
    RUSSIA = "russia", _("Russia")
    BOTH = "both", _("Both sides")
    MEDIATOR = "mediator", _("Mediator or host")
    OTHER = "other", _("Other")


class Event(Translated, Sourced, Publishable):
    """A dated entry for the timeline: an announcement, a side meeting, a statement, context."""

    key = record_key()

    occurred_on = models.DateField(verbose_name=_("occurred on"), db_index=True)
    occurred_on_precision = models.CharField(
        verbose_name=_("occurred on precision"),
        max_length=5,
        choices=DatePrecision,
        default=DatePrecision.DAY,
    )
    starts_at = models.DateTimeField(
        verbose_name=_("starts at"), null=True, blank=True, help_text=_("If the time is known.")
    )
    ends_at = models.DateTimeField(verbose_name=_("ends at"), null=True, blank=True)
    kind = models.CharField(verbose_name=_("kind"), db_index=True, max_length=16, choices=EventKind)
    side = models.CharField(
        verbose_name=_("side"),
        db_index=True,
        max_length=16,
        choices=EventSide,
        blank=True,
        help_text=_("Whose act or statement this is."),
    )
    title = models.CharField(verbose_name=_("title"), max_length=300)
    summary = models.TextField(verbose_name=_("summary"), blank=True, help_text=_("Markdown."))
    # PROTECT: SET_NULL would write the event without a signal, its history or a review, and
    # an event hidden with its draft round would turn public; move or delete events first.
    round = models.ForeignKey(
        Round,
        verbose_name=_("round"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="events",
    )
    # PROTECT, as for the round: deleting a draft track must not turn its events public.
    track = models.ForeignKey(
        Track,
        verbose_name=_("track"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="events",
        help_text=_("The track it belongs to when it is about no one round, e.g. an appointment."),
    )
    venue = models.ForeignKey(
        Venue,
        verbose_name=_("venue"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="events",
    )
    people = models.ManyToManyField(
        Person, verbose_name=_("people"), blank=True, related_name="events"
    )
    organizations = models.ManyToManyField(
        Organization, verbose_name=_("organizations"), blank=True, related_name="events"
    )
    search_text = models.TextField(verbose_name=_("search text"), blank=True, editable=False)

    # An event about a round still in draft (e.g. its announcement) waits for the round.
    publication_parents = ("round",)

    objects = SearchableQuerySet.as_manager()
    # `history` is registered in translation.py (see Track).
    _history_m2m_fields = ["sources", "people", "organizations"]
    translated_fields = ("title", "summary")

    class Meta:
        verbose_name = _("event")
        verbose_name_plural = _("events")
        ordering = ["occurred_on", "starts_at", "pk"]
        constraints = [
            unique_key("event"),
            models.CheckConstraint(
                condition=Q(ends_at__isnull=True)
                | Q(starts_at__isnull=True)
                | Q(ends_at__gte=F("starts_at")),
                name="event_end_not_before_start",
                violation_error_message=_("An event cannot end before it starts."),
            ),
        ]
        indexes = [
            # The timeline filters published events by date range and kind.
            models.Index(
                fields=["publication_status", "occurred_on"], name="event_status_date_idx"
            ),
            models.Index(fields=["publication_status", "kind"], name="event_status_kind_idx"),
            models.Index(
                fields=["publication_status", "updated_at"], name="event_status_updated_idx"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.occurred_on}: {self.title}"

    def save(self, *args, **kwargs) -> None:
        self.search_text = fold_for_search(
            self.english("title"),
            self.english("summary"),
            *self.translations_of("title", "summary"),
        )
        super().save(*args, **kwargs)

    def get_absolute_url(self) -> str:
        return reverse("public:event-detail", args=[self.pk])
