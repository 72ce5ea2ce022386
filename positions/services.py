"""Writes that span several models: publishing a round with everything logged under it.

The rule for every record is provenance.review (a record's tree: what belongs to it and what it
shows a reader); these are the round desk's names for it.
"""

from provenance import review
from talks.models import Round


def round_drafts(round_: Round) -> list:
    """Everything to publish with `round_` that is not yet published, the round excepted: its
    delegations, documents, positions, commitments, their exchanges, events, the people and
    organizations they name (with a new person's posts) and every source all of these and their
    participants, provisions and counts cite."""
    return [obj for obj in review.tree(round_) if obj != round_]


def submit_round(*, round_: Round, user, note: str = "") -> list:
    """Put `round_` and every draft in its tree into review."""
    return review.submit(round_, user=user, note=note)


def publish_round(*, round_: Round, user, seen: str | None = None) -> list:
    """Publish `round_` with its tree, exactly as reviewed, all or nothing (review.publish)."""
    return review.publish(round_, user=user, seen=seen)
