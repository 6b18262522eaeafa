"""The map's query as a form: every part of a map state, cleaned, each with its own message."""

from typing import Any

from django import forms
from django.core.validators import validate_slug
from django.http import Http404
from django.utils.translation import gettext_lazy as _

from rabatnet.core.access import parse_iso3
from rabatnet.core.forms import SiteForm

from .types import DIRECTIONS, LAYERS

FIRST_YEAR, LAST_YEAR = 1900, 2100
QUERY_LENGTH = 100


class IsoCodeField(forms.CharField):
    """An ISO 3166 alpha-3 code in any case, kept in capitals ("sen" is SEN)."""

    def to_python(self, value: Any) -> str:
        code = super().to_python(value)
        if not code:
            return ""
        try:
            return parse_iso3(code)
        except Http404 as exc:
            raise forms.ValidationError(self.error_messages["invalid"], code="invalid") from exc


class MapStateForm(SiteForm):
    """The map's URL query (``?layer=…&indicator=…&year=…&country=…&direction=…&q=…``).

    Only ``q`` is shown (the search box); the other parts come from links and the hidden
    fields of the forms. A part that does not clean is dropped with its message.
    """

    layer = forms.ChoiceField(
        choices=[(name, name) for name in LAYERS],
        required=False,
        error_messages={"invalid_choice": _("There is no map layer called “%(value)s”.")},
    )
    indicator = forms.CharField(
        max_length=60,
        required=False,
        validators=[validate_slug],
        error_messages={
            "invalid": _("An indicator code has only letters, digits, - and _."),
            "max_length": _("An indicator code has at most 60 characters."),
        },
    )
    year = forms.IntegerField(
        min_value=FIRST_YEAR,
        max_value=LAST_YEAR,
        required=False,
        error_messages={
            "invalid": _("A year is written with four digits, e.g. 2024."),
            "min_value": _("The map has no year before %(limit_value)s."),
            "max_value": _("The map has no year after %(limit_value)s."),
        },
    )
    country = IsoCodeField(
        max_length=3,
        required=False,
        error_messages={
            "invalid": _("A country is given by its three-letter ISO code, e.g. SEN."),
            "max_length": _("A country is given by its three-letter ISO code, e.g. SEN."),
        },
    )
    direction = forms.ChoiceField(
        choices=[(name, name) for name in DIRECTIONS],
        required=False,
        error_messages={"invalid_choice": _("The direction is “origins” or “destinations”.")},
    )
    q = forms.CharField(
        label=_("Find a country"),
        max_length=QUERY_LENGTH,
        required=False,
        help_text=_("A name in English or French, or an ISO code (SN, SEN)."),
        widget=forms.TextInput(attrs={"type": "search", "autocomplete": "off"}),
        error_messages={
            "max_length": _("Type at most %(limit_value)s characters to find a country."),
        },
    )
