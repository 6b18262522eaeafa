"""Migration statistics: datasets with their provenance, indicators, exact observations."""

from typing import ClassVar

from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from modeltranslation.manager import MultilingualManager


class Dataset(models.Model):
    """A published file (or set of files) as retrieved: who published it, which revision, when."""

    class Frequency(models.IntegerChoices):
        # Expected days between releases, with HDX's names.
        DAILY = 1, _("every day")
        WEEKLY = 7, _("every week")
        MONTHLY = 30, _("every month")
        QUARTERLY = 90, _("every three months")
        SEMI_ANNUAL = 180, _("every six months")
        ANNUAL = 365, _("every year")
        BIENNIAL = 730, _("every two years")
        FIVE_YEARS = 1826, _("every five years")

    slug = models.SlugField(_("identifier"), unique=True)
    title = models.CharField(_("title"), max_length=250)
    publisher = models.ForeignKey(
        "network.Organisation",
        on_delete=models.PROTECT,
        related_name="datasets",
        verbose_name=_("publisher"),
    )
    revision = models.CharField(_("revision"), max_length=100)
    licence = models.CharField(_("licence"), max_length=100)
    licence_url = models.URLField(_("licence address"), blank=True)
    source_url = models.URLField(_("dataset page"), blank=True)
    retrieved_on = models.DateField(_("retrieved on"))
    released_on = models.DateField(
        _("released on"), help_text=_("When the publisher released this revision.")
    )
    update_frequency = models.PositiveIntegerField(
        _("expected update frequency"), choices=Frequency.choices
    )
    description = models.TextField(_("description"), blank=True)
    caveats = models.TextField(_("caveats"), blank=True)
    files_sha256 = models.CharField(
        _("SHA-256 of the imported files"),
        max_length=64,
        blank=True,
        help_text=_("Importing the same files again changes nothing."),
    )
    imported_at = models.DateTimeField(_("imported at"), null=True, blank=True)
    import_options = models.JSONField(
        _("how the files were read"),
        default=dict,
        blank=True,
        help_text=_("Format, sheet, dimensions, filters and exclusions of the import."),
    )
    kosovo_in_serbia = models.BooleanField(
        _("counts Kosovo inside Serbia"),
        default=False,
        help_text=_("The publisher reports Kosovo (UNSCR 1244) together with Serbia."),
    )

    # modeltranslation adds one column per language (translation.py); declared for mypy.
    title_en: str | None
    title_fr: str | None
    title_pt: str | None
    description_en: str | None
    description_fr: str | None
    description_pt: str | None
    caveats_en: str | None
    caveats_fr: str | None
    caveats_pt: str | None

    objects: ClassVar[MultilingualManager["Dataset"]] = MultilingualManager()

    class Meta:
        verbose_name = _("dataset")
        verbose_name_plural = _("datasets")
        ordering = ["slug"]

    def __str__(self) -> str:
        return f"{self.title} ({self.revision})"

    def get_absolute_url(self) -> str:
        return reverse("statistics:dataset", kwargs={"slug": self.slug})


class Indicator(models.Model):
    """What is measured, with a stable lowercase code (``migrant_stock_total``)."""

    class Unit(models.TextChoices):
        PERSONS = "persons", _("persons")
        CASES = "cases", _("cases (one case may cover several persons)")
        USD = "usd", _("current US dollars")
        PERCENT = "percent", _("percent")
        EVENTS = "events", _("events")

    code = models.SlugField(_("code"), max_length=60, unique=True)
    name = models.CharField(_("name"), max_length=200)
    definition = models.TextField(_("definition"))
    unit = models.CharField(_("unit"), max_length=10, choices=Unit.choices)
    theme = models.CharField(_("theme"), max_length=60)
    partner_meaning = models.CharField(
        _("meaning of the partner"),
        max_length=100,
        blank=True,
        help_text=_("For bilateral indicators: what the partner is (origin, citizenship, route)."),
    )
    allows_negative = models.BooleanField(
        _("values may be negative"),
        default=False,
        help_text=_("Net migration may be negative; a count of persons may not."),
    )
    implied_dimensions = models.JSONField(
        _("dimension values the definition implies"),
        default=dict,
        blank=True,
        help_text=_(
            'What the definition covers, as {"dimension": ["accepted value", ...]}: '
            'asylum_applicants is {"sex": ["T"], ...}. An import filtering on another value '
            "is refused."
        ),
    )

    # modeltranslation adds one column per language (translation.py); declared for mypy.
    name_en: str | None
    name_fr: str | None
    name_pt: str | None
    definition_en: str | None
    definition_fr: str | None
    definition_pt: str | None

    objects: ClassVar[MultilingualManager["Indicator"]] = MultilingualManager()

    class Meta:
        verbose_name = _("indicator")
        verbose_name_plural = _("indicators")
        ordering = ["theme", "code"]
        constraints = [
            models.CheckConstraint(
                condition=Q(code__regex=r"^[a-z][a-z0-9_]*$"), name="indicator_code_lowercase"
            )
        ]

    def __str__(self) -> str:
        return self.code


class Geo(models.Model):
    """Every code an observation may carry, labelled for what it is.

    Countries point to ``countries.Country``; aggregates (world, regions), unknown
    origins, stateless people and migration routes are kept apart, never mixed with
    countries.
    """

    class Kind(models.TextChoices):
        COUNTRY = "country", _("country or territory")
        AGGREGATE = "aggregate", _("aggregate (world, region, group)")
        UNKNOWN = "unknown", _("unknown or other")
        STATELESS = "stateless", _("stateless")
        ROUTE = "route", _("migration route")

    code = models.CharField(_("code"), max_length=40, unique=True)
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices)
    name = models.CharField(_("name"), max_length=150)
    country = models.OneToOneField(
        "countries.Country",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="geo",
        verbose_name=_("country"),
    )

    # modeltranslation adds one column per language (translation.py); declared for mypy.
    name_en: str | None
    name_fr: str | None
    name_pt: str | None

    objects: ClassVar[MultilingualManager["Geo"]] = MultilingualManager()

    class Meta:
        verbose_name = _("geographic code")
        verbose_name_plural = _("geographic codes")
        ordering = ["kind", "code"]
        constraints = [
            models.CheckConstraint(
                condition=Q(kind="country", country__isnull=False)
                | (~Q(kind="country") & Q(country__isnull=True)),
                name="geo_country_kind_has_country",
            )
        ]

    def __str__(self) -> str:
        return f"{self.code} ({self.name})"


class Observation(models.Model):
    """One value, exactly as published: ``value_text`` is the source's digits.

    The foreign keys have no index of their own: the unique constraints (led by the
    dataset) and the two indexes (led by the indicator) serve every lookup, and each
    index fewer makes imports faster (bench/import.py)."""

    dataset = models.ForeignKey(
        Dataset,
        on_delete=models.CASCADE,
        related_name="observations",
        verbose_name=_("dataset"),
        db_index=False,
    )
    indicator = models.ForeignKey(
        Indicator,
        on_delete=models.PROTECT,
        related_name="observations",
        verbose_name=_("indicator"),
        db_index=False,
    )
    geo = models.ForeignKey(
        Geo,
        on_delete=models.PROTECT,
        related_name="observations",
        verbose_name=_("country"),
        db_index=False,
    )
    partner = models.ForeignKey(
        Geo,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="partner_observations",
        db_index=False,
        verbose_name=_("partner"),
    )
    period = models.CharField(_("period"), max_length=10, help_text=_("2024, 2024-03 or 2024-Q1."))
    year = models.PositiveSmallIntegerField(_("year"))
    value = models.DecimalField(_("value"), max_digits=30, decimal_places=6)
    value_text = models.CharField(_("value as published"), max_length=40)
    flags = models.CharField(_("flags"), max_length=20, blank=True)
    derived = models.BooleanField(
        _("derived"),
        default=False,
        help_text=_(
            "Summed, divided or converted (by rabatnet or an intermediary), not as the "
            "publisher released it: the dataset's derivation of the indicator says how."
        ),
    )
    covers = models.CharField(
        _("part of the period covered"),
        max_length=21,
        blank=True,
        help_text=_(
            "Empty when the period is whole; else the part the value covers, as an ISO 8601 "
            "interval (2025-01/2025-04): such a value is never compared with whole periods."
        ),
    )

    class Meta:
        verbose_name = _("observation")
        verbose_name_plural = _("observations")
        constraints = [
            models.UniqueConstraint(
                fields=["dataset", "indicator", "geo", "partner", "period"],
                condition=Q(partner__isnull=False),
                name="observation_unique_bilateral",
            ),
            models.UniqueConstraint(
                fields=["dataset", "indicator", "geo", "period"],
                condition=Q(partner__isnull=True),
                name="observation_unique_national",
            ),
            models.CheckConstraint(
                condition=Q(period__regex=r"^\d{4}(-(0[1-9]|1[0-2]|Q[1-4]))?$"),
                name="observation_period_well_formed",
            ),
        ]
        indexes = [
            models.Index(fields=["indicator", "geo", "year"], name="obs_indicator_geo_year"),
            models.Index(
                fields=["indicator", "partner", "year"], name="obs_indicator_partner_year"
            ),
        ]

    def __str__(self) -> str:
        partner = f"/{self.partner_id}" if self.partner_id else ""
        return f"{self.indicator_id} {self.geo_id}{partner} {self.period}: {self.value_text}"


class Derivation(models.Model):
    """How the derived values of an indicator in a dataset were made, and by whom."""

    dataset = models.ForeignKey(
        Dataset, on_delete=models.CASCADE, related_name="derivations", verbose_name=_("dataset")
    )
    indicator = models.ForeignKey(
        Indicator,
        on_delete=models.PROTECT,
        related_name="derivations",
        verbose_name=_("indicator"),
    )
    derived_by = models.CharField(
        _("derived by"),
        max_length=200,
        help_text=_("rabatnet, or the intermediary that converted the publisher's file."),
    )
    formula = models.TextField(_("formula"))
    inputs = models.TextField(_("inputs"), help_text=_("The published figures it starts from."))

    # modeltranslation adds one column per language (translation.py); declared for mypy.
    formula_en: str | None
    formula_fr: str | None
    formula_pt: str | None
    inputs_en: str | None
    inputs_fr: str | None
    inputs_pt: str | None

    objects: ClassVar[MultilingualManager["Derivation"]] = MultilingualManager()

    class Meta:
        verbose_name = _("derivation")
        verbose_name_plural = _("derivations")
        ordering = ["dataset", "indicator"]
        constraints = [
            models.UniqueConstraint(
                fields=["dataset", "indicator"], name="derivation_one_per_dataset_indicator"
            )
        ]

    def __str__(self) -> str:
        return f"{self.dataset_id}/{self.indicator_id}: {self.formula}"


class Incident(models.Model):
    """One incident of IOM's Missing Migrants Project, as its file gives it (a point on the map).

    Stored with the dataset that shipped it and replaced with it, in the same transaction as
    its observations; ``line`` is the row of the source file.
    """

    dataset = models.ForeignKey(
        Dataset, on_delete=models.CASCADE, related_name="incidents", verbose_name=_("dataset")
    )
    date = models.DateField(_("date"))
    route = models.CharField(_("route"), max_length=100, blank=True)
    country_iso3 = models.CharField(_("country where it occurred"), max_length=3, blank=True)
    lat = models.FloatField(_("latitude"))
    lon = models.FloatField(_("longitude"))
    dead_and_missing = models.PositiveIntegerField(_("dead and missing"))
    line = models.PositiveIntegerField(_("row of the source file"))

    class Meta:
        verbose_name = _("incident")
        verbose_name_plural = _("incidents")
        ordering = ["date", "line"]
        indexes = [models.Index(fields=["date"], name="incident_date")]
        constraints = [
            models.CheckConstraint(
                condition=Q(lat__gte=-90, lat__lte=90, lon__gte=-180, lon__lte=180),
                name="incident_coordinates_on_earth",
            ),
            models.UniqueConstraint(fields=["dataset", "line"], name="incident_unique_line"),
        ]

    def __str__(self) -> str:
        return f"{self.date} {self.route}: {self.dead_and_missing}"
