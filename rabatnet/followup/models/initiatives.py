"""Initiatives (projects and policies) a country enters; published once verified."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from modeltranslation.manager import MultilingualManager
from simple_history.models import HistoricalRecords

from rabatnet.core.models import VersionedModel, WebAddressField


class ReviewState(models.TextChoices):
    """Where a country's entry stands with the secretariat (initiatives and assessments)."""

    DRAFT = "draft", _("draft")
    SUBMITTED = "submitted", _("submitted for verification")
    RETURNED = "returned", _("returned with a reason")
    VERIFIED = "verified", _("verified")


class Contributor(models.Model):
    """A person a focal point designates to enter initiatives and assessments for a country."""

    country = models.ForeignKey(
        "countries.Country",
        on_delete=models.CASCADE,
        related_name="followup_contributors",
        verbose_name=_("country"),
    )
    person = models.ForeignKey(
        "network.Person",
        on_delete=models.CASCADE,
        related_name="followup_contributions",
        verbose_name=_("person"),
    )
    designated_at = models.DateTimeField(_("designated at"), auto_now_add=True)
    designated_by = models.ForeignKey(
        "accounts.User",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("designated by"),
    )
    ended_at = models.DateTimeField(_("ended at"), null=True, blank=True)

    class Meta:
        verbose_name = _("follow-up contributor")
        verbose_name_plural = _("follow-up contributors")
        constraints = [
            models.UniqueConstraint(
                fields=["country", "person"],
                condition=models.Q(ended_at__isnull=True),
                name="contributor_once_per_country",
            )
        ]

    def __str__(self) -> str:
        return f"{self.person} ({self.country})"


class InitiativeQuerySet(models.QuerySet["Initiative"]):
    def published(self) -> "InitiativeQuerySet":
        """What the public sees: verified by the secretariat."""
        return self.filter(review_state=ReviewState.VERIFIED)


# The manager modeltranslation would build at run time, written out so that mypy knows it.
InitiativeManager = MultilingualManager.from_queryset(InitiativeQuerySet)


class Initiative(VersionedModel):
    """A project or a policy implementing the strategy, entered by ``country``."""

    class Kind(models.TextChoices):
        PROJECT = "project", _("project")
        POLICY = "policy", _("policy")

    class Status(models.TextChoices):
        PLANNED = "planned", _("planned")
        ONGOING = "ongoing", _("ongoing")
        COMPLETED = "completed", _("completed")
        SUSPENDED = "suspended", _("suspended")

    country = models.ForeignKey(
        "countries.Country",
        on_delete=models.PROTECT,
        related_name="initiatives",
        verbose_name=_("entered by (country)"),
    )
    countries = models.ManyToManyField(
        "countries.Country",
        blank=True,
        related_name="initiatives_concerning",
        verbose_name=_("other countries concerned"),
    )
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    title = models.CharField(_("title"), max_length=300)
    summary = models.TextField(_("summary"), blank=True)
    objectives = models.ManyToManyField(
        "strategy.Objective", related_name="initiatives", verbose_name=_("objectives")
    )
    partners = models.ManyToManyField(
        "network.Organisation", blank=True, related_name="initiatives", verbose_name=_("partners")
    )
    starts_on = models.DateField(_("starts"), null=True, blank=True)
    ends_on = models.DateField(_("ends"), null=True, blank=True)
    budget = models.DecimalField(
        _("budget"), max_digits=16, decimal_places=2, null=True, blank=True
    )
    currency = models.CharField(
        _("currency"), max_length=3, blank=True, help_text=_("ISO 4217 code, such as EUR.")
    )
    status = models.CharField(
        _("implementation status"), max_length=20, choices=Status.choices, default="planned"
    )
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

    title_en: str | None
    title_fr: str | None
    summary_en: str | None
    summary_fr: str | None

    objects = InitiativeManager()
    history = HistoricalRecords(m2m_fields=[objectives, countries])

    class Meta:
        verbose_name = _("initiative")
        verbose_name_plural = _("initiatives")
        ordering = ["-updated_at"]

    def __str__(self) -> str:
        return self.title


class InitiativeSource(models.Model):
    """Where the facts of an initiative can be checked."""

    initiative = models.ForeignKey(
        Initiative, on_delete=models.CASCADE, related_name="sources", verbose_name=_("initiative")
    )
    title = models.CharField(_("title"), max_length=300)
    url = WebAddressField(_("address"), blank=True)

    class Meta:
        verbose_name = _("initiative source")
        verbose_name_plural = _("initiative sources")
        ordering = ["initiative", "pk"]

    def __str__(self) -> str:
        return self.title
