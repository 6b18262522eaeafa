"""Experts proposed and asked for a request, the mission, its report, the evaluations."""

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from .experts import Expert
from .requests import SupportRequest

RATING = [MinValueValidator(1), MaxValueValidator(5)]


class Proposal(models.Model):
    """An expert matched to a request: ranked and explained, then asked, then their answer.

    ``token`` is the secret of the private link the expert answers through (set when asked).
    """

    class Status(models.TextChoices):
        PROPOSED = "proposed", _("proposed")
        ASKED = "asked", _("asked")
        ACCEPTED = "accepted", _("accepted")
        DECLINED = "declined", _("declined")
        WITHDRAWN = "withdrawn", _("withdrawn by the secretariat")

    request = models.ForeignKey(
        SupportRequest,
        on_delete=models.CASCADE,
        related_name="proposals",
        verbose_name=_("request"),
    )
    expert = models.ForeignKey(
        Expert, on_delete=models.PROTECT, related_name="proposals", verbose_name=_("expert")
    )
    rank = models.PositiveSmallIntegerField(_("rank"))
    score = models.DecimalField(_("score"), max_digits=6, decimal_places=2)
    reasons = models.JSONField(
        _("why this rank"),
        default=list,
        blank=True,
        help_text=_("The matching's explanation: one entry per factor, with its points."),
    )
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.PROPOSED
    )
    token = models.CharField(_("answer link secret"), max_length=64, blank=True)
    proposed_at = models.DateTimeField(_("proposed at"), default=timezone.now)
    proposed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("proposed by"),
    )
    asked_at = models.DateTimeField(_("asked at"), null=True, blank=True)
    answered_at = models.DateTimeField(_("answered at"), null=True, blank=True)
    answer_note = models.TextField(_("the expert's note"), blank=True)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("proposed expert")
        verbose_name_plural = _("proposed experts")
        ordering = ["request", "rank"]
        constraints = [
            models.UniqueConstraint(fields=["request", "expert"], name="proposal_once"),
            models.UniqueConstraint(
                fields=["token"], condition=~Q(token=""), name="proposal_token_unique"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.request_id}: {self.expert} ({self.status})"


class Mission(models.Model):
    """The deployment: its dates and place, then the mission report."""

    request = models.OneToOneField(
        SupportRequest,
        on_delete=models.CASCADE,
        related_name="mission",
        verbose_name=_("request"),
    )
    starts_on = models.DateField(_("mission starts"))
    ends_on = models.DateField(_("mission ends"))
    place = models.CharField(_("place"), max_length=200, blank=True)
    report = models.FileField(_("mission report"), upload_to="support/reports/", blank=True)
    report_sha256 = models.CharField(_("report SHA-256"), max_length=64, blank=True)
    report_uploaded_at = models.DateTimeField(_("report uploaded at"), null=True, blank=True)
    report_uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("report uploaded by"),
    )
    report_summary = models.TextField(_("findings in brief"), blank=True)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("mission")
        verbose_name_plural = _("missions")
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_on__gte=models.F("starts_on")),
                name="mission_ends_after_it_starts",
            )
        ]

    def __str__(self) -> str:
        return f"{self.request_id}: {self.starts_on} – {self.ends_on}"


class Evaluation(models.Model):
    """The beneficiary country's evaluation of the support (one per request)."""

    request = models.OneToOneField(
        SupportRequest,
        on_delete=models.CASCADE,
        related_name="evaluation",
        verbose_name=_("request"),
    )
    relevance = models.PositiveSmallIntegerField(_("relevance to the need"), validators=RATING)
    quality = models.PositiveSmallIntegerField(_("quality of the expertise"), validators=RATING)
    timeliness = models.PositiveSmallIntegerField(_("timeliness"), validators=RATING)
    usefulness = models.PositiveSmallIntegerField(_("usefulness of the results"), validators=RATING)
    comment = models.TextField(_("comment"), blank=True)
    submitted_at = models.DateTimeField(_("submitted at"), default=timezone.now)
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("submitted by"),
    )

    class Meta:
        verbose_name = _("evaluation")
        verbose_name_plural = _("evaluations")

    def __str__(self) -> str:
        return f"{self.request_id}: evaluation"


class Appraisal(models.Model):
    """The secretariat's appraisal of one expert's work on one request (their track record)."""

    request = models.ForeignKey(
        SupportRequest,
        on_delete=models.CASCADE,
        related_name="appraisals",
        verbose_name=_("request"),
    )
    expert = models.ForeignKey(
        Expert, on_delete=models.PROTECT, related_name="appraisals", verbose_name=_("expert")
    )
    rating = models.PositiveSmallIntegerField(_("rating"), validators=RATING)
    comment = models.TextField(_("comment"), blank=True)
    written_at = models.DateTimeField(_("written at"), default=timezone.now)
    written_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("written by"),
    )

    class Meta:
        verbose_name = _("appraisal")
        verbose_name_plural = _("appraisals")
        ordering = ["-written_at"]
        constraints = [
            models.UniqueConstraint(fields=["request", "expert"], name="appraisal_once"),
            models.CheckConstraint(
                condition=Q(rating__gte=1) & Q(rating__lte=5), name="appraisal_rating_1_to_5"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.request_id}: {self.expert} {self.rating}/5"
