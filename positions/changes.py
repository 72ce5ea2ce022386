"""What changed lately in the public record (minimal version; the feeds helper keeps a fuller one)."""

import datetime
from dataclasses import dataclass

from positions.models import Commitment, Document, Exchange, Position
from talks.models import Event, Round

# Saved within this long after creation counts as "added" rather than "updated".
ADDED_WINDOW = datetime.timedelta(minutes=5)


@dataclass
class Change:
    title: str
    url: str
    kind: str
    changed_at: datetime.datetime
    change_type: str


def recent_changes(limit: int = 10) -> list[Change]:
    """The `limit` most recently saved published items, newest first. One query per model."""
    changes = []
    for model, label in [
        (Round, "Round"),
        (Event, "Event"),
        (Document, "Document"),
        (Commitment, "Commitment"),
        (Exchange, "Exchange"),
        (Position, "Position"),
    ]:
        queryset = model.objects.published().order_by("-updated_at")
        if model is Position:
            queryset = queryset.select_related("issue", "round")
        for item in queryset[:limit]:
            added = item.updated_at - item.created_at < ADDED_WINDOW
            url = item.issue.get_absolute_url() if model is Position else item.get_absolute_url()
            changes.append(
                Change(str(item), url, label, item.updated_at, "added" if added else "updated")
            )
    changes.sort(key=lambda change: change.changed_at, reverse=True)
    return changes[:limit]
