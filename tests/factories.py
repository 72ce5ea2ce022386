"""factory_boy factories with readable values; every factory makes published content by default."""

import datetime
import importlib

import factory
from django.utils import timezone

from actors.models import Membership, Organization, OrganizationKind, Person
from positions.models import (
    AgreedBy,
    Category,
    Commitment,
    Document,
    DocumentKind,
    Exchange,
    ExchangeCount,
    ExchangeKind,
    Issue,
    Position,
    Provision,
    Stance,
)
from provenance.models import Claimant, PublicationStatus, RecordReview, Side, Source
from talks.models import (
    DEFAULT_TRACK,
    City,
    Delegation,
    DelegationSide,
    Event,
    EventKind,
    Participant,
    ParticipantRole,
    Round,
    StandingDelegation,
    StandingMember,
    Track,
    Venue,
)

PUBLISHED = PublicationStatus.PUBLISHED


class SourceFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Source

    code = factory.Sequence(lambda n: f"T{n}")
    url = factory.Sequence(lambda n: f"https://news.example.org/story-{n}")
    title = factory.Sequence(lambda n: f"Story {n}")
    publisher = "Example News"
    published_on = datetime.date(2025, 6, 2)
    publication_status = PUBLISHED


class RecordReviewFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = RecordReview

    key = factory.Sequence(lambda n: f"review-{n}")
    reviewed_to = datetime.date(2026, 5, 15)
    summary = "Checked against public reporting."
    publication_status = PUBLISHED


class OrganizationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Organization

    name = factory.Sequence(lambda n: f"Organization {n}")
    kind = OrganizationKind.STATE
    publication_status = PUBLISHED


class PersonFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Person

    name = factory.Sequence(lambda n: f"Person {n}")
    slug = factory.Sequence(lambda n: f"person-{n}")
    publication_status = PUBLISHED


class MembershipFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Membership

    person = factory.SubFactory(PersonFactory)
    organization = factory.SubFactory(OrganizationFactory)
    post = "Minister"
    start_on = datetime.date(2024, 9, 5)
    publication_status = PUBLISHED


class CityFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = City
        django_get_or_create = ("name",)

    name = "Istanbul"
    country_code = "TR"


class VenueFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Venue

    name = factory.Sequence(lambda n: f"Palace {n}")
    # Made (or found) even by VenueFactory.build(): a venue's city is shared, like a track.
    city = factory.LazyFunction(CityFactory)
    country_code = "TR"

    @classmethod
    def _adjust_kwargs(cls, **kwargs):
        # VenueFactory(city="Geneva"): the city by its name, made if it is new.
        if isinstance(kwargs.get("city"), str):
            kwargs["city"] = CityFactory(
                name=kwargs["city"], country_code=kwargs.get("country_code", "TR")
            )
        return kwargs


class TrackFactory(factory.django.DjangoModelFactory):
    """The Istanbul talks unless told otherwise: every round belongs to a track."""

    class Meta:
        model = Track
        django_get_or_create = ("slug",)

    slug = DEFAULT_TRACK
    name = factory.LazyAttribute(
        lambda t: "Istanbul direct talks" if t.slug == DEFAULT_TRACK else f"Track {t.slug}"
    )
    short_name = factory.LazyAttribute(
        lambda t: "Istanbul talks" if t.slug == DEFAULT_TRACK else f"Track {t.slug}"
    )
    started_on = datetime.date(2025, 5, 16)
    publication_status = PUBLISHED

    @classmethod
    def _create(cls, model_class, *args, **kwargs):
        track = super()._create(model_class, *args, **kwargs)
        if track.slug == DEFAULT_TRACK:
            # As the migration makes it, with no history: a test that rebuilds it after a
            # transactional test's flush sees the same changes as a test that found it.
            track.history.all().delete()
        return track


class RoundFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Round

    # Made (or found) even by RoundFactory.build(): rounds share their track.
    track = factory.LazyFunction(TrackFactory)
    number = factory.Sequence(lambda n: n + 1)
    title = factory.Sequence(lambda n: f"Round {n + 1} in Istanbul")
    held_on = factory.Sequence(
        lambda n: datetime.date(2025, 5, 16) + datetime.timedelta(days=20 * n)
    )
    venue = factory.SubFactory(VenueFactory)
    publication_status = PUBLISHED


class DelegationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Delegation

    round = factory.SubFactory(RoundFactory)
    side = DelegationSide.UKRAINE
    publication_status = PUBLISHED


class StandingDelegationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = StandingDelegation

    track = factory.SubFactory(TrackFactory)
    side = DelegationSide.UKRAINE
    appointing_act = factory.Sequence(lambda n: f"Decree No. {800 + n}/2025")
    appointed_on = datetime.date(2025, 11, 22)
    publication_status = PUBLISHED


class StandingMemberFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = StandingMember

    standing_delegation = factory.SubFactory(StandingDelegationFactory)
    person = factory.SubFactory(PersonFactory)
    role = ParticipantRole.MEMBER


class ParticipantFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Participant

    delegation = factory.SubFactory(DelegationFactory)
    person = factory.SubFactory(PersonFactory)
    role = ParticipantRole.MEMBER
    at_table = True


class EventFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Event

    occurred_on = datetime.date(2025, 5, 15)
    kind = EventKind.ANNOUNCEMENT
    title = factory.Sequence(lambda n: f"Event {n}")
    publication_status = PUBLISHED


class IssueFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Issue

    slug = factory.Sequence(lambda n: f"issue-{n}")
    name = factory.Sequence(lambda n: f"Issue {n}")


class DocumentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Document

    title = factory.Sequence(lambda n: f"Memorandum {n}")
    slug = factory.Sequence(lambda n: f"memorandum-{n}")
    kind = DocumentKind.MEMORANDUM
    author_side = Side.RUSSIA
    round = factory.SubFactory(RoundFactory)
    tabled_on = datetime.date(2025, 6, 2)
    publication_status = PUBLISHED


class ProvisionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Provision

    document = factory.SubFactory(DocumentFactory)
    text = factory.Sequence(lambda n: f"Provision {n}")


class PositionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Position

    side = Side.UKRAINE
    issue = factory.SubFactory(IssueFactory)
    round = factory.SubFactory(RoundFactory)
    stance = Stance.DEMANDS
    summary = factory.Sequence(lambda n: f"Position summary {n}")
    publication_status = PUBLISHED


class CommitmentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Commitment

    round = factory.SubFactory(RoundFactory)
    issue = factory.SubFactory(IssueFactory)
    title = factory.Sequence(lambda n: f"Exchange {n} for {n}")
    slug = factory.Sequence(lambda n: f"commitment-{n}")
    agreed_by = AgreedBy.BOTH_SIDES
    target_category = Category.POWS
    target_per_side = 1000
    publication_status = PUBLISHED


class ExchangeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Exchange

    title = factory.Sequence(lambda n: f"Prisoner exchange {n}")
    kind = ExchangeKind.POW_SWAP
    occurred_on = datetime.date(2025, 5, 23)
    commitment = factory.SubFactory(CommitmentFactory)
    publication_status = PUBLISHED


class ExchangeCountFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ExchangeCount

    exchange = factory.SubFactory(ExchangeFactory)
    receiving_side = Side.UKRAINE
    category = Category.POWS
    quantity = 390
    claimed_by = Claimant.UKRAINE


def aware(year: int, month: int, day: int, hour: int = 0, minute: int = 0) -> datetime.datetime:
    """A datetime in Istanbul time, as editors enter it."""
    return timezone.make_aware(datetime.datetime(year, month, day, hour, minute))


def role_group(name: str):
    """The Editor or Publisher group as positions' data migration makes it.

    A transactional test (the browser tests) flushes every table when it ends, groups included,
    while Django recreates only permissions; so a later test rebuilds the group if it is gone.
    """
    from django.contrib.auth.models import Group, Permission

    group, created = Group.objects.get_or_create(name=name)
    if created:
        for migration in (
            "positions.migrations.0003_editor_and_publisher_groups",
            "positions.migrations.0010_editor_and_publisher_rights_on_tracks_and_cities",
        ):
            roles = importlib.import_module(migration)
            for app_label, codename in roles.role_permissions()[name]:
                group.permissions.add(
                    Permission.objects.get(content_type__app_label=app_label, codename=codename)
                )
        # provenance/migrations/0008_review_desk_permissions
        group.permissions.add(
            Permission.objects.get(content_type__app_label="provenance", codename="view_reviewnote")
        )
    return group
