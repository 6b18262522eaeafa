"""The form that invites a respondent: a department of the country, a name, an address,
a language."""

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from rabatnet.core.forms import SiteForm
from rabatnet.countries.models import Country
from rabatnet.network.models import Organisation


class InvitationForm(SiteForm):
    department = forms.ModelChoiceField(
        label=_("Department"),
        queryset=Organisation.objects.none(),
        help_text=_("An institution of the country, from the network's list."),
    )
    respondent_name = forms.CharField(label=_("Respondent's name"), max_length=200)
    respondent_email = forms.EmailField(label=_("Respondent's e-mail address"))
    language = forms.ChoiceField(
        label=_("Language of the questionnaire and the mails"),
        choices=[("en", "English"), ("fr", "Français")],
    )

    def __init__(self, *args: Any, country: Country, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["department"]
        assert isinstance(field, forms.ModelChoiceField)
        field.queryset = Organisation.objects.filter(country=country).order_by("name")
