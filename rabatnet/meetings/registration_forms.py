"""The forms of registration: the delegation (its note) and its delegates, one form each."""

from typing import Any

from django import forms
from django.forms import BaseFormSet, formset_factory
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from rabatnet.core.forms import SiteModelForm, VersionedModelForm
from rabatnet.countries.models import Country
from rabatnet.network.models import Person

from .models import Delegate, Meeting, Registration
from .registration_selectors import directory_people
from .registration_services import DelegateData


class RegistrationForm(VersionedModelForm):
    class Meta:
        model = Registration
        fields = ["note"]
        widgets = {"note": forms.Textarea(attrs={"rows": 3})}


class DelegateForm(SiteModelForm):
    """One delegate; picked from the country's directory people or typed in."""

    class Meta:
        model = Delegate
        fields = [
            "person",
            "full_name",
            "function",
            "email",
            "arrival_on",
            "departure_on",
            "travel_details",
            "head_of_delegation",
        ]
        widgets = {
            "arrival_on": forms.DateInput(attrs={"type": "date"}),
            "departure_on": forms.DateInput(attrs={"type": "date"}),
        }

    def __init__(
        self, *args: Any, country: Country, people: list[Person] | None = None, **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        person = self.fields["person"]
        assert isinstance(person, forms.ModelChoiceField)
        person.queryset = directory_people(country)
        if people is not None:  # read once for every row of a formset
            person.choices = [("", "---------"), *((p.pk, p.full_name) for p in people)]
        person.required = False
        person.label = gettext_lazy("from the directory (optional)")
        self.fields["full_name"].required = False

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        person = data.get("person")
        if person is not None and not data.get("full_name"):
            data["full_name"] = person.full_name
        if person is not None and not data.get("email"):
            data["email"] = person.email
        if not data.get("full_name") and "full_name" not in self.errors:
            self.add_error("full_name", _("Give the delegate's full name or pick a person."))
        arrival, departure = data.get("arrival_on"), data.get("departure_on")
        if arrival and departure and departure < arrival:
            self.add_error("departure_on", _("The departure is before the arrival."))
        return data

    def delegate(self) -> DelegateData:
        data = self.cleaned_data
        return DelegateData(
            full_name=data["full_name"],
            function=data["function"],
            email=data.get("email") or "",
            arrival_on=data.get("arrival_on"),
            departure_on=data.get("departure_on"),
            travel_details=data.get("travel_details") or "",
            head_of_delegation=bool(data.get("head_of_delegation")),
            person=data.get("person"),
        )


class BaseDelegateFormSet(BaseFormSet[DelegateForm]):
    def delegates(self) -> list[DelegateData]:
        """The filled-in delegates (empty rows and deleted ones left out)."""
        kept = []
        for number, form in enumerate(self.forms):
            if form.cleaned_data.get("DELETE"):
                continue
            if number >= self.initial_form_count() and not form.has_changed():
                continue  # an empty row
            kept.append(form.delegate())
        return kept


def delegate_formset(
    meeting: Meeting, registration: Registration, data: Any = None
) -> BaseDelegateFormSet:
    """The delegates' rows: the stored ones, then empty rows up to the delegation's size
    (three more when the meeting sets none), so that it works without JavaScript."""
    initial = [
        {name: getattr(d, name) for name in DelegateForm.Meta.fields if name != "person"}
        | {"person": d.person_id}
        for d in (registration.delegates.all() if registration.pk else [])
    ]
    size = meeting.delegation_size
    extra = max(size - len(initial), 0) if size is not None else 3
    formset_class = formset_factory(
        DelegateForm,
        formset=BaseDelegateFormSet,
        extra=extra,
        can_delete=True,
        max_num=size or 50,
        validate_max=True,
        absolute_max=60,
    )
    formset = formset_class(
        data,
        initial=initial,
        prefix="delegates",
        form_kwargs={
            "country": registration.country,
            "people": list(directory_people(registration.country)),
        },
    )
    assert isinstance(formset, BaseDelegateFormSet)
    return formset
