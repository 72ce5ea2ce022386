"""The site's search page: one box over the record (record.search)."""

from django import forms
from django.shortcuts import render
from django.utils.translation import gettext_lazy as _

from record.search import MAX_QUERY_LENGTH
from record.search import search as search_record

# Results shown per kind; the page says when there are more.
PER_GROUP = 20


class SearchForm(forms.Form):
    # CharField refuses NUL bytes (PostgreSQL cannot take them) and over-long queries.
    q = forms.CharField(
        label=_("Search terms"),
        required=False,
        max_length=MAX_QUERY_LENGTH,
        widget=forms.SearchInput(attrs={"placeholder": _("Umerov, Чирагань, ceasefire…")}),
    )


def search(request):
    form = SearchForm(request.GET)
    if not form.is_valid():
        return render(request, "public/search.html", {"form": form, "query": ""}, status=400)
    query = form.cleaned_data["q"]
    groups = search_record(query, per_kind=PER_GROUP)
    context = {
        "form": form,
        "query": query,
        "groups": groups,
        "total": sum(len(group.hits) for group in groups),
    }
    return render(request, "public/search.html", context)
