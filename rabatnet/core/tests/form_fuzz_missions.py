"""The form fuzz's pages of a support request's mission: dates, report, evaluation, appraisal."""

from collections.abc import Callable
from typing import Any

from django.urls import reverse

from rabatnet.support.mission_forms import AppraisalForm, EvaluationForm, MissionForm, ReportForm
from rabatnet.support.models import SupportRequest
from rabatnet.support.tests.mission_fixtures import approved, deployed, reported

from .form_fuzz_support import Post, World
from .form_fuzz_support import names as _names


def _request(title: str, make: Callable[..., tuple[SupportRequest, Any, Any]]) -> SupportRequest:
    """Senegal's request titled ``title`` at its stage (made on first use)."""
    found = SupportRequest.objects.filter(title=title).first()
    return found or make("SEN", title=title)[0]


def _approved(w: World) -> SupportRequest:
    return _request("Fuzz: approved", approved)


def _deployed(w: World) -> SupportRequest:
    return _request("Fuzz: deployed", deployed)


def _reported(w: World) -> SupportRequest:
    return _request("Fuzz: reported", reported)


def _appraisal_url(w: World) -> str:
    request = _reported(w)
    expert = request.proposals.get().expert
    return reverse("missions:appraisal", kwargs={"pk": request.pk, "expert": expert.pk})


def mission_posts() -> list[Post]:
    return [
        Post(
            MissionForm,
            lambda w: reverse("missions:mission", kwargs={"pk": _approved(w).pk}),
            "secretariat",
            lambda w: _names(MissionForm()),
            label="mission-deploy",
        ),
        Post(
            ReportForm,
            lambda w: reverse("missions:report", kwargs={"pk": _deployed(w).pk}),
            "secretariat",
            lambda w: _names(ReportForm()),
            label="mission-report",
        ),
        Post(
            EvaluationForm,
            lambda w: reverse("missions:evaluation", kwargs={"pk": _reported(w).pk}),
            "focal_point",
            lambda w: _names(EvaluationForm()),
            label="mission-evaluation",
        ),
        Post(
            AppraisalForm,
            _appraisal_url,
            "secretariat",
            lambda w: _names(AppraisalForm()),
            label="mission-appraisal",
        ),
    ]
