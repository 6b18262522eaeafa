"""The expert roster: people of the network with the ``expert`` role, and what they offer."""

from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from rabatnet.core.models import VersionedModel


class SupportLanguage(models.TextChoices):
    """The languages support can be given in."""

    EN = "en", _("English")
    FR = "fr", _("French")
    PT = "pt", _("Portuguese")
    AR = "ar", _("Arabic")
    ES = "es", _("Spanish")


class Expert(VersionedModel):
    """An expert's profile on the roster. Personal data: the secretariat and the expert only.

    On the roster means: a current ``expert`` appointment of ``person`` (``network``), and
    the person not erased (``selectors.roster``).
    """

    class Kind(models.TextChoices):
        INTERNATIONAL = "international", _("international expert")
        LOCAL = "local", _("local expert")

    person = models.OneToOneField(
        "network.Person",
        on_delete=models.PROTECT,
        related_name="expert_profile",
        verbose_name=_("person"),
    )
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    nationality = models.ForeignKey(
        "countries.Country",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("nationality"),
    )
    local_expertise = models.BooleanField(
        _("local expertise"),
        default=False,
        help_text=_(
            "May be proposed to the authorities of their own country (otherwise never: "
            "conflict of interest)."
        ),
    )
    countries_of_experience = models.ManyToManyField(
        "countries.Country",
        blank=True,
        related_name="+",
        verbose_name=_("countries of experience"),
    )
    objectives = models.ManyToManyField(
        "strategy.Objective",
        blank=True,
        related_name="experts",
        verbose_name=_("expertise: objectives"),
    )
    themes = models.ManyToManyField(
        "strategy.Theme", blank=True, related_name="experts", verbose_name=_("expertise: themes")
    )
    kinds = models.JSONField(
        _("expertise: kinds of support"),
        default=list,
        blank=True,
        help_text=_("Codes of ``SupportKind``."),
    )
    languages = models.JSONField(
        _("languages"), default=list, blank=True, help_text=_("Codes of ``SupportLanguage``.")
    )
    summary = models.TextField(_("expertise in brief"), blank=True)
    daily_rate = models.DecimalField(
        _("daily rate"), max_digits=10, decimal_places=2, null=True, blank=True
    )
    rate_currency = models.CharField(
        _("currency"), max_length=3, blank=True, help_text=_("ISO 4217 code, such as EUR.")
    )
    cv = models.FileField(_("CV (PDF)"), upload_to="support/cv/", blank=True)
    cv_sha256 = models.CharField(_("CV SHA-256"), max_length=64, blank=True)
    cv_uploaded_at = models.DateTimeField(_("CV uploaded at"), null=True, blank=True)
    example = models.BooleanField(_("example content"), default=False)

    history = HistoricalRecords(m2m_fields=[objectives, themes, countries_of_experience])

    class Meta:
        verbose_name = _("expert")
        verbose_name_plural = _("experts")
        ordering = ["person__full_name"]

    def __str__(self) -> str:
        return str(self.person)

    def get_absolute_url(self) -> str:
        return reverse("experts:detail", kwargs={"pk": self.pk})


class Availability(models.Model):
    """A period the expert can be deployed in, both days included."""

    expert = models.ForeignKey(
        Expert,
        on_delete=models.CASCADE,
        related_name="availabilities",
        verbose_name=_("expert"),
    )
    starts_on = models.DateField(_("from"))
    ends_on = models.DateField(_("until (included)"))
    note = models.CharField(_("note"), max_length=200, blank=True)

    class Meta:
        verbose_name = _("availability")
        verbose_name_plural = _("availabilities")
        ordering = ["expert", "starts_on"]
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_on__gte=models.F("starts_on")),
                name="availability_ends_after_it_starts",
            )
        ]

    def __str__(self) -> str:
        return f"{self.expert}: {self.starts_on} – {self.ends_on}"
