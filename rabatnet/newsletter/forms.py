"""The newsletter's forms: subscribing, starting and editing an issue, bounces."""

from typing import Any

from django import forms
from django.conf import settings
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from rabatnet.core.forms import SiteForm, VersionedModelForm

from .models import Issue, Item

LANGUAGES = [(code, name) for code, name in settings.LANGUAGES]


class SubscribeForm(SiteForm):
    """Anybody: an address and the language of the issues they want."""

    email = forms.EmailField(label=_("E-mail address"), max_length=254)
    language = forms.ChoiceField(label=_("Language of the issues"), choices=LANGUAGES)


class IssueStartForm(SiteForm):
    year = forms.IntegerField(label=_("Year"), min_value=2000, max_value=2100)
    quarter = forms.TypedChoiceField(
        label=_("Quarter"), choices=[(q, f"Q{q}") for q in (1, 2, 3, 4)], coerce=int
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        today = timezone.localdate()
        self.fields["year"].initial = today.year
        self.fields["quarter"].initial = (today.month - 1) // 3 + 1


class IssueTextForm(VersionedModelForm):
    """The issue's title and editorial, English and French side by side."""

    class Meta:
        model = Issue
        fields = ["title_en", "title_fr", "editorial_en", "editorial_fr"]
        widgets = {
            "editorial_en": forms.Textarea(attrs={"rows": 8}),
            "editorial_fr": forms.Textarea(attrs={"rows": 8}),
        }


class ItemForm(VersionedModelForm):
    """One item, both languages side by side."""

    class Meta:
        model = Item
        fields = ["kind", "title_en", "title_fr", "body_en", "body_fr", "link"]
        widgets = {
            "body_en": forms.Textarea(attrs={"rows": 5}),
            "body_fr": forms.Textarea(attrs={"rows": 5}),
        }

    def clean_link(self) -> str:
        link = self.cleaned_data.get("link", "").strip()
        if link and not (
            (link.startswith("/") and not link.startswith("//")) or link.startswith("https://")
        ):
            raise forms.ValidationError(
                _("Give a path on this site (/countries/SEN/) or an https:// address.")
            )
        return link


class HighlightForm(SiteForm):
    """The post the secretariat picks from a thematic forum."""

    post = forms.IntegerField(min_value=1, max_value=2**31 - 1, widget=forms.HiddenInput)


class TestSendForm(SiteForm):
    address = forms.EmailField(label=_("Send a test to"), max_length=254)
    language = forms.ChoiceField(label=_("Language"), choices=LANGUAGES)


class SendForm(SiteForm):
    confirm_missing = forms.BooleanField(
        label=_("Send although translations are missing (the English text is shown instead)"),
        required=False,
    )


class BounceForm(SiteForm):
    """What a mail server (or its relay) reports back."""

    email = forms.EmailField(max_length=254)
    kind = forms.ChoiceField(choices=[("hard", "hard"), ("soft", "soft")])
    detail = forms.CharField(max_length=2000, required=False)


class MemberSubscriptionForm(SiteForm):
    """The preference centre's newsletter part: the member's own account address."""

    subscribed = forms.BooleanField(label=_("Send me the Rabat Review"), required=False)
    language = forms.ChoiceField(label=_("Language of the issues"), choices=LANGUAGES)
