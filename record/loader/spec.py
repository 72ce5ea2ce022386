"""What each data file holds: its model, the column its key is stored in, and which of its fields
name rows of other files. The order is the order of loading (a row's references come first).

data/istanbul/README.md documents the same for people who edit the files.
"""

from dataclasses import dataclass, field

from django.db import models

from actors.models import Membership, Organization, Person
from positions.models import (
    Commitment,
    Document,
    Exchange,
    ExchangeCount,
    Issue,
    Position,
    Provision,
)
from provenance.models import RecordReview, Source, SourceKind
from provenance.translated import ORIGINAL_LANGUAGE, Translated
from talks.models import (
    City,
    Delegation,
    Event,
    Participant,
    Round,
    StandingDelegation,
    StandingMember,
    Track,
    Venue,
)

# Keys that are the data files' own and never reach the database.
RESEARCH = (
    "research"  # notes for fact-checkers (which source backs which words); readers never see it
)
# On rows of a model with translations (`summary_uk`, `summary_ru`…): the languages whose
# translation a person has reviewed, e.g. [uk, ru]; translations not listed load as unreviewed.
REVIEWED = "translations_reviewed"
# Fields every file may leave out: the loader and the database fill them in.
NOT_IN_FILES = {
    "id", "key", "publication_status", "created_at", "updated_at", "version", "search_text",
    "translation_status",
}  # fmt: skip
# Fields with values that are not text for a reader: identifiers, codes, addresses.
NOT_PROSE = {
    "key", "slug", "code", "url", "language", "country_code", "wikidata_id", "time_zone",
    "working_language", "publisher", "native_name", "aliases", "name", "short_name",
}  # fmt: skip
# A source of this kind may have no address; its note must say where a copy is.
ADDRESSLESS_SOURCE_KINDS = {SourceKind.OFFLINE}


@dataclass(frozen=True)
class Child:
    """Rows nested in their parent's row, e.g. a delegation's participants.

    `match` are the fields that identify a child within its parent (the database's uniqueness
    rule); a child without its own key column is matched on them.
    """

    field: str  # the list's name in the parent row
    spec: "Spec"
    parent: str  # the child's foreign key to the parent
    match: tuple[str, ...] = ()


@dataclass(frozen=True)
class Spec:
    """One data file."""

    file: str
    model: type[models.Model]
    key: str = "key"  # the model field that stores the row's key ("slug", "code"); "" if none
    refs: dict[str, str] = field(default_factory=dict)  # field -> file it names a row of
    many: dict[str, str] = field(default_factory=dict)  # many-to-many field -> file
    children: tuple[Child, ...] = ()
    order: str = ""  # a field the loader numbers 1, 2, … in file order

    @property
    def name(self) -> str:
        return self.file.removesuffix(".yaml")

    @property
    def is_translated(self) -> bool:
        """Its rows may give `<field>_uk`, `<field>_ru` and `translations_reviewed`."""
        return issubclass(self.model, Translated)

    @property
    def is_sourced(self) -> bool:
        return any(f.name == "sources" for f in self.model._meta.many_to_many)


SOURCED = {"sources": "sources"}

PARTICIPANTS = Spec(
    "participants",
    Participant,
    key="",
    refs={"person": "people", "represents": "organizations"},
    many=SOURCED,
    order="order",
)
PROVISIONS = Spec(
    "provisions",
    Provision,
    many={**SOURCED, "issues": "issues"},
    order="order",
)
COUNTS = Spec("counts", ExchangeCount, key="", many=SOURCED)
STANDING_MEMBERS = Spec(
    "members",
    StandingMember,
    key="",
    refs={"person": "people"},
    many=SOURCED,
    order="order",
)

SPECS: tuple[Spec, ...] = (
    Spec("sources.yaml", Source, key="code"),
    Spec("organizations.yaml", Organization, refs={"parent": "organizations"}, many=SOURCED),
    Spec("people.yaml", Person, key="slug", many=SOURCED),
    Spec(
        "memberships.yaml",
        Membership,
        refs={"person": "people", "organization": "organizations"},
        many=SOURCED,
    ),
    Spec("cities.yaml", City),
    Spec("venues.yaml", Venue, refs={"city": "cities"}, many=SOURCED),
    Spec(
        "tracks.yaml",
        Track,
        key="slug",
        many={**SOURCED, "parties": "organizations", "mediators": "organizations"},
        order="order",
    ),
    Spec(
        "rounds.yaml",
        Round,
        refs={"track": "tracks", "venue": "venues", "chair": "people"},
        many={**SOURCED, "hosts": "organizations"},
    ),
    Spec(
        "standing_delegations.yaml",
        StandingDelegation,
        refs={"track": "tracks", "organization": "organizations"},
        many=SOURCED,
        children=(Child("members", STANDING_MEMBERS, "standing_delegation", ("person",)),),
    ),
    Spec(
        "delegations.yaml",
        Delegation,
        refs={
            "round": "rounds",
            "organization": "organizations",
            "standing": "standing_delegations",
        },
        many=SOURCED,
        children=(Child("participants", PARTICIPANTS, "delegation", ("person",)),),
    ),
    Spec("issues.yaml", Issue, key="slug", order="order"),
    Spec(
        "events.yaml",
        Event,
        refs={"round": "rounds", "track": "tracks", "venue": "venues"},
        many={
            **SOURCED,
            "people": "people",
            "organizations": "organizations",
            "issues": "issues",
        },
    ),
    Spec(
        "documents.yaml",
        Document,
        key="slug",
        refs={"round": "rounds"},
        many=SOURCED,
        children=(Child("provisions", PROVISIONS, "document"),),
    ),
    Spec(
        "positions.yaml",
        Position,
        refs={"round": "rounds", "issue": "issues", "document": "documents"},
        many=SOURCED,
    ),
    Spec(
        "commitments.yaml",
        Commitment,
        key="slug",
        refs={"track": "tracks", "round": "rounds", "issue": "issues"},
        many=SOURCED,
    ),
    Spec(
        "exchanges.yaml",
        Exchange,
        refs={"commitment": "commitments", "part_of": "exchanges", "mediator": "organizations"},
        many=SOURCED,
        children=(
            Child("counts", COUNTS, "exchange", ("receiving_side", "category", "claimed_by")),
        ),
    ),
    Spec("reviews.yaml", RecordReview),
)
BY_NAME = {spec.name: spec for spec in SPECS}


def plain_fields(spec: Spec) -> dict[str, models.Field]:
    """The model fields a row gives values for directly (not references, links or children)."""
    skip = NOT_IN_FILES | set(spec.refs) | set(spec.many) | {spec.order}
    return {
        f.name: f
        for f in spec.model._meta.concrete_fields
        if f.name not in skip
        and not f.is_relation
        and f.name != spec.key
        and not is_english_column(f)
    }


def is_english_column(model_field: models.Field) -> bool:
    """A translated field's English column (`summary_en`): the files give it as `summary`."""
    return (
        getattr(model_field, "translated_field", None) is not None
        and getattr(model_field, "language", None) == ORIGINAL_LANGUAGE
    )


def prose_fields(spec: Spec) -> list[str]:
    """Fields whose text a reader sees, where pointers into the facts files are refused."""
    return [
        name
        for name, f in plain_fields(spec).items()
        if isinstance(f, models.CharField | models.TextField)
        and not f.choices
        and name not in NOT_PROSE
    ]
