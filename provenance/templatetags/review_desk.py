"""`{% review_counts as counts %}`: the review desk's counts, for the admin index."""

from django import template

from provenance.admin.desk import counts

register = template.Library()


@register.simple_tag(takes_context=True)
def review_counts(context):
    return counts(context["request"].user)
