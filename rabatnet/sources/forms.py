from typing import Any, cast

from django import forms
from django.contrib.auth.models import AnonymousUser
from django.utils.translation import gettext_lazy as _

from rabatnet.accounts.models import User
from rabatnet.core.forms import SiteModelForm, VersionedModelForm
from rabatnet.countries.models import Country
from rabatnet.network.models import Organisation

from .models import Area, Source
from .selectors import contact_choices, entity_choices
from .services import SOURCE_FIELDS


class SourceForm(VersionedModelForm):
    instance: Source

    areas: "forms.ModelMultipleChoiceField[Area]" = forms.ModelMultipleChoiceField(
        queryset=Area.objects.all(),
        widget=forms.CheckboxSelectMultiple,
        label=_("Areas covered"),
    )

    class Meta:
        model = Source
        fields = [*SOURCE_FIELDS[:3], "areas", *SOURCE_FIELDS[3:], "indicators"]
        widgets = {
            "description": forms.Textarea(attrs={"rows": 3}),
            "indicators": forms.CheckboxSelectMultiple,
        }

    def __init__(
        self, *args: Any, country: Country, editor: User | AnonymousUser, **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        self.country = country
        self.instance.country = country
        entity = self.fields["entity"]
        contact = self.fields["contact"]
        assert isinstance(entity, forms.ModelChoiceField)
        assert isinstance(contact, forms.ModelChoiceField)
        entity.queryset = entity_choices(country)
        # Only people listed in the directory or of the editor's own countries.
        contact.queryset = contact_choices(country, editor, keep=self.instance.contact_id)
        self.fields["entity"].help_text = _(
            "The entity that collects the data. Missing? Add it first from the sources page."
        )

    def _get_validation_exclusions(self) -> set[str]:
        # The country is not a form field but is set above: keep it in the checks, so that
        # source_unique_name_per_entity is a form error rather than a failed save.
        exclusions: set[str] = cast(Any, super())._get_validation_exclusions()
        return exclusions - {"country"}


class EntityForm(SiteModelForm):
    """A data-collection entity of the country (an organisation of the network)."""

    class Meta:
        model = Organisation
        fields = ["name", "acronym", "kind", "website"]

    instance: Organisation

    def __init__(self, *args: Any, country: Country, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.instance.country = country
