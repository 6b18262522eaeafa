"""Forms of support requests: the filing (and edit while received), a step with its reason,
a version of the terms of reference, and the private list's filters."""

from dataclasses import dataclass
from typing import Any

from django import forms
from django.core.validators import MaxLengthValidator
from django.utils.translation import gettext_lazy as _

from rabatnet.core.forms import SiteForm, VersionedModelForm
from rabatnet.countries.models import Country
from rabatnet.countries.selectors import country_choices
from rabatnet.followup.initiative_selectors import current_framework, current_objectives
from rabatnet.followup.models import Initiative
from rabatnet.strategy.models import Theme

from .lifecycle import ACTION_LABELS
from .models import Stage, SupportKind, SupportLanguage, SupportRequest

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
MAX_TEXT = 20_000

# The fields the country fills in, and may change while the request is received.
REQUEST_FIELDS = [
    "title",
    "objectives",
    "theme",
    "kind",
    "needs",
    "beneficiary_institution",
    "preferred_start",
    "preferred_end",
    "languages",
    "duration_days",
    "participants",
    "initiatives",
    "public",
]
SCALAR_FIELDS = [f for f in REQUEST_FIELDS if f not in ("objectives", "initiatives")]


class RequestForm(VersionedModelForm):
    """What a country asks for. ``country`` limits the related initiatives to its own."""

    languages = forms.MultipleChoiceField(
        label=_("Languages"),
        choices=SupportLanguage.choices,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("The languages the support must be given in: at least one."),
        error_messages={"required": _("Choose at least one language.")},
    )
    duration_days = forms.IntegerField(
        label=_("Duration (days)"),
        min_value=1,
        max_value=366,
        required=False,
        help_text=_("Calendar days the support is expected to last."),
    )
    participants = forms.IntegerField(
        label=_("Number of participants"),
        min_value=1,
        max_value=100_000,
        required=False,
        help_text=_("People expected to take part (a workshop's trainees, say)."),
    )

    class Meta:
        model = SupportRequest
        fields = REQUEST_FIELDS
        widgets = {
            "preferred_start": DATE,
            "preferred_end": DATE,
            "objectives": forms.CheckboxSelectMultiple,
            "initiatives": forms.CheckboxSelectMultiple,
            "needs": forms.Textarea(attrs={"rows": 6}),
        }
        help_texts = {
            "needs": _("What the support should achieve, for whom, and what exists already."),
        }

    def __init__(self, *args: Any, country: Country, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        framework = current_framework()
        choices = {
            "objectives": current_objectives(),
            "theme": Theme.objects.filter(framework=framework).order_by("title")
            if framework
            else Theme.objects.none(),
            "initiatives": Initiative.objects.filter(country=country).order_by("pk"),
        }
        for name, queryset in choices.items():
            field = self.fields[name]
            assert isinstance(field, forms.ModelChoiceField)
            field.queryset = queryset
        self.fields["objectives"].required = True
        self.fields["objectives"].help_text = _("At least one objective of the current framework.")
        self.fields["initiatives"].help_text = _("The country's initiatives it builds on.")
        self.fields["needs"].validators.append(MaxLengthValidator(MAX_TEXT))

    def clean_languages(self) -> list[str]:
        chosen = self.cleaned_data.get("languages") or []
        return [code for code, _label in SupportLanguage.choices if code in chosen]

    def clean(self) -> dict[str, Any]:
        data = super().clean() or self.cleaned_data
        starts, ends = data.get("preferred_start"), data.get("preferred_end")
        if starts and ends and ends < starts:
            self.add_error("preferred_end", _("The preferred end cannot come before the start."))
        return data


class ActionForm(SiteForm):
    """One step on the request's page: the action, its reason, the version the page shows."""

    action = forms.ChoiceField(choices=list(ACTION_LABELS.items()))
    reason = forms.CharField(
        label=_("Reason"),
        required=False,
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("Shown to the country and kept with the step."),
    )
    version = forms.IntegerField(
        widget=forms.HiddenInput, min_value=1, max_value=2**31 - 1, required=False
    )


class TermsForm(SiteForm):
    """A new version of the terms of reference (Markdown)."""

    text = forms.CharField(
        label=_("Terms of reference"),
        max_length=MAX_TEXT,
        widget=forms.Textarea(attrs={"rows": 18}),
        help_text=_("Markdown. Saving makes a new version the country is asked to agree."),
    )
    after = forms.IntegerField(
        widget=forms.HiddenInput, min_value=0, max_value=32_000, required=False
    )

    def clean_text(self) -> str:
        text = (self.cleaned_data.get("text") or "").strip()
        if not text:
            raise forms.ValidationError(_("Write the terms of reference."))
        return text


@dataclass(frozen=True)
class Filters:
    stage: str = ""
    country: Country | None = None
    kind: str = ""
    year: int | None = None


class FilterForm(SiteForm):
    """The private list's filters (GET): a bad value is shown as an error and left out."""

    stage = forms.ChoiceField(label=_("Stage"), choices=[("", "—"), *Stage.choices], required=False)
    country = forms.ModelChoiceField(
        label=_("Country"), queryset=Country.objects.none(), to_field_name="iso3", required=False
    )
    kind = forms.ChoiceField(
        label=_("Kind of support"), choices=[("", "—"), *SupportKind.choices], required=False
    )
    year = forms.IntegerField(label=_("Filed in"), min_value=2000, max_value=2100, required=False)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        country = self.fields["country"]
        assert isinstance(country, forms.ModelChoiceField)
        country.queryset = country_choices()

    def filters(self) -> Filters:
        if not self.is_bound:
            return Filters()
        self.is_valid()
        data = getattr(self, "cleaned_data", {})
        return Filters(
            stage=data.get("stage") or "",
            country=data.get("country"),
            kind=data.get("kind") or "",
            year=data.get("year"),
        )
