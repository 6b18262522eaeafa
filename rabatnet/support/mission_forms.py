"""Forms of a request's mission: its dates and place, the report, the country's evaluation,
the secretariat's appraisal of an expert. The services check again what the forms check."""

from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from rabatnet.core.forms import SiteForm

from .mission_services import check_report

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
RATING_CHOICES = [(n, str(n)) for n in range(1, 6)]
RATING_HELP = _("1 (poor) to 5 (excellent).")


def rating_field(label: Any) -> forms.TypedChoiceField:
    return forms.TypedChoiceField(
        label=label,
        choices=RATING_CHOICES,
        coerce=int,
        widget=forms.RadioSelect,
        help_text=RATING_HELP,
    )


class MissionForm(SiteForm):
    starts_on = forms.DateField(label=_("Mission starts"), widget=DATE)
    ends_on = forms.DateField(label=_("Mission ends (included)"), widget=DATE)
    place = forms.CharField(label=_("Place"), max_length=200, required=False)

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        starts_on, ends_on = data.get("starts_on"), data.get("ends_on")
        if starts_on and ends_on and ends_on < starts_on:
            raise ValidationError(_("The mission cannot end before it starts."))
        return data


class ReportForm(SiteForm):
    report = forms.FileField(
        label=_("Mission report"),
        help_text=_("PDF, Word (.docx) or OpenDocument text (.odt); its content is checked."),
    )
    summary = forms.CharField(
        label=_("Findings in brief"),
        widget=forms.Textarea(attrs={"rows": 6}),
        max_length=10000,
        help_text=_("Shown on the request's file; the country reads it."),
    )

    def clean_report(self) -> Any:
        upload = self.cleaned_data["report"]
        check_report(upload, upload.name or "", upload.size or 0)
        return upload

    def clean_summary(self) -> str:
        summary = str(self.cleaned_data["summary"]).strip()
        if not summary:
            raise ValidationError(_("Write the findings in brief."))
        return summary


class EvaluationForm(SiteForm):
    relevance = rating_field(_("Relevance to the need"))
    quality = rating_field(_("Quality of the expertise"))
    timeliness = rating_field(_("Timeliness"))
    usefulness = rating_field(_("Usefulness of the results"))
    comment = forms.CharField(
        label=_("Comment"),
        widget=forms.Textarea(attrs={"rows": 5}),
        max_length=10000,
        required=False,
    )


class AppraisalForm(SiteForm):
    rating = rating_field(_("Rating"))
    comment = forms.CharField(
        label=_("Comment"),
        widget=forms.Textarea(attrs={"rows": 5}),
        max_length=10000,
        required=False,
    )
