"""A country's request for technical support, the steps it went through, its terms of reference.

The stage a request is in is one field; how it may move is one table
(``rabatnet.support.lifecycle``); every move is a ``StageEvent`` (who, when, from, to, why),
from which the clock (``rabatnet.support.clock``) measures how long each stage took.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from rabatnet.core.models import VersionedModel


class SupportKind(models.TextChoices):
    """The kinds of support of the Dakar Strategy's on-demand technical support."""

    TRAINING_WORKSHOP = "training_workshop", _("training workshop")
    EXPERT_MISSION = "expert_mission", _("expert mission")
    IDENTIFICATION = "identification", _("identification of concrete initiatives")
    REFORM_ADVICE = "reform_advice", _("advice on political or administrative reform")
    PROGRAMME_DEVELOPMENT = "programme_development", _("programme development")
    METHODOLOGICAL_TOOL = "methodological_tool", _("methodological tool")
    RECOMMENDATIONS = "recommendations", _("recommendations")
    GUIDELINES = "guidelines", _("guidelines")


class Stage(models.TextChoices):
    """Where a request stands. The order is the order of a request that goes all the way."""

    RECEIVED = "received", _("received")
    ACKNOWLEDGED = "acknowledged", _("acknowledged")
    SCOPED = "scoped", _("scoped")
    MATCHED = "matched", _("matched")
    APPROVED = "approved", _("approved")
    DEPLOYED = "deployed", _("deployed")
    REPORTED = "reported", _("reported")
    EVALUATED = "evaluated", _("evaluated")
    CLOSED = "closed", _("closed")
    DECLINED = "declined", _("declined")
    WITHDRAWN = "withdrawn", _("withdrawn")


# A request in one of these is finished (it may be reopened).
ENDED_STAGES = (Stage.CLOSED, Stage.DECLINED, Stage.WITHDRAWN)


class SupportRequestQuerySet(models.QuerySet["SupportRequest"]):
    def open(self) -> "SupportRequestQuerySet":
        return self.exclude(stage__in=ENDED_STAGES)

    def counted_in_public(self) -> "SupportRequestQuerySet":
        """The requests the public figures count (anonymised: counts and durations only)."""
        return self.filter(public=True)


class SupportRequest(VersionedModel):
    """What a country asks for: the strategy objectives and theme it serves, the kind of
    support, what is needed, for whom, when, in which languages."""

    Stage = Stage

    country = models.ForeignKey(
        "countries.Country",
        on_delete=models.PROTECT,
        related_name="support_requests",
        verbose_name=_("beneficiary country"),
    )
    title = models.CharField(_("title"), max_length=200)
    kind = models.CharField(_("kind of support"), max_length=30, choices=SupportKind.choices)
    theme = models.ForeignKey(
        "strategy.Theme",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="support_requests",
        verbose_name=_("theme"),
    )
    objectives = models.ManyToManyField(
        "strategy.Objective",
        blank=True,
        related_name="support_requests",
        verbose_name=_("objectives of the strategy"),
    )
    initiatives = models.ManyToManyField(
        "followup.Initiative",
        blank=True,
        related_name="support_requests",
        verbose_name=_("related initiatives"),
    )
    needs = models.TextField(_("what is needed"))
    beneficiary_institution = models.CharField(_("beneficiary institution"), max_length=250)
    preferred_start = models.DateField(_("preferred start"), null=True, blank=True)
    preferred_end = models.DateField(_("preferred end"), null=True, blank=True)
    duration_days = models.PositiveSmallIntegerField(_("duration (days)"), null=True, blank=True)
    participants = models.PositiveIntegerField(_("number of participants"), null=True, blank=True)
    languages = models.JSONField(
        _("languages"),
        default=list,
        blank=True,
        help_text=_("Codes of ``SupportLanguage``: the languages the support must be given in."),
    )
    public = models.BooleanField(
        _("counted in the public figures"),
        default=True,
        help_text=_(
            "Anonymised: the public page counts the request by theme, kind and country and "
            "measures its stages; it never shows what was asked or by whom."
        ),
    )
    stage = models.CharField(
        _("stage"), max_length=20, choices=Stage.choices, default=Stage.RECEIVED
    )
    filed_at = models.DateTimeField(
        _("requested at"), default=timezone.now, help_text=_("Where the clock starts.")
    )
    filed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("filed by"),
    )
    example = models.BooleanField(_("example content"), default=False)

    objects = SupportRequestQuerySet.as_manager()
    history = HistoricalRecords(m2m_fields=[objectives])

    class Meta:
        verbose_name = _("support request")
        verbose_name_plural = _("support requests")
        ordering = ["-filed_at", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(preferred_end__isnull=True)
                | Q(preferred_start__isnull=True)
                | Q(preferred_end__gte=models.F("preferred_start")),
                name="support_request_dates_in_order",
            )
        ]

    def __str__(self) -> str:
        return f"{self.reference} {self.title}"

    @property
    def reference(self) -> str:
        """A stable reference people quote: TS-<year filed>-<number>."""
        return f"TS-{self.filed_at.year}-{self.pk or 0:04d}"

    @property
    def is_ended(self) -> bool:
        return self.stage in ENDED_STAGES

    def get_absolute_url(self) -> str:
        return reverse("support:detail", kwargs={"pk": self.pk})


class StageEvent(models.Model):
    """One move of a request from a stage to another: the clock reads these."""

    request = models.ForeignKey(
        SupportRequest, on_delete=models.CASCADE, related_name="events", verbose_name=_("request")
    )
    action = models.CharField(_("action"), max_length=20)
    from_stage = models.CharField(_("from"), max_length=20, choices=Stage.choices, blank=True)
    to_stage = models.CharField(_("to"), max_length=20, choices=Stage.choices)
    at = models.DateTimeField(_("at"), default=timezone.now)
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("by"),
    )
    reason = models.TextField(_("reason"), blank=True)

    class Meta:
        verbose_name = _("stage change")
        verbose_name_plural = _("stage changes")
        ordering = ["request", "at", "pk"]

    def __str__(self) -> str:
        return f"{self.request_id}: {self.from_stage or '—'} → {self.to_stage}"


class TermsOfReference(models.Model):
    """One version of the terms of reference: a new text is a new version; the country
    agrees to one version, and a request is scoped once its latest version is agreed."""

    request = models.ForeignKey(
        SupportRequest,
        on_delete=models.CASCADE,
        related_name="terms",
        verbose_name=_("request"),
    )
    number = models.PositiveSmallIntegerField(_("version"))
    text = models.TextField(_("terms of reference"), help_text=_("Markdown."))
    created_at = models.DateTimeField(_("written at"), default=timezone.now)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("written by"),
    )
    agreed_at = models.DateTimeField(_("agreed at"), null=True, blank=True)
    agreed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("agreed by"),
    )

    class Meta:
        verbose_name = _("terms of reference")
        verbose_name_plural = _("terms of reference")
        ordering = ["request", "number"]
        constraints = [
            models.UniqueConstraint(fields=["request", "number"], name="tor_version_once")
        ]

    def __str__(self) -> str:
        return f"{self.request_id} ToR v{self.number}"
