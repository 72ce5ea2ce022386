"""Load the sourced record of the 2025 Istanbul talks (positions/istanbul/) as published content.

Safe to run twice: every row is matched on its natural key and saved only when something
differs, so a second run creates nothing, records no history and leaves `updated_at` alone.
A row an editor changed in the admin is kept as they left it unless --overwrite-edits is given.
"""

import time

from django.core.management.base import BaseCommand
from django.db import transaction

from actors.models import Membership, Organization, Person
from positions.istanbul import (
    commitments,
    delegations,
    documents,
    events_later,
    events_lead_up,
    exchanges,
    issues,
    memberships,
    organizations,
    people,
    positions_humanitarian,
    positions_settlement,
    repatriations,
    rounds,
    sources_added,
    sources_s1_s35,
    sources_s36_s70,
    sources_s71_s105,
)
from positions.istanbul.upsert import CREATED, KEPT, UNCHANGED, UPDATED, Upserter
from positions.models import (
    Commitment,
    Document,
    Exchange,
    ExchangeCount,
    Issue,
    Position,
    Provision,
)
from provenance.models import Source
from talks.models import Delegation, Event, Participant, Round, Venue

# Keys that name other rows rather than hold values; resolved before upserting.
SOURCED = ("sources", "confidence", "confidence_note")


class Command(BaseCommand):
    help = "Load the Istanbul record as published content. Safe to run twice."

    def add_arguments(self, parser) -> None:
        parser.add_argument(
            "--overwrite-edits",
            action="store_true",
            help="Also overwrite rows an editor changed in the admin with the data files' "
            "version (their history keeps the editor's).",
        )

    def handle(self, *args, **options) -> None:
        started = time.monotonic()
        loader = Loader(overwrite_edits=options["overwrite_edits"])
        with transaction.atomic():
            loader.load()
        if options["verbosity"] > 0:
            for model, counts in loader.upserter.stats.items():
                kept = f", {counts[KEPT]} kept as edited in the admin" if counts[KEPT] else ""
                self.stdout.write(
                    f"{model}: {counts[CREATED]} created, {counts[UPDATED]} updated, "
                    f"{counts[UNCHANGED]} unchanged{kept}"
                )
            self.stdout.write(f"Loaded in {time.monotonic() - started:.1f} s.")


class Loader:
    """Walks the data modules in dependency order and upserts each row."""

    def __init__(self, *, overwrite_edits: bool = False) -> None:
        self.upserter = Upserter(overwrite_edits=overwrite_edits)
        self.upsert = self.upserter.upsert

    def load(self) -> None:
        self.sources = {
            row["code"]: self.upsert(Source, {"code": row["code"]}, row)
            for row in sources_s1_s35.SOURCES
            + sources_s36_s70.SOURCES
            + sources_s71_s105.SOURCES
            + sources_added.SOURCES
        }
        self.load_actors()
        self.load_talks()
        self.load_positions()
        self.load_outcomes()

    def cite(self, row: dict) -> tuple[dict, dict]:
        """Split a row into plain fields and its sources (as an M2M set)."""
        fields = {k: v for k, v in row.items() if k != "sources"}
        return fields, {"sources": [self.sources[code] for code in row["sources"]]}

    def load_actors(self) -> None:
        self.orgs = {}
        for row in organizations.ORGANIZATIONS:
            fields, m2m = self.cite(row)
            fields["parent"] = self.orgs[row["parent"]] if row["parent"] else None
            self.orgs[row["name"]] = self.upsert(
                Organization, {"name": row["name"]}, _without(fields, "name"), m2m
            )
        self.people = {}
        for row in people.PEOPLE:
            fields, m2m = self.cite(row)
            self.people[row["slug"]] = self.upsert(
                Person, {"slug": row["slug"]}, _without(fields, "slug"), m2m
            )
        for row in memberships.MEMBERSHIPS:
            fields, m2m = self.cite(row)
            lookup = {
                "person": self.people[row["person"]],
                "organization": self.orgs[row["organization"]],
                "post": row["post"],
            }
            self.upsert(Membership, lookup, _without(fields, *lookup), m2m)

    def load_talks(self) -> None:
        self.venues = {}
        for row in rounds.VENUES:
            fields, m2m = self.cite(row)
            self.venues[row["name"]] = self.upsert(
                Venue, {"name": row["name"]}, _without(fields, "name"), m2m
            )
        self.rounds = {}
        for row in rounds.ROUNDS:
            fields, m2m = self.cite(row)
            fields["venue"] = self.venues[row["venue"]]
            fields["chair"] = self.people[row["chair"]]
            m2m["hosts"] = [self.orgs[name] for name in fields.pop("hosts")]
            self.rounds[row["number"]] = self.upsert(
                Round, {"number": row["number"]}, _without(fields, "number"), m2m
            )
        for row in delegations.DELEGATIONS:
            fields, m2m = self.cite(row)
            members = fields.pop("participants")
            fields["organization"] = self.orgs[row["organization"]] if row["organization"] else None
            lookup = {"round": self.rounds[row["round"]], "side": row["side"]}
            delegation = self.upsert(Delegation, lookup, _without(fields, *lookup), m2m)
            for order, member in enumerate(members, start=1):
                fields, m2m = self.cite(member)
                fields["represents"] = (
                    self.orgs[member["represents"]] if member["represents"] else None
                )
                fields["order"] = order
                lookup = {"delegation": delegation, "person": self.people[member["person"]]}
                self.upsert(Participant, lookup, _without(fields, "person"), m2m)
        self.issues = {
            row["slug"]: self.upsert(
                Issue, {"slug": row["slug"]}, {**_without(row, "slug"), "order": order}
            )
            for order, row in enumerate(issues.ISSUES, start=1)
        }
        for row in events_lead_up.EVENTS + events_later.EVENTS:
            fields, m2m = self.cite(row)
            fields["round"] = self.rounds[row["round"]] if row["round"] else None
            fields["venue"] = self.venues[row["venue"]] if row["venue"] else None
            m2m["people"] = [self.people[slug] for slug in fields.pop("people")]
            m2m["organizations"] = [self.orgs[name] for name in fields.pop("organizations")]
            m2m["issues"] = [self.issues[slug] for slug in fields.pop("issues")]
            lookup = {"occurred_on": row["occurred_on"], "title": row["title"]}
            self.upsert(Event, lookup, _without(fields, *lookup), m2m)

    def load_positions(self) -> None:
        self.documents = {}
        for row in documents.DOCUMENTS:
            fields, m2m = self.cite(row)
            provisions = fields.pop("provisions")
            fields["round"] = self.rounds[row["round"]]
            document = self.upsert(Document, {"slug": row["slug"]}, _without(fields, "slug"), m2m)
            self.documents[row["slug"]] = document
            for order, item in enumerate(provisions, start=1):
                fields, m2m = self.cite(item)
                m2m["issues"] = [self.issues[slug] for slug in fields.pop("issues")]
                lookup = {"document": document, "order": order}
                self.upsert(Provision, lookup, fields, m2m)
        for row in positions_humanitarian.POSITIONS + positions_settlement.POSITIONS:
            fields, m2m = self.cite(row)
            fields["document"] = self.documents[row["document"]] if row["document"] else None
            lookup = {
                "side": row["side"],
                "issue": self.issues[row["issue"]],
                "round": self.rounds[row["round"]],
            }
            self.upsert(Position, lookup, _without(fields, *lookup), m2m)

    def load_outcomes(self) -> None:
        self.commitments = {}
        for row in commitments.COMMITMENTS:
            fields, m2m = self.cite(row)
            fields["round"] = self.rounds[row["round"]]
            fields["issue"] = self.issues[row["issue"]]
            self.commitments[row["slug"]] = self.upsert(
                Commitment, {"slug": row["slug"]}, _without(fields, "slug"), m2m
            )
        by_key = {}
        for row in exchanges.EXCHANGES + repatriations.REPATRIATIONS:
            fields, m2m = self.cite(row)
            counts = fields.pop("counts")
            key = fields.pop("key")
            fields["commitment"] = (
                self.commitments[row["commitment"]] if row["commitment"] else None
            )
            fields["part_of"] = by_key[row["part_of"]] if row["part_of"] else None
            fields["mediator"] = self.orgs[row["mediator"]] if row["mediator"] else None
            lookup = {"occurred_on": row["occurred_on"], "title": row["title"]}
            exchange = self.upsert(Exchange, lookup, _without(fields, *lookup), m2m)
            by_key[key] = exchange
            for item in counts:
                fields, m2m = self.cite(item)
                lookup = {
                    "exchange": exchange,
                    "receiving_side": item["receiving_side"],
                    "category": item["category"],
                    "claimed_by": item["claimed_by"],
                }
                self.upsert(ExchangeCount, lookup, _without(fields, *lookup), m2m)


def _without(row: dict, *keys: str) -> dict:
    return {k: v for k, v in row.items() if k not in keys}
