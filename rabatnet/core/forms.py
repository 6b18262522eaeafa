"""Form pieces shared by every app.

``SiteForm`` and ``SiteModelForm`` are the bases of every form of the site, the admin's
included: they clean pasted text at input and make every model choice refuse a key the
database cannot hold (a form error, never a server error). ``VersionedModelForm`` also
refuses stale saves.
"""

import re
from collections.abc import Callable, Iterable, Mapping
from typing import TYPE_CHECKING, Any, cast

from django import forms
from django.core.exceptions import FieldDoesNotExist, ValidationError
from django.db import connections
from django.db.models import Field, ForeignKey, Model
from django.utils.datastructures import MultiValueDict
from django.utils.translation import gettext as _

from .services import StaleEditError, changed_fields

# Control characters (C0 but tab and newline, DEL, C1), lone surrogates and the two
# non-characters XML refuses: what Word and PDF readers paste along with the text.
UNWANTED = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")


def clean_text(value: str) -> str:
    """``value`` with line ends as ``\\n`` and no control character but tab and newline."""
    return UNWANTED.sub("", value.replace("\r\n", "\n").replace("\r", "\n"))


def key_fits(field: Field, value: object) -> bool:
    """True unless ``value`` is a whole number the database column of ``field`` cannot hold.

    Anything that is not a whole number is left to the form field, which refuses it.
    """
    while isinstance(field, ForeignKey):  # a key that is a relation: the key it points to
        field = field.target_field
    internal_type = field.get_internal_type()
    ops = connections["default"].ops
    if internal_type not in ops.integer_field_ranges:
        return True
    try:
        number = int(str(value).strip())
    except ValueError:
        return True
    low, high = ops.integer_field_range(internal_type)
    return (low is None or number >= low) and (high is None or number <= high)


def key_valid(field: Field, value: object) -> bool:
    """True if ``value`` can be a key of ``field``: the right type, within its column."""
    try:
        field.to_python(value)
    except (ValidationError, TypeError, ValueError):
        return False
    return key_fits(field, value)


class _KeyCheck:
    """Refuses, before any query, a key out of the range of the model's column."""

    queryset: Any
    to_field_name: str | None
    error_messages: dict[str, Any]

    def _key_field(self) -> Field:
        meta = self.queryset.model._meta
        return meta.get_field(self.to_field_name) if self.to_field_name else meta.pk


class SafeModelChoiceField(_KeyCheck, forms.ModelChoiceField):
    def to_python(self, value: Any) -> Model | None:
        if value not in self.empty_values and not key_fits(self._key_field(), value):
            raise ValidationError(self.error_messages["invalid_choice"], code="invalid_choice")
        return super().to_python(value)


class SafeModelMultipleChoiceField(_KeyCheck, forms.ModelMultipleChoiceField):
    def _check_values(self, value: Iterable[Any]) -> Any:
        key = self._key_field()
        for pk in value if isinstance(value, (list, tuple, set, frozenset)) else [value]:
            if not key_fits(key, pk):
                raise ValidationError(
                    self.error_messages["invalid_pk_value"],
                    code="invalid_pk_value",
                    params={"pk": str(pk)[:40]},
                )
        return cast(Any, super())._check_values(value)


def _safe_class(field: forms.Field) -> type[forms.Field] | None:
    """The class a model choice field is given so that it checks its keys, if it needs one."""
    if isinstance(field, _KeyCheck):
        return None
    cls = type(field)
    if cls is forms.ModelMultipleChoiceField:
        return SafeModelMultipleChoiceField
    if cls is forms.ModelChoiceField:
        return SafeModelChoiceField
    if isinstance(field, forms.ModelMultipleChoiceField):
        return type(f"Safe{cls.__name__}", (SafeModelMultipleChoiceField, cls), {})
    if isinstance(field, forms.ModelChoiceField):
        return type(f"Safe{cls.__name__}", (SafeModelChoiceField, cls), {})
    return None


def _cleaned_data(data: Any, keys: set[str]) -> Any:
    """A copy of the submitted ``data`` where the values under ``keys`` are clean text."""
    if isinstance(data, MultiValueDict):
        copy = data.copy()
        for key in keys & set(copy.keys()):
            copy.setlist(key, [_clean_value(v) for v in copy.getlist(key)])
        return copy
    if isinstance(data, Mapping):
        return {k: _clean_value(v) if k in keys else v for k, v in data.items()}
    return data


def _clean_value(value: Any) -> Any:
    if isinstance(value, str):
        return clean_text(value)
    if isinstance(value, (list, tuple)):
        return [_clean_value(v) for v in value]
    return value


if TYPE_CHECKING:
    _FormBase = forms.BaseForm
else:
    _FormBase = object


class SiteFormMixin(_FormBase):
    """What every form of the site does with what is posted.

    - Text is cleaned before anything reads it (``clean_text``): ``\\r\\n`` becomes
      ``\\n``, control characters (but tab and newline), NUL and lone surrogates go.
      Passwords are left as typed.
    - Every model choice field checks that a key fits its column before querying.
    """

    _errors: "forms.utils.ErrorDict | None"  # set by BaseForm.full_clean; the stubs omit it

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            safe = _safe_class(field)
            if safe is not None:
                field.__class__ = safe
        if self.is_bound:
            keys = {
                self.add_prefix(name)
                for name, field in self.fields.items()
                if not isinstance(field.widget, forms.PasswordInput)
            }
            self.data = _cleaned_data(self.data, keys)

    def full_clean(self) -> None:
        """Validate; then drop from the shown data the keys no column can hold, so that
        re-rendering the form (an admin autocomplete queries its values) stays safe."""
        super().full_clean()
        if not self.is_bound or not self.errors:
            return
        for name, field in self.fields.items():
            if name not in self.errors or not isinstance(field, _KeyCheck):
                continue
            key = self.add_prefix(name)
            sent = self.data.getlist(key) if isinstance(self.data, MultiValueDict) else None
            values = sent if sent is not None else _as_list(self.data.get(key))
            kept = [v for v in values if v in ("", None) or key_valid(field._key_field(), v)]
            if kept != values:
                self.data = _with_values(self.data, key, kept)


class SiteForm(SiteFormMixin, forms.Form):
    """The base of every form of the site that edits no model."""


class SiteModelForm(SiteFormMixin, forms.ModelForm):
    """The base of every model form of the site (the admin's included)."""


class VersionedModelForm(SiteModelForm):
    """A ModelForm for a VersionedModel: it carries the version it was read at.

    When the service refuses the save (somebody saved meanwhile), ``refuse_stale``
    keeps what this person typed, lists what changed, and arms the form with the
    new version so a second, informed submit goes through.
    """

    version = forms.IntegerField(widget=forms.HiddenInput, min_value=1, max_value=2**31 - 1)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            self.fields["version"].initial = self.instance.version
        else:
            del self.fields["version"]
        self.stale_changes: list[tuple[str, object]] = []

    def save_through(self, write: Callable[[], object]) -> bool:
        """Run the service call ``write``; on a stale edit or a refused value, keep the form
        with the reason shown and return False (nothing was written)."""
        try:
            write()
        except StaleEditError as exc:
            self.refuse_stale(exc)
        except ValidationError as exc:
            self.add_error(None, exc)
        else:
            return True
        return False

    def refuse_stale(self, error: StaleEditError) -> None:
        self.data = _with_value(self.data, self.add_prefix("version"), error.current.version)
        for name in error.changed_fields:
            label = self.fields[name].label if name in self.fields else name
            value = getattr(error.current, name)
            self.stale_changes.append((str(label), "" if value is None else value))
        self.add_error(None, stale_message())


def stale_message() -> str:
    return _(
        "Someone else saved this record while you were editing it. Nothing of yours "
        "was saved. Their changes are listed below; check them, then save again to keep "
        "your version."
    )


class VersionedAdminForm(SiteModelForm):
    """The admin's change form of a VersionedModel: it carries the version it was read at
    and refuses the save, listing the other person's changes, when the record moved on."""

    # Not "version": the admin lists its form's fields as model fields, and the model's
    # version is not editable.
    record_version = forms.IntegerField(
        widget=forms.HiddenInput, min_value=1, max_value=2**31 - 1, required=False
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            # The stored version, not the instance's: a history revert edits an old copy.
            stored = (
                type(self.instance)
                ._default_manager.filter(pk=self.instance.pk)
                .values_list("version", flat=True)
                .first()
            )
            self.fields["record_version"].initial = stored or self.instance.version
            self.fields["record_version"].required = True
        # A new record has no version to carry: the field stays (the admin lists it among
        # the form's fields), empty and ignored.

    def clean(self) -> dict[str, Any]:
        data = super().clean() or self.cleaned_data
        read = data.get("record_version")
        if not self.instance.pk or read is None:
            return data
        model = type(self.instance)
        current = model._default_manager.get(pk=self.instance.pk)
        if current.version == read:
            return data
        names = [n for n in self.fields if n != "record_version" and _is_model_field(model, n)]
        changed = changed_fields(current, read, self.instance, names)
        listed = "; ".join(
            f"{self.fields[n].label}: {_shown(getattr(current, n, ''))}" for n in changed
        )
        # The next submit, informed, goes through.
        self.data = _with_value(self.data, self.add_prefix("record_version"), current.version)
        raise ValidationError(f"{stale_message()} {listed}".strip(), code="stale")


def _with_value(data: Any, key: str, value: object) -> Any:
    """A copy of the submitted ``data`` with ``key`` set to ``value``."""
    copy = data.copy() if isinstance(data, MultiValueDict) else dict(data)
    copy[key] = str(value)
    return copy


def _as_list(value: object) -> list[Any]:
    if value is None:
        return []
    return list(value) if isinstance(value, (list, tuple)) else [value]


def _with_values(data: Any, key: str, values: list[Any]) -> Any:
    """A copy of the submitted ``data`` with the list ``values`` under ``key``."""
    if isinstance(data, MultiValueDict):
        copy = data.copy()
        copy.setlist(key, values)
        return copy
    return {**data, key: values}


def _is_model_field(model: type[Model], name: str) -> bool:
    try:
        field = model._meta.get_field(name)
    except FieldDoesNotExist:
        return False
    return bool(field.concrete) and not field.many_to_many


def _shown(value: object) -> str:
    return "" if value is None else str(value)[:200]
