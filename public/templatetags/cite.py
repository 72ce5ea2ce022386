"""`{% page_citation as citation %}`: the "Cite this page" box of every public page (base.html)."""

from django import template
from django.template.loader_tags import BLOCK_CONTEXT_KEY

from public import citation

register = template.Library()


@register.simple_tag(takes_context=True)
def page_citation(context):
    """The citation of the page being rendered (public.citation.build), or None where there is
    nothing to cite: a staff preview, a refusal, a page no URL pattern answered. Its title is
    the page's own <title> block, rendered again here so that no view or template has to name
    the page twice. No query on a detail page; one on others (the record's last change)."""
    request = context.get("request")
    if (
        request is None
        or getattr(request, "is_preview", False)
        or context.get("no_citation")
        or getattr(request, "resolver_match", None) is None
    ):
        return None
    blocks = context.render_context.get(BLOCK_CONTEXT_KEY)
    title_block = blocks.get_block("title") if blocks else None
    raw_title = title_block.render(context) if title_block else ""
    return citation.build(request, context, raw_title)
