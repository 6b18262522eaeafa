"""The dialogue's strategy framework: pillars, objectives, priority themes."""

from typing import ClassVar

from django.db import models
from django.utils.translation import gettext_lazy as _
from modeltranslation.manager import MultilingualManager


class Framework(models.Model):
    slug = models.SlugField(_("identifier"), unique=True)
    name = models.CharField(_("name"), max_length=200)
    version = models.CharField(_("version"), max_length=40)
    adopted_year = models.PositiveSmallIntegerField(_("adopted in"), null=True, blank=True)
    predecessor = models.ForeignKey(
        "self",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="successors",
        verbose_name=_("follows"),
        help_text=_("The framework this one carries on (Rome 2014 follows Dakar 2011)."),
    )

    # modeltranslation adds one column per language (translation.py); declared for mypy.
    name_en: str | None
    name_fr: str | None
    name_pt: str | None

    objects: ClassVar[MultilingualManager["Framework"]] = MultilingualManager()

    class Meta:
        verbose_name = _("strategy framework")
        verbose_name_plural = _("strategy frameworks")

    def __str__(self) -> str:
        return self.name


class Pillar(models.Model):
    framework = models.ForeignKey(
        Framework, on_delete=models.CASCADE, related_name="pillars", verbose_name=_("framework")
    )
    number = models.PositiveSmallIntegerField(_("number"))
    title = models.CharField(_("title"), max_length=300)

    # modeltranslation adds one column per language (translation.py); declared for mypy.
    title_en: str | None
    title_fr: str | None
    title_pt: str | None

    objects: ClassVar[MultilingualManager["Pillar"]] = MultilingualManager()

    class Meta:
        verbose_name = _("pillar")
        verbose_name_plural = _("pillars")
        ordering = ["framework", "number"]
        constraints = [
            models.UniqueConstraint(
                fields=["framework", "number"], name="pillar_unique_number_per_framework"
            )
        ]

    def __str__(self) -> str:
        return f"{self.number}. {self.title}"


class Objective(models.Model):
    framework = models.ForeignKey(
        Framework, on_delete=models.CASCADE, related_name="objectives", verbose_name=_("framework")
    )
    pillar = models.ForeignKey(
        Pillar,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="objectives",
        verbose_name=_("pillar"),
        help_text=_("Empty for a cross-cutting objective."),
    )
    number = models.PositiveSmallIntegerField(_("number"))
    title = models.CharField(_("title"), max_length=300)

    # modeltranslation adds one column per language (translation.py); declared for mypy.
    title_en: str | None
    title_fr: str | None
    title_pt: str | None

    objects: ClassVar[MultilingualManager["Objective"]] = MultilingualManager()

    class Meta:
        verbose_name = _("objective")
        verbose_name_plural = _("objectives")
        ordering = ["framework", "number"]
        constraints = [
            models.UniqueConstraint(
                fields=["framework", "number"], name="objective_unique_number_per_framework"
            )
        ]

    def __str__(self) -> str:
        return f"{self.number}. {self.title}"


class Theme(models.Model):
    """A priority theme chosen by the Steering Committee for a phase."""

    framework = models.ForeignKey(
        Framework, on_delete=models.CASCADE, related_name="themes", verbose_name=_("framework")
    )
    slug = models.SlugField(_("identifier"), unique=True)
    title = models.CharField(_("title"), max_length=300)
    objective = models.ForeignKey(
        Objective,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="themes",
        verbose_name=_("linked objective"),
    )
    cross_cutting = models.BooleanField(_("cross-cutting"), default=False)
    first_year = models.PositiveSmallIntegerField(_("from"), null=True, blank=True)
    last_year = models.PositiveSmallIntegerField(_("to"), null=True, blank=True)

    # modeltranslation adds one column per language (translation.py); declared for mypy.
    title_en: str | None
    title_fr: str | None
    title_pt: str | None

    objects: ClassVar[MultilingualManager["Theme"]] = MultilingualManager()

    class Meta:
        verbose_name = _("theme")
        verbose_name_plural = _("themes")
        ordering = ["framework", "-cross_cutting", "slug"]

    def __str__(self) -> str:
        return self.title


class RoadmapAction(models.Model):
    """A priority action of a framework's roadmap, under the objective it serves."""

    framework = models.ForeignKey(
        Framework,
        on_delete=models.CASCADE,
        related_name="roadmap_actions",
        verbose_name=_("framework"),
    )
    objective = models.ForeignKey(
        Objective,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="roadmap_actions",
        verbose_name=_("objective"),
    )
    number = models.PositiveSmallIntegerField(_("number"))
    title = models.TextField(_("action"))

    # modeltranslation adds one column per language (translation.py); declared for mypy.
    title_en: str | None
    title_fr: str | None
    title_pt: str | None

    objects: ClassVar[MultilingualManager["RoadmapAction"]] = MultilingualManager()

    class Meta:
        verbose_name = _("roadmap action")
        verbose_name_plural = _("roadmap actions")
        ordering = ["framework", "number"]
        constraints = [
            models.UniqueConstraint(
                fields=["framework", "number"], name="roadmap_action_unique_number_per_framework"
            )
        ]

    def __str__(self) -> str:
        return f"{self.number}. {self.title}"
