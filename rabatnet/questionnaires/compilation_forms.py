"""Forms of compilation: the candidate's version a decision carries, the reason to reject,
and the record's own form prefilled with what the candidate proposes."""

from typing import Any

from django import forms
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from rabatnet.core.forms import SiteForm

from .models import Candidate

MAX_VERSION = 2**31 - 1


class CandidateVersionForm(SiteForm):
    """The version of the candidate the page showed: a decision on an older one is refused."""

    candidate_version = forms.IntegerField(
        widget=forms.HiddenInput, min_value=1, max_value=MAX_VERSION
    )


class RejectForm(CandidateVersionForm):
    reason = forms.CharField(
        label=gettext_lazy("Why is it rejected?"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=gettext_lazy("Kept with the candidate, for the workgroup to read."),
    )


def prefill(form: Any, candidate: Candidate) -> None:
    """Set the form's initial values to the candidate's data. A value that names no row
    (an institution, area or challenge the answer named as text) is left for the reviewer
    to choose, and said in the field's help."""
    data = candidate.data if isinstance(candidate.data, dict) else {}
    for name, value in data.items():
        field = form.fields.get(name)
        if field is None:
            continue
        if isinstance(field, forms.ModelMultipleChoiceField):
            values = value if isinstance(value, list) else [value]
            form.initial[name] = [v for v in values if isinstance(v, int)]
            unnamed = [str(v) for v in values if not isinstance(v, int)]
        elif isinstance(field, forms.ModelChoiceField):
            form.initial[name] = value if isinstance(value, int) else None
            unnamed = [] if isinstance(value, int) else [str(value)]
        else:
            form.initial[name] = value
            unnamed = []
        if unnamed:
            field.help_text = _(
                "The answer named “%(text)s”, which matches no entry: choose the right one."
            ) % {"text": ", ".join(unnamed)}
