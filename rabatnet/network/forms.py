from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from rabatnet.core.forms import VersionedModelForm
from rabatnet.countries.selectors import country_choices

from .models import Appointment, Organisation, Person, Role
from .services import ORGANISATION_FIELDS, PERSON_FIELDS, appointment_validate

DATE_INPUT = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class PersonForm(VersionedModelForm):
    class Meta:
        model = Person
        fields = PERSON_FIELDS


class OrganisationForm(VersionedModelForm):
    class Meta:
        model = Organisation
        fields = ORGANISATION_FIELDS

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)
        self.fields["country"].queryset = country_choices()


class AppointmentForm(forms.ModelForm):
    class Meta:
        model = Appointment
        fields = ["role", "country", "theme", "starts_on", "ends_on"]
        widgets = {"starts_on": DATE_INPUT, "ends_on": DATE_INPUT}

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)
        self.fields["country"].queryset = country_choices()

    def clean(self) -> dict:
        data = super().clean()
        if self.errors:
            return data
        try:
            appointment_validate(
                role=data["role"],
                country=data.get("country"),
                theme=data.get("theme"),
                starts_on=data["starts_on"],
                ends_on=data.get("ends_on"),
            )
        except ValidationError as exc:
            for field, messages in exc.message_dict.items():
                for message in messages:
                    self.add_error(field, message)
        return data


class AppointmentEndForm(forms.Form):
    ends_on = forms.DateField(
        label=_("Ends on"),
        widget=DATE_INPUT,
        help_text=_("From this day on the appointment no longer gives access."),
    )


class DirectoryFilterForm(forms.Form):
    country = forms.ModelChoiceField(
        queryset=country_choices(),
        required=False,
        label=_("Country"),
        to_field_name="iso3",
        empty_label=_("All countries"),
    )
    role = forms.ChoiceField(
        choices=[("", _("All roles")), *Role.choices], required=False, label=_("Role")
    )
    q = forms.CharField(required=False, label=_("Name or organisation"), max_length=100)
