"""Writes that span several models: publishing a round with everything logged under it."""

from django.core.exceptions import PermissionDenied
from django.db import transaction

from actors.models import Person
from provenance.models import PublicationStatus, Source
from provenance.workflow import can_publish, change_status, check_sources
from talks.models import Participant, Round

PUBLISHED = PublicationStatus.PUBLISHED


def round_drafts(round_: Round) -> list:
    """Everything under `round_` that is not yet published, in the order it would be published.

    The round's track (a new track is published with its first round), delegations, documents,
    positions, commitments and events; the people sitting in its delegations and the sources all
    of these cite, when those are drafts too — a published participant whose person is a draft
    would stay invisible.
    """
    track = [] if round_.track.is_published else [round_.track]
    facts = [
        *track,
        *round_.delegations.exclude(publication_status=PUBLISHED),
        *round_.documents.exclude(publication_status=PUBLISHED),
        *round_.positions.exclude(publication_status=PUBLISHED).select_related("issue"),
        *round_.commitments.exclude(publication_status=PUBLISHED),
        *round_.events.exclude(publication_status=PUBLISHED),
    ]
    people = Person.objects.filter(participations__delegation__round=round_).exclude(
        publication_status=PUBLISHED
    )
    cited = Source.objects.exclude(publication_status=PUBLISHED).filter(
        pk__in=[
            source.pk
            for obj in [round_, *facts, *round_participants(round_)]
            for source in obj.sources.all()
        ]
    )
    return [*cited, *people.distinct(), *facts]


def round_participants(round_: Round):
    return Participant.objects.filter(delegation__round=round_).select_related(
        "person", "delegation__round"
    )


@transaction.atomic
def publish_round(*, round_: Round, user, with_drafts: bool = True) -> list:
    """Publish `round_` and, if `with_drafts`, its drafts, all or nothing. Returns what changed.

    Refuses (WorkflowError) if the round or anything published with it cites no source; the
    message names each such fact. Participants have no status of their own but are checked too,
    since they become public with their delegation.
    """
    if not can_publish(user):
        raise PermissionDenied(f"{user} may not publish content.")
    round_ = Round.objects.select_for_update().get(pk=round_.pk)
    drafts = round_drafts(round_) if with_drafts else []
    facts = [round_, *drafts, *round_participants(round_)]
    check_sources(facts)
    changed = []
    for obj in [*drafts, round_]:
        if change_status(obj, PUBLISHED, user=user):
            changed.append(obj)
    return changed
