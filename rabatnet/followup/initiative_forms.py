"""Forms of the follow-up's initiatives: the entry (with its sources), the secretariat's
return, a contributor's designation, and the public filters."""

from decimal import Decimal
from typing import Any
from urllib.parse import urlsplit

import pycountry
from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from rabatnet.core.forms import SiteForm, VersionedModelForm
from rabatnet.countries.models import Country
from rabatnet.countries.selectors import country_choices
from rabatnet.network.models import Organisation

from .initiative_selectors import Filters, current_objectives, designable_people
from .initiative_services import InitiativeIn, SourceIn
from .models import Initiative

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
MAX_SOURCES = 20


def valid_currency(code: str) -> str:
    """The ISO 4217 code in capitals, or a ValidationError."""
    code = code.strip().upper()
    if len(code) != 3 or pycountry.currencies.get(alpha_3=code) is None:
        raise ValidationError(_("Give an ISO 4217 currency code, such as EUR or XOF."))
    return code


class InitiativeForm(VersionedModelForm):
    """An initiative's fields; its sources come in ``SourceFormSet``."""

    class Meta:
        model = Initiative
        fields = [
            "kind",
            "title_en",
            "title_fr",
            "summary_en",
            "summary_fr",
            "objectives",
            "countries",
            "partners",
            "starts_on",
            "ends_on",
            "budget",
            "currency",
            "status",
        ]
        widgets = {
            "starts_on": DATE,
            "ends_on": DATE,
            "objectives": forms.CheckboxSelectMultiple,
        }
        labels = {
            "title_en": _("Title in English"),
            "title_fr": _("Title in French"),
            "summary_en": _("Summary in English"),
            "summary_fr": _("Summary in French"),
        }

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for name, queryset in (
            ("objectives", current_objectives()),
            ("countries", country_choices()),
            ("partners", Organisation.objects.order_by("name")),
        ):
            choice = self.fields[name]
            assert isinstance(choice, forms.ModelMultipleChoiceField)
            choice.queryset = queryset
        self.fields["objectives"].required = True
        self.fields["objectives"].help_text = _("At least one objective of the current framework.")
        self.fields["title_en"].required = False
        self.fields["title_fr"].required = False
        self.fields["budget"].validators.append(_not_negative)
        self.fields["budget"].help_text = _(
            "In the currency given below; never added up across currencies."
        )

    def clean_currency(self) -> str:
        code = self.cleaned_data.get("currency") or ""
        return valid_currency(code) if code.strip() else ""

    def clean(self) -> dict[str, Any]:
        data = super().clean() or self.cleaned_data
        if not (data.get("title_en") or "").strip() and not (data.get("title_fr") or "").strip():
            self.add_error("title_en", _("Give a title in English or in French (or both)."))
        starts, ends = data.get("starts_on"), data.get("ends_on")
        if starts and ends and ends < starts:
            self.add_error("ends_on", _("The end cannot come before the start."))
        if (
            data.get("budget") is not None
            and not data.get("currency")
            and "currency" not in self.errors
        ):
            self.add_error("currency", _("Give the currency of the budget."))
        return data

    def initiative_in(self, sources: list[SourceIn]) -> InitiativeIn:
        d = self.cleaned_data
        return InitiativeIn(
            kind=d["kind"],
            title_en=(d.get("title_en") or "").strip(),
            title_fr=(d.get("title_fr") or "").strip(),
            summary_en=d.get("summary_en") or "",
            summary_fr=d.get("summary_fr") or "",
            status=d["status"],
            starts_on=d.get("starts_on"),
            ends_on=d.get("ends_on"),
            budget=d.get("budget"),
            currency=d.get("currency") or "",
            countries=list(d.get("countries") or []),
            objectives=list(d["objectives"]),
            partners=list(d.get("partners") or []),
            sources=sources,
        )


def _not_negative(value: Decimal | None) -> None:
    if value is not None and value < 0:
        raise ValidationError(_("A budget cannot be negative."))


class InitiativeSourceForm(SiteForm):
    title = forms.CharField(label=_("Source title"), max_length=300, required=False)
    url = forms.URLField(
        label=_("Source address"), max_length=200, required=False, assume_scheme="https"
    )

    def clean(self) -> dict[str, Any]:
        data = super().clean() or self.cleaned_data
        title, url = (data.get("title") or "").strip(), data.get("url") or ""
        if url and urlsplit(url).scheme != "https":
            self.add_error("url", _("Give an https:// address."))
        if url and not title:
            self.add_error("title", _("Give the source a title."))
        if title and not url and "url" not in self.errors:
            self.add_error("url", _("Give the source's address."))
        return data


class BaseSourceFormSet(forms.BaseFormSet):
    def sources(self) -> list[SourceIn]:
        return [
            SourceIn(title=f.cleaned_data["title"].strip(), url=f.cleaned_data["url"])
            for f in self.forms
            if f.cleaned_data.get("title") and f.cleaned_data.get("url")
        ]


SourceFormSet = forms.formset_factory(
    InitiativeSourceForm,
    formset=BaseSourceFormSet,
    extra=2,
    max_num=MAX_SOURCES,
    validate_max=True,
    absolute_max=MAX_SOURCES,
)


def source_formset(data: Any, initiative: Initiative | None) -> BaseSourceFormSet:
    initial = (
        [{"title": s.title, "url": s.url} for s in initiative.sources.all()]
        if initiative is not None and initiative.pk
        else []
    )
    formset = SourceFormSet(data, initial=initial, prefix="sources")
    assert isinstance(formset, BaseSourceFormSet)
    return formset


class ReturnForm(SiteForm):
    reason = forms.CharField(
        label=_("Reason for return"),
        widget=forms.Textarea(attrs={"rows": 4}),
        max_length=4000,
        help_text=_("Mailed to the person who submitted it, and shown on the country's list."),
    )

    def clean_reason(self) -> str:
        reason = (self.cleaned_data.get("reason") or "").strip()
        if not reason:
            raise ValidationError(_("Say why the initiative is returned."))
        return reason


class ContributorForm(SiteForm):
    person = forms.ModelChoiceField(
        label=_("Person"),
        queryset=Country.objects.none(),
        help_text=_(
            "People of the country with an account: appointed for it or working for one of "
            "its organisations."
        ),
    )

    def __init__(self, *args: Any, country: Country, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["person"]
        assert isinstance(field, forms.ModelChoiceField)
        field.queryset = designable_people(country)


class FilterForm(SiteForm):
    """The public list's and the CSV's filters (GET); a bad value is an error, not a 500."""

    country = forms.ModelChoiceField(
        label=_("Country"), queryset=Country.objects.none(), to_field_name="iso3", required=False
    )
    objective = forms.ModelChoiceField(
        label=_("Objective"), queryset=Country.objects.none(), required=False
    )
    kind = forms.ChoiceField(
        label=_("Kind"), choices=[("", "—"), *Initiative.Kind.choices], required=False
    )
    status = forms.ChoiceField(
        label=_("Implementation status"),
        choices=[("", "—"), *Initiative.Status.choices],
        required=False,
    )
    year = forms.IntegerField(label=_("Running in"), min_value=1990, max_value=2100, required=False)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        country = self.fields["country"]
        objective = self.fields["objective"]
        assert isinstance(country, forms.ModelChoiceField)
        assert isinstance(objective, forms.ModelChoiceField)
        country.queryset = country_choices()
        objective.queryset = current_objectives()

    def filters(self) -> Filters:
        """The filters that are valid (an invalid one is shown with its error, not applied)."""
        if not self.is_bound:
            return Filters()
        self.is_valid()
        data = getattr(self, "cleaned_data", {})
        return Filters(
            country=data.get("country"),
            objective=data.get("objective"),
            kind=data.get("kind") or "",
            status=data.get("status") or "",
            year=data.get("year"),
        )
