"""Small helpers that keep the data modules close to how the facts file reads."""

import datetime
import zoneinfo

from django.utils import timezone

ISTANBUL = zoneinfo.ZoneInfo("Europe/Istanbul")


def day(iso: str) -> datetime.date:
    return datetime.date.fromisoformat(iso)


def istanbul(iso: str) -> datetime.datetime:
    """A local Istanbul time, e.g. "2025-06-02 13:00", as an aware datetime."""
    return timezone.make_aware(datetime.datetime.fromisoformat(iso), ISTANBUL)


def refs(codes: str) -> tuple[str, ...]:
    """Source codes as the facts file lists them: "S1 S5 SEED"."""
    return tuple(codes.split())


def source(
    code: str,
    url: str,
    title: str,
    publisher: str,
    *,
    on: str = "",
    precision: str = "day",
    language: str = "en",
    kind: str = "news_report",
    state: str = "",
    mirror: bool = False,
    note: str = "",
) -> dict:
    """One Source row. `state="russia"` for outlets the facts file marks RU-state or RU outlet."""
    return {
        "code": code,
        "url": url,
        "title": title,
        "publisher": publisher,
        "published_on": day(on) if on else None,
        "published_on_precision": precision,
        "language": language,
        "kind": kind,
        "state_affiliation": state,
        "is_mirror": mirror,
        "note": note,
    }


# Notes repeated across sources, worded once.
UA_OFFICIAL = "Ukrainian official channel: the record of what the Ukrainian side said."
RU_STATE = "Russian state or state-aligned outlet: the record of what the Russian side said."
UNTITLED = "Title descriptive: the URL carries no headline."


UA, RU = "ukraine", "russia"
MEMO = "russia-memorandum-2025-06-02"
FRAME = "ukraine-negotiations-framework-2025"
KIDS = "ukraine-children-list-2025-06-02"


def pos(
    side,
    issue,
    round,
    stance,
    summary,
    *,
    sources,
    document="",
    confidence="confirmed",
    confidence_note="",
):
    return {
        "side": side,
        "issue": issue,
        "round": round,
        "stance": stance,
        "summary": summary,
        "document": document,
        "sources": refs(sources),
        "confidence": confidence,
        "confidence_note": confidence_note,
    }


def count(
    side,
    category,
    quantity,
    *,
    claimed_by,
    sources,
    precision="exact",
    note="",
    confidence="confirmed",
    confidence_note="",
):
    return {
        "receiving_side": side,
        "category": category,
        "quantity": quantity,
        "precision": precision,
        "claimed_by": claimed_by,
        "note": note,
        "sources": refs(sources),
        "confidence": confidence,
        "confidence_note": confidence_note,
    }


def exchange(
    key,
    on,
    title,
    *,
    kind,
    sources,
    commitment="",
    linkage="",
    linkage_note="",
    part_of="",
    ended=None,
    precision="day",
    mediator="",
    mediator_note="",
    summary="",
    counts=(),
    confidence="confirmed",
    confidence_note="",
):
    return {
        "key": key,
        "occurred_on": day(on),
        "occurred_on_precision": precision,
        "ended_on": day(ended) if ended else None,
        "title": title,
        "kind": kind,
        "commitment": commitment,
        "linkage_confidence": linkage,
        "linkage_note": linkage_note,
        "part_of": part_of,
        "mediator": mediator,
        "mediator_note": mediator_note,
        "summary": summary,
        "counts": list(counts),
        "sources": refs(sources),
        "confidence": confidence,
        "confidence_note": confidence_note,
    }


def event(
    on,
    title,
    *,
    kind,
    side="",
    sources,
    summary="",
    precision="day",
    round=None,
    venue="",
    starts=None,
    ends=None,
    people="",
    organizations=(),
    issues="",
    confidence="confirmed",
    confidence_note="",
):
    return {
        "occurred_on": day(on),
        "occurred_on_precision": precision,
        "title": title,
        "kind": kind,
        "side": side,
        "summary": summary,
        "round": round,
        "venue": venue,
        "starts_at": istanbul(starts) if starts else None,
        "ends_at": istanbul(ends) if ends else None,
        "people": tuple(people.split()),
        "organizations": tuple(organizations),
        "issues": tuple(issues.split()),
        "sources": refs(sources),
        "confidence": confidence,
        "confidence_note": confidence_note,
    }
