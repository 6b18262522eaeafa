"""Forms of the cycle pages: a cycle (secretariat), an objective's self-assessment
(the country), verification and return (secretariat)."""

from typing import Any, cast

from django import forms
from django.utils.translation import gettext_lazy as _

from rabatnet.core.forms import SiteForm, VersionedModelForm
from rabatnet.strategy.models import Framework

from .models import Assessment, Cycle, ProgressStatus

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class CycleForm(VersionedModelForm):
    """A new cycle (framework and identifier fixed once created), or its titles and dates."""

    class Meta:
        model = Cycle
        fields = ["framework", "slug", "title_en", "title_fr", "opens_on", "deadline"]
        widgets = {"opens_on": DATE, "deadline": DATE}

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            del self.fields["framework"]
            del self.fields["slug"]
        else:
            framework = cast(forms.ModelChoiceField, self.fields["framework"])
            framework.queryset = Framework.objects.order_by("-adopted_year", "pk")
        self.fields["title_en"].required = True
        self.fields["title_en"].label = _("title (English)")
        self.fields["title_fr"].label = _("title (French)")

    def clean(self) -> dict[str, Any]:
        data = super().clean() or self.cleaned_data
        opens_on, deadline = data.get("opens_on"), data.get("deadline")
        if opens_on and deadline and deadline < opens_on:
            self.add_error(
                "deadline", _("The deadline cannot come before the day the cycle opens.")
            )
        return data


class AssessmentForm(VersionedModelForm):
    """One objective: the country's status and what it did (Markdown-free plain text)."""

    class Meta:
        model = Assessment
        fields = ["self_status", "narrative"]
        widgets = {"narrative": forms.Textarea(attrs={"rows": 5})}

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        cast(forms.CharField, self.fields["narrative"]).max_length = 20000
        self.fields["narrative"].help_text = _(
            "What was done for this objective in the period, with sources where there are."
        )


class VerifyForm(VersionedModelForm):
    """The secretariat's verified status (it may differ from the country's) and note."""

    class Meta:
        model = Assessment
        fields = ["verified_status", "verification_note"]
        widgets = {"verification_note": forms.Textarea(attrs={"rows": 4})}

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        status = cast(forms.ChoiceField, self.fields["verified_status"])
        status.required = True
        status.choices = ProgressStatus.choices
        if not self.instance.verified_status:
            status.initial = self.instance.self_status
        cast(forms.CharField, self.fields["verification_note"]).max_length = 20000


class ReturnForm(SiteForm):
    """Why the entry goes back to the country (mailed to its focal points)."""

    reason = forms.CharField(
        label=_("reason for return"),
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )

    def clean_reason(self) -> str:
        reason = str(self.cleaned_data.get("reason", "")).strip()
        if not reason:
            raise forms.ValidationError(_("Say why the entry is returned."))
        return reason
