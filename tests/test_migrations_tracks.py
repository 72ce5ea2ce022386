"""A database loaded before tracks existed migrates cleanly: its rounds join the Istanbul talks,
its commitments their rounds' track, its venues name their city, and the two counts the 2026
review withdrew are deleted with a version a mirror can see."""

import datetime

import pytest

from tests.migration_database import migrate

BEFORE = [
    ("provenance", "0003_source_kind_offline"),
    ("actors", "0004_record_keys"),
    ("talks", "0005_record_keys"),
    ("positions", "0006_backfill_record_keys"),
]
AFTER = [
    ("provenance", "0004_record_review_and_more_state_affiliations"),
    ("talks", "0006_tracks_cities_standing_delegations"),
    ("positions", "0008_withdraw_counts_corrected_in_the_2026_review"),
]


@pytest.mark.django_db(transaction=True)
def test_a_database_loaded_before_tracks_migrates_cleanly(empty_database):
    old = migrate(BEFORE)
    Venue, Round = old.get_model("talks", "Venue"), old.get_model("talks", "Round")
    Issue, Commitment = (
        old.get_model("positions", "Issue"),
        old.get_model("positions", "Commitment"),
    )
    Exchange = old.get_model("positions", "Exchange")
    ExchangeCount = old.get_model("positions", "ExchangeCount")
    ciragan = Venue.objects.create(
        key="ciragan-palace", name="Çırağan Palace", city="Istanbul", country_code="TR"
    )
    dolmabahce = Venue.objects.create(
        key="dolmabahce", name="Dolmabahçe Palace", city="Istanbul", country_code="TR"
    )
    round_2 = Round.objects.create(
        key="istanbul-2", number=2, title="Second round in Istanbul", held_on=datetime.date(2025, 6, 2),
        venue=ciragan, publication_status="published",
    )  # fmt: skip
    Round.objects.create(
        key="istanbul-1", number=1, title="First round in Istanbul", held_on=datetime.date(2025, 5, 16),
        venue=dolmabahce, publication_status="published",
    )  # fmt: skip
    issue = Issue.objects.create(slug="prisoners-of-war", name="Prisoners of war")
    commitment = Commitment.objects.create(
        round=round_2, issue=issue, title="Exchange", slug="r2", agreed_by="both"
    )
    swap = Exchange.objects.create(
        key="2025-08-24-pow-swap-146-for-146-and-8-civilians-each", title="Swap",
        kind="pow_swap", occurred_on=datetime.date(2025, 8, 24), commitment=commitment,
    )  # fmt: skip
    for side in ("ukraine", "russia"):
        ExchangeCount.objects.create(
            exchange=swap, receiving_side=side, category="pows", quantity=146, claimed_by=side
        )

    new = migrate(AFTER)

    Track = new.get_model("talks", "Track")
    (track,) = Track.objects.all()
    assert (track.slug, track.name, track.started_on) == (
        "istanbul",
        "Istanbul direct talks",
        datetime.date(2025, 5, 16),
    )
    rounds = new.get_model("talks", "Round").objects.order_by("number")
    assert [(r.number, r.track_id) for r in rounds] == [(1, track.pk), (2, track.pk)]
    assert new.get_model("positions", "Commitment").objects.get().track_id == track.pk
    venues = new.get_model("talks", "Venue").objects.order_by("name")
    assert {v.city.name for v in venues} == {"Istanbul"}
    assert new.get_model("talks", "City").objects.get().key == "istanbul"
    # Ukraine's own 146 was withdrawn (Ukraine published no POW figure); Russia's stays.
    counts = new.get_model("positions", "ExchangeCount").objects.all()
    assert [(c.receiving_side, c.claimed_by) for c in counts] == [("russia", "russia")]
    history = new.get_model("positions", "HistoricalExchangeCount").objects.filter(history_type="-")
    assert [(h.receiving_side, h.claimed_by) for h in history] == [("ukraine", "ukraine")]
