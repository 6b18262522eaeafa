"""The matching's forms: tick experts to propose, record an answer, the expert's answer."""

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from rabatnet.core.forms import SiteForm

from .models import Proposal

ANSWER_CHOICES = [
    (Proposal.Status.ACCEPTED, _("I accept")),
    (Proposal.Status.DECLINED, _("I decline")),
]
RECORD_CHOICES = [
    (Proposal.Status.ACCEPTED, _("accepted")),
    (Proposal.Status.DECLINED, _("declined")),
]


class ProposeForm(SiteForm):
    """The experts to propose, among those the page listed (keys of ``Expert``)."""

    experts = forms.TypedMultipleChoiceField(
        label=_("Experts to propose"),
        coerce=int,
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": _("Tick at least one expert.")},
    )

    def __init__(self, *args: Any, choices: list[tuple[int, str]], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["experts"]
        assert isinstance(field, forms.TypedMultipleChoiceField)
        field.choices = [(str(pk), name) for pk, name in choices]


class RecordForm(SiteForm):
    """The secretariat records an answer the expert gave by telephone or otherwise."""

    answer = forms.ChoiceField(label=_("Answer"), choices=RECORD_CHOICES)
    note = forms.CharField(
        label=_("Note"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("How and when the expert answered."),
    )


class AnswerForm(SiteForm):
    """The expert's answer through their private link."""

    answer = forms.ChoiceField(
        label=_("Your answer"), choices=ANSWER_CHOICES, widget=forms.RadioSelect
    )
    note = forms.CharField(
        label=_("Note to the secretariat (optional)"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
