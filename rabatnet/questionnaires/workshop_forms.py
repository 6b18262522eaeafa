"""Forms of the national workshops: the workshop, its sign-in list, its experts, its
outcomes, a cancellation, the list's filters."""

from collections.abc import Callable
from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from rabatnet.core.access import AnyUser
from rabatnet.core.forms import SiteForm, VersionedModelForm
from rabatnet.countries.models import Country
from rabatnet.network.models import Organisation, Person
from rabatnet.support.models import Expert

from .models import Outcome, Workshop, WorkshopExpert
from .workshop_selectors import Filters, directory_people, roster_for, shown_name
from .workshop_services import REASON_LENGTH, WorkshopIn

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class WorkshopForm(VersionedModelForm):
    class Meta:
        model = Workshop
        fields = ["title", "kind", "starts_on", "ends_on", "venue", "city", "agenda", "summary"]
        widgets = {"starts_on": DATE, "ends_on": DATE}

    def clean(self) -> dict[str, Any]:
        data = super().clean() or self.cleaned_data
        starts, ends = data.get("starts_on"), data.get("ends_on")
        if starts and ends and ends < starts:
            self.add_error("ends_on", _("The last day cannot come before the first."))
        return data

    def workshop_in(self) -> WorkshopIn:
        d = self.cleaned_data
        return WorkshopIn(
            kind=d["kind"],
            title=d["title"].strip(),
            starts_on=d["starts_on"],
            ends_on=d["ends_on"],
            venue=(d.get("venue") or "").strip(),
            city=(d.get("city") or "").strip(),
            agenda=d.get("agenda") or "",
            summary=d.get("summary") or "",
        )


class NamedChoice(forms.ModelChoiceField):
    """A choice whose labels are names as the viewer may see them (consent)."""

    name_of: Callable[[Any], str] | None = None

    def label_from_instance(self, obj: Any) -> str:
        return self.name_of(obj) if self.name_of is not None else str(obj)


class WorkshopParticipantForm(SiteForm):
    """A person of the directory (in post for the country), or a typed name."""

    person = NamedChoice(
        label=_("From the directory"), queryset=Person.objects.none(), required=False
    )
    full_name = forms.CharField(label=_("Or a name"), max_length=200, required=False)
    organisation = forms.ModelChoiceField(
        label=_("Institution"), queryset=Organisation.objects.none(), required=False
    )
    function = forms.CharField(label=_("Function"), max_length=200, required=False)

    def __init__(self, *args: Any, viewer: AnyUser, country: Country, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        person = self.fields["person"]
        assert isinstance(person, NamedChoice)
        person.queryset = directory_people(viewer, country)
        person.name_of = lambda p: shown_name(viewer, p, "")
        organisation = self.fields["organisation"]
        assert isinstance(organisation, forms.ModelChoiceField)
        organisation.queryset = Organisation.objects.filter(country=country).order_by("name")

    def clean(self) -> dict[str, Any]:
        data = super().clean() or self.cleaned_data
        if not data.get("person") and not (data.get("full_name") or "").strip():
            self.add_error(None, _("Choose a person of the directory or type a name."))
        return data


class WorkshopExpertForm(SiteForm):
    """An expert of the roster, or a named one; international or local; their role."""

    expert = NamedChoice(
        label=_("From the expert roster"), queryset=Expert.objects.none(), required=False
    )
    full_name = forms.CharField(label=_("Or a name"), max_length=200, required=False)
    scope = forms.ChoiceField(label=_("International or local"), choices=WorkshopExpert.Scope)
    role = forms.CharField(label=_("Role at the workshop"), max_length=200, required=False)

    def __init__(self, *args: Any, viewer: AnyUser, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        expert = self.fields["expert"]
        assert isinstance(expert, NamedChoice)
        expert.queryset = roster_for(viewer)
        expert.name_of = lambda e: shown_name(viewer, e.person, "")

    def clean(self) -> dict[str, Any]:
        data = super().clean() or self.cleaned_data
        if not data.get("expert") and not (data.get("full_name") or "").strip():
            self.add_error(None, _("Choose an expert on the roster or give a name."))
        return data


class WorkshopOutcomeForm(SiteForm):
    kind = forms.ChoiceField(label=_("Kind"), choices=Outcome.Kind)
    text = forms.CharField(label=_("Text"), widget=forms.Textarea(attrs={"rows": 3}))
    # The outcome as the page showed it (``workshop_services.outcome_seen``): a stale edit
    # is refused rather than overwriting somebody else's.
    seen = forms.CharField(required=False, max_length=64, widget=forms.HiddenInput)


class WorkshopCancelForm(SiteForm):
    reason = forms.CharField(
        label=_("Why is the workshop cancelled?"), max_length=REASON_LENGTH, strip=True
    )


class WorkshopFilterForm(SiteForm):
    country = forms.CharField(label=_("Country"), required=False, max_length=3)
    status = forms.ChoiceField(
        label=_("Status"), choices=[("", _("Any"))] + list(Workshop.Status.choices), required=False
    )
    year = forms.IntegerField(label=_("Year"), required=False, min_value=1900, max_value=2200)

    def __init__(self, *args: Any, countries: list[Country], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["country"] = forms.ChoiceField(
            label=_("Country"),
            choices=[("", _("Any"))] + [(c.iso3, c.name) for c in countries],
            required=False,
        )

    def filters(self) -> Filters:
        if not self.is_valid():
            return Filters()
        d = self.cleaned_data
        return Filters(
            country=d.get("country") or "", status=d.get("status") or "", year=d.get("year")
        )
