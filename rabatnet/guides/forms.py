"""The record types of a guide's parts, edited by one set of views.

Each entry says which model holds the records, which fields a form edits, and how
the choices of its foreign keys are narrowed to the guide's country.
"""

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, cast

from django import forms
from django.contrib.auth.models import AnonymousUser
from django.db.models import Model, QuerySet
from django.forms import modelform_factory
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from rabatnet.accounts.models import User
from rabatnet.core.forms import SiteForm, VersionedModelForm
from rabatnet.sources.selectors import contact_choices, entity_choices

from .models import (
    ActorRole,
    Challenge,
    CorrectiveAction,
    Guide,
    Practice,
    Recommendation,
    WorkgroupMember,
)

TEXTAREA = forms.Textarea(attrs={"rows": 3})
DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class PartForm(VersionedModelForm):
    """The form of a part's record; the record's guide is set by the view, not typed."""

    def _get_validation_exclusions(self) -> set[str]:
        # Keep the guide in the checks so that the constraints on it (one role per
        # organisation and stage, a person once per workgroup) are form errors, not failed
        # saves.
        exclusions: set[str] = cast(Any, super())._get_validation_exclusions()
        return exclusions - {"guide"}


@dataclass(frozen=True)
class Part:
    slug: str
    model: type[Model]
    fields: list[str]
    title: Promise
    section: str
    widgets: dict[str, type[forms.Widget] | forms.Widget] = field(default_factory=dict)

    def records(self, guide: Guide) -> QuerySet:
        if self.model is CorrectiveAction:
            return CorrectiveAction.objects.filter(challenge__guide=guide).select_related(
                "challenge__challenge_type", "owner"
            )
        return self.model._default_manager.filter(guide=guide)

    def new_record(self, guide: Guide) -> Model:
        return self.model() if self.model is CorrectiveAction else self.model(guide=guide)

    def form(
        self,
        guide: Guide,
        data: Mapping[str, Any] | None = None,
        instance: Model | None = None,
        *,
        editor: User | AnonymousUser,
    ) -> VersionedModelForm:
        """The record's form; its people are those ``editor`` may pick (``contact_choices``)."""
        form_class = modelform_factory(
            self.model, form=PartForm, fields=self.fields, widgets=self.widgets
        )
        record = instance or self.new_record(guide)
        form = cast(VersionedModelForm, form_class(data, instance=record))
        country = guide.country
        choices: dict[str, QuerySet[Any]] = {
            "organisation": entity_choices(country),
            "owner": entity_choices(country),
            "person": contact_choices(country, editor, keep=getattr(record, "person_id", None)),
            "challenge": Challenge.objects.filter(guide=guide),
        }
        for name, queryset in choices.items():
            field = form.fields.get(name)
            if isinstance(field, forms.ModelChoiceField):
                field.queryset = queryset
        return form


PARTS = {
    part.slug: part
    for part in [
        Part(
            "actors",
            ActorRole,
            ["organisation", "stage", "description"],
            _("Actors in the policy cycle"),
            "part2",
            {"description": TEXTAREA},
        ),
        Part(
            "workgroup",
            WorkgroupMember,
            ["person", "role_in_group", "is_coordinator"],
            _("Workgroup members"),
            "part3",
        ),
        Part(
            "practices",
            Practice,
            ["kind", "title", "description", "organisation", "year"],
            _("Best practices and use examples"),
            "part3",
            {"description": TEXTAREA},
        ),
        Part(
            "challenges",
            Challenge,
            ["challenge_type", "title", "description"],
            _("Challenges (problem / solution matrix)"),
            "part3",
            {"description": TEXTAREA},
        ),
        Part(
            "actions",
            CorrectiveAction,
            ["challenge", "description", "owner", "due_date", "status"],
            _("Corrective actions"),
            "part3",
            {"description": TEXTAREA, "due_date": DATE},
        ),
        Part(
            "recommendations",
            Recommendation,
            ["category", "text", "addressee", "priority"],
            _("Recommendations"),
            "part4",
            {"text": TEXTAREA},
        ),
    ]
}


class GuideTextForm(VersionedModelForm):
    class Meta:
        model = Guide
        fields = ["title", "context"]
        widgets = {"context": forms.Textarea(attrs={"rows": 12})}


class StartForm(SiteForm):
    language = forms.ChoiceField(label=_("Language of the guide"), choices=[])

    def __init__(self, *args: object, taken: set[str], **kwargs: object) -> None:
        super().__init__(*args, **kwargs)
        from .models import Language

        language = cast(forms.ChoiceField, self.fields["language"])
        language.choices = [c for c in Language.choices if c[0] not in taken]


class DecisionForm(SiteForm):
    decision = forms.ChoiceField(
        choices=[("endorse", _("Endorse")), ("return", _("Send back with comments"))],
        widget=forms.RadioSelect,
        label=_("Decision"),
    )
    comment = forms.CharField(widget=TEXTAREA, required=False, label=_("Comments"))
