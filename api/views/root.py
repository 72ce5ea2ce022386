"""The API's front page, /api/v1/: how far the record reaches, then a link to every resource."""

from rest_framework.response import Response
from rest_framework.routers import APIRootView

from api.base import PublicAPIMixin
from api.fields import detail_url
from provenance.models import RecordReview


class RecordAPIRootView(PublicAPIMixin, APIRootView):
    """DRF's list of resources, led by `record`: the day public reporting was last reviewed to
    (`reviewed_to`), so a mirror never reads the record's silence after it as "nothing
    happened". One query."""

    # Like every endpoint (api.base.PublicAPIMixin): strict parameters (`format`, `lang`), the
    # language asked for, ETag and Last-Modified with 304.
    is_detail = True

    def get(self, request, *args, **kwargs):
        resources = super().get(request, *args, **kwargs).data
        review = RecordReview.objects.latest()
        record = {
            "reviewed_to": None,
            "reviewed_on": None,
            "reviewed_on_precision": None,
            "review": None,
        }
        if review is not None:
            record = {
                "reviewed_to": review.reviewed_to.isoformat(),
                "reviewed_on": review.reviewed_on.isoformat() if review.reviewed_on else None,
                "reviewed_on_precision": review.reviewed_on_precision,
                "review": detail_url(request, "recordreview", review.pk),
            }
        return Response({"record": record, **resources})
