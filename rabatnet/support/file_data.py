"""What a request's file holds (the page, the PDF and the request page's mission block read
this): the request, its terms of reference, the experts, the mission and its report, the
evaluation, the appraisals (the secretariat's only) and the stage timeline.

The country reads its file: the accepted experts' names but never their rates; the
secretariat reads the rates and the appraisals too.
"""

from dataclasses import dataclass, field

from django.utils.translation import gettext as _

from rabatnet.core.access import AnyUser

from .mission_permissions import (
    can_appraise_on_request,
    can_enter_mission,
    can_evaluate_request,
    can_read_report,
    can_upload_report,
)
from .mission_services import APPRAISABLE, DATES_EDITABLE, REPORT_REPLACEABLE
from .models import (
    Appraisal,
    Evaluation,
    Expert,
    Mission,
    Proposal,
    Stage,
    StageEvent,
    SupportRequest,
    TermsOfReference,
)
from .permissions import can_manage_request


@dataclass(frozen=True)
class ExpertLine:
    expert: Expert
    name: str
    appraisal: Appraisal | None
    rate: str  # "" unless the reader is the secretariat


@dataclass(frozen=True)
class TimelineLine:
    event: StageEvent
    by: str  # who took the step ("" when nobody is recorded)


@dataclass(frozen=True)
class Links:
    """What the reader may do from the mission block (each a yes/no)."""

    mission: bool = False
    report: bool = False
    read_report: bool = False
    evaluate: bool = False
    appraise: bool = False


@dataclass(frozen=True)
class RequestFile:
    request: SupportRequest
    objectives: list[str]
    terms: list[TermsOfReference]
    agreed: TermsOfReference | None
    experts: list[ExpertLine]
    mission: Mission | None
    evaluation: Evaluation | None
    timeline: list[TimelineLine]
    secretariat: bool
    links: Links = field(default_factory=Links)

    @property
    def evaluation_average(self) -> str:
        """The mean of the four ratings, one decimal (derived; "" without an evaluation)."""
        e = self.evaluation
        if e is None:
            return ""
        return f"{(e.relevance + e.quality + e.timeliness + e.usefulness) / 4:.1f}"


def _person_name(user: object) -> str:
    if user is None:
        return ""
    return str(getattr(user, "full_name", "") or getattr(user, "email", "") or "")


def _mission(request: SupportRequest) -> Mission | None:
    return Mission.objects.select_related("report_uploaded_by").filter(request=request).first()


def _evaluation(request: SupportRequest) -> Evaluation | None:
    return Evaluation.objects.select_related("submitted_by").filter(request=request).first()


def _rate(expert: Expert) -> str:
    if expert.daily_rate is None:
        return ""
    return _("%(amount)s %(currency)s a day") % {
        "amount": expert.daily_rate,
        "currency": expert.rate_currency,
    }


def _experts(request: SupportRequest, secretariat: bool) -> list[ExpertLine]:
    proposals = (
        Proposal.objects.filter(request=request, status=Proposal.Status.ACCEPTED)
        .select_related("expert__person")
        .order_by("rank", "pk")
    )
    appraisals = {a.expert_id: a for a in Appraisal.objects.filter(request=request)}
    lines = []
    for proposal in proposals:
        expert = proposal.expert
        lines.append(
            ExpertLine(
                expert=expert,
                name=str(expert.person.full_name),
                appraisal=appraisals.get(expert.pk) if secretariat else None,
                rate=_rate(expert) if secretariat else "",
            )
        )
    return lines


def links_for(user: AnyUser, request: SupportRequest, mission: Mission | None) -> Links:
    """The mission block's links the reader may follow, where the request stands now."""
    has_evaluation = Evaluation.objects.filter(request=request).exists()
    return Links(
        mission=can_enter_mission(user, request)
        and (request.stage == Stage.APPROVED or request.stage in DATES_EDITABLE),
        report=can_upload_report(user, request)
        and mission is not None
        and (request.stage == Stage.DEPLOYED or request.stage in REPORT_REPLACEABLE),
        read_report=bool(mission and mission.report) and can_read_report(user, request),
        evaluate=can_evaluate_request(user, request)
        and request.stage == Stage.REPORTED
        and not has_evaluation,
        appraise=can_appraise_on_request(user, request) and request.stage in APPRAISABLE,
    )


def build_file(request: SupportRequest, user: AnyUser) -> RequestFile:
    """The request's file as ``user`` may read it (the caller checked they may read it)."""
    secretariat = can_manage_request(user, request)
    terms = list(request.terms.select_related("created_by", "agreed_by").order_by("number"))
    agreed = next((t for t in reversed(terms) if t.agreed_at is not None), None)
    events = request.events.select_related("by").order_by("at", "pk")
    mission = _mission(request)
    return RequestFile(
        request=request,
        objectives=[str(o) for o in request.objectives.all()],
        terms=terms,
        agreed=agreed,
        experts=_experts(request, secretariat),
        mission=mission,
        evaluation=_evaluation(request),
        timeline=[TimelineLine(event=e, by=_person_name(e.by)) for e in events],
        secretariat=secretariat,
        links=links_for(user, request, mission),
    )


def stage_label(code: str) -> str:
    return str(Stage(code).label) if code in Stage.values else code
