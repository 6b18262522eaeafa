"""Follow-up actions: what a meeting's conclusions ask of someone, by when."""

from typing import ClassVar

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from modeltranslation.manager import MultilingualManager
from simple_history.models import HistoricalRecords

from rabatnet.core.models import VersionedModel

from .meeting import Conclusion, Meeting


class FollowUpAction(VersionedModel):
    """An action decided at a meeting; the next meeting of the same kind shows it while open."""

    class Status(models.TextChoices):
        OPEN = "open", _("open")
        IN_PROGRESS = "in_progress", _("in progress")
        DONE = "done", _("done")
        DROPPED = "dropped", _("dropped")

    OPEN_STATUSES: ClassVar[tuple[str, ...]] = (Status.OPEN, Status.IN_PROGRESS)

    meeting = models.ForeignKey(
        Meeting, on_delete=models.CASCADE, related_name="actions", verbose_name=_("meeting")
    )
    conclusion = models.ForeignKey(
        Conclusion,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="actions",
        verbose_name=_("conclusion"),
    )
    title = models.CharField(_("action"), max_length=300)
    owner_country = models.ForeignKey(
        "countries.Country",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="meeting_actions",
        verbose_name=_("owner (country)"),
    )
    owner_organisation = models.ForeignKey(
        "network.Organisation",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="meeting_actions",
        verbose_name=_("owner (organisation)"),
    )
    deadline = models.DateField(_("deadline"), null=True, blank=True)
    objective = models.ForeignKey(
        "strategy.Objective",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="meeting_actions",
        verbose_name=_("strategy objective"),
    )
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.OPEN
    )
    status_note = models.TextField(_("progress note"), blank=True)

    title_en: str | None
    title_fr: str | None

    objects: ClassVar[MultilingualManager["FollowUpAction"]] = MultilingualManager()
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("follow-up action")
        verbose_name_plural = _("follow-up actions")
        ordering = ["meeting", "deadline", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=~(Q(owner_country__isnull=False) & Q(owner_organisation__isnull=False)),
                name="action_one_owner",
            )
        ]

    def __str__(self) -> str:
        return self.title
