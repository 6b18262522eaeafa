"""Writes of a respondent's answers through their link: save (partial, a draft) and submit.

Both lock the invitation and its response; a page read before another save (another tab)
is refused with a message and changes nothing. A submitted response is final. On submit
the answers to questions not asked (their condition false) are not kept; required
questions and constraints are checked first (``submission_errors``).
"""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from .answer_forms import field_name
from .answer_layout import Layout, Values, constraint_holds, context, label
from .models import Answer, Invitation, Response

# Lazy: translated when shown, in the respondent's language (not at import, in English).
STALE = gettext_lazy(
    "These answers were saved from another page (another tab or device) after this page "
    "was opened. Nothing of this page was saved: copy what you typed, reload the page, "
    "then enter it again."
)
SUBMITTED = gettext_lazy("These answers were submitted already: they cannot change.")


def current_response(invitation: Invitation) -> Response | None:
    return Response.objects.filter(invitation=invitation).first()


def saved_values(response: Response | None) -> Values:
    if response is None:
        return {}
    return {
        (name, row): value
        for name, row, value in response.answers.values_list("question__name", "row", "value")
    }


def remove_row(layout: Layout, values: Values, repeat: str, row: int) -> Values:
    """The answers without row ``row`` of ``repeat``; the rows after it move up one."""
    inside = {
        q.name
        for q in layout.questions
        if (found := layout.repeat_of.get(q.pk)) is not None and found.name == repeat
    }
    kept: Values = {}
    for (name, number), value in values.items():
        if name not in inside or number < row:
            kept[(name, number)] = value
        elif number > row:
            kept[(name, number - 1)] = value
    return kept


def submission_errors(
    layout: Layout, values: Values, asked: set[tuple[str, int]], language: str
) -> dict[str, str]:
    """Field name → what is wrong, in words: a required question unanswered, a constraint
    not met (the questionnaire's own message in the respondent's language)."""
    errors: dict[str, str] = {}
    for question in layout.answerable():
        for name, row in sorted(k for k in asked if k[0] == question.name):
            value = values.get((name, row), "")
            key = field_name(name, row)
            if value == "" and question.required:
                errors[key] = label(question, language, "required_message") or str(
                    _("An answer is required.")
                )
            elif not constraint_holds(question, value, context(layout, values, row)):
                errors[key] = label(question, language, "constraint_message") or str(
                    _("This answer is not accepted.")
                )
    return errors


@transaction.atomic
def response_save(
    *, invitation: Invitation, layout: Layout, values: Values, version: int, submit: bool
) -> Response:
    """Keep these answers (all of them: ``values`` is the whole page), as a draft or
    submitted. ``version`` is the response's version the page was read at (0: none yet)."""
    invitation = Invitation.objects.select_for_update().get(pk=invitation.pk)
    response = Response.objects.select_for_update().filter(invitation=invitation).first()
    if response is None:
        if version != 0:
            raise ValidationError(STALE)
        response = Response.objects.create(
            questionnaire_id=invitation.questionnaire_id,
            country_id=invitation.country_id,
            invitation=invitation,
            department_id=invitation.department_id,
            respondent_name=invitation.respondent_name,
            origin=Response.Origin.WEB,
            started_at=timezone.now(),
            is_example=invitation.is_example,
        )
    elif response.status == Response.Status.SUBMITTED:
        raise ValidationError(SUBMITTED)
    elif response.version != version:
        raise ValidationError(STALE)
    response.answers.all().delete()
    Answer.objects.bulk_create(
        Answer(response=response, question=layout.by_name[name], row=row, value=value)
        for (name, row), value in sorted(values.items())
        if name in layout.by_name
    )
    if submit:
        response.status = Response.Status.SUBMITTED
        response.submitted_at = timezone.now()
    response.save()
    return response
