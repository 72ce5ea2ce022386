"""What every label on the public pages means: the explanations the about page gives, one per
choice of each label the pages show, and the anchor each label links to.

The about page lists the choices of the models' own enums (`Confidence.choices`…), so a label
added to a model shows up there at once; `tests/test_site_about.py` fails until it is
explained here.
"""

from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

from positions.models import CommitmentStatus, CountPrecision, LinkStatedBy, Stance
from provenance.models import Claimant, Confidence, DatePrecision

# Shown where a side has no position on an issue at a round: not a Stance, but a label readers
# meet beside the stances and must not confuse with "No stated position".
NO_POSITION_RECORDED = "none"

CONFIDENCE = {
    Confidence.CONFIRMED: _(
        "Two independent sources report it, or official acts or statements of both sides do."
    ),
    Confidence.SINGLE_SOURCE: _(
        "One source reports it, or several that repeat one original report "
        "(a mirror or repost adds nothing). Usually right, but not corroborated yet."
    ),
    Confidence.CONTESTED: _(
        "The sides, or the sources, disagree. Every version is kept, each with "
        "who says it; the record does not pick one as true."
    ),
    Confidence.UNCERTAIN: _(
        "Second-hand, anonymous or garbled reporting: shown because it was "
        "reported, not because it is established. The note beside the label says why."
    ),
}

STANCE = {
    Stance.DEMANDS: _(
        "The side requires it of the other side, as a condition of an agreement or "
        "of going on talking."
    ),
    Stance.PROPOSES: _(
        "The side puts it forward as an offer or an idea to negotiate, without "
        "making it a condition."
    ),
    Stance.ACCEPTS: _("The side agrees to it as it stands."),
    Stance.ACCEPTS_WITH_CONDITIONS: _(
        "The side agrees to it only if something else is done or "
        "changed first; the summary beside the label says what."
    ),
    Stance.REJECTS: _(
        "The side refuses it as put to it; the summary says what, if anything, it offered instead."
    ),
    Stance.NO_POSITION: _(
        "A recorded fact, with its sources: the side took no position on the "
        "issue at that round — it left the issue out of its proposals, or only took note of the "
        "other side's."
    ),
    NO_POSITION_RECORDED: _(
        "The record holds nothing for this side on this issue at this round: "
        "the issue may not have come up, or no source reports what the side said. An absence of "
        "information, unlike “No stated position”."
    ),
}
STANCE_LABELS = {NO_POSITION_RECORDED: _("No position recorded")}

CLAIMANT = {
    Claimant.UKRAINE: _(
        "The figure or statement comes from Ukrainian officials or state bodies "
        "(the President's office, the prisoner-of-war coordination headquarters, ministries)."
    ),
    Claimant.RUSSIA: _(
        "The figure or statement comes from Russian officials or state bodies (the "
        "Kremlin, the Ministry of Defence, the delegation)."
    ),
    Claimant.MEDIATOR: _(
        "The figure comes from the state or organization that mediated the "
        "exchange, such as the United Arab Emirates. A mediator's own running counts are shown as "
        "its claim and never added to the sides' figures."
    ),
    Claimant.INDEPENDENT: _(
        "Neither side nor the mediator: an international organization, or "
        "press reports that do not say who gives the figure."
    ),
}

COUNT_PRECISION = {
    CountPrecision.EXACT: _("The claimant gave the number as exact. Shown without a qualifier."),
    CountPrecision.AT_LEAST: _(
        "The claimant gave a minimum (“more than 1,000”). A total that adds "
        "such a figure says “at least” too."
    ),
    CountPrecision.ABOUT: _(
        "The claimant gave a round or approximate number. A total that adds "
        "such a figure says “about” too."
    ),
}

DATE_PRECISION = {
    DatePrecision.DAY: _("The sources give the day: “2 June 2025”."),
    DatePrecision.MONTH: _(
        "The sources give the month only, shown as “June 2025”; the record never invents a day."
    ),
    DatePrecision.YEAR: _("The sources give the year only, shown as “2025”."),
}

LINK_STATED_BY = {
    LinkStatedBy.UKRAINE: _("Ukraine says the exchange carries out the agreement."),
    LinkStatedBy.RUSSIA: _("Russia says the exchange carries out the agreement."),
    LinkStatedBy.BOTH: _("Both sides say the exchange carries out the agreement."),
    LinkStatedBy.MEDIATOR: _("The mediator says so; the sides may not have said either way."),
    LinkStatedBy.REPORTS: _("Press reports make the link, without naming a side that does."),
}

COMMITMENT_STATUS = {
    CommitmentStatus.PROPOSED: _("One side put it forward; the other has not agreed to it."),
    CommitmentStatus.AGREED: _("Both sides agreed to it; nothing has been carried out yet."),
    CommitmentStatus.IN_PROGRESS: _(
        "Both sides agreed to it and some of it has been carried out; "
        "the running totals say how much."
    ),
    CommitmentStatus.FULFILLED: _(
        "What was agreed has been carried out, as the sources report it."
    ),
    CommitmentStatus.PARTLY_FULFILLED: _(
        "Some of it was carried out and the rest is not expected "
        "to follow, or the sources say it stopped short."
    ),
    CommitmentStatus.STALLED: _("Agreed, but nothing more has been carried out for some time."),
    CommitmentStatus.DISPUTED: _("The sides disagree about whether or how it was carried out."),
}


def anchor(kind: str, value: str) -> str:
    """The id of a label's explanation on the about page: `confidence-single_source`."""
    return f"{kind}-{value or 'none'}"


@dataclass
class Entry:
    """One label: its stored value, what readers see, the anchor and what it means."""

    value: str
    label: str
    anchor: str
    explanation: str


@dataclass
class Section:
    """One kind of label on the about page, with every choice of its enum."""

    kind: str
    title: str
    entries: list[Entry]


def _entries(kind: str, choices, explanations: dict, labels: dict | None = None) -> list[Entry]:
    # Iterates the enum's choices, not the explanations: a choice without one still appears,
    # with an empty explanation, and the about page's test says which.
    return [
        Entry(str(value), str(label), anchor(kind, value), explanations.get(value, ""))
        for value, label in [*choices, *(labels or {}).items()]
    ]


def sections() -> dict[str, Section]:
    """Every kind of label the public pages show, by kind, each with all its choices."""
    return {
        section.kind: section
        for section in [
            Section(
                "confidence",
                _("Confidence"),
                _entries("confidence", Confidence.choices, CONFIDENCE),
            ),
            Section(
                "stance", _("Stances"), _entries("stance", Stance.choices, STANCE, STANCE_LABELS)
            ),
            Section(
                "claimant", _("Who claims it"), _entries("claimant", Claimant.choices, CLAIMANT)
            ),
            Section(
                "precision",
                _("How exact a figure is"),
                _entries("precision", CountPrecision.choices, COUNT_PRECISION),
            ),
            Section(
                "date",
                _("How exact a date is"),
                _entries("date", DatePrecision.choices, DATE_PRECISION),
            ),
            Section(
                "link",
                _("Who says an exchange carries out an agreement"),
                _entries("link", LinkStatedBy.choices, LINK_STATED_BY),
            ),
            Section(
                "status",
                _("Where a commitment stands"),
                _entries("status", CommitmentStatus.choices, COMMITMENT_STATUS),
            ),
        ]
    }
