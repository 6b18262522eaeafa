"""The roster's forms: its filters, putting a person on or off it, a profile, a period, a CV."""

from typing import Any

import pycountry
from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db.models import Exists, OuterRef
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from rabatnet.core.forms import SiteForm, SiteModelForm, VersionedModelForm
from rabatnet.core.uploads import check_upload
from rabatnet.countries.models import Country
from rabatnet.followup.initiative_selectors import current_objectives
from rabatnet.network.models import Person
from rabatnet.strategy.models import Objective, Theme

from .expert_selectors import RosterFilters, on_roster_condition, roster
from .models import Availability, Expert, SupportKind, SupportLanguage

DATE = forms.DateInput(attrs={"type": "date"})


class RosterFilterForm(SiteForm):
    """The roster's filters (GET). A bad value is left out with its error; the rest apply."""

    q = forms.CharField(label=gettext_lazy("Name or expertise"), max_length=200, required=False)
    objective = forms.ModelChoiceField(
        label=gettext_lazy("Objective"), queryset=Objective.objects.none(), required=False
    )
    theme = forms.ModelChoiceField(
        label=gettext_lazy("Theme"), queryset=Theme.objects.all(), required=False
    )
    kind = forms.ChoiceField(
        label=gettext_lazy("Kind of support"),
        choices=[("", "—"), *SupportKind.choices],
        required=False,
    )
    language = forms.ChoiceField(
        label=gettext_lazy("Language"),
        choices=[("", "—"), *SupportLanguage.choices],
        required=False,
    )
    experience = forms.ModelChoiceField(
        label=gettext_lazy("Experience in"),
        queryset=Country.objects.order_by("name"),
        to_field_name="iso3",
        required=False,
    )
    nationality = forms.ModelChoiceField(
        label=gettext_lazy("Nationality"),
        queryset=Country.objects.order_by("name"),
        to_field_name="iso3",
        required=False,
    )
    expert_kind = forms.ChoiceField(
        label=gettext_lazy("International or local"),
        choices=[("", "—"), *Expert.Kind.choices],
        required=False,
    )
    available_from = forms.DateField(
        label=gettext_lazy("Available from"), required=False, widget=DATE
    )
    available_until = forms.DateField(
        label=gettext_lazy("Available until"), required=False, widget=DATE
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        objective = self.fields["objective"]
        assert isinstance(objective, forms.ModelChoiceField)
        objective.queryset = current_objectives()

    def filters(self) -> RosterFilters:
        """The filters that are valid (an invalid one is reported, not applied)."""
        if not self.is_bound:
            return RosterFilters()
        self.is_valid()
        data = getattr(self, "cleaned_data", {})
        start, end = data.get("available_from"), data.get("available_until")
        if start and end and end < start:
            self.add_error("available_until", _("The end comes before the start."))
            start = end = None
        return RosterFilters(
            objective=data.get("objective"),
            theme=data.get("theme"),
            kind=data.get("kind") or "",
            language=data.get("language") or "",
            experience=data.get("experience"),
            nationality=data.get("nationality"),
            available_from=start,
            available_until=end,
            text=(data.get("q") or "").strip(),
            kinds_of_expert=[data["expert_kind"]] if data.get("expert_kind") else [],
        )


class EnrolForm(SiteForm):
    """Put a person of the network on the roster."""

    person = forms.ModelChoiceField(label=gettext_lazy("Person"), queryset=Person.objects.none())
    kind = forms.ChoiceField(label=gettext_lazy("Kind"), choices=Expert.Kind.choices)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        person = self.fields["person"]
        assert isinstance(person, forms.ModelChoiceField)
        on = Expert.objects.filter(on_roster_condition(), person=OuterRef("pk"))
        person.queryset = (
            Person.objects.filter(erased_at__isnull=True).exclude(Exists(on)).order_by("full_name")
        )


class TakeOffForm(SiteForm):
    """Take an expert off the roster (their appointment ends; the profile stays)."""

    expert = forms.ModelChoiceField(label=gettext_lazy("Expert"), queryset=Expert.objects.none())

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        expert = self.fields["expert"]
        assert isinstance(expert, forms.ModelChoiceField)
        expert.queryset = roster()


class ExpertForm(VersionedModelForm):
    """A profile. The expert keeps their own; only the secretariat sets the kind and the
    local-expertise flag (``manager``)."""

    kinds = forms.MultipleChoiceField(
        label=gettext_lazy("Expertise: kinds of support"),
        choices=SupportKind.choices,
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    languages = forms.MultipleChoiceField(
        label=gettext_lazy("Languages"),
        choices=SupportLanguage.choices,
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )

    class Meta:
        model = Expert
        fields = [
            "kind",
            "local_expertise",
            "nationality",
            "summary",
            "objectives",
            "themes",
            "kinds",
            "languages",
            "countries_of_experience",
            "daily_rate",
            "rate_currency",
        ]
        widgets = {
            "objectives": forms.CheckboxSelectMultiple,
            "themes": forms.CheckboxSelectMultiple,
        }

    MANAGER_ONLY = ("kind", "local_expertise")

    def __init__(self, *args: Any, manager: bool = False, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if not manager:
            for name in self.MANAGER_ONLY:
                del self.fields[name]
        objectives = self.fields["objectives"]
        assert isinstance(objectives, forms.ModelMultipleChoiceField)
        objectives.queryset = current_objectives()
        for name in ("nationality", "countries_of_experience"):
            field = self.fields[name]
            assert isinstance(field, forms.ModelChoiceField | forms.ModelMultipleChoiceField)
            field.queryset = Country.objects.order_by("name")
        daily_rate = self.fields["daily_rate"]
        daily_rate.validators.append(_not_negative)

    def clean_rate_currency(self) -> str:
        code = (self.cleaned_data.get("rate_currency") or "").strip().upper()
        if code and pycountry.currencies.get(alpha_3=code) is None:
            raise ValidationError(
                _("“%(code)s” is not an ISO 4217 currency code (such as EUR, XOF, USD).")
                % {"code": code[:10]}
            )
        return code

    def clean(self) -> dict[str, Any]:
        data = super().clean() or self.cleaned_data
        if data.get("daily_rate") is not None and not data.get("rate_currency"):
            self.add_error("rate_currency", _("Give the currency of the daily rate."))
        return data

    def changed_m2m(self) -> dict[str, list[Any]]:
        return {
            name: list(self.cleaned_data[name])
            for name in ("objectives", "themes", "countries_of_experience")
        }


def _not_negative(value: Any) -> None:
    if value is not None and value < 0:
        raise ValidationError(_("A rate cannot be negative."))


class AvailabilityForm(SiteModelForm):
    """A period the expert can be deployed in; it may not overlap their other periods."""

    class Meta:
        model = Availability
        fields = ["starts_on", "ends_on", "note"]
        widgets = {"starts_on": DATE, "ends_on": DATE}

    def __init__(self, *args: Any, expert: Expert, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.expert = expert
        self.instance.expert = expert

    def clean(self) -> dict[str, Any]:
        data = super().clean() or self.cleaned_data
        starts_on, ends_on = data.get("starts_on"), data.get("ends_on")
        if starts_on and ends_on and ends_on < starts_on:
            self.add_error("ends_on", _("The period cannot end before it starts."))
        return data


class CVForm(SiteForm):
    """A CV: a PDF, checked by its content."""

    cv = forms.FileField(label=gettext_lazy("CV (PDF)"))

    def clean_cv(self) -> UploadedFile:
        upload = self.cleaned_data["cv"]
        limit = settings.SUPPORT_UPLOAD_MAX_BYTES
        check_upload(
            upload,
            upload.name or "",
            upload.size or 0,
            extensions=("pdf",),
            limit=limit,
            too_big=_("“%(name)s” is %(size)s; a CV may be %(limit)s at most."),
            wrong_type=_("“%(name)s” is not a PDF: upload the CV as a PDF file."),
        )
        return upload
