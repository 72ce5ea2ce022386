"""Public pages for people and organizations.

actors imports no other project app; rounds attended come through the reverse relations
(`person.participations`), whose managers carry the talks app's `published()` rule.
"""

from django.db.models import Prefetch
from django.shortcuts import get_object_or_404, render

from actors.models import Membership, Organization, Person
from public import linked_data


def person_list(request):
    people = Person.objects.published().prefetch_related(
        Prefetch(
            "memberships",
            queryset=Membership.objects.published()
            .current()
            .select_related("organization")
            .order_by("-start_on"),
            to_attr="current_posts",
        )
    )
    return render(request, "public/person_list.html", {"people": people})


def person_detail(request, slug: str):
    person = get_object_or_404(Person.objects.published().prefetch_related("sources"), slug=slug)
    memberships = list(
        Membership.objects.published()
        .filter(person=person)
        .select_related("organization")
        .prefetch_related("sources")
        .order_by("start_on")
    )
    participations = (
        person.participations.published()
        .select_related("delegation__round__track", "represents")
        .prefetch_related("sources")
        .order_by("delegation__round__held_on", "delegation__round__number")
    )
    return render(
        request,
        "public/person_detail.html",
        {
            "person": person,
            "memberships": memberships,
            "participations": participations,
            "chaired": person.chaired_rounds.published().select_related("track"),
            "appointed": person.standing_memberships.published()
            .select_related("standing_delegation__track")
            .order_by("standing_delegation__appointed_on"),
            "events": person.events.published(),
            "json_ld": person_json_ld(request, person, memberships),
        },
    )


def person_json_ld(request, person, memberships) -> dict:
    current = [m for m in memberships if not m.has_ended]
    data = {
        "@context": linked_data.context(),
        "@type": "Person",
        "name": linked_data.record_text(person, "name"),
        "url": request.build_absolute_uri(person.get_absolute_url()),
        "alternateName": linked_data.names([person.native_name, *person.alias_list]),
    }
    if person.wikidata_id:
        data["sameAs"] = f"https://www.wikidata.org/wiki/{person.wikidata_id}"
    if current:
        data["jobTitle"] = linked_data.record_text(current[-1], "post")
        data["memberOf"] = [
            {"@type": "Organization", "name": linked_data.record_text(m.organization, "name")}
            for m in current
        ]
    return data


def organization_list(request):
    organizations = Organization.objects.published().select_related("parent")
    return render(request, "public/organization_list.html", {"organizations": organizations})


def organization_detail(request, pk: int):
    organization = get_object_or_404(
        Organization.objects.published().select_related("parent").prefetch_related("sources"),
        pk=pk,
    )
    ancestors = [o for o in organization.ancestors() if o.is_published]
    members = (
        Membership.objects.published()
        .filter(organization=organization)
        .select_related("person")
        .order_by("-start_on")
    )
    data = {
        "@context": linked_data.context(),
        "@type": "Organization",
        "name": linked_data.record_text(organization, "name"),
        "url": request.build_absolute_uri(organization.get_absolute_url()),
        "alternateName": [
            *(
                [linked_data.record_text(organization, "short_name")]
                if organization.short_name
                else []
            ),
            *linked_data.names([organization.native_name, *organization.alias_list]),
        ],
    }
    if organization.wikidata_id:
        data["sameAs"] = f"https://www.wikidata.org/wiki/{organization.wikidata_id}"
    if ancestors:
        data["parentOrganization"] = {
            "@type": "Organization",
            "name": linked_data.record_text(ancestors[-1], "name"),
        }
    return render(
        request,
        "public/organization_detail.html",
        {
            "organization": organization,
            "ancestors": ancestors,
            "children": organization.children.published(),
            "members": members,
            "delegations": organization.delegations.published()
            .select_related("round__track")
            .order_by("round__held_on", "round__number"),
            "json_ld": data,
        },
    )
