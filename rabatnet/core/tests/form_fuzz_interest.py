"""The form fuzz's pages of expressions of interest and stakeholders (issue 13, G): declaring,
editing, withdrawing, identifying a stakeholder, and the invited person's answer."""

from django.urls import reverse

from rabatnet.questionnaires.interest_forms import (
    DeclareForm,
    InterestForm,
    InvitationAnswerForm,
    StakeholderForm,
    WithdrawForm,
)
from rabatnet.questionnaires.models import ExpressionOfInterest, Stakeholder
from rabatnet.questionnaires.stakeholder_invitations import make_token
from rabatnet.questionnaires.stakeholder_services import stakeholder_invite
from rabatnet.questionnaires.tests.interest_samples import declared, with_stakeholder

from .form_fuzz_support import Post, World
from .form_fuzz_support import names as _names


def _interest() -> ExpressionOfInterest:
    """Senegal's declaration of a guide in English (made on first use)."""
    found = ExpressionOfInterest.objects.filter(country__iso3="SEN", guide__language="en").first()
    return found or declared("SEN", "en")


def _invited() -> Stakeholder:
    interest = _interest()
    found = Stakeholder.objects.filter(guide=interest.guide, status="invited").first()
    return found or stakeholder_invite(stakeholder=with_stakeholder(interest), actor=None)


def interest_posts() -> list[Post]:
    def form_names(w: World) -> list[str]:
        return _names(DeclareForm(country=w.guide.country, viewer=w.users["secretariat"]))

    return [
        Post(
            DeclareForm,
            lambda w: reverse("interest:declare", kwargs={"iso3": "SEN"}),
            "focal_point",
            form_names,
        ),
        Post(
            InterestForm,
            lambda w: reverse("interest:edit", kwargs={"pk": _interest().pk}),
            "focal_point",
            lambda w: _names(InterestForm(instance=_interest(), viewer=w.users["secretariat"])),
        ),
        Post(
            WithdrawForm,
            lambda w: reverse("interest:withdraw", kwargs={"pk": _interest().pk}),
            "focal_point",
            lambda w: _names(WithdrawForm()),
        ),
        Post(
            StakeholderForm,
            lambda w: reverse("interest:stakeholder_add", kwargs={"pk": _interest().pk}),
            "focal_point",
            lambda w: _names(
                StakeholderForm(country=w.guide.country, viewer=w.users["secretariat"])
            ),
        ),
        Post(
            InvitationAnswerForm,
            lambda w: reverse("interest:invitation", kwargs={"token": make_token(_invited())}),
            "anonymous",
            lambda w: _names(InvitationAnswerForm()),
        ),
    ]
