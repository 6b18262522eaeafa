"""Forms of an expression of interest and its stakeholders.

People are offered as the directory's consent allows (``sources.selectors.contact_choices``:
listed people, people of the viewer's countries; the secretariat sees all), and only people
of the country: a person the viewer may not see is never named in a list.
"""

from typing import Any

from django import forms
from django.contrib.auth.models import AnonymousUser
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from rabatnet.accounts.models import User
from rabatnet.core.forms import SiteForm, VersionedModelForm
from rabatnet.countries.models import Country
from rabatnet.guides.models import Language
from rabatnet.network.models import Organisation, Person
from rabatnet.sources.selectors import contact_choices

from .interest_services import REASON_LENGTH, country_people
from .models import ExpressionOfInterest
from .stakeholder_services import NewOrganisation, NewPerson

NOTE = forms.Textarea(attrs={"rows": 3})


def institutions(country: Country) -> QuerySet[Organisation]:
    return Organisation.objects.filter(country=country).order_by("name")


def people(country: Country, viewer: User | AnonymousUser, keep: int | None = None) -> Any:
    """The country's people ``viewer`` may see named (consent), ``keep`` kept."""
    visible = contact_choices(country, viewer, keep=keep)
    return visible.filter(pk__in=country_people(country).values("pk"))


def _narrow(form: forms.BaseForm, name: str, queryset: QuerySet[Any]) -> None:
    field = form.fields[name]
    assert isinstance(field, forms.ModelChoiceField)
    field.queryset = queryset


class PersonChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj: Any) -> str:
        assert isinstance(obj, Person)
        return f"{obj.display_name} — {obj.organisation}" if obj.organisation else obj.display_name


class DeclareForm(SiteForm):
    language = forms.ChoiceField(label=_("Language of the guide"), choices=Language.choices)
    lead_institution = forms.ModelChoiceField(
        label=_("Lead institution"), queryset=Organisation.objects.none()
    )
    coordinator = PersonChoiceField(
        label=_("Coordinator"),
        queryset=Person.objects.none(),
        help_text=_("A person of the country in the directory."),
    )
    note = forms.CharField(label=_("Note"), required=False, max_length=5000, widget=NOTE)

    def __init__(self, *args: Any, country: Country, viewer: User | AnonymousUser, **kwargs: Any):
        super().__init__(*args, **kwargs)
        _narrow(self, "lead_institution", institutions(country))
        _narrow(self, "coordinator", people(country, viewer))


class InterestForm(VersionedModelForm):
    """Edit the declaration: lead institution, coordinator, note (stale edits refused)."""

    class Meta:
        model = ExpressionOfInterest
        fields = ["lead_institution", "coordinator", "note"]
        widgets = {"note": NOTE}
        field_classes = {"coordinator": PersonChoiceField}

    def __init__(self, *args: Any, viewer: User | AnonymousUser, **kwargs: Any):
        super().__init__(*args, **kwargs)
        interest: ExpressionOfInterest = self.instance
        _narrow(self, "lead_institution", institutions(interest.country))
        chosen = people(interest.country, viewer, keep=interest.coordinator_id)
        _narrow(self, "coordinator", chosen)


class WithdrawForm(SiteForm):
    reason = forms.CharField(
        label=_("Why the country withdraws"),
        max_length=REASON_LENGTH,
        help_text=_("At most 100 characters; kept with the declaration's history."),
    )


class StakeholderForm(SiteForm):
    """An institution (chosen or new) and, optionally, a person in it (chosen or new)."""

    organisation = forms.ModelChoiceField(
        label=_("Institution"), queryset=Organisation.objects.none(), required=False
    )
    new_organisation_name = forms.CharField(
        label=_("or a new institution: name"), max_length=250, required=False
    )
    new_organisation_kind = forms.ChoiceField(
        label=_("its kind"),
        choices=[("", "—"), *Organisation.Kind.choices],
        required=False,
    )
    person = PersonChoiceField(
        label=_("Person (optional)"), queryset=Person.objects.none(), required=False
    )
    new_person_name = forms.CharField(
        label=_("or a new person: full name"), max_length=200, required=False
    )
    new_person_email = forms.EmailField(label=_("their e-mail address"), required=False)
    new_person_language = forms.ChoiceField(
        label=_("their language"),
        choices=[("en", "English"), ("fr", "Français")],
        initial="fr",
        required=False,
    )
    role = forms.CharField(label=_("Why this stakeholder matters"), max_length=250, required=False)

    def __init__(self, *args: Any, country: Country, viewer: User | AnonymousUser, **kwargs: Any):
        super().__init__(*args, **kwargs)
        _narrow(self, "organisation", institutions(country))
        _narrow(self, "person", people(country, viewer))

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        has_new_org = bool(data.get("new_organisation_name"))
        if bool(data.get("organisation")) == has_new_org:
            self.add_error(
                "organisation", _("Choose an institution or name a new one (one of the two).")
            )
        if has_new_org and not data.get("new_organisation_kind"):
            self.add_error("new_organisation_kind", _("Say what kind of institution it is."))
        new_person = bool(data.get("new_person_name") or data.get("new_person_email"))
        if new_person and data.get("person"):
            self.add_error("person", _("Choose a person or name a new one, not both."))
        if new_person and not (data.get("new_person_name") and data.get("new_person_email")):
            self.add_error(
                "new_person_email", _("A new person needs a name and an e-mail address.")
            )
        return data

    def new_organisation(self) -> NewOrganisation | None:
        data = self.cleaned_data
        if not data.get("new_organisation_name"):
            return None
        return NewOrganisation(data["new_organisation_name"], data["new_organisation_kind"])

    def new_person(self) -> NewPerson | None:
        data = self.cleaned_data
        if not data.get("new_person_name"):
            return None
        return NewPerson(
            data["new_person_name"], data["new_person_email"], data["new_person_language"] or "fr"
        )


class InvitationAnswerForm(SiteForm):
    answer = forms.ChoiceField(
        label=_("Your answer"),
        choices=[("accept", _("I accept")), ("decline", _("I decline"))],
        widget=forms.RadioSelect,
    )
