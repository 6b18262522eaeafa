"""Information source mapping: who collects which migration data, for which areas."""

from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from rabatnet.core.models import VersionedModel, WebAddressField


class Area(models.Model):
    """An area a source covers (trends, border management, ...); the secretariat adds more."""

    slug = models.SlugField(_("identifier"), unique=True)
    name = models.CharField(_("name"), max_length=120)
    position = models.PositiveSmallIntegerField(_("position"), default=100)

    class Meta:
        verbose_name = _("area")
        verbose_name_plural = _("areas")
        ordering = ["position", "slug"]

    def __str__(self) -> str:
        return self.name


class Source(VersionedModel):
    """A data source of an entity, as mapped for one country's guide (part I)."""

    class Kind(models.TextChoices):
        CENSUS = "census", _("census")
        HOUSEHOLD_SURVEY = "household_survey", _("household survey")
        REGISTER = "administrative_register", _("administrative register")
        BORDER = "border_records", _("border / entry-exit records")
        PERMITS = "visas_permits", _("visas and residence permits")
        CONSULAR = "consular_registration", _("consular registration")
        ASYLUM = "asylum_records", _("asylum records")
        REMITTANCES = "remittance_statistics", _("remittance statistics")
        OTHER = "other", _("other")

    class Status(models.TextChoices):
        EXISTING = "existing", _("existing")
        POTENTIAL = "potential", _("potential")

    class Periodicity(models.TextChoices):
        CONTINUOUS = "continuous", _("continuous")
        MONTHLY = "monthly", _("monthly")
        QUARTERLY = "quarterly", _("quarterly")
        ANNUAL = "annual", _("annual")
        MULTI_YEAR = "multi_year", _("every few years")
        AD_HOC = "ad_hoc", _("ad hoc")
        ONE_OFF = "one_off", _("one-off")

    class Access(models.TextChoices):
        PUBLIC = "public", _("public")
        ON_REQUEST = "on_request", _("on request")
        RESTRICTED = "restricted", _("restricted")

    country = models.ForeignKey(
        "countries.Country",
        on_delete=models.PROTECT,
        related_name="sources",
        verbose_name=_("country"),
    )
    entity = models.ForeignKey(
        "network.Organisation",
        on_delete=models.PROTECT,
        related_name="sources",
        verbose_name=_("data collection entity"),
    )
    name = models.CharField(_("name"), max_length=250)
    kind = models.CharField(_("kind of source"), max_length=30, choices=Kind.choices)
    areas = models.ManyToManyField(Area, related_name="sources", verbose_name=_("areas covered"))
    status = models.CharField(
        _("existing or potential"), max_length=10, choices=Status.choices, default=Status.EXISTING
    )
    periodicity = models.CharField(_("periodicity"), max_length=12, choices=Periodicity.choices)
    last_release = models.CharField(
        _("last release"),
        max_length=40,
        blank=True,
        help_text=_("A year, or a date (e.g. 2023 or 2024-06)."),
    )
    access = models.CharField(_("access"), max_length=12, choices=Access.choices)
    contact = models.ForeignKey(
        "network.Person",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="sources",
        verbose_name=_("contact person"),
    )
    description = models.TextField(_("description"), blank=True)
    url = WebAddressField(_("web address"), blank=True)
    indicators = models.ManyToManyField(
        "statistics.Indicator",
        blank=True,
        related_name="sources",
        verbose_name=_("indicators it feeds"),
        help_text=_("The statistics indicators this source's data feed, if any."),
    )
    is_example = models.BooleanField(
        _("example content"), default=False, help_text=_("Demo data, marked as such on pages.")
    )

    history = HistoricalRecords(m2m_fields=[areas, indicators])

    class Meta:
        verbose_name = _("source")
        verbose_name_plural = _("sources")
        ordering = ["entity__name", "name"]
        constraints = [
            models.UniqueConstraint(
                fields=["country", "entity", "name"], name="source_unique_name_per_entity"
            )
        ]

    def __str__(self) -> str:
        return f"{self.name} ({self.entity})"

    def get_absolute_url(self) -> str:
        return reverse("sources:edit", kwargs={"iso3": self.country.iso3, "pk": self.pk})
