"""Rounds of talks, who sat at the table, and the dated events around them."""

import zoneinfo

from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models
from django.db.models import F, Prefetch, Q
from django.urls import reverse
from simple_history.models import HistoricalRecords

from actors.models import Organization, Person, split_aliases
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
from provenance.text import fold, fold_for_search


class Venue(Sourced):
    """A place where talks or side meetings were held."""

    key = record_key()

    name = models.CharField(max_length=200, unique=True)
    native_name = models.CharField(max_length=200, blank=True)
    aliases = models.TextField(blank=True, help_text="Other spellings, one per line.")
    city = models.CharField(max_length=100)
    country_code = models.CharField(max_length=2, help_text="ISO 3166-1 alpha-2, e.g. TR.")
    latitude = models.DecimalField(max_digits=8, decimal_places=5, null=True, blank=True)
    longitude = models.DecimalField(max_digits=8, decimal_places=5, null=True, blank=True)
    description = models.TextField(blank=True)
    search_text = models.TextField(blank=True, editable=False)
    updated_at = models.DateTimeField(auto_now=True)

    objects = SearchableQuerySet.as_manager()
    # Venues are public as soon as they are saved: publishers change them, and it is recorded.
    history = HistoricalRecords()

    class Meta:
        ordering = ["name"]
        constraints = [
            unique_key("venue"),
            models.CheckConstraint(
                condition=Q(latitude__isnull=True) | Q(latitude__gte=-90, latitude__lte=90),
                name="venue_latitude_in_range",
                violation_error_message="Latitude must be between -90 and 90.",
            ),
            models.CheckConstraint(
                condition=Q(longitude__isnull=True) | Q(longitude__gte=-180, longitude__lte=180),
                name="venue_longitude_in_range",
                violation_error_message="Longitude must be between -180 and 180.",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.name}, {self.city}"

    def save(self, *args, **kwargs) -> None:
        self.search_text = fold_for_search(self.name, self.native_name, *self.alias_list)
        super().save(*args, **kwargs)

    @property
    def alias_list(self) -> list[str]:
        return split_aliases(self.aliases)


class RoundStatus(models.TextChoices):
    ANNOUNCED = "announced", "Announced"
    SCHEDULED = "scheduled", "Scheduled"
    HELD = "held", "Held"
    POSTPONED = "postponed", "Postponed"
    CANCELLED = "cancelled", "Cancelled"


class RoundFormat(models.TextChoices):
    PLENARY = "plenary", "Plenary, chaired by the host"
    HEADS_THEN_PLENARY = "heads_then_plenary", "Heads of delegation alone, then plenary"
    HEADS_ONLY = "heads_only", "Heads of delegation only"
    TRILATERAL = "trilateral", "Trilateral"


class RoundQuerySet(SearchableQuerySet):
    def search(self, query: str):
        """Rounds whose title or summary, or whose venue's names, contain `query`.

        The venue is matched through the join rather than copied into the round's own
        `search_text`, so renaming a venue or adding an alias takes effect at once.
        """
        folded = fold(query)
        if not folded:
            return self.none()
        return self.filter(Q(search_text__contains=folded) | Q(venue__search_text__contains=folded))

    def with_heads(self):
        """Each round's published delegations (Ukraine, then Russia) with their heads, for
        one-line "led by" summaries. Two more queries for any number of rounds."""
        heads = Participant.objects.published().filter(role=ParticipantRole.HEAD)
        return self.prefetch_related(
            Prefetch(
                "delegations",
                queryset=Delegation.objects.published()
                .filter(side__in=Side.values)
                .order_by("-side")
                .prefetch_related(
                    Prefetch("participants", queryset=heads.select_related("person"))
                ),
            )
        )


class Round(Sourced, Publishable):
    """One round of direct Russia–Ukraine talks: when, where, in what format, chaired by whom."""

    key = record_key()

    number = models.PositiveSmallIntegerField(
        unique=True, validators=[MinValueValidator(1)], help_text="1 for the first round."
    )
    title = models.CharField(max_length=200)
    status = models.CharField(max_length=16, choices=RoundStatus, default=RoundStatus.SCHEDULED)
    held_on = models.DateField(help_text="The day of the round (or the announced day).")
    held_on_precision = models.CharField(
        max_length=5, choices=DatePrecision, default=DatePrecision.DAY
    )
    time_zone = models.CharField(
        max_length=64,
        default="Europe/Istanbul",
        help_text="IANA zone the times below are shown in.",
    )
    scheduled_start_at = models.DateTimeField(null=True, blank=True)
    actual_start_at = models.DateTimeField(null=True, blank=True)
    actual_end_at = models.DateTimeField(null=True, blank=True)
    timing_note = models.TextField(
        blank=True,
        help_text="What the sources say about timing when it is approximate, e.g. 'about 13:30'.",
    )
    # PROTECT: a venue with rounds is part of the record.
    venue = models.ForeignKey(
        Venue, null=True, blank=True, on_delete=models.PROTECT, related_name="rounds"
    )
    format = models.CharField(max_length=24, choices=RoundFormat, blank=True)
    format_note = models.TextField(blank=True)
    working_language = models.CharField(
        max_length=8, blank=True, help_text="ISO 639-1 code of the language the talks were held in."
    )
    # PROTECT: removing a person must not silently erase who chaired a round.
    chair = models.ForeignKey(
        Person, null=True, blank=True, on_delete=models.PROTECT, related_name="chaired_rounds"
    )
    hosts = models.ManyToManyField(Organization, blank=True, related_name="hosted_rounds")
    summary = models.TextField(blank=True, help_text="Markdown. What happened, in a paragraph.")
    search_text = models.TextField(blank=True, editable=False)

    objects = RoundQuerySet.as_manager()
    history = HistoricalRecords()
    _history_m2m_fields = ["sources", "hosts"]

    class Meta:
        ordering = ["number"]
        constraints = [
            unique_key("round"),
            models.CheckConstraint(
                condition=Q(actual_end_at__isnull=True)
                | Q(actual_start_at__isnull=True)
                | Q(actual_end_at__gte=F("actual_start_at")),
                name="round_end_not_before_start",
                violation_error_message="A round cannot end before it starts.",
            ),
        ]
        indexes = [
            models.Index(fields=["publication_status", "held_on"], name="round_status_held_idx"),
            models.Index(
                fields=["publication_status", "updated_at"], name="round_status_updated_idx"
            ),
        ]

    def __str__(self) -> str:
        return f"Round {self.number}: {self.title}"

    def save(self, *args, **kwargs) -> None:
        self.search_text = fold_for_search(self.title, self.summary)
        super().save(*args, **kwargs)

    def clean(self) -> None:
        try:
            zoneinfo.ZoneInfo(self.time_zone)
        except (zoneinfo.ZoneInfoNotFoundError, ValueError):
            raise ValidationError({"time_zone": "Not a known IANA time zone."}) from None

    def get_absolute_url(self) -> str:
        # The round page is served by positions (it shows positions and commitments too); the
        # URL is reversed by name, so talks imports nothing from positions.
        return reverse("public:round-detail", args=[self.number])

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
    UKRAINE = "ukraine", "Ukraine"
    RUSSIA = "russia", "Russia"
    HOST = "host", "Host and mediator"
    PARTNERS = "partners", "Partners present in Istanbul"


class Delegation(Sourced, Publishable):
    """One side's delegation at one round, and the act that appointed it."""

    key = record_key()

    # PROTECT: a round's delegations must be removed deliberately before the round.
    round = models.ForeignKey(Round, on_delete=models.PROTECT, related_name="delegations")
    side = models.CharField(max_length=16, choices=DelegationSide)
    # PROTECT: the state a delegation represents cannot vanish from under it.
    organization = models.ForeignKey(
        Organization,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="delegations",
        help_text="The state or body the delegation represents.",
    )
    appointing_act = models.CharField(
        max_length=200,
        blank=True,
        help_text="e.g. Decree of the President of Ukraine No. 306/2025.",
    )
    appointed_on = models.DateField(null=True, blank=True)
    reported_size = models.PositiveSmallIntegerField(
        null=True,
        blank=True,
        help_text="Members as stated by the appointing act or sources, even if not all are named.",
    )
    summary = models.TextField(blank=True, help_text="Markdown.")

    publication_parents = ("round",)

    objects = PublishableQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        ordering = ["round__number", "side"]
        constraints = [
            unique_key("delegation"),
            models.UniqueConstraint(
                fields=["round", "side"],
                name="delegation_one_per_side_per_round",
                violation_error_message="This round already has a delegation for this side.",
            ),
        ]
        indexes = [
            models.Index(
                fields=["publication_status", "updated_at"], name="delegation_status_upd_idx"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_side_display()} at round {self.round.number}"


class ParticipantRole(models.TextChoices):
    HEAD = "head", "Head of delegation"
    MEMBER = "member", "Member"
    EXPERT = "expert", "Expert"
    ADVISER = "adviser", "Adviser"
    OBSERVER = "observer", "Observer"
    CHAIR = "chair", "Chair"
    HOST = "host", "Host"
    ACCOMPANYING = "accompanying", "In Istanbul, not a delegation member"


# Roles that count towards a delegation's membership (the appointing act's list).
MEMBER_ROLES = (ParticipantRole.HEAD, ParticipantRole.MEMBER, ParticipantRole.EXPERT)


class ParticipantQuerySet(PublishableQuerySet):
    def members(self):
        return self.filter(role__in=MEMBER_ROLES)


class Participant(Sourced):
    """A person in a delegation: role, title held at the time, and whether they sat at the table."""

    # CASCADE: a participant row only exists as part of its delegation.
    delegation = models.ForeignKey(
        Delegation, on_delete=models.CASCADE, related_name="participants"
    )
    # PROTECT: a person who took part in a round is part of the record.
    person = models.ForeignKey(Person, on_delete=models.PROTECT, related_name="participations")
    role = models.CharField(max_length=16, choices=ParticipantRole, default=ParticipantRole.MEMBER)
    title_at_time = models.CharField(
        max_length=300,
        blank=True,
        help_text="The post they held on the day, e.g. Minister of Defence.",
    )
    # PROTECT: keeps the "on behalf of" link for advisers from third states.
    represents = models.ForeignKey(
        Organization,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="participations",
        help_text="Only if different from the delegation's, e.g. the UK for a British adviser.",
    )
    at_table = models.BooleanField(
        null=True,
        blank=True,
        help_text="Yes: sat at the negotiating table. No: present in Istanbul only. Blank: unknown.",
    )
    order = models.PositiveSmallIntegerField(default=0, help_text="Lower comes first; head first.")
    note = models.TextField(blank=True)

    # No status of its own: a participant is public with its delegation, round and person.
    publication_parents = ("delegation", "delegation__round", "person")

    objects = ParticipantQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        ordering = ["delegation", "order", "person__name"]
        constraints = [
            models.UniqueConstraint(
                fields=["delegation", "person"],
                name="participant_once_per_delegation",
                violation_error_message="This person is already in this delegation.",
            ),
            models.UniqueConstraint(
                fields=["delegation"],
                condition=Q(role="head"),
                name="participant_one_head_per_delegation",
                violation_error_message="A delegation has only one head.",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.person} ({self.get_role_display()}), {self.delegation}"


class EventKind(models.TextChoices):
    ANNOUNCEMENT = "announcement", "Announcement"
    DECREE = "decree", "Decree or appointment"
    SIDE_MEETING = "side_meeting", "Side meeting"
    STATEMENT = "statement", "Statement"
    PROPOSAL = "proposal", "Proposal"
    CONTEXT = "context", "Context"


class EventSide(models.TextChoices):
    UKRAINE = "ukraine", "Ukraine"
    RUSSIA = "russia", "Russia"
    BOTH = "both", "Both sides"
    MEDIATOR = "mediator", "Mediator or host"
    OTHER = "other", "Other"


class Event(Sourced, Publishable):
    """A dated entry for the timeline: an announcement, a side meeting, a statement, context."""

    key = record_key()

    occurred_on = models.DateField()
    occurred_on_precision = models.CharField(
        max_length=5, choices=DatePrecision, default=DatePrecision.DAY
    )
    starts_at = models.DateTimeField(null=True, blank=True, help_text="If the time is known.")
    ends_at = models.DateTimeField(null=True, blank=True)
    kind = models.CharField(max_length=16, choices=EventKind)
    side = models.CharField(
        max_length=16, choices=EventSide, blank=True, help_text="Whose act or statement this is."
    )
    title = models.CharField(max_length=300)
    summary = models.TextField(blank=True, help_text="Markdown.")
    # PROTECT: SET_NULL would write the event without a signal, its history or a review, and
    # an event hidden with its draft round would turn public; move or delete events first.
    round = models.ForeignKey(
        Round, null=True, blank=True, on_delete=models.PROTECT, related_name="events"
    )
    venue = models.ForeignKey(
        Venue, null=True, blank=True, on_delete=models.PROTECT, related_name="events"
    )
    people = models.ManyToManyField(Person, blank=True, related_name="events")
    organizations = models.ManyToManyField(Organization, blank=True, related_name="events")
    search_text = models.TextField(blank=True, editable=False)

    # An event about a round still in draft (e.g. its announcement) waits for the round.
    publication_parents = ("round",)

    objects = SearchableQuerySet.as_manager()
    history = HistoricalRecords()
    _history_m2m_fields = ["sources", "people", "organizations"]

    class Meta:
        ordering = ["occurred_on", "starts_at", "pk"]
        constraints = [
            unique_key("event"),
            models.CheckConstraint(
                condition=Q(ends_at__isnull=True)
                | Q(starts_at__isnull=True)
                | Q(ends_at__gte=F("starts_at")),
                name="event_end_not_before_start",
                violation_error_message="An event cannot end before it starts.",
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
        self.search_text = fold_for_search(self.title, self.summary)
        super().save(*args, **kwargs)

    def get_absolute_url(self) -> str:
        return reverse("public:event-detail", args=[self.pk])
