"""Model pieces shared by every app."""

from typing import Any

from django.db import models
from django.utils.translation import gettext_lazy as _


class TimeStampedModel(models.Model):
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        abstract = True


class VersionedModel(TimeStampedModel):
    """A record edited by people: every save of a stored record bumps ``version``.

    Whatever the path (a service, the admin, a change of its many-to-many relations
    saved through the record), the stored version rises by one, counted from the
    database, so an edit form opened before refuses its save
    (``core.services.save_versioned``, ``core.forms.VersionedModelForm``).
    """

    version = models.PositiveIntegerField(_("version"), default=1, editable=False)

    class Meta:
        abstract = True

    def save(self, *args: Any, **kwargs: Any) -> None:
        if not self._state.adding and self.pk is not None:
            stored = (
                type(self)
                ._default_manager.filter(pk=self.pk)
                .values_list("version", flat=True)
                .first()
            )
            self.version = (self.version if stored is None else stored) + 1
            update_fields = kwargs.get("update_fields")
            if update_fields is not None:
                kwargs["update_fields"] = {*update_fields, "version", "updated_at"}
        super().save(*args, **kwargs)


class WebAddressField(models.URLField):
    """A URL field whose forms assume https:// when the scheme is left out."""

    def formfield(self, **kwargs: Any) -> Any:
        kwargs.setdefault("assume_scheme", "https")
        return super().formfield(**kwargs)
