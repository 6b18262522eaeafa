"""Forms of a person's life in the network: a handover, an erasure's confirmation."""

from typing import Any, cast

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from rabatnet.accounts.selectors import account_with_email
from rabatnet.core.forms import SiteForm

from .forms import DATE_INPUT
from .handover import NewSuccessor
from .models import Appointment, Person
from .selectors import person_with_email


class HandoverForm(SiteForm):
    """The successor: somebody in the network already, or a new person (name and e-mail)."""

    successor: "forms.ModelChoiceField[Person]" = forms.ModelChoiceField(
        queryset=Person.objects.none(),  # set in __init__
        required=False,
        label=_("Successor already in the network"),
    )
    full_name = forms.CharField(
        label=_("or a new person: full name"), max_length=200, required=False
    )
    email = forms.EmailField(label=_("e-mail address"), required=False)
    language = forms.ChoiceField(
        label=_("language of correspondence"), choices=settings.LANGUAGES, initial="en"
    )
    on = forms.DateField(
        label=_("Handed over on"),
        widget=DATE_INPUT,
        help_text=_("The predecessor's appointment ends and the successor's begins on this day."),
    )

    def __init__(self, *args: Any, appointment: Appointment, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.appointment = appointment
        people = Person.objects.filter(erased_at__isnull=True).exclude(pk=appointment.person_id)
        cast(forms.ModelChoiceField, self.fields["successor"]).queryset = people.order_by(
            "full_name", "pk"
        )
        self.fields["on"].initial = timezone.localdate()

    def clean_email(self) -> str:
        email = str(self.cleaned_data.get("email") or "").strip().lower()
        if email and person_with_email(email) is not None:
            raise ValidationError(
                _("Another person already has this e-mail address: choose them in the list."),
                code="email_taken",
            )
        if email and account_with_email(email) is not None:
            raise ValidationError(
                _("This e-mail address is the sign-in address of another account."),
                code="email_taken_by_account",
            )
        return email

    def clean(self) -> dict[str, Any]:
        data: dict[str, Any] = super().clean() or self.cleaned_data
        chosen = data.get("successor")
        new = bool(data.get("full_name") or data.get("email"))
        if self.errors:
            return data
        if chosen is not None and new:
            raise ValidationError(
                _("Choose a person in the list or enter a new one, not both."), code="both"
            )
        if chosen is None and not (data.get("full_name") and data.get("email")):
            raise ValidationError(
                _("Choose the successor in the list, or give a new person's name and e-mail."),
                code="none",
            )
        return data

    def successor_value(self) -> Person | NewSuccessor:
        data = self.cleaned_data
        if data.get("successor") is not None:
            return cast(Person, data["successor"])
        return NewSuccessor(
            full_name=data["full_name"], email=data["email"], language=data["language"]
        )


class ErasureConfirmForm(SiteForm):
    confirmation = forms.CharField(
        label=_("Type the person's number or full name to confirm"), max_length=200
    )

    def __init__(self, *args: Any, person: Person, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.person = person

    def clean_confirmation(self) -> str:
        typed = " ".join(str(self.cleaned_data["confirmation"]).split()).casefold()
        expected = {str(self.person.pk), " ".join(self.person.full_name.split()).casefold()}
        if not typed or typed not in expected - {""}:
            raise ValidationError(
                _("This is neither the person's number nor their full name."), code="mismatch"
            )
        return typed
