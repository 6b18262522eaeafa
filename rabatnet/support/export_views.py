"""Every request as CSV, for the secretariat: one row per request, UTF-8 with a BOM for
spreadsheets, each cell defused against formulas (``network.exports.safe_cell``).

Times are ISO 8601 in UTC. "First arrival" at a stage is the first time the request reached
it (a reopened request keeps its first time). The ratings are the country's, 1 to 5.
"""

import csv
import io
from collections.abc import Iterable
from datetime import UTC, datetime

from django.db.models import Prefetch
from django.http import HttpRequest, HttpResponse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from rabatnet.network.exports import BOM, safe_cell

from .models import Evaluation, Proposal, Stage, SupportRequest
from .permissions import access_support_management

RATINGS = ("relevance", "quality", "timeliness", "usefulness")


def _utc(moment: datetime | None) -> str:
    return moment.astimezone(UTC).isoformat().replace("+00:00", "Z") if moment else ""


def header() -> list[str]:
    return [
        _("Reference"),
        _("Title"),
        _("Country (ISO3)"),
        _("Kind of support"),
        _("Theme"),
        _("Objectives"),
        _("Stage"),
        _("Counted in the public figures"),
        _("Requested at (UTC)"),
        *[_("First %(stage)s (UTC)") % {"stage": label} for label in Stage.labels[1:]],
        _("Experts accepted (number)"),
        _("Experts accepted"),
        *[_("Evaluation: %(rating)s (1-5)") % {"rating": r} for r in _rating_labels()],
    ]


def _rating_labels() -> list[str]:
    fields = {f.name: f for f in Evaluation._meta.fields}
    return [str(fields[name].verbose_name) for name in RATINGS]


def requests_for_export() -> Iterable[SupportRequest]:
    accepted = Proposal.objects.filter(status=Proposal.Status.ACCEPTED).select_related(
        "expert__person"
    )
    return (
        SupportRequest.objects.select_related("country", "theme", "evaluation")
        .prefetch_related(
            "objectives",
            "events",
            Prefetch("proposals", queryset=accepted, to_attr="accepted"),
        )
        .order_by("filed_at", "pk")
    )


def row(request: SupportRequest) -> list[object]:
    first: dict[str, datetime] = {}
    for event in sorted(request.events.all(), key=lambda e: (e.at, e.pk)):
        first.setdefault(event.to_stage, event.at)
    experts = [str(p.expert.person.full_name) for p in getattr(request, "accepted", [])]
    evaluation = getattr(request, "evaluation", None)
    yes, no = _("yes"), _("no")
    return [
        request.reference,
        request.title,
        request.country.iso3,
        request.get_kind_display(),
        request.theme.title if request.theme else "",
        "; ".join(str(o) for o in request.objectives.all()),
        request.get_stage_display(),
        yes if request.public else no,
        _utc(request.filed_at),
        *[_utc(first.get(stage)) for stage in Stage.values[1:]],
        len(experts),
        "; ".join(experts),
        *[getattr(evaluation, name) if evaluation else "" for name in RATINGS],
    ]


def export_csv(requests: Iterable[SupportRequest]) -> str:
    out = io.StringIO()
    out.write(BOM)
    writer = csv.writer(out)
    writer.writerow([safe_cell(cell) for cell in header()])
    for request in requests:
        writer.writerow([safe_cell(cell) for cell in row(request)])
    return out.getvalue()


@require_GET
def export(request: HttpRequest) -> HttpResponse:
    """The secretariat: every request, one row each."""
    access_support_management(request)
    response = HttpResponse(
        export_csv(requests_for_export()), content_type="text/csv; charset=utf-8"
    )
    stamp = timezone.now().strftime("%Y%m%d")
    response["Content-Disposition"] = f'attachment; filename="support-requests-{stamp}.csv"'
    response["Cache-Control"] = "private, no-store"
    return response
