"""The parts of a guide (II to IV) as records: actors, workgroup, practices, challenges."""

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from rabatnet.core.models import VersionedModel

from .guide import Guide


class PolicyStage(models.TextChoices):
    """The migration policy cycle (part II)."""

    NEEDS = "identification_of_needs", _("identification of needs")
    PROCESSING = "processing", _("processing")
    DECISION = "decision", _("decision")
    IMPLEMENTATION = "implementation", _("implementation")
    FOLLOW_UP = "follow_up", _("follow-up")
    REFORMULATION = "reformulation", _("reformulation")


class GuidePart(VersionedModel):
    """A record of one guide, kept in the audit trail."""

    guide = models.ForeignKey(
        Guide, on_delete=models.CASCADE, related_name="+", verbose_name=_("guide")
    )

    class Meta:
        abstract = True


class ActorRole(GuidePart):
    """What an institution does at one stage of the policy cycle."""

    organisation = models.ForeignKey(
        "network.Organisation",
        on_delete=models.PROTECT,
        related_name="policy_roles",
        verbose_name=_("institution"),
    )
    stage = models.CharField(
        _("stage of the policy cycle"), max_length=30, choices=PolicyStage.choices
    )
    description = models.TextField(_("what it does at this stage"))

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("actor in the policy cycle")
        verbose_name_plural = _("actors in the policy cycle")
        ordering = ["organisation__name", "stage"]
        constraints = [
            models.UniqueConstraint(
                fields=["guide", "organisation", "stage"],
                name="actor_role_unique_stage_per_organisation",
            )
        ]

    def __str__(self) -> str:
        return f"{self.organisation} — {self.get_stage_display()}"


class ContentItem(models.Model):
    """A content a migration profile may cover (a checklist the secretariat extends)."""

    slug = models.SlugField(_("identifier"), unique=True)
    title = models.CharField(_("title"), max_length=200)
    position = models.PositiveSmallIntegerField(_("position"), default=100)

    class Meta:
        verbose_name = _("migration profile content")
        verbose_name_plural = _("migration profile contents")
        ordering = ["position", "slug"]

    def __str__(self) -> str:
        return self.title


class WorkgroupMember(GuidePart):
    """A person of the workgroup or coordination platform (part III)."""

    person = models.ForeignKey(
        "network.Person",
        on_delete=models.PROTECT,
        related_name="workgroups",
        verbose_name=_("person"),
    )
    role_in_group = models.CharField(_("role in the workgroup"), max_length=200, blank=True)
    is_coordinator = models.BooleanField(_("coordinator"), default=False)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("workgroup member")
        verbose_name_plural = _("workgroup members")
        ordering = ["-is_coordinator", "person__full_name"]
        constraints = [
            models.UniqueConstraint(
                fields=["guide", "person"], name="workgroup_member_once_per_guide"
            ),
            models.UniqueConstraint(
                fields=["guide"],
                condition=Q(is_coordinator=True),
                name="workgroup_one_coordinator_per_guide",
            ),
        ]

    def __str__(self) -> str:
        return str(self.person)

    def clean(self) -> None:
        # workgroup_one_coordinator_per_guide, said in words and on the field.
        if not self.is_coordinator or self.guide_id is None:
            return
        other = (
            WorkgroupMember.objects.filter(guide_id=self.guide_id, is_coordinator=True)
            .exclude(pk=self.pk)
            .select_related("person")
            .first()
        )
        if other is not None:
            raise ValidationError(
                {
                    "is_coordinator": _(
                        "The workgroup already has a coordinator: %(name)s. A workgroup has "
                        "one coordinator; untick it there first."
                    )
                    % {"name": other.person}
                }
            )


class Practice(GuidePart):
    """A best practice or an example of use of the migration profile (part III)."""

    class Kind(models.TextChoices):
        BEST_PRACTICE = "best_practice", _("best practice")
        USE_EXAMPLE = "use_example", _("use example")

    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    title = models.CharField(_("title"), max_length=250)
    description = models.TextField(_("description"))
    organisation = models.ForeignKey(
        "network.Organisation",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="practices",
        verbose_name=_("institution"),
    )
    year = models.PositiveSmallIntegerField(_("year"), null=True, blank=True)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("practice")
        verbose_name_plural = _("practices")
        ordering = ["kind", "title"]

    def __str__(self) -> str:
        return self.title


class ChallengeType(models.Model):
    """A challenge in the use of migration data named by the seed; countries add their own."""

    slug = models.SlugField(_("identifier"), unique=True)
    title = models.CharField(_("title"), max_length=200)
    position = models.PositiveSmallIntegerField(_("position"), default=100)

    class Meta:
        verbose_name = _("challenge type")
        verbose_name_plural = _("challenge types")
        ordering = ["position", "slug"]

    def __str__(self) -> str:
        return self.title


class Challenge(GuidePart):
    """A line of the problem/solution matrix (part III)."""

    challenge_type = models.ForeignKey(
        ChallengeType,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="challenges",
        verbose_name=_("challenge"),
        help_text=_("Leave empty to name the country's own challenge."),
    )
    title = models.CharField(
        _("the country's own challenge"),
        max_length=250,
        blank=True,
        help_text=_("Name it when none of the listed challenges fits."),
    )
    description = models.TextField(_("how it shows"), blank=True)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("challenge")
        verbose_name_plural = _("challenges")
        # The seed's challenges first (in their order), then the country's own; explicit
        # about NULLs, which SQLite sorts first and PostgreSQL last.
        ordering = [models.F("challenge_type__position").asc(nulls_last=True), "title", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(challenge_type__isnull=False) | ~Q(title=""),
                name="challenge_has_type_or_title",
            )
        ]

    def __str__(self) -> str:
        return self.title or str(self.challenge_type)

    def clean(self) -> None:
        # challenge_has_type_or_title, said in words and on the field.
        if self.challenge_type_id is None and not self.title:
            raise ValidationError(
                {"title": _("Choose a challenge from the list, or name the country's own.")}
            )


class CorrectiveAction(VersionedModel):
    """A corrective action or past successful strategy against a challenge."""

    class Status(models.TextChoices):
        PLANNED = "planned", _("planned")
        IN_PROGRESS = "in_progress", _("in progress")
        DONE = "done", _("done")
        DROPPED = "dropped", _("dropped")

    challenge = models.ForeignKey(
        Challenge, on_delete=models.CASCADE, related_name="actions", verbose_name=_("challenge")
    )
    description = models.TextField(_("corrective action"))
    owner = models.ForeignKey(
        "network.Organisation",
        on_delete=models.PROTECT,
        related_name="corrective_actions",
        verbose_name=_("owner"),
    )
    due_date = models.DateField(_("due date"), null=True, blank=True)
    status = models.CharField(
        _("status"), max_length=12, choices=Status.choices, default=Status.PLANNED
    )

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("corrective action")
        verbose_name_plural = _("corrective actions")
        ordering = ["due_date", "pk"]

    def __str__(self) -> str:
        return self.description[:60]


class Recommendation(GuidePart):
    """Part IV."""

    class Category(models.TextChoices):
        COOPERATION = "cooperation", _("cooperation")
        TRAINING = "training", _("training and human resources")
        ACQUISITION = "information_acquisition", _("improving information acquisition")
        BORDER = "border_management", _("information on border management")
        CRISIS = "crisis_situations", _("information on migration in crisis situations")
        OTHER = "other", _("other")

    class Priority(models.TextChoices):
        HIGH = "high", _("high")
        MEDIUM = "medium", _("medium")
        LOW = "low", _("low")

    category = models.CharField(_("category"), max_length=30, choices=Category.choices)
    text = models.TextField(_("recommendation"))
    addressee = models.CharField(_("addressed to"), max_length=250)
    priority = models.CharField(_("priority"), max_length=6, choices=Priority.choices)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("recommendation")
        verbose_name_plural = _("recommendations")
        ordering = ["category", "pk"]

    def __str__(self) -> str:
        return self.text[:60]
