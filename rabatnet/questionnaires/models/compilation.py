"""Candidate records: what answers and workshops propose for the guide's draft.

A candidate is one record of a guide part (a source, an actor's role, a challenge, a
practice, a recommendation) as proposed by one response row or one workshop outcome. The
workgroup reviews it beside the draft and accepts it (as proposed or edited: a record is
created in the draft), or rejects it with a reason. An accepted candidate keeps the record
it made (``record_id`` of the model its ``kind`` names), which is the record's trace: "from
questionnaire X, respondent Y, answered on D" or "from workshop W, held on D".
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from rabatnet.core.models import VersionedModel


class Candidate(VersionedModel):
    class Kind(models.TextChoices):
        SOURCE = "source", _("information source")
        ACTOR = "actor", _("actor in the policy cycle")
        CHALLENGE = "challenge", _("challenge")
        PRACTICE = "practice", _("practice")
        RECOMMENDATION = "recommendation", _("recommendation")

    class Status(models.TextChoices):
        PENDING = "pending", _("to review")
        ACCEPTED = "accepted", _("accepted into the draft")
        REJECTED = "rejected", _("rejected")

    guide = models.ForeignKey(
        "guides.Guide", on_delete=models.CASCADE, related_name="candidates", verbose_name=_("guide")
    )
    kind = models.CharField(_("kind of record"), max_length=20, choices=Kind.choices)
    data = models.JSONField(
        _("proposed values"), help_text=_("Field name → value, as the record's form takes it.")
    )
    response = models.ForeignKey(
        "questionnaires.Response",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="candidates",
        verbose_name=_("from the response"),
    )
    row = models.PositiveIntegerField(_("repeat row"), default=0)
    outcome = models.ForeignKey(
        "questionnaires.Outcome",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="candidates",
        verbose_name=_("from the workshop outcome"),
    )
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.PENDING
    )
    record_id = models.PositiveIntegerField(_("record made"), null=True, blank=True)
    decided_at = models.DateTimeField(_("decided at"), null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("decided by"),
    )
    reason = models.TextField(_("reason for rejecting"), blank=True)
    is_example = models.BooleanField(_("example content"), default=False)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("candidate record")
        verbose_name_plural = _("candidate records")
        ordering = ["guide", "status", "kind", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(response__isnull=False, outcome__isnull=True)
                | Q(response__isnull=True, outcome__isnull=False),
                name="candidate_from_a_response_or_an_outcome",
            ),
            models.CheckConstraint(
                condition=Q(status="accepted", record_id__isnull=False) | ~Q(status="accepted"),
                name="candidate_accepted_has_record",
            ),
            models.UniqueConstraint(
                fields=["response", "row", "kind"],
                condition=Q(response__isnull=False),
                name="candidate_once_per_response_row_kind",
            ),
            models.UniqueConstraint(
                fields=["outcome"],
                condition=Q(outcome__isnull=False),
                name="candidate_once_per_outcome",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} #{self.pk}"
