"""Collection cycles and the self-assessment a country gives per objective in each."""

from typing import ClassVar

from django.db import models
from django.utils.translation import gettext_lazy as _
from modeltranslation.manager import MultilingualManager
from simple_history.models import HistoricalRecords

from rabatnet.core.models import VersionedModel

from .initiatives import ReviewState


class ProgressStatus(models.TextChoices):
    """How far an objective is implemented in a country (self-assessed or verified)."""

    NOT_STARTED = "not_started", _("not started")
    PLANNED = "planned", _("planned")
    IN_PROGRESS = "in_progress", _("in progress")
    ACHIEVED = "achieved", _("achieved")
    NOT_APPLICABLE = "not_applicable", _("not applicable")


class Cycle(VersionedModel):
    """A round of data collection on a framework, with a deadline for the countries."""

    framework = models.ForeignKey(
        "strategy.Framework",
        on_delete=models.PROTECT,
        related_name="cycles",
        verbose_name=_("framework"),
    )
    slug = models.SlugField(_("identifier"), max_length=80, unique=True)
    title = models.CharField(_("title"), max_length=200)
    opens_on = models.DateField(_("opens"))
    deadline = models.DateField(_("deadline"))
    closed_at = models.DateTimeField(
        _("closed at"), null=True, blank=True, help_text=_("No more entries once closed.")
    )
    example = models.BooleanField(_("example content"), default=False)

    title_en: str | None
    title_fr: str | None

    objects: ClassVar[MultilingualManager["Cycle"]] = MultilingualManager()

    class Meta:
        verbose_name = _("collection cycle")
        verbose_name_plural = _("collection cycles")
        ordering = ["-opens_on"]

    def __str__(self) -> str:
        return self.title


class CycleReminder(models.Model):
    """A reminder sent to a country that had not reported (one row per country and send)."""

    cycle = models.ForeignKey(
        Cycle, on_delete=models.CASCADE, related_name="reminders", verbose_name=_("cycle")
    )
    country = models.ForeignKey(
        "countries.Country", on_delete=models.CASCADE, related_name="+", verbose_name=_("country")
    )
    sent_at = models.DateTimeField(_("sent at"), auto_now_add=True)
    recipients = models.PositiveSmallIntegerField(_("recipients"), default=0)

    class Meta:
        verbose_name = _("cycle reminder")
        verbose_name_plural = _("cycle reminders")
        ordering = ["-sent_at"]

    def __str__(self) -> str:
        return f"{self.cycle} — {self.country}"


class AssessmentQuerySet(models.QuerySet["Assessment"]):
    def published(self) -> "AssessmentQuerySet":
        """What the public sees: assessments the secretariat verified."""
        return self.filter(review_state=ReviewState.VERIFIED)


class Assessment(VersionedModel):
    """A country's self-assessment of one objective in a cycle, beside the verified status."""

    cycle = models.ForeignKey(
        Cycle, on_delete=models.CASCADE, related_name="assessments", verbose_name=_("cycle")
    )
    country = models.ForeignKey(
        "countries.Country",
        on_delete=models.PROTECT,
        related_name="assessments",
        verbose_name=_("country"),
    )
    objective = models.ForeignKey(
        "strategy.Objective",
        on_delete=models.PROTECT,
        related_name="assessments",
        verbose_name=_("objective"),
    )
    self_status = models.CharField(
        _("self-assessed status"), max_length=20, choices=ProgressStatus.choices
    )
    narrative = models.TextField(_("narrative"), blank=True)
    verified_status = models.CharField(
        _("verified status"), max_length=20, choices=ProgressStatus.choices, blank=True
    )
    verification_note = models.TextField(_("secretariat's note"), blank=True)
    review_state = models.CharField(
        _("verification"), max_length=20, choices=ReviewState.choices, default="draft"
    )
    return_reason = models.TextField(_("reason for return"), blank=True)
    submitted_at = models.DateTimeField(_("submitted at"), null=True, blank=True)
    verified_at = models.DateTimeField(_("verified at"), null=True, blank=True)
    verified_by = models.ForeignKey(
        "accounts.User",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("verified by"),
    )
    example = models.BooleanField(_("example content"), default=False)

    objects = AssessmentQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("self-assessment")
        verbose_name_plural = _("self-assessments")
        ordering = ["cycle", "country", "objective"]
        constraints = [
            models.UniqueConstraint(
                fields=["cycle", "country", "objective"], name="assessment_once_per_objective"
            )
        ]

    def __str__(self) -> str:
        return f"{self.cycle} — {self.country} — {self.objective}"
