"""How far commitments have been carried out: running totals per side, with every claimant's figure.

Everything here works on exchanges whose `counts` are already prefetched, so a page that shows
many commitments costs no query per row. Totals add only top-level exchanges (a stage of a
reported total is not added again) whose link to the commitment is not uncertain or contested.
"""

import datetime
from dataclasses import dataclass, field

from django.db.models import Prefetch, Q
from django.utils.translation import gettext, pgettext
from django.utils.translation import gettext_lazy as _

from positions.models import Category, CountPrecision, Exchange
from provenance.models import Claimant, Confidence, Side

# The home page and the chart speak of "people" (prisoners, civilians, children) and "bodies".
PEOPLE = "people"
BODIES = "bodies"
# Lazy: in the language of the page that shows them (English for the API, unprefixed).
GROUP_LABELS = {PEOPLE: _("People returned"), BODIES: _("Bodies repatriated")}
CATEGORY_GROUPS = {
    Category.POWS: PEOPLE,
    Category.CIVILIANS: PEOPLE,
    Category.CHILDREN: PEOPLE,
    Category.BODIES: BODIES,
}
CLAIMANT_ORDER = list(Claimant.values)
SIDE_ORDER = list(Side.values)
# Exchanges whose link to their commitment is this unsure are shown but never added to totals.
NOT_COUNTED = [Confidence.UNCERTAIN, Confidence.CONTESTED]


@dataclass
class Figure:
    """One claimant's total for one line, and how many exchanges it covers.

    `quantity` is what the site shows: the claimant's own figures, and where it gave none for an
    exchange, the figure `tally()` fills in. `own_quantity` adds up its own figures only, for the
    `exchanges` it gave one for: what summing its rows of the exchange-counts table gives.
    """

    claimant: str
    quantity: int = 0
    qualifier: str = ""
    exchanges: int = 0
    own_quantity: int = 0
    # How many exchanges the line covers, and whose figures stand in where this claimant gave
    # none: what a reader needs to see that a total is partly someone else's count.
    line_exchanges: int = 0
    filled_from: list[str] = field(default_factory=list)

    @property
    def claimant_label(self) -> str:
        return Claimant(self.claimant).label

    @property
    def qualifier_label(self) -> str:
        """`qualifier` in the active language: "at least", "about" or "" (exact)."""
        if self.qualifier == AT_LEAST:
            return gettext("at least")
        if self.qualifier == ABOUT:
            return pgettext("an approximate figure", "about")
        return ""

    @property
    def unpublished(self) -> int:
        """How many of the line's exchanges this claimant published no figure for."""
        return max(self.line_exchanges - self.exchanges, 0)

    @property
    def filled_from_text(self) -> str:
        """Whose figures stand in for this claimant's missing ones: "Ukraine's or Russia's"."""
        return gettext(" or ").join(
            gettext("%(claimant)s's") % {"claimant": Claimant(c).label} for c in self.filled_from
        )


@dataclass
class Silence:
    """A party to the exchanges that published no figure for some of a line's exchanges."""

    claimant: str
    unpublished: int
    exchanges: int

    @property
    def claimant_label(self) -> str:
        return Claimant(self.claimant).label

    @property
    def none_at_all(self) -> bool:
        """It published no figure for any of the line's exchanges."""
        return self.unpublished >= self.exchanges


@dataclass
class TallyLine:
    """What one side received in one category (or group), per claimant."""

    side: str
    category: str
    category_label: str
    exchanges: int = 0
    figures: list[Figure] = field(default_factory=list)

    @property
    def side_label(self) -> str:
        return Side(self.side).label

    @property
    def sides_differ(self) -> bool:
        return len({(f.quantity, f.qualifier) for f in self.figures}) > 1

    @property
    def partial(self) -> bool:
        """Some claimant gave no figure of its own for some exchange."""
        return any(f.exchanges < self.exchanges for f in self.figures)

    @property
    def silences(self) -> list[Silence]:
        """Each claimant shown that gave no figure for some exchanges, and each party (Ukraine,
        Russia) that gave none for any: said in words, so that a total filled in from the other
        side, or a side with no figure at all, never reads as a smaller count."""
        shown = {f.claimant: f for f in self.figures}
        result = []
        for claimant in CLAIMANT_ORDER:
            if claimant in shown:
                if shown[claimant].unpublished:
                    result.append(Silence(claimant, shown[claimant].unpublished, self.exchanges))
            elif claimant in SIDE_ORDER and self.exchanges:
                result.append(Silence(claimant, self.exchanges, self.exchanges))
        return result

    @property
    def silent_parties(self) -> list[Silence]:
        """The parties that published no figure at all for this line."""
        return [s for s in self.silences if s.none_at_all]

    @property
    def main(self) -> Figure | None:
        """The receiving side's own figure if it gave one, else the first claimant's."""
        for figure in self.figures:
            if figure.claimant == self.side:
                return figure
        return self.figures[0] if self.figures else None


# A figure's qualifier is a code, the same in every language (the API's `qualifier`, which a
# client may compare); `Figure.qualifier_label` says it in the active language.
AT_LEAST, ABOUT = "at least", "about"


def _qualifier(precision: str) -> str:
    if precision == CountPrecision.AT_LEAST:
        return AT_LEAST
    if precision == CountPrecision.ABOUT:
        return ABOUT
    return ""


# One exchange's figures for one receiving side and line:
# {category (POWs, civilians…) -> {claimant -> [quantity, qualifier]}}.
Cell = dict[str, dict[str, list]]


def _claimed(cell: Cell, claimant: str, side: str) -> tuple[int, str, bool, list[str]]:
    """What `claimant` counts for one exchange: its own figure for each category it gave one
    for, and for each category it gave none for, the receiving side's own figure (else the first
    other claimant's). Category by category, so a side that published its civilians but not its
    prisoners of war is filled in for the prisoners only. Returns (quantity, qualifier, whether
    it gave any figure of its own, whose figures stood in)."""
    quantity, qualifier, own, stand_ins = 0, "", False, []
    for by_claimant in cell.values():
        if claimant in by_claimant:
            chosen, own = claimant, True
        else:
            chosen = side if side in by_claimant else min(by_claimant, key=CLAIMANT_ORDER.index)
            if chosen not in stand_ins:
                stand_ins.append(chosen)
        quantity += by_claimant[chosen][0]
        qualifier = qualifier or by_claimant[chosen][1]
    return quantity, qualifier, own, stand_ins


def _own(cell: Cell, claimant: str) -> int:
    """The claimant's own figures for one exchange, the categories it gave none for left out."""
    return sum(by_claimant[claimant][0] for by_claimant in cell.values() if claimant in by_claimant)


def _cell_of(exchange, side: str | None, line_of) -> dict[tuple[str, str], Cell]:
    """An exchange's counts as cells keyed (receiving side, line), the line being what
    `line_of(category)` names (the category itself, or its group); only `side` if given."""
    cells: dict[tuple[str, str], Cell] = {}
    for count in exchange.counts.all():
        if side is not None and count.receiving_side != side:
            continue
        cell = cells.setdefault((count.receiving_side, line_of(count.category)), {})
        figure = cell.setdefault(count.category, {}).setdefault(count.claimed_by, [0, ""])
        figure[0] += count.quantity
        figure[1] = figure[1] or _qualifier(count.precision)
    return cells


def tally(exchanges, *, grouped: bool = False) -> list[TallyLine]:
    """Each claimant's running total per receiving side and category (or group).

    Where a claimant gave no figure for an exchange, or for one category of it (prisoners of war,
    civilians, children, bodies), the receiving side's own figure for that category (else the
    other claimant's) fills the gap, so two totals differ only where the claimants disagree about
    the same people, never merely because one stayed silent. `Figure.exchanges` counts the
    exchanges a claimant gave a figure of its own for. With `grouped`, categories fold into
    "people" and "bodies". Quantities are people or bodies.
    """

    def line_of(category):
        return CATEGORY_GROUPS[category] if grouped else category

    # (side, line) -> {exchange pk -> cell}
    cells: dict[tuple[str, str], dict[int, Cell]] = {}
    for exchange in exchanges:
        for key, cell in _cell_of(exchange, None, line_of).items():
            cells.setdefault(key, {})[exchange.pk] = cell
    lines = []
    for (side, category), by_exchange in cells.items():
        label = GROUP_LABELS[category] if grouped else Category(category).label
        line = TallyLine(side, category, label, exchanges=len(by_exchange))
        claimants = sorted(
            {c for cell in by_exchange.values() for figures in cell.values() for c in figures},
            key=CLAIMANT_ORDER.index,
        )
        for claimant in claimants:
            figure = Figure(claimant, line_exchanges=line.exchanges)
            for cell in by_exchange.values():
                quantity, qualifier, own, stand_ins = _claimed(cell, claimant, side)
                if own:
                    figure.exchanges += 1
                    figure.own_quantity += _own(cell, claimant)
                for stand_in in stand_ins:
                    if stand_in not in figure.filled_from:
                        figure.filled_from.append(stand_in)
                figure.quantity += quantity
                figure.qualifier = figure.qualifier or qualifier
            line.figures.append(figure)
        lines.append(line)
    order = [PEOPLE, BODIES] if grouped else list(Category.values)
    return sorted(lines, key=lambda line: (order.index(line.category), SIDE_ORDER.index(line.side)))


def top_level_q(prefix: str = "") -> Q:
    """Exchanges that are not a stage of a reported total: adding up their counts counts every
    exchange once (the totals "across the whole record"). `prefix` reaches the exchange from
    another model, e.g. "exchange__" from its counts."""
    return Q(**{f"{prefix}part_of__isnull": True})


def counted_q(prefix: str = "") -> Q:
    """The exchanges `progress()` adds to an agreement's running totals, as a filter: linked to a
    commitment by a link that is neither uncertain nor contested, and not a stage."""
    return (
        top_level_q(prefix)
        & Q(**{f"{prefix}commitment__isnull": False})
        & ~Q(**{f"{prefix}linkage_confidence__in": NOT_COUNTED})
    )


@dataclass
class Progress:
    """A commitment's running totals and the exchanges that are shown but not added."""

    counted: list[Exchange]
    stages: list[Exchange]
    not_counted: list[Exchange]
    totals: list[TallyLine]


def exchanges_with_counts() -> Prefetch:
    """What `progress()` reads: a commitment's published exchanges with their counts, prefetched
    (two queries for any number of commitments)."""
    return Prefetch("exchanges", queryset=Exchange.objects.published().prefetch_related("counts"))


def progress(commitment) -> Progress:
    """Split a commitment's prefetched, published exchanges and add up the ones that count."""
    counted, stages, not_counted = [], [], []
    for exchange in commitment.exchanges.all():
        if not exchange.counts_towards_commitment:
            not_counted.append(exchange)
        elif exchange.part_of_id:
            stages.append(exchange)
        else:
            counted.append(exchange)
    return Progress(counted, stages, not_counted, tally(counted))


@dataclass
class Series:
    """A cumulative step series for one receiving side: [(date, running total), …]."""

    side: str
    group: str
    points: list[tuple[datetime.date, int]]

    @property
    def side_label(self) -> str:
        return Side(self.side).label

    @property
    def total(self) -> int:
        return self.points[-1][1] if self.points else 0


def cumulative(exchanges, group: str) -> list[Series]:
    """Running totals over time per receiving side, using the receiving side's own figure.

    When the receiving side gave no figure for an exchange, the other claimant's is used, so the
    line follows what is known; the data table next to the chart shows every claimant's figure.
    """
    series = []
    for side in SIDE_ORDER:
        running, points = 0, []
        for exchange in sorted(exchanges, key=lambda e: (e.occurred_on, e.pk)):
            by_claimant: dict[str, int] = {}
            for count in exchange.counts.all():
                if count.receiving_side == side and CATEGORY_GROUPS[count.category] == group:
                    by_claimant[count.claimed_by] = (
                        by_claimant.get(count.claimed_by, 0) + count.quantity
                    )
            if not by_claimant:
                continue
            chosen = by_claimant.get(side)
            if chosen is None:
                chosen = by_claimant[min(by_claimant, key=CLAIMANT_ORDER.index)]
            running += chosen
            points.append((exchange.ended_on or exchange.occurred_on, running))
        series.append(Series(side, group, points))
    return series


# --- the totals of /api/v1/totals/ and /totals/ ---------------------------------------------------

RECORD = "record"
AGREEMENTS = "agreements"
EXCLUDED = "excluded"
INCLUDED = "included"


def totals_exchanges():
    """Every published exchange once (a stage's counts are inside its reported total's), with its
    commitment and counts: what `scopes()` divides. Two queries."""
    return (
        Exchange.objects.published()
        .filter(top_level_q())
        .select_related("commitment")
        .prefetch_related("counts")
        .order_by("occurred_on", "pk")
    )


def scopes(exchanges: list, tracks: list) -> list[tuple[str, str, list]]:
    """(scope, uncertain_links, exchanges) for each total: the whole record, every agreement,
    and each track's agreements, each without and with the exchanges whose link to their
    agreement is uncertain or contested (the rule of `progress`).

    The whole record counts every exchange under both: a doubt about which agreement an exchange
    carried out is no doubt that the people came home, so the 2 October 2025 swap (its link to
    the round 3 agreement contested) is in the record's total whichever row a reader takes.
    """
    linked = [x for x in exchanges if x.commitment_id]
    groups = [(RECORD, exchanges), (AGREEMENTS, linked)]
    groups += [(t.slug, [x for x in linked if x.commitment.track_id == t.pk]) for t in tracks]
    result = []
    for scope, chosen in groups:
        if scope == RECORD:
            sure = chosen
        else:
            # An exchange linked to no agreement has no link to be unsure of: it stays.
            sure = [x for x in chosen if not x.commitment_id or x.counts_towards_commitment]
        result += [(scope, EXCLUDED, sure), (scope, INCLUDED, chosen)]
    return result


@dataclass
class ClaimSeries:
    """What one side received over time according to one claimant: [(date, running total, own
    figure?), …]. Where the claimant gave no figure for an exchange, the point takes the figure
    `tally()` fills in and `own` is False, so its last total is the one the tables show."""

    side: str
    claimant: str
    group: str
    points: list[tuple[datetime.date, int, bool]]

    @property
    def side_label(self) -> str:
        return Side(self.side).label

    @property
    def claimant_label(self) -> str:
        return Claimant(self.claimant).label

    @property
    def total(self) -> int:
        return self.points[-1][1] if self.points else 0

    @property
    def unpublished(self) -> int:
        """How many of its points are another claimant's figure."""
        return sum(not own for _, _, own in self.points)


def claimed_series(exchanges, group: str) -> list[ClaimSeries]:
    """Running totals over time per receiving side and per party claiming a figure for it
    (Ukraine, Russia), by the rule of `tally()`: a party silent about an exchange is filled with
    the receiving side's figure, else the first other claimant's. A party that gave no figure
    for anything the side received has no series: the chart says it published none."""
    ordered = sorted(exchanges, key=lambda e: (e.occurred_on, e.pk))
    result = []
    for side in SIDE_ORDER:
        cells: list[tuple[datetime.date, Cell]] = []
        for exchange in ordered:
            cell = _cell_of(exchange, side, CATEGORY_GROUPS.get).get((side, group))
            if cell:
                cells.append((exchange.ended_on or exchange.occurred_on, cell))
        for claimant in SIDE_ORDER:
            if not any(claimant in figures for _, cell in cells for figures in cell.values()):
                continue
            running, points = 0, []
            for day, cell in cells:
                quantity, _, _, stand_ins = _claimed(cell, claimant, side)
                running += quantity
                # "Own" only where every category of it is the claimant's own figure.
                points.append((day, running, not stand_ins))
            result.append(ClaimSeries(side, claimant, group, points))
    return result
