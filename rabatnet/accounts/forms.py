from django import forms
from django.utils.translation import gettext_lazy as _

from rabatnet.core.forms import SiteForm


class TokenForm(SiteForm):
    token = forms.CharField(
        label=_("Code"),
        max_length=16,
        strip=True,
        widget=forms.TextInput(attrs={"autocomplete": "one-time-code", "inputmode": "numeric"}),
        help_text=_(
            "The six-digit code from your authenticator app, or one of your recovery codes."
        ),
    )
