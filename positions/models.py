"""What each side wanted, what was agreed, and what was carried out."""

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from actors.models import Organization
from provenance.models import (
    Claimant,
    Confidence,
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
from talks.models import Event, Round, Track


class Issue(Translated, models.Model):
    """An agenda item the sides take positions on: ceasefire, prisoners, NATO, territory…"""

    slug = models.SlugField(verbose_name=_("slug"), max_length=50, unique=True)
    name = models.CharField(verbose_name=_("name"), max_length=100, unique=True)
    description = models.TextField(
        verbose_name=_("description"), blank=True, help_text=_("Markdown.")
    )
    movement_summary = models.TextField(
        verbose_name=_("movement summary"),
        blank=True,
        help_text=_("What moved across rounds, in a sentence, for the issue page."),
    )
    order = models.PositiveSmallIntegerField(
        verbose_name=_("order"), default=0, help_text=_("Lower comes first.")
    )
    events = models.ManyToManyField(
        Event,
        verbose_name=_("events"),
        blank=True,
        related_name="issues",
        help_text=_("Timeline events about this issue."),
    )
    updated_at = models.DateTimeField(verbose_name=_("updated at"), auto_now=True)
    search_text = models.TextField(verbose_name=_("search text"), blank=True, editable=False)

    objects = SearchableQuerySet.as_manager()
    # Issues are public as soon as they are saved: publishers change them, and it is recorded
    # (`history`, registered in translation.py after the translation columns exist).
    _history_m2m_fields = ["events"]
    translated_fields = ("name", "description", "movement_summary")

    class Meta:
        verbose_name = _("issue")
        verbose_name_plural = _("issues")
        ordering = ["order", "name_en"]  # one order in every language (provenance.translated)

    def __str__(self) -> str:
        return self.name

    def save(self, *args, **kwargs) -> None:
        self.search_text = fold_for_search(
            self.english("name"),
            self.slug,
            self.english("description"),
            *self.translations_of("name", "description"),
        )
        super().save(*args, **kwargs)

    def get_absolute_url(self) -> str:
        return reverse("public:issue-detail", args=[self.slug])


class DocumentKind(models.TextChoices):
    MEMORANDUM = "memorandum", _("Memorandum")
    FRAMEWORK = "framework", _("Framework or roadmap")
    DRAFT = "draft", _("Draft agreement")
    LIST = "list", _("List")
    STATEMENT = "statement", _("Statement")


class DocumentDelivery(models.TextChoices):
    IN_ADVANCE = "in_advance", _("Sent in advance")
    AT_MEETING = "at_meeting", _("Handed over at the meeting")
    PUBLISHED = "published", _("Published only")


class Document(Translated, Sourced, Publishable):
    """A memorandum, framework, list or statement one side tabled, with its provisions by issue."""

    title = models.CharField(verbose_name=_("title"), max_length=300)
    slug = models.SlugField(verbose_name=_("slug"), max_length=100, unique=True)
    kind = models.CharField(
        verbose_name=_("kind"), db_index=True, max_length=16, choices=DocumentKind
    )
    author_side = models.CharField(
        verbose_name=_("author side"), db_index=True, max_length=16, choices=Side
    )
    # PROTECT: a document tabled at a round must not lose its round silently.
    round = models.ForeignKey(
        Round,
        verbose_name=_("round"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="documents",
        help_text=_("The round at which it was tabled, if any."),
    )
    tabled_on = models.DateField(verbose_name=_("tabled on"), db_index=True, null=True, blank=True)
    tabled_on_precision = models.CharField(
        verbose_name=_("tabled on precision"),
        max_length=5,
        choices=DatePrecision,
        default=DatePrecision.DAY,
    )
    delivery = models.CharField(
        verbose_name=_("delivery"), max_length=16, choices=DocumentDelivery, blank=True
    )
    summary = models.TextField(verbose_name=_("summary"), blank=True, help_text=_("Markdown."))
    text = models.TextField(
        verbose_name=_("text"),
        blank=True,
        help_text=_("Full text in Markdown, where it is public."),
    )
    url = models.URLField(
        verbose_name=_("url"),
        max_length=500,
        blank=True,
        help_text=_("Link to the published text."),
    )
    search_text = models.TextField(verbose_name=_("search text"), blank=True, editable=False)

    publication_parents = ("round",)

    objects = SearchableQuerySet.as_manager()
    # `history` is registered in translation.py, after the translation columns exist. The full
    # `text` is the document as its author published it, so it is not translated here.
    translated_fields = ("title", "summary")

    class Meta:
        verbose_name = _("document")
        verbose_name_plural = _("documents")
        ordering = ["tabled_on", "title_en"]
        indexes = [
            models.Index(
                fields=["publication_status", "tabled_on"], name="document_status_date_idx"
            ),
            models.Index(
                fields=["publication_status", "updated_at"], name="document_status_upd_idx"
            ),
        ]

    def __str__(self) -> str:
        return self.title

    def save(self, *args, **kwargs) -> None:
        self.search_text = fold_for_search(
            *(self.english(field) for field in self.translated_fields),
            *self.translations_of(*self.translated_fields),
        )
        super().save(*args, **kwargs)

    def get_absolute_url(self) -> str:
        return reverse("public:document-detail", args=[self.slug])


class Provision(Translated, Sourced):
    """One provision of a document, mapped to the issues it addresses."""

    key = record_key()

    # CASCADE: a provision only exists as part of its document.
    document = models.ForeignKey(
        Document,
        verbose_name=_("document"),
        on_delete=models.CASCADE,
        related_name="provisions",
    )
    section = models.CharField(
        verbose_name=_("section"),
        max_length=100,
        blank=True,
        help_text=_("e.g. 'I. Final settlement'."),
    )
    order = models.PositiveSmallIntegerField(verbose_name=_("order"), default=0)
    text = models.TextField(verbose_name=_("text"))
    issues = models.ManyToManyField(
        Issue, verbose_name=_("issues"), blank=True, related_name="provisions"
    )

    # No status of its own: public with its document and the round it was tabled at.
    publication_parents = ("document", "document__round")

    objects = PublishableQuerySet.as_manager()
    # `history` is registered in translation.py, after the translation columns exist.
    _history_m2m_fields = ["sources", "issues"]
    translated_fields = ("section", "text")

    class Meta:
        verbose_name = _("provision")
        verbose_name_plural = _("provisions")
        constraints = [unique_key("provision")]
        ordering = ["document", "order", "pk"]

    def __str__(self) -> str:
        return f"{self.document}: {self.text[:60]}"


class Stance(models.TextChoices):
    DEMANDS = "demands", _("Demands")
    PROPOSES = "proposes", _("Proposes")
    ACCEPTS = "accepts", _("Accepts")
    ACCEPTS_WITH_CONDITIONS = "accepts_with_conditions", _("Accepts with conditions")
    REJECTS = "rejects", _("Rejects")
    NO_POSITION = "no_position", _("No stated position")


class Position(Translated, Sourced, Publishable):
    """One side's stance on one issue as of one round."""

    key = record_key()

    side = models.CharField(verbose_name=_("side"), max_length=16, choices=Side)
    # PROTECT on issue and round: positions are the record; remove them before their round.
    issue = models.ForeignKey(
        Issue, verbose_name=_("issue"), on_delete=models.PROTECT, related_name="positions"
    )
    round = models.ForeignKey(
        Round, verbose_name=_("round"), on_delete=models.PROTECT, related_name="positions"
    )
    stance = models.CharField(
        verbose_name=_("stance"), db_index=True, max_length=24, choices=Stance
    )
    summary = models.TextField(
        verbose_name=_("summary"),
        help_text=_("The position in a sentence or two, in Markdown."),
    )
    # PROTECT: SET_NULL would change published positions without a signal, history or review;
    # unlink the positions first (each change recorded), then delete the document.
    document = models.ForeignKey(
        Document,
        verbose_name=_("document"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="positions",
        help_text=_("The document that stated it, if any."),
    )
    search_text = models.TextField(verbose_name=_("search text"), blank=True, editable=False)

    publication_parents = ("round",)

    objects = SearchableQuerySet.as_manager()
    # `history` is registered in translation.py, after the translation columns exist.
    translated_fields = ("summary",)

    class Meta:
        verbose_name = _("position")
        verbose_name_plural = _("positions")
        ordering = ["issue__order", "round__number", "side"]
        constraints = [
            unique_key("position"),
            models.UniqueConstraint(
                fields=["side", "issue", "round"],
                name="position_one_per_side_issue_round",
                violation_error_message=_(
                    "This side already has a position on this issue at this round."
                ),
            ),
        ]
        indexes = [
            models.Index(
                fields=["publication_status", "updated_at"], name="position_status_upd_idx"
            ),
        ]

    def __str__(self) -> str:
        return gettext("%(side)s on %(issue)s at round %(number)s") % {
            "side": self.get_side_display(),
            "issue": self.issue,
            "number": self.round.number,
        }

    def save(self, *args, **kwargs) -> None:
        self.search_text = fold_for_search(
            self.english("summary"), *self.translations_of("summary")
        )
        super().save(*args, **kwargs)


class AgreedBy(models.TextChoices):
    BOTH_SIDES = "both", _("Both sides")
    ONE_SIDE = "one_side", _("One side")
    REPORTED = "reported", _("Reported only")


class CommitmentStatus(models.TextChoices):
    PROPOSED = "proposed", _("Proposed")
    AGREED = "agreed", _("Agreed")
    IN_PROGRESS = "in_progress", _("In progress")
    FULFILLED = "fulfilled", _("Fulfilled")
    PARTLY_FULFILLED = "partly_fulfilled", _("Partly fulfilled")
    STALLED = "stalled", _("Stalled")
    DISPUTED = "disputed", _("Disputed")


class Category(models.TextChoices):
    POWS = "pows", _("Prisoners of war")
    CIVILIANS = "civilians", _("Civilians")
    BODIES = "bodies", _("Bodies")
    CHILDREN = "children", _("Children")


class Commitment(Translated, Sourced, Publishable):
    """What a round agreed, or one side announced, and how far it has been carried out."""

    # PROTECT: a commitment is part of its track's record.
    track = models.ForeignKey(
        Track,
        verbose_name=_("track"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="commitments",
        help_text=_("The negotiation it was made in; its round's track when it has a round."),
    )
    # PROTECT: a commitment is part of its round's record.
    round = models.ForeignKey(
        Round,
        verbose_name=_("round"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="commitments",
    )
    issue = models.ForeignKey(
        Issue, verbose_name=_("issue"), on_delete=models.PROTECT, related_name="commitments"
    )
    title = models.CharField(verbose_name=_("title"), max_length=300)
    slug = models.SlugField(verbose_name=_("slug"), max_length=100, unique=True)
    description = models.TextField(
        verbose_name=_("description"), blank=True, help_text=_("Markdown.")
    )
    agreed_by = models.CharField(
        verbose_name=_("agreed by"), db_index=True, max_length=16, choices=AgreedBy
    )
    announced_by = models.CharField(
        verbose_name=_("announced by"),
        max_length=16,
        choices=Side,
        blank=True,
        help_text=_("If only one side announced it."),
    )
    announced_on = models.DateField(
        verbose_name=_("announced on"), db_index=True, null=True, blank=True
    )
    target_category = models.CharField(
        verbose_name=_("target category"),
        db_index=True,
        max_length=16,
        choices=Category,
        blank=True,
    )
    target_per_side = models.PositiveIntegerField(
        verbose_name=_("target per side"),
        null=True,
        blank=True,
        help_text=_("e.g. 1000 for '1,000 for 1,000'. Blank if not a number."),
    )
    target_is_minimum = models.BooleanField(
        verbose_name=_("target is minimum"),
        default=False,
        help_text=_("'At least' this many."),
    )
    target_note = models.TextField(
        verbose_name=_("target note"),
        blank=True,
        help_text=_("Differing accounts of the target, e.g. '1,000 + 200 (Zelensky)'."),
    )
    status = models.CharField(
        verbose_name=_("status"),
        db_index=True,
        max_length=16,
        choices=CommitmentStatus,
        default=CommitmentStatus.AGREED,
    )
    status_note = models.TextField(verbose_name=_("status note"), blank=True)
    search_text = models.TextField(verbose_name=_("search text"), blank=True, editable=False)

    publication_parents = ("round",)

    objects = SearchableQuerySet.as_manager()
    # `history` is registered in translation.py, after the translation columns exist.
    translated_fields = ("title", "description", "target_note", "status_note")

    class Meta:
        verbose_name = _("commitment")
        verbose_name_plural = _("commitments")
        ordering = ["announced_on", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(agreed_by="one_side", announced_by__in=list(Side.values))
                | (~Q(agreed_by="one_side") & Q(announced_by="")),
                name="commitment_announcer_iff_one_side",
                violation_error_message=_(
                    "Name the side that announced it if, and only if, one side did."
                ),
            ),
        ]
        indexes = [
            models.Index(fields=["publication_status", "status"], name="commitment_status_idx"),
            models.Index(
                fields=["publication_status", "updated_at"], name="commitment_status_upd_idx"
            ),
        ]

    def __str__(self) -> str:
        return self.title

    def save(self, *args, **kwargs) -> None:
        if self.round_id and not self.track_id:
            # Costs a query, on save only: a round's agreements belong to the round's track.
            self.track_id = Round.objects.values_list("track_id", flat=True).get(pk=self.round_id)
        self.search_text = fold_for_search(
            *(self.english(field) for field in self.translated_fields),
            *self.translations_of(*self.translated_fields),
        )
        super().save(*args, **kwargs)

    def clean(self) -> None:
        if self.round_id and self.track_id and self.round.track_id != self.track_id:
            raise ValidationError({"track": _("The round belongs to another track.")})

    def get_absolute_url(self) -> str:
        return reverse("public:commitment-detail", args=[self.slug])


class ExchangeKind(models.TextChoices):
    POW_SWAP = "pow_swap", _("Prisoner exchange")
    BODIES = "bodies", _("Repatriation of bodies")
    CIVILIANS = "civilians", _("Return of civilians")
    CHILDREN = "children", _("Return of children")


class LinkStatedBy(models.TextChoices):
    """Who says an exchange carries out an agreement."""

    UKRAINE = "ukraine", _("Ukraine")
    RUSSIA = "russia", _("Russia")
    BOTH = "both", _("Both sides")
    MEDIATOR = "mediator", _("The mediator")
    REPORTS = "reports", _("Press reports, no side named")


class ExchangeQuerySet(SearchableQuerySet):
    def top_level(self):
        """Exchanges that are not stages of a reported total; sum these to avoid double counting."""
        return self.filter(part_of__isnull=True)


NO_LINKAGE_WITHOUT_COMMITMENT = _("Only an exchange linked to a commitment has a linkage.")


class Exchange(Translated, Sourced, Publishable):
    """A dated step that carries a commitment out — a swap, a repatriation — or stands alone."""

    key = record_key()

    title = models.CharField(verbose_name=_("title"), max_length=300)
    kind = models.CharField(
        verbose_name=_("kind"), db_index=True, max_length=16, choices=ExchangeKind
    )
    occurred_on = models.DateField(verbose_name=_("occurred on"), db_index=True)
    occurred_on_precision = models.CharField(
        verbose_name=_("occurred on precision"),
        max_length=5,
        choices=DatePrecision,
        default=DatePrecision.DAY,
    )
    ended_on = models.DateField(
        verbose_name=_("ended on"),
        null=True,
        blank=True,
        help_text=_("Last day, for a multi-day total."),
    )
    # PROTECT: an exchange counted towards a commitment must be unlinked deliberately.
    commitment = models.ForeignKey(
        Commitment,
        verbose_name=_("commitment"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="exchanges",
        help_text=_("Leave blank for exchanges outside the Istanbul agreements."),
    )
    linkage_confidence = models.CharField(
        verbose_name=_("linkage confidence"),
        db_index=True,
        max_length=16,
        choices=Confidence,
        blank=True,
        help_text=_(
            "How sure the link to the commitment is. Uncertain or contested links are "
            "shown but kept out of running totals."
        ),
    )
    linkage_note = models.TextField(verbose_name=_("linkage note"), blank=True)
    linkage_stated_by = models.CharField(
        verbose_name=_("linkage stated by"),
        db_index=True,
        max_length=16,
        choices=LinkStatedBy,
        blank=True,
        help_text=_("Who says it carries out the agreement; keep each side's account in the note."),
    )
    # PROTECT: a stage belongs to the reported total it is part of.
    part_of = models.ForeignKey(
        "self",
        verbose_name=_("part of"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="stages",
        help_text=_(
            "The reported total this is one stage of; its counts are then not added again."
        ),
    )
    # PROTECT: a mediator credited for an exchange is part of the record.
    mediator = models.ForeignKey(
        Organization,
        verbose_name=_("mediator"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="mediated_exchanges",
    )
    mediator_note = models.CharField(verbose_name=_("mediator note"), max_length=300, blank=True)
    mediator_ordinal = models.PositiveSmallIntegerField(
        verbose_name=_("mediator ordinal"),
        null=True,
        blank=True,
        help_text=_(
            "The mediator's own count of its mediations: 22 for 'its 22nd'. "
            "The mediator's claim, shown as such."
        ),
    )
    mediator_running_total = models.PositiveIntegerField(
        verbose_name=_("mediator running total"),
        null=True,
        blank=True,
        help_text=_(
            "How many people the mediator says have been exchanged through it in all, "
            "this exchange included. The mediator's claim, never added to the sides' counts."
        ),
    )
    summary = models.TextField(verbose_name=_("summary"), blank=True, help_text=_("Markdown."))
    search_text = models.TextField(verbose_name=_("search text"), blank=True, editable=False)

    # A commitment made at a draft round is hidden with its round, and so are its exchanges;
    # so is a stage whose reported total is still a draft.
    publication_parents = ("commitment", "commitment__round", "part_of")

    objects = ExchangeQuerySet.as_manager()
    # `history` is registered in translation.py, after the translation columns exist.
    translated_fields = ("title", "summary", "linkage_note", "mediator_note")

    class Meta:
        verbose_name = _("exchange")
        verbose_name_plural = _("exchanges")
        ordering = ["occurred_on", "pk"]
        constraints = [
            unique_key("exchange"),
            models.CheckConstraint(
                condition=Q(ended_on__isnull=True) | Q(ended_on__gte=F("occurred_on")),
                name="exchange_end_not_before_start",
                violation_error_message=_("An exchange cannot end before it starts."),
            ),
            models.CheckConstraint(
                condition=~Q(part_of=F("pk")),
                name="exchange_not_part_of_itself",
                violation_error_message=_("An exchange cannot be a stage of itself."),
            ),
        ]
        indexes = [
            models.Index(
                fields=["publication_status", "occurred_on"], name="exchange_status_date_idx"
            ),
            models.Index(
                fields=["publication_status", "updated_at"], name="exchange_status_upd_idx"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.occurred_on}: {self.title}"

    def save(self, *args, **kwargs) -> None:
        self.search_text = fold_for_search(
            self.english("title"),
            self.english("summary"),
            self.english("mediator_note"),
            *self.translations_of("title", "summary", "mediator_note"),
        )
        super().save(*args, **kwargs)

    def clean(self) -> None:
        if self.linkage_confidence and not self.commitment_id:
            raise ValidationError({"linkage_confidence": NO_LINKAGE_WITHOUT_COMMITMENT})
        if self.linkage_stated_by and not self.commitment_id:
            raise ValidationError({"linkage_stated_by": NO_LINKAGE_WITHOUT_COMMITMENT})
        if (self.mediator_ordinal or self.mediator_running_total) and not self.mediator_id:
            raise ValidationError({"mediator": _("Name the mediator whose own figures these are.")})

    def get_absolute_url(self) -> str:
        return reverse("public:exchange-detail", args=[self.pk])

    @property
    def counts_towards_commitment(self) -> bool:
        return bool(self.commitment_id) and self.linkage_confidence not in (
            Confidence.UNCERTAIN,
            Confidence.CONTESTED,
        )


class CountPrecision(models.TextChoices):
    EXACT = "exact", _("Exactly")
    AT_LEAST = "at_least", _("At least")
    ABOUT = "about", _("About")


class ExchangeCount(Translated, Sourced):
    """How many people or bodies one side received in an exchange, according to one claimant."""

    # CASCADE: a count only exists as part of its exchange.
    exchange = models.ForeignKey(
        Exchange, verbose_name=_("exchange"), on_delete=models.CASCADE, related_name="counts"
    )
    receiving_side = models.CharField(
        verbose_name=_("receiving side"), db_index=True, max_length=16, choices=Side
    )
    category = models.CharField(
        verbose_name=_("category"), db_index=True, max_length=16, choices=Category
    )
    quantity = models.IntegerField(
        verbose_name=_("quantity"), help_text=_("How many, as the claimant reports it.")
    )
    precision = models.CharField(
        verbose_name=_("precision"),
        db_index=True,
        max_length=16,
        choices=CountPrecision,
        default=CountPrecision.EXACT,
    )
    claimed_by = models.CharField(
        verbose_name=_("claimed by"),
        db_index=True,
        max_length=16,
        choices=Claimant,
        help_text=_("Whose figure this is. Keep both sides' figures."),
    )
    note = models.CharField(verbose_name=_("note"), max_length=300, blank=True)

    # No status of its own: public exactly when its exchange is (the exchange's commitment and
    # round, and the reported total it is a stage of).
    publication_parents = (
        "exchange",
        "exchange__commitment",
        "exchange__commitment__round",
        "exchange__part_of",
    )

    objects = PublishableQuerySet.as_manager()
    # `history` is registered in translation.py, after the translation columns exist.
    translated_fields = ("note",)

    class Meta:
        verbose_name = _("exchange count")
        verbose_name_plural = _("exchange counts")
        ordering = ["exchange", "receiving_side", "category", "claimed_by"]
        constraints = [
            models.CheckConstraint(
                condition=Q(quantity__gte=0),
                name="exchangecount_quantity_not_negative",
                violation_error_message=_("A count cannot be negative."),
            ),
            models.UniqueConstraint(
                fields=["exchange", "receiving_side", "category", "claimed_by"],
                name="exchangecount_one_per_claim",
                violation_error_message=_(
                    "This claimant already has a count for this side and category."
                ),
            ),
        ]

    def __str__(self) -> str:
        return gettext("%(side)s received %(quantity)s %(category)s (per %(claimant)s)") % {
            "side": self.get_receiving_side_display(),
            "quantity": self.quantity,
            "category": self.get_category_display().lower(),
            "claimant": self.get_claimed_by_display(),
        }
