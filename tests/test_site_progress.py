"""Running totals add what counts once, keep every claimant's figure, and say when they differ."""

import datetime

import pytest

from positions.models import Category, CountPrecision, Exchange
from provenance.models import Claimant, Confidence, Side
from record import tallies as progress
from tests.factories import CommitmentFactory, ExchangeCountFactory, ExchangeFactory

pytestmark = pytest.mark.django_db


def loaded(commitment):
    return type(commitment).objects.prefetch_related("exchanges__counts").get(pk=commitment.pk)


def test_totals_keep_each_claimants_sum_and_flag_differences():
    commitment = CommitmentFactory()
    total = ExchangeFactory(commitment=commitment, kind="bodies")
    ExchangeCountFactory(exchange=total, category=Category.BODIES, quantity=6057)
    ExchangeCountFactory(
        exchange=total, category=Category.BODIES, quantity=6060, claimed_by=Claimant.RUSSIA
    )
    [line] = progress.progress(loaded(commitment)).totals
    assert [(f.claimant, f.quantity) for f in line.figures] == [("ukraine", 6057), ("russia", 6060)]
    assert line.sides_differ
    assert line.main.quantity == 6057  # the receiving side's own figure


def test_stages_and_uncertain_links_are_not_added():
    commitment = CommitmentFactory()
    total = ExchangeFactory(commitment=commitment)
    ExchangeCountFactory(exchange=total, quantity=1000)
    stage = ExchangeFactory(commitment=commitment, part_of=total)
    ExchangeCountFactory(exchange=stage, quantity=390)
    doubtful = ExchangeFactory(commitment=commitment, linkage_confidence=Confidence.CONTESTED)
    ExchangeCountFactory(exchange=doubtful, quantity=205)
    state = progress.progress(loaded(commitment))
    assert [line.figures[0].quantity for line in state.totals] == [1000]
    assert [x.pk for x in state.stages] == [stage.pk]
    assert [x.pk for x in state.not_counted] == [doubtful.pk]


def test_a_claimants_silence_is_filled_not_counted_as_a_difference():
    commitment = CommitmentFactory()
    for quantity in (100, 200):
        ExchangeCountFactory(
            exchange=ExchangeFactory(commitment=commitment),
            quantity=quantity,
            precision=CountPrecision.AT_LEAST,
        )
    ExchangeCountFactory(
        exchange=Exchange.objects.filter(commitment=commitment).first(),
        quantity=100,
        claimed_by=Claimant.RUSSIA,
    )
    [line] = progress.progress(loaded(commitment)).totals
    ukraine, russia = line.figures
    assert (ukraine.quantity, ukraine.qualifier, ukraine.exchanges) == (300, "at least", 2)
    # Russia's silence on the second exchange is filled with Ukraine's figure: no false gap.
    assert (russia.quantity, russia.exchanges, line.exchanges) == (300, 1, 2)
    assert not line.sides_differ
    assert line.partial


def test_cumulative_series_steps_up_per_side_over_time():
    commitment = CommitmentFactory()
    for day, quantity in ((25, 303), (23, 390), (24, 307)):
        exchange = ExchangeFactory(commitment=commitment, occurred_on=datetime.date(2025, 5, day))
        ExchangeCountFactory(exchange=exchange, quantity=quantity)
        ExchangeCountFactory(
            exchange=exchange,
            receiving_side=Side.RUSSIA,
            quantity=quantity,
            claimed_by=Claimant.RUSSIA,
        )
    ukraine, russia = progress.cumulative(loaded(commitment).exchanges.all(), progress.PEOPLE)
    assert [total for _, total in ukraine.points] == [390, 697, 1000]
    assert russia.total == 1000
