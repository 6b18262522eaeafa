"""The form fuzz's pages of answering questionnaires (issue 13, C): inviting a respondent
(the country's page) and the respondent's own form through a personal link."""

from django.urls import reverse

from rabatnet.questionnaires.answer_forms import AnswerForm
from rabatnet.questionnaires.answer_layout import layout_of, relevant_keys
from rabatnet.questionnaires.invitation_forms import InvitationForm
from rabatnet.questionnaires.invitations import make_token
from rabatnet.questionnaires.models import Invitation
from rabatnet.questionnaires.tests.answer_fixtures import invited

from .form_fuzz_support import Post, World
from .form_fuzz_support import names as _names

FORM_ID = "fuzz_answers"


def _invitation() -> Invitation:
    """An open questionnaire of Senegal's with one invitation (made on first use)."""
    found = Invitation.objects.filter(questionnaire__form_id=FORM_ID).first()
    return found if found is not None else invited(FORM_ID)


def _answer_names(w: World) -> list[str]:
    invitation = _invitation()
    layout = layout_of(invitation.questionnaire)
    counts = {"data_source": 2}
    form = AnswerForm(
        layout=layout,
        language="en",
        counts=counts,
        asked=relevant_keys(layout, {}, counts),
        values={},
        version=0,
    )
    return [*_names(form), "action", "rows-data_source"]


def answer_posts() -> list[Post]:
    return [
        Post(
            InvitationForm,
            lambda w: (
                reverse("answers:invite", kwargs={"form_id": FORM_ID, "iso3": "SEN"})
                if _invitation()
                else ""
            ),
            "focal_point",
            lambda w: _names(InvitationForm(country=_invitation().country)),
        ),
        Post(
            AnswerForm,
            lambda w: reverse("answers:answer", kwargs={"token": make_token(_invitation())}),
            "anonymous",
            _answer_names,
        ),
    ]
