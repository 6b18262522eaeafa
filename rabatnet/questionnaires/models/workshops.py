"""National discussion and training workshops: the programme, who came, what came out.

A workshop belongs to a guide (its country); it has an agenda, a private sign-in list of
participants, international and local experts (from the technical support roster where it
exists), and outcomes — needs, challenges, recommendations — that become candidate records
of the guide (``Candidate``) with the trace "from workshop W, held on D".
"""

from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from rabatnet.core.models import VersionedModel


class Workshop(VersionedModel):
    class Kind(models.TextChoices):
        DISCUSSION = "discussion", _("discussion workshop")
        TRAINING = "training", _("training workshop")
        BOTH = "discussion_training", _("discussion and training workshop")

    class Status(models.TextChoices):
        PLANNED = "planned", _("planned")
        HELD = "held", _("held")
        CANCELLED = "cancelled", _("cancelled")

    guide = models.ForeignKey(
        "guides.Guide", on_delete=models.PROTECT, related_name="workshops", verbose_name=_("guide")
    )
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    title = models.CharField(_("title"), max_length=250)
    starts_on = models.DateField(_("first day"))
    ends_on = models.DateField(_("last day"))
    venue = models.CharField(_("venue"), max_length=250, blank=True)
    city = models.CharField(_("city"), max_length=120, blank=True)
    agenda = models.TextField(_("agenda"), blank=True, help_text=_("Markdown."))
    summary = models.TextField(
        _("summary of the discussions"), blank=True, help_text=_("Markdown.")
    )
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.PLANNED
    )
    is_example = models.BooleanField(_("example content"), default=False)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("national workshop")
        verbose_name_plural = _("national workshops")
        ordering = ["-starts_on", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_on__gte=F("starts_on")), name="workshop_ends_after_start"
            )
        ]

    def __str__(self) -> str:
        return self.title


class Participant(models.Model):
    """A line of the sign-in list (private: the country and the secretariat)."""

    workshop = models.ForeignKey(
        Workshop, on_delete=models.CASCADE, related_name="participants", verbose_name=_("workshop")
    )
    person = models.ForeignKey(
        "network.Person",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("person in the directory"),
    )
    full_name = models.CharField(_("full name"), max_length=200)
    organisation = models.ForeignKey(
        "network.Organisation",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("institution"),
    )
    function = models.CharField(_("function"), max_length=200, blank=True)
    attended = models.BooleanField(_("signed in"), default=False)

    class Meta:
        verbose_name = _("workshop participant")
        verbose_name_plural = _("workshop participants")
        ordering = ["workshop", "full_name", "pk"]

    def __str__(self) -> str:
        return self.full_name


class WorkshopExpert(models.Model):
    """An expert who led or trained at the workshop: from the roster, or named."""

    class Scope(models.TextChoices):
        INTERNATIONAL = "international", _("international expert")
        LOCAL = "local", _("local expert")

    workshop = models.ForeignKey(
        Workshop, on_delete=models.CASCADE, related_name="experts", verbose_name=_("workshop")
    )
    expert = models.ForeignKey(
        "support.Expert",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="workshops",
        verbose_name=_("expert on the roster"),
    )
    full_name = models.CharField(_("full name"), max_length=200)
    scope = models.CharField(_("international or local"), max_length=15, choices=Scope.choices)
    role = models.CharField(_("role at the workshop"), max_length=200, blank=True)

    class Meta:
        verbose_name = _("workshop expert")
        verbose_name_plural = _("workshop experts")
        ordering = ["workshop", "scope", "full_name"]

    def __str__(self) -> str:
        return self.full_name


class Outcome(models.Model):
    """A need, challenge or recommendation the workshop identified."""

    class Kind(models.TextChoices):
        NEED = "need", _("need")
        CHALLENGE = "challenge", _("challenge")
        RECOMMENDATION = "recommendation", _("recommendation")

    workshop = models.ForeignKey(
        Workshop, on_delete=models.CASCADE, related_name="outcomes", verbose_name=_("workshop")
    )
    kind = models.CharField(_("kind"), max_length=15, choices=Kind.choices)
    text = models.TextField(_("text"))
    position = models.PositiveIntegerField(_("position"), default=0)

    class Meta:
        verbose_name = _("workshop outcome")
        verbose_name_plural = _("workshop outcomes")
        ordering = ["workshop", "kind", "position", "pk"]

    def __str__(self) -> str:
        return f"{self.get_kind_display()}: {self.text[:50]}"
