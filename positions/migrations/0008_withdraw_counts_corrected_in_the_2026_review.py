"""Two exchange counts the 2026 review of the record withdraws, on databases loaded before it.

The loader updates rows and adds new ones but never deletes (data/istanbul/README.md), and these
two counts changed claimant, which is part of a count's identity, so loading the corrected files
would add the right count and leave the wrong one beside it:

- 24 August 2025 swap: Ukraine published no figure for its prisoners of war; the 146 was
  Russia's and the UAE's, not Ukraine's (K7).
- 24 May 2025, stage 2 of the 1,000 for 1,000: Russia's 307 was Ukraine's "symmetric" figure;
  Russia's Ministry of Defence gives its own (K16).

Each is deleted with a "-" version in its history, so /api/v1/changes/ tells mirrors to drop it.
Rows an editor changed in the admin (a user in their history) are left alone, as the loader does.
"""

from django.db import migrations
from django.utils import timezone

WITHDRAWN = [
    # (exchange key, receiving side, category, claimant)
    ("2025-08-24-pow-swap-146-for-146-and-8-civilians-each", "ukraine", "pows", "ukraine"),
    ("2025-05-24-1000-for-1000-stage-2-307-each", "russia", "pows", "ukraine"),
]
REASON = "Withdrawn in the 2026 review of the record"
FIELDS = [
    "id", "confidence", "confidence_note", "exchange_id", "receiving_side", "category",
    "quantity", "precision", "claimed_by", "note",
]  # fmt: skip


def withdraw(apps, schema_editor):
    ExchangeCount = apps.get_model("positions", "ExchangeCount")
    HistoricalExchangeCount = apps.get_model("positions", "HistoricalExchangeCount")
    now = timezone.now()
    for exchange_key, side, category, claimant in WITHDRAWN:
        counts = ExchangeCount.objects.filter(
            exchange__key=exchange_key,
            receiving_side=side,
            category=category,
            claimed_by=claimant,
        )
        for count in counts:
            history = HistoricalExchangeCount.objects.filter(id=count.pk)
            if history.filter(history_user__isnull=False).exists():
                continue  # an editor's row: theirs to settle
            HistoricalExchangeCount.objects.create(
                **{name: getattr(count, name) for name in FIELDS},
                history_date=now,
                history_type="-",
                history_change_reason=REASON,
            )
            count.delete()


class Migration(migrations.Migration):
    dependencies = [
        ("positions", "0007_commitment_track_exchange_linkage_and_mediator_figures"),
    ]

    operations = [migrations.RunPython(withdraw, migrations.RunPython.noop)]
