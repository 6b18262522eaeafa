"""The download form: one indicator, a choice of countries and years, a format."""

from collections.abc import Iterable, Mapping
from typing import Any, cast

from django import forms
from django.utils.translation import gettext_lazy as _

from rabatnet.core.forms import SiteForm
from rabatnet.countries.models import Country
from rabatnet.countries.selectors import name_sort_key

from .downloads import FORMATS, DownloadQuery
from .models import Geo, Indicator
from .selectors import ANY_PARTNER, NO_PARTNER

ALL = "all"
FIRST_YEAR, LAST_YEAR = 1900, 2100


class GeoCodesField(forms.MultipleChoiceField):
    """A multi-select of the member countries that also takes any other code the data uses
    (a country outside the dialogue, an aggregate, a route), typed in the address."""

    default_error_messages = {
        "invalid_choice": _("Unknown country code: %(value)s."),
    }

    def __init__(self, *args: Any, keywords: tuple[str, ...] = (ALL,), **kwargs: Any) -> None:
        self.known: set[str] = set()
        self.keywords = keywords
        super().__init__(*args, **kwargs)

    def to_python(self, value: Iterable[str] | None) -> list[str]:
        codes = super().to_python(value)
        # ISO codes may come in lower case (sen); other codes (route-…) are lower case already.
        return [c if c in self.known or c.upper() not in self.known else c.upper() for c in codes]

    def valid_value(self, value: str) -> bool:
        return value in self.keywords or value in self.known


class FlagInput(forms.CheckboxInput):
    """A checkbox that also reads ``hxl=0`` in an address as off (Django reads any text as on)."""

    def value_from_datadict(self, data: Mapping[str, Any], files: Any, name: str) -> bool:
        return str(data.get(name, "")).lower() not in ("", "0", "false", "off", "no")


class DownloadForm(SiteForm):
    indicator = forms.ChoiceField(
        label=_("Indicator"),
        error_messages={
            "required": _("Choose an indicator."),
            "invalid_choice": _("Unknown indicator: %(value)s."),
        },
    )
    country = GeoCodesField(
        label=_("Countries"),
        required=False,
        help_text=_(
            "Hold Ctrl (⌘ on a Mac) to choose several. “All” also gives regions, groups and routes."
        ),
    )
    # "none": the rows without a partner; "all": every row with one. Without a partner, the rows
    # without one when the indicator has any (selectors.partner_condition).
    partner = GeoCodesField(
        label=_("Partners"),
        required=False,
        widget=forms.MultipleHiddenInput,
        keywords=(NO_PARTNER, ANY_PARTNER),
    )
    format = forms.ChoiceField(
        label=_("Format"),
        choices=list(FORMATS.items()),
        required=False,
        error_messages={
            "invalid_choice": _("Unknown format: %(value)s. Use csv, xlsx or sdmx-csv."),
        },
    )
    hxl = forms.BooleanField(
        label=_("Add an HXL hashtag row (CSV and XLSX)"),
        required=False,
        widget=FlagInput,
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.indicators = {i.code: i for i in Indicator.objects.all()}
        indicator = cast(forms.ChoiceField, self.fields["indicator"])
        country = cast(GeoCodesField, self.fields["country"])
        partner = cast(GeoCodesField, self.fields["partner"])
        indicator.choices = [(code, f"{i.name} ({code})") for code, i in self.indicators.items()]
        known = set(Geo.objects.values_list("code", flat=True))
        country.known = known
        partner.known = known
        country.choices = [
            (ALL, _("All countries")),
            *((c.iso3, c.name) for c in _member_countries()),
        ]
        # "from" and "to" are Python keywords: the fields are added by name.
        for name, label in (("from", _("From year")), ("to", _("To year"))):
            self.fields[name] = forms.IntegerField(
                label=label, required=False, min_value=FIRST_YEAR, max_value=LAST_YEAR
            )
        self.order_fields(["indicator", "country", "from", "to", "format", "hxl"])

    def clean(self) -> dict[str, Any]:
        data = super().clean() or self.cleaned_data
        first, last = data.get("from"), data.get("to")
        if first is not None and last is not None and first > last:
            raise forms.ValidationError(
                _("The first year (%(first)s) is after the last year (%(last)s)."),
                params={"first": first, "last": last},
            )
        return data

    def query(self) -> DownloadQuery:
        data = self.cleaned_data
        countries = [] if ALL in data["country"] else data["country"]
        return DownloadQuery(
            indicator=self.indicators[data["indicator"]],
            countries=countries,
            partners=data["partner"],
            year_from=data.get("from"),
            year_to=data.get("to"),
            format=data["format"] or "csv",
            hxl=data["hxl"],
        )


def _member_countries() -> list[Country]:
    return sorted(Country.objects.members(), key=name_sort_key)
