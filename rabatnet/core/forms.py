"""Form pieces shared by every app: the edit form that refuses stale saves."""

from collections.abc import Callable
from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from .services import StaleEditError


class VersionedModelForm(forms.ModelForm):
    """A ModelForm for a VersionedModel: it carries the version it was read at.

    When the service refuses the save (somebody saved meanwhile), ``refuse_stale``
    keeps what this person typed, lists what changed, and arms the form with the
    new version so a second, informed submit goes through.
    """

    version = forms.IntegerField(widget=forms.HiddenInput, min_value=1)

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
        data = self.data.copy()
        data["version"] = str(error.current.version)
        self.data = data
        for name in error.changed_fields:
            label = self.fields[name].label if name in self.fields else name
            value = getattr(error.current, name)
            self.stale_changes.append((str(label), "" if value is None else value))
        self.add_error(
            None,
            _(
                "Someone else saved this record while you were editing it. Nothing of yours "
                "was saved. Their changes are listed below; check them, then save again to keep "
                "your version."
            ),
        )
