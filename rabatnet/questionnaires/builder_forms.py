"""The builder's forms: a questionnaire's settings, a question, a list of choices and its
rows, a move. The services check again under the questionnaire's lock."""

from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from rabatnet.core.forms import SiteForm, SiteModelForm, VersionedModelForm

from . import builder_selectors as selectors
from . import builder_services as services
from .models import (
    CHOICE_CODE,
    RESERVED_FORM_IDS,
    ChoiceList,
    Question,
    Questionnaire,
)

PAIRS = [("_en", "en"), ("_fr", "fr")]
MAX_CHOICES = 200
TEXT = {"rows": 2}


def _title_given(form: forms.BaseForm, data: dict[str, Any], name: str) -> None:
    if not (data.get(f"{name}_en") or "").strip() and not (data.get(f"{name}_fr") or "").strip():
        form.add_error(f"{name}_en", _("Give it in English, in French, or both."))


class QuestionnaireCreateForm(SiteModelForm):
    """A new questionnaire: its form ID (for good), version, titles, what it feeds."""

    class Meta:
        model = Questionnaire
        fields = [
            "form_id",
            "form_version",
            "guide_part",
            "default_language",
            "title_en",
            "title_fr",
            "description_en",
            "description_fr",
        ]
        widgets = {"description_en": forms.Textarea(TEXT), "description_fr": forms.Textarea(TEXT)}

    def clean_form_id(self) -> str:
        form_id: str = self.cleaned_data["form_id"]
        if form_id.lower() in RESERVED_FORM_IDS:
            raise ValidationError(
                _("“%(form_id)s” is a word the site keeps; choose another form ID."),
                params={"form_id": form_id},
            )
        return form_id

    def clean(self) -> dict[str, Any]:
        data = super().clean() or self.cleaned_data
        _title_given(self, data, "title")
        return data


class QuestionnaireEditForm(VersionedModelForm):
    """Its settings and its status (draft → open → closed → open again); the form ID stays."""

    class Meta:
        model = Questionnaire
        fields = [
            "form_version",
            "guide_part",
            "default_language",
            "status",
            "title_en",
            "title_fr",
            "description_en",
            "description_fr",
        ]
        widgets = {"description_en": forms.Textarea(TEXT), "description_fr": forms.Textarea(TEXT)}

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        current = Questionnaire.Status(self.instance.status)
        allowed = {current, *services.NEXT_STATUS.get(current, set())}
        status = self.fields["status"]
        assert isinstance(status, forms.TypedChoiceField)
        status.choices = [(s.value, s.label) for s in Questionnaire.Status if s in allowed]
        status.help_text = _("Open: countries may invite respondents and import answers.")

    def clean(self) -> dict[str, Any]:
        data = super().clean() or self.cleaned_data
        _title_given(self, data, "title")
        return data


class ContainerChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj: Any) -> str:
        return f"{obj.name} ({Question.Type(obj.type).label})"


class QuestionForm(VersionedModelForm):
    """A question, a note, a section or a repeat group of ``questionnaire``."""

    parent = ContainerChoiceField(
        queryset=Question.objects.none(),
        required=False,
        label=_("Inside"),
        help_text=_("The section or repeat group the question belongs to."),
    )

    class Meta:
        model = Question
        fields = [
            "type",
            "name",
            "parent",
            "choice_list",
            "required",
            "relevant",
            "constraint",
            "appearance",
            "feeds",
            "label_en",
            "label_fr",
            "hint_en",
            "hint_fr",
            "required_message_en",
            "required_message_fr",
            "constraint_message_en",
            "constraint_message_fr",
        ]
        widgets = {
            "label_en": forms.Textarea(TEXT),
            "label_fr": forms.Textarea(TEXT),
            "hint_en": forms.Textarea(TEXT),
            "hint_fr": forms.Textarea(TEXT),
        }

    def __init__(self, *args: Any, questionnaire: Questionnaire, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.questionnaire = questionnaire
        self.instance.questionnaire = questionnaire
        parents = selectors.containers(questionnaire)
        if self.instance.pk:
            parents = parents.exclude(
                pk__in={self.instance.pk, *selectors.descendant_ids(self.instance)}
            )
        parent = self.fields["parent"]
        choice_list = self.fields["choice_list"]
        assert isinstance(parent, forms.ModelChoiceField)
        assert isinstance(choice_list, forms.ModelChoiceField)
        parent.queryset = parents
        parent.empty_label = _("— at the top level —")
        choice_list.queryset = questionnaire.choice_lists.order_by("name")
        choice_list.help_text = _("Required for a select question; none for the others.")
        self.fields["relevant"].help_text = _(
            "An XLSForm condition on other answers, e.g. ${has_sources} = 'yes'. "
            "Empty: always asked."
        )
        self.fields["feeds"].help_text = _("The field of a guide record its answer becomes.")
        for name in ("relevant", "constraint"):
            self.fields[name].widget.attrs["spellcheck"] = "false"

    def clean_name(self) -> str:
        name: str = self.cleaned_data["name"]
        taken = self.questionnaire.questions.filter(name=name)
        if self.instance.pk:
            taken = taken.exclude(pk=self.instance.pk)
        if taken.exists():
            raise ValidationError(_("Another question of this questionnaire has this name."))
        return name

    def clean(self) -> dict[str, Any]:
        data = super().clean() or self.cleaned_data
        if self.errors:
            return data
        if data.get("type") not in Question.CONTAINERS:
            _title_given(self, data, "label")
        probe = Question(
            pk=self.instance.pk,
            questionnaire=self.questionnaire,
            **{name: data.get(name) for name in ("type", "name", "parent", "choice_list")},
            relevant=data.get("relevant") or "",
            constraint=data.get("constraint") or "",
            feeds=data.get("feeds") or "",
        )
        try:
            services.check_question(self.questionnaire, probe)
        except ValidationError as exc:
            self.add_error(None, exc)
        return data


class ChoiceListForm(VersionedModelForm):
    """A list's name (its choices are the rows below it)."""

    class Meta:
        model = ChoiceList
        fields = ["name"]

    def __init__(self, *args: Any, questionnaire: Questionnaire, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.questionnaire = questionnaire

    def clean_name(self) -> str:
        name: str = self.cleaned_data["name"]
        taken = self.questionnaire.choice_lists.filter(name=name)
        if self.instance.pk:
            taken = taken.exclude(pk=self.instance.pk)
        if taken.exists():
            raise ValidationError(_("Another list of this questionnaire has this name."))
        return name


class ChoiceRowForm(SiteForm):
    """One choice: its code (what answers store) and its labels; tick to remove it."""

    choice = forms.IntegerField(
        widget=forms.HiddenInput, required=False, min_value=1, max_value=2**31 - 1
    )
    code = forms.CharField(label=_("Code"), max_length=60, required=False, validators=[CHOICE_CODE])
    label_en = forms.CharField(label=_("Label (English)"), max_length=250, required=False)
    label_fr = forms.CharField(label=_("Label (French)"), max_length=250, required=False)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for field in self.fields.values():  # the table's headings name the columns
            field.widget.attrs.setdefault("aria-label", str(field.label or ""))

    def clean(self) -> dict[str, Any]:
        data = super().clean() or self.cleaned_data
        code = (data.get("code") or "").strip()
        labels = (data.get("label_en") or "").strip() or (data.get("label_fr") or "").strip()
        if labels and not code and "code" not in self.errors:
            self.add_error("code", _("Give the choice a code."))
        if code and not labels:
            self.add_error("label_en", _("Give the choice a label in English, French or both."))
        return data


class BaseChoiceRowFormSet(forms.BaseFormSet):
    def rows(self) -> list[services.ChoiceRow]:
        """The rows kept, in order (empty rows and rows ticked for removal left out)."""
        out = []
        for form in self.forms:
            data = form.cleaned_data
            if not data or data.get("DELETE") or not (data.get("code") or "").strip():
                continue
            out.append(
                services.ChoiceRow(
                    pk=data.get("choice"),
                    code=data["code"].strip(),
                    label_en=(data.get("label_en") or "").strip(),
                    label_fr=(data.get("label_fr") or "").strip(),
                )
            )
        return out

    def clean(self) -> None:
        super().clean()
        if any(form.errors for form in self.forms):
            return
        codes = [row.code for row in self.rows()]
        twice = sorted({c for c in codes if codes.count(c) > 1})
        if twice:
            raise ValidationError(_("Each code once: %(codes)s.") % {"codes": ", ".join(twice)})


ChoiceRowFormSet = forms.formset_factory(
    ChoiceRowForm,
    formset=BaseChoiceRowFormSet,
    extra=3,
    can_delete=True,
    max_num=MAX_CHOICES,
    validate_max=True,
    absolute_max=MAX_CHOICES,
)


def choice_rows(data: Any, choice_list: ChoiceList | None) -> BaseChoiceRowFormSet:
    initial = (
        [
            {
                "choice": c.pk,
                "code": c.name,
                "label_en": getattr(c, "label_en", ""),
                "label_fr": getattr(c, "label_fr", ""),
            }
            for c in choice_list.choices.order_by("position", "pk")
        ]
        if choice_list is not None and choice_list.pk
        else []
    )
    formset = ChoiceRowFormSet(data, initial=initial, prefix="choices")
    assert isinstance(formset, BaseChoiceRowFormSet)
    return formset


class MoveForm(SiteForm):
    direction = forms.ChoiceField(choices=[("up", _("up")), ("down", _("down"))])
