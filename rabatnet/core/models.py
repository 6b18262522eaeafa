"""Model pieces shared by every app."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class TimeStampedModel(models.Model):
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        abstract = True


class VersionedModel(TimeStampedModel):
    """A record edited by people: each save bumps ``version``.

    An edit form carries the version it was read at; ``core.services.save_versioned``
    refuses the save when somebody else saved in between.
    """

    version = models.PositiveIntegerField(_("version"), default=1, editable=False)

    class Meta:
        abstract = True


class WebAddressField(models.URLField):
    """A URL field whose forms assume https:// when the scheme is left out."""

    def formfield(self, **kwargs):  # type: ignore[no-untyped-def]
        kwargs.setdefault("assume_scheme", "https")
        return super().formfield(**kwargs)
