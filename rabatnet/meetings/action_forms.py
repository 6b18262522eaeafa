"""Forms of follow-up actions: the secretariat's whole action, the owner's progress, the
public list's filters."""

from typing import Any, cast

from django import forms
from django.utils.translation import gettext_lazy as _

from rabatnet.core.access import parse_iso3
from rabatnet.core.forms import SiteForm, VersionedModelForm
from rabatnet.countries.models import Country
from rabatnet.countries.selectors import country_choices
from rabatnet.network.models import Organisation
from rabatnet.strategy.models import Objective

from .action_selectors import ActionFilters, objective_choices
from .models import FollowUpAction, Meeting

ACTION_FIELDS = [
    "conclusion",
    "title_en",
    "title_fr",
    "owner_country",
    "owner_organisation",
    "deadline",
    "objective",
    "status",
    "status_note",
]
PROGRESS_FIELDS = ["status", "status_note"]


class ActionForm(VersionedModelForm):
    """An action of ``meeting``: one owner (a country or an organisation), the meeting's
    conclusions and its framework's objectives only."""

    class Meta:
        model = FollowUpAction
        fields = ACTION_FIELDS
        widgets = {
            "deadline": forms.DateInput(attrs={"type": "date"}),
            "title_en": forms.Textarea(attrs={"rows": 2}),
            "title_fr": forms.Textarea(attrs={"rows": 2}),
            "status_note": forms.Textarea(attrs={"rows": 4}),
        }

    def __init__(self, *args: Any, meeting: Meeting, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.instance.meeting = meeting
        fields = self.fields
        cast(forms.ModelChoiceField, fields["conclusion"]).queryset = meeting.conclusions.all()
        cast(forms.ModelChoiceField, fields["objective"]).queryset = objective_choices(meeting)
        cast(forms.ModelChoiceField, fields["owner_country"]).queryset = country_choices()
        cast(
            forms.ModelChoiceField, fields["owner_organisation"]
        ).queryset = Organisation.objects.order_by("name")
        fields["title_en"].required = True
        fields["title_en"].label = _("Action (English)")
        fields["title_fr"].label = _("Action (French)")

    def clean(self) -> dict[str, Any]:
        data: dict[str, Any] = super().clean() or self.cleaned_data
        country, organisation = data.get("owner_country"), data.get("owner_organisation")
        if country and organisation:
            self.add_error(
                "owner_organisation", _("An action has one owner: a country or an organisation.")
            )
        elif not country and not organisation and not self.errors:
            self.add_error("owner_country", _("Name the owner: a country or an organisation."))
        return data


class ProgressForm(VersionedModelForm):
    """What the owner country's focal point updates: status and progress note."""

    class Meta:
        model = FollowUpAction
        fields = PROGRESS_FIELDS
        widgets = {"status_note": forms.Textarea(attrs={"rows": 4})}


OVERDUE_CHOICES = [("", _("any")), ("yes", _("overdue only"))]


class ActionFilterForm(SiteForm):
    """The public list's filters (GET); a value that names nothing is a form error."""

    status = forms.ChoiceField(
        label=_("Status"),
        required=False,
        choices=[("", _("any")), *FollowUpAction.Status.choices],
    )
    country = forms.CharField(label=_("Owner country (ISO code)"), required=False, max_length=3)
    objective = forms.TypedChoiceField(
        label=_("Objective"), required=False, coerce=int, empty_value=None
    )
    overdue = forms.ChoiceField(label=_("Overdue"), required=False, choices=OVERDUE_CHOICES)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        objectives = Objective.objects.select_related("framework").order_by(
            "framework__adopted_year", "framework__pk", "number"
        )
        self.objectives = {o.pk: o for o in objectives}
        field = cast(forms.TypedChoiceField, self.fields["objective"])
        field.choices = [("", _("any"))] + [
            (o.pk, f"{o.framework.name} — {o}") for o in self.objectives.values()
        ]

    def clean_country(self) -> Country | None:
        code = self.cleaned_data["country"].strip()
        if not code:
            return None
        try:
            iso3 = parse_iso3(code)
        except Exception as exc:  # Http404 from parse_iso3: no query made
            raise forms.ValidationError(_("Not a country code.")) from exc
        country = Country.objects.filter(iso3=iso3).first()
        if country is None:
            raise forms.ValidationError(_("No country has this code."))
        return country

    def filters(self) -> ActionFilters:
        """The filters asked for; none when the form is not valid."""
        if not self.is_valid():
            return ActionFilters()
        data = self.cleaned_data
        return ActionFilters(
            status=data["status"],
            country=data["country"],
            objective=self.objectives.get(data["objective"]) if data["objective"] else None,
            overdue=data["overdue"] == "yes",
        )
