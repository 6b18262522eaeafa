"""The first steps of a guide: a country's expression of interest and its stakeholders.

A focal point declares the country's interest (the guide's language, the lead institution,
the coordinator): the guide starts (``guides.services.guide_start``). The secretariat
acknowledges it. Stakeholders — institutions, and people in them — are identified and
invited to the workgroup; one who accepts becomes a member of the guide's workgroup.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from rabatnet.core.models import VersionedModel


class ExpressionOfInterest(VersionedModel):
    """A country's declared interest in making a guide in one language."""

    class Status(models.TextChoices):
        DECLARED = "declared", _("declared")
        ACKNOWLEDGED = "acknowledged", _("acknowledged by the secretariat")
        WITHDRAWN = "withdrawn", _("withdrawn")

    country = models.ForeignKey(
        "countries.Country",
        on_delete=models.PROTECT,
        related_name="expressions_of_interest",
        verbose_name=_("country"),
    )
    guide = models.OneToOneField(
        "guides.Guide",
        on_delete=models.PROTECT,
        related_name="expression_of_interest",
        verbose_name=_("guide"),
    )
    lead_institution = models.ForeignKey(
        "network.Organisation",
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("lead institution"),
    )
    coordinator = models.ForeignKey(
        "network.Person",
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("coordinator"),
    )
    note = models.TextField(_("note"), blank=True)
    status = models.CharField(
        _("status"), max_length=12, choices=Status.choices, default=Status.DECLARED
    )
    declared_at = models.DateTimeField(_("declared at"))
    declared_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("declared by"),
    )
    acknowledged_at = models.DateTimeField(_("acknowledged at"), null=True, blank=True)
    acknowledged_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("acknowledged by"),
    )
    is_example = models.BooleanField(_("example content"), default=False)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("expression of interest")
        verbose_name_plural = _("expressions of interest")
        ordering = ["-declared_at", "-pk"]

    def __str__(self) -> str:
        return f"{self.country_id} — {self.guide.language}"


class Stakeholder(VersionedModel):
    """An institution (and a person in it, if known) identified for a guide's workgroup."""

    class Status(models.TextChoices):
        IDENTIFIED = "identified", _("identified")
        INVITED = "invited", _("invited to the workgroup")
        JOINED = "joined", _("joined the workgroup")
        DECLINED = "declined", _("declined")

    guide = models.ForeignKey(
        "guides.Guide",
        on_delete=models.CASCADE,
        related_name="stakeholders",
        verbose_name=_("guide"),
    )
    organisation = models.ForeignKey(
        "network.Organisation",
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("institution"),
    )
    person = models.ForeignKey(
        "network.Person",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("person"),
    )
    role = models.CharField(_("why this stakeholder"), max_length=250, blank=True)
    status = models.CharField(
        _("status"), max_length=12, choices=Status.choices, default=Status.IDENTIFIED
    )
    invited_at = models.DateTimeField(_("invited at"), null=True, blank=True)
    answered_at = models.DateTimeField(_("answered at"), null=True, blank=True)
    is_example = models.BooleanField(_("example content"), default=False)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("stakeholder")
        verbose_name_plural = _("stakeholders")
        ordering = ["guide", "organisation__name", "pk"]
        constraints = [
            # Once per guide: a person once per institution, an institution once without a
            # person (two conditional constraints: SQLite has no NULLS NOT DISTINCT).
            models.UniqueConstraint(
                fields=["guide", "organisation", "person"],
                condition=Q(person__isnull=False),
                name="stakeholder_person_once_per_guide",
            ),
            models.UniqueConstraint(
                fields=["guide", "organisation"],
                condition=Q(person__isnull=True),
                name="stakeholder_institution_once_per_guide",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.organisation} — {self.person or ''}".rstrip(" —")
