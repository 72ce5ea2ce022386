"""People and organizations, Popolo-shaped: who negotiated, for whom, in which post and when."""

import datetime

from django.core.validators import RegexValidator
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from provenance.models import (
    DatePrecision,
    Publishable,
    PublishableQuerySet,
    SearchableQuerySet,
    Sourced,
    record_key,
    unique_key,
)
from provenance.text import fold_for_search
from provenance.translated import Translated

wikidata_id_validator = RegexValidator(r"^Q[1-9][0-9]*$", _("A Wikidata id looks like Q12345."))
country_code_validator = RegexValidator(
    r"^[A-Z]{2}$", _("Use the ISO 3166-1 alpha-2 code in capitals, e.g. UA.")
)

ALIASES_HELP = _("Other spellings and transliterations, one per line. Search uses them.")


def split_aliases(aliases: str) -> list[str]:
    return [line.strip() for line in aliases.splitlines() if line.strip()]


class OrganizationKind(models.TextChoices):
    STATE = "state", _("State")
    GOVERNMENT_BODY = "government_body", _("Government body")
    MILITARY = "military", _("Military")
    INTELLIGENCE = "intelligence", _("Intelligence or security service")
    LEGISLATURE = "legislature", _("Legislature")
    INTERNATIONAL = "international", _("International organization")
    OTHER = "other", _("Other")


class Organization(Translated, Sourced, Publishable):
    """A state, a body inside one (ministry, intelligence service), or an international organization."""

    key = record_key()

    name = models.CharField(verbose_name=_("name"), max_length=200, unique=True)
    short_name = models.CharField(
        verbose_name=_("short name"),
        max_length=40,
        blank=True,
        help_text=_("e.g. SBU, MİT, NSDC."),
    )
    native_name = models.CharField(verbose_name=_("native name"), max_length=200, blank=True)
    aliases = models.TextField(verbose_name=_("aliases"), blank=True, help_text=ALIASES_HELP)
    kind = models.CharField(
        verbose_name=_("kind"), db_index=True, max_length=16, choices=OrganizationKind
    )
    # PROTECT: deleting a state must not silently delete its ministries and their members' posts.
    parent = models.ForeignKey(
        "self",
        verbose_name=_("parent"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="children",
        help_text=_("The body this one belongs to, e.g. Ukraine for its Ministry of Defence."),
    )
    country_code = models.CharField(
        verbose_name=_("country code"),
        db_index=True,
        max_length=2,
        blank=True,
        validators=[country_code_validator],
        help_text=_("ISO 3166-1 alpha-2."),
    )
    wikidata_id = models.CharField(
        verbose_name=_("wikidata id"),
        max_length=16,
        blank=True,
        validators=[wikidata_id_validator],
    )
    description = models.TextField(
        verbose_name=_("description"), blank=True, help_text=_("Markdown.")
    )
    search_text = models.TextField(verbose_name=_("search text"), blank=True, editable=False)

    objects = SearchableQuerySet.as_manager()
    # `history` is registered in translation.py, after the translation columns exist.
    translated_fields = ("name", "short_name", "description")

    class Meta:
        verbose_name = _("organization")
        verbose_name_plural = _("organizations")
        ordering = ["name_en"]  # one order in every language (provenance.translated)
        constraints = [
            unique_key("organization"),
            models.CheckConstraint(
                condition=~Q(parent=models.F("pk")),
                name="organization_not_own_parent",
                violation_error_message=_("An organization cannot be its own parent."),
            ),
        ]
        indexes = [
            models.Index(
                fields=["publication_status", "updated_at"], name="organization_status_upd_idx"
            ),
        ]

    def __str__(self) -> str:
        return self.name

    def save(self, *args, **kwargs) -> None:
        self.search_text = fold_for_search(
            self.english("name"),
            self.english("short_name"),
            self.native_name,
            *split_aliases(self.aliases),
            *self.translations_of("name", "short_name"),
        )
        super().save(*args, **kwargs)

    def get_absolute_url(self) -> str:
        return reverse("public:organization-detail", args=[self.pk])

    @property
    def alias_list(self) -> list[str]:
        return split_aliases(self.aliases)

    def ancestors(self) -> list["Organization"]:
        """From the top-level body down to this one's parent. One query per level."""
        chain, node = [], self.parent
        while node is not None and node not in chain:
            chain.insert(0, node)
            node = node.parent
        return chain


class Person(Translated, Sourced, Publishable):
    """Someone who took part in the talks or shaped them: negotiator, host, mediator, adviser."""

    # A person's name is "ім’я"/"имя", not the "назва"/"название" of a body or a round.
    name = models.CharField(
        verbose_name=pgettext_lazy("a person's", "name"),
        max_length=200,
        help_text=_("Name in English, as most sources spell it."),
    )
    slug = models.SlugField(verbose_name=_("slug"), max_length=100, unique=True)
    native_name = models.CharField(
        verbose_name=pgettext_lazy("a person's", "native name"),
        max_length=200,
        blank=True,
        help_text=_("In the person's own script, e.g. Рустем Умєров."),
    )
    aliases = models.TextField(verbose_name=_("aliases"), blank=True, help_text=ALIASES_HELP)
    wikidata_id = models.CharField(
        verbose_name=_("wikidata id"),
        db_index=True,
        max_length=16,
        blank=True,
        validators=[wikidata_id_validator],
    )
    biography = models.TextField(
        verbose_name=_("biography"), blank=True, help_text=_("Short biography in Markdown.")
    )
    search_text = models.TextField(verbose_name=_("search text"), blank=True, editable=False)
    # A one-word alias is another spelling of the surname ("Umierov"), so search finds
    # "Rustem Umierov" and every row naming "Umerov" (provenance.models.spelling_groups).
    aliases_are_surnames = True

    objects = SearchableQuerySet.as_manager()
    # `history` is registered in translation.py, after the translation columns exist.
    translated_fields = ("name", "biography")

    class Meta:
        verbose_name = _("person")
        verbose_name_plural = _("people")
        ordering = ["name_en"]  # one order in every language (provenance.translated)
        indexes = [
            models.Index(
                fields=["publication_status", "updated_at"], name="person_status_updated_idx"
            ),
        ]

    def __str__(self) -> str:
        return self.name

    def save(self, *args, **kwargs) -> None:
        self.search_text = fold_for_search(
            self.english("name"),
            self.native_name,
            *split_aliases(self.aliases),
            *self.translations_of("name"),
        )
        super().save(*args, **kwargs)

    def get_absolute_url(self) -> str:
        return reverse("public:person-detail", args=[self.slug])

    @property
    def alias_list(self) -> list[str]:
        return split_aliases(self.aliases)


class MembershipQuerySet(PublishableQuerySet):
    def current(self, on: datetime.date | None = None):
        """Posts held on the given day (today by default).

        A post with no end date counts as held unless it is marked as ended on a date the
        sources do not give (Umerov left the Ministry of Defence "by 22 July 2025").
        """
        on = on or datetime.date.today()
        return self.filter(Q(start_on__isnull=True) | Q(start_on__lte=on)).filter(
            Q(end_on__isnull=True, ended_date_unknown=False) | Q(end_on__gte=on)
        )


class Membership(Translated, Sourced, Publishable):
    """A person's post in an organization over time, e.g. Umerov as Minister of Defence."""

    key = record_key()

    # PROTECT on both sides: a post is part of the record; remove it first, deliberately.
    person = models.ForeignKey(
        Person, verbose_name=_("person"), on_delete=models.PROTECT, related_name="memberships"
    )
    organization = models.ForeignKey(
        Organization,
        verbose_name=_("organization"),
        on_delete=models.PROTECT,
        related_name="memberships",
    )
    post = models.CharField(
        verbose_name=_("post"), max_length=200, help_text=_("e.g. Minister of Defence.")
    )
    start_on = models.DateField(verbose_name=_("start on"), db_index=True, null=True, blank=True)
    start_precision = models.CharField(
        verbose_name=_("start precision"),
        max_length=5,
        choices=DatePrecision,
        default=DatePrecision.DAY,
    )
    end_on = models.DateField(
        verbose_name=_("end on"),
        db_index=True,
        null=True,
        blank=True,
        help_text=_("Leave blank while still held, or when the post ended on a date not known."),
    )
    end_precision = models.CharField(
        verbose_name=_("end precision"),
        max_length=5,
        choices=DatePrecision,
        default=DatePrecision.DAY,
    )
    ended_date_unknown = models.BooleanField(
        verbose_name=_("ended, date unknown"),
        default=False,
        help_text=_(
            "The post is known to have ended but the sources do not say when; "
            "say what is known in the note."
        ),
    )
    note = models.TextField(verbose_name=_("note"), blank=True)

    # A post is public only while its person and organization are (see PublishableQuerySet).
    publication_parents = ("person", "organization")

    objects = MembershipQuerySet.as_manager()
    # `history` is registered in translation.py, after the translation columns exist.
    translated_fields = ("post", "note")

    class Meta:
        verbose_name = _("membership")
        verbose_name_plural = _("memberships")
        ordering = ["person", "start_on"]
        constraints = [
            unique_key("membership"),
            models.CheckConstraint(
                condition=Q(end_on__isnull=True)
                | Q(start_on__isnull=True)
                | Q(end_on__gte=models.F("start_on")),
                name="membership_end_not_before_start",
                violation_error_message=_("A post cannot end before it starts."),
            ),
            models.CheckConstraint(
                condition=Q(end_on__isnull=True) | Q(ended_date_unknown=False),
                name="membership_end_date_or_unknown",
                violation_error_message=_(
                    "Give the end date or tick “ended, date unknown”, not both."
                ),
            ),
        ]
        indexes = [
            models.Index(
                fields=["publication_status", "updated_at"], name="membership_status_upd_idx"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.person}: {self.post}, {self.organization}"

    @property
    def has_ended(self) -> bool:
        """Ended by today, whether or not the end date is known."""
        return self.ended_date_unknown or (
            self.end_on is not None and self.end_on < datetime.date.today()
        )
