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


class DataRevision(models.Model):
    """A counter per kind of public data, raised by every change of that data.

    A cached public page or download is keyed by the counters of the data it shows
    (``core.revisions``): an import, a guide's publication or a reference-data load raises
    its counter, and what it touches is built again on the next request.
    """

    name = models.CharField(_("name"), max_length=60, primary_key=True)
    number = models.PositiveBigIntegerField(_("number"), default=0)
    changed_at = models.DateTimeField(_("changed at"), auto_now=True)

    class Meta:
        verbose_name = _("data revision")
        verbose_name_plural = _("data revisions")

    def __str__(self) -> str:
        return f"{self.name}.{self.number}"
