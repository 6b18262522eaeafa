"""A respondent's link to the test questionnaire, and what the answer page posts."""

from django.urls import reverse

from rabatnet.questionnaires.invitations import make_token
from rabatnet.questionnaires.models import Invitation

from .factories import make_department, make_invitation, make_questionnaire


def invited(form_id: str = "test_sources", iso3: str = "SEN", **fields: object) -> Invitation:
    from rabatnet.questionnaires.models import Questionnaire

    questionnaire = Questionnaire.objects.filter(form_id=form_id).first()
    if questionnaire is None:
        questionnaire = make_questionnaire(form_id)
    if "department" not in fields:
        from rabatnet.network.models import Organisation

        found = Organisation.objects.filter(
            country__iso3=iso3, name="Direction de la statistique"
        ).first()
        fields["department"] = found or make_department(iso3)
    return make_invitation(questionnaire, iso3, **fields)


def link(invitation: Invitation, language: str = "en") -> str:
    from django.utils import translation

    with translation.override(language):
        return reverse("answers:answer", kwargs={"token": make_token(invitation)})


def page_version(response) -> int:
    return int(response.context["form"]["version"].value())


def posted(version: int, action: str = "save", rows: int = 1, **answers: object) -> dict:
    data: dict[str, object] = {
        "version": str(version),
        "action": action,
        "rows-data_source": str(rows),
    }
    data.update({f"q-{k.replace('__', '-')}": v for k, v in answers.items()})
    return data
