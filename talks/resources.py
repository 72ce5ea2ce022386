"""CSV import of delegation participants (README, "Importing CSV")."""

from django.utils.translation import gettext
from import_export import fields, widgets

from actors.models import Organization, Person
from provenance.resources import AllOrNothingResource, codes_by_label, whole_number
from talks.models import DEFAULT_TRACK, Delegation, DelegationSide, Participant, Track

AT_TABLE = {"yes": True, "true": True, "1": True, "no": False, "false": False, "0": False}


class AtTableWidget(widgets.Widget):
    """yes / no / blank (unknown), as the column is explained in the README."""

    def clean(self, value, row=None, **kwargs):
        text = str(value or "").strip().lower()
        if text in ("", "unknown"):
            return None
        if text not in AT_TABLE:
            raise ValueError(
                gettext("at_table must be yes, no or blank, not %(value)s.")
                % {"value": repr(value)}
            )
        return AT_TABLE[text]

    def render(self, value, obj=None, **kwargs):
        return {True: "yes", False: "no"}.get(value, "")


class ParticipantResource(AllOrNothingResource):
    """One row per person in a delegation; the delegation is found by track, round number and side.

    Rounds are numbered within a track, so `track` (a track's slug) says whose round 2 is meant;
    left blank or absent it means the Istanbul talks, as the API's `round=` does.
    """

    track = fields.Field(
        column_name="track", attribute="delegation__round__track__slug", readonly=True
    )
    round = fields.Field(column_name="round", attribute="delegation__round__number", readonly=True)
    side = fields.Field(column_name="side", attribute="delegation__side", readonly=True)
    delegation = fields.Field(
        column_name="delegation",
        attribute="delegation",
        widget=widgets.ForeignKeyWidget(Delegation),
    )
    person = fields.Field(
        column_name="person", attribute="person", widget=widgets.ForeignKeyWidget(Person, "slug")
    )
    represents = fields.Field(
        column_name="represents",
        attribute="represents",
        widget=widgets.ForeignKeyWidget(Organization, "name"),
    )
    at_table = fields.Field(column_name="at_table", attribute="at_table", widget=AtTableWidget())

    computed_columns = ("delegation",)
    duplicate_key = ("track", "round", "side", "person")

    class Meta(AllOrNothingResource.Meta):
        model = Participant
        fields = [
            "track",
            "round",
            "side",
            "delegation",
            "person",
            "role",
            "title_at_time",
            "represents",
            "at_table",
            "order",
            "confidence",
            "note",
            "sources",
        ]
        import_id_fields = ["delegation", "person"]

    required_columns = ("round", "side", "person")

    def locate(self, row, errors, **kwargs):
        slug = str(row.get("person") or "").strip()
        if "person" not in errors and not Person.objects.filter(slug=slug).exists():
            errors.setdefault("person", []).append(
                gettext("No person with slug %(slug)s; add them first.") % {"slug": repr(slug)}
            )
        number = whole_number(row.get("round") or "")
        sides = codes_by_label(DelegationSide.choices)
        side = str(row.get("side") or "").strip().lower()
        side = sides.get(side, side)
        track = str(row.get("track") or "").strip().lower() or DEFAULT_TRACK
        row["track"] = track
        found = True
        if not Track.objects.filter(slug=track).exists():
            errors.setdefault("track", []).append(
                gettext("No track with slug %(slug)s.") % {"slug": repr(track)}
            )
            found = False
        if not str(number).isdigit():
            errors.setdefault("round", []).append(
                gettext("Give the round as a whole number, not %(value)s.")
                % {"value": repr(number)}
            )
            found = False
        if side not in DelegationSide.values:
            codes = ", ".join(DelegationSide.values)
            errors.setdefault("side", []).append(
                gettext("%(value)s is not one of: %(codes)s (or their labels).")
                % {"value": repr(side), "codes": codes}
            )
            found = False
        if not found:
            return
        matches = list(
            Delegation.objects.filter(
                round__track__slug=track, round__number=int(number), side=side
            )[:2]
        )
        if not matches:
            errors.setdefault("round", []).append(
                gettext(
                    "No delegation for side %(side)s at round %(number)s of track %(track)s; add it first."
                )
                % {"side": repr(side), "number": repr(number), "track": repr(track)}
            )
        elif len(matches) > 1:
            errors.setdefault("round", []).append(
                gettext(
                    "Several delegations for side %(side)s at round %(number)s of track %(track)s; use the admin."
                )
                % {"side": repr(side), "number": repr(number), "track": repr(track)}
            )
        else:
            row["delegation"] = matches[0].pk
