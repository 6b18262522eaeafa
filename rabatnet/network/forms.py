import re
from typing import TYPE_CHECKING, Any, cast

import pycountry
from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from rabatnet.accounts.selectors import account_with_email
from rabatnet.core.forms import SiteForm, SiteModelForm, VersionedModelForm
from rabatnet.countries.models import Country
from rabatnet.countries.selectors import country_choices
from rabatnet.strategy.models import Theme

from .models import Appointment, Organisation, Person, Role
from .selectors import person_with_email
from .services import ORGANISATION_FIELDS, PERSON_FIELDS, appointment_validate

DATE_INPUT = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")

if TYPE_CHECKING:
    _ModelFormBase = forms.ModelForm
else:
    _ModelFormBase = object


class PersonEmailMixin(_ModelFormBase):
    """``clean_email`` for a Person form: lowercase, and no address somebody else has."""

    instance: Person

    def clean_email(self) -> str:
        email = self.cleaned_data["email"].strip().lower()
        if self.instance.pk and email == self.instance.email.lower():
            return email  # unchanged: whatever shares it already, this edit adds no clash
        if person_with_email(email, exclude=self.instance) is not None:
            raise ValidationError(
                _("Another person already has this e-mail address."), code="email_taken"
            )
        account = account_with_email(email)
        if account is not None and account.pk != self.instance.user_id:
            raise ValidationError(
                _("This e-mail address is the sign-in address of another account."),
                code="email_taken_by_account",
            )
        return email


def language_name(code: str) -> str | None:
    """The English name of an ISO 639-1 language code, or None if there is no such code."""
    if not re.fullmatch(r"[a-z]{2}", code):
        return None
    language = pycountry.languages.get(alpha_2=code)
    return None if language is None else str(language.name)


def clean_language_codes(value: str) -> str:
    """ISO 639-1 codes separated by spaces (or commas), lowercased, each once."""
    codes = list(dict.fromkeys(value.replace(",", " ").lower().split()))
    for code in codes:
        if language_name(code) is None:
            raise ValidationError(
                _("“%(code)s” is not an ISO 639-1 language code (two letters, e.g. fr, en, ar)."),
                code="unknown_language",
                params={"code": code[:20]},
            )
    return " ".join(codes)


class PersonForm(PersonEmailMixin, VersionedModelForm):
    with_account = forms.BooleanField(
        label=_("Create an account and send an invitation e-mail"),
        required=False,
        initial=True,
        help_text=_("The person receives a link to choose a password and sign in."),
    )

    class Meta:
        model = Person
        fields = PERSON_FIELDS
        help_texts = {
            "email": _(
                "The sign-in address of the person's account changes with it only when the "
                "secretariat changes it, and never for an administrator's account."
            ),
        }

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            del self.fields["with_account"]
        self.fields["language"].required = False  # left out: unchanged (English if new)

    def clean_language(self) -> str:
        return str(self.cleaned_data.get("language") or self.instance.language or "en")

    def clean_working_languages(self) -> str:
        # Never longer than what was typed, which the field's max_length already checked.
        return clean_language_codes(self.cleaned_data["working_languages"])


class OrganisationForm(VersionedModelForm):
    class Meta:
        model = Organisation
        fields = ORGANISATION_FIELDS

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        cast(forms.ModelChoiceField, self.fields["country"]).queryset = country_choices()


# A change to any of these makes an existing appointment a different post: check it again.
POST_FIELDS = {"role", "country", "theme"}


class AppointmentRulesMixin(_ModelFormBase):
    """``clean`` applies ``services.appointment_validate``, naming the field at fault.

    A new appointment is always checked. An existing one only when its role, country or
    theme changes: a past post for a country that has left the dialogue stays editable.
    """

    instance: Appointment

    def clean(self) -> dict[str, Any]:
        data: dict[str, Any] = super().clean() or self.cleaned_data
        if self.errors or (self.instance.pk and not POST_FIELDS & set(self.changed_data)):
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
                    self.add_error(field if field in self.fields else None, message)
        return data


class AppointmentForm(AppointmentRulesMixin, SiteModelForm):
    class Meta:
        model = Appointment
        fields = ["role", "country", "theme", "starts_on", "ends_on"]
        widgets = {"starts_on": DATE_INPUT, "ends_on": DATE_INPUT}

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        cast(forms.ModelChoiceField, self.fields["country"]).queryset = country_choices()


class AppointmentEndForm(SiteForm):
    ends_on = forms.DateField(
        label=_("Ends on"),
        widget=DATE_INPUT,
        help_text=_("From this day on the appointment no longer gives access."),
    )


class DirectoryFilterForm(SiteForm):
    """The directory's filters, read from the query; the secretariat has two more."""

    country: "forms.ModelChoiceField[Country]" = forms.ModelChoiceField(
        queryset=None,  # set in __init__: sorted by name in the active language
        required=False,
        label=_("Country"),
        to_field_name="iso3",
        empty_label=_("All countries"),
    )
    role = forms.ChoiceField(
        choices=[("", _("All roles")), *Role.choices], required=False, label=_("Role")
    )
    theme: "forms.ModelChoiceField[Theme]" = forms.ModelChoiceField(
        queryset=Theme.objects.order_by("title"),
        required=False,
        label=_("Theme"),
        to_field_name="slug",
        empty_label=_("All themes"),
    )
    organisation: "forms.ModelChoiceField[Organisation]" = forms.ModelChoiceField(
        queryset=Organisation.objects.order_by("name"),
        required=False,
        label=_("Organisation"),
        empty_label=_("All organisations"),
    )
    language = forms.CharField(
        required=False,
        label=_("Working language"),
        max_length=2,
        help_text=_("An ISO 639-1 code, e.g. fr."),
    )
    q = forms.CharField(required=False, label=_("Name or organisation"), max_length=100)
    status = forms.ChoiceField(
        choices=[("", _("In post")), ("former", _("Former members"))],
        required=False,
        label=_("Status"),
    )
    confirmation = forms.ChoiceField(
        choices=[("", _("Any")), ("overdue", _("Confirmation overdue"))],
        required=False,
        label=_("Details"),
    )

    def __init__(self, *args: Any, secretariat: bool = False, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        cast(forms.ModelChoiceField, self.fields["country"]).queryset = country_choices()
        if not secretariat:
            del self.fields["status"]
            del self.fields["confirmation"]

    def clean_language(self) -> str:
        code = self.cleaned_data["language"].strip().lower()
        return clean_language_codes(code) if code else ""

    def filters(self) -> dict[str, Any]:
        """The selector's keyword arguments from the fields that are valid (others ignored)."""
        data = self.cleaned_data if self.is_bound else {}
        return {
            "country": data.get("country"),
            "role": data.get("role") or "",
            "theme": data.get("theme"),
            "organisation": data.get("organisation"),
            "language": data.get("language") or "",
            "query": data.get("q") or "",
            "former": data.get("status") == "former",
            "overdue": data.get("confirmation") == "overdue",
        }


class ConfirmDetailsForm(SiteForm):
    """ "My details are correct": a button, no field."""
