"""Countries and their membership of the dialogue, stored with dates."""

from typing import ClassVar

from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from modeltranslation.manager import MultilingualManager


class CountryQuerySet(models.QuerySet["Country"]):
    def members(self) -> "CountryQuerySet":
        """Countries with any membership of the dialogue, past or present."""
        return self.filter(memberships__isnull=False).distinct()

    def taking_part(self) -> "CountryQuerySet":
        """Current partners and observers: the countries people hold posts for."""
        return self.filter(
            memberships__ended_year__isnull=True,
            memberships__status__in=[Membership.Status.PARTNER, Membership.Status.OBSERVER],
        )


# The manager modeltranslation would build at run time, written out so that mypy knows it.
CountryManager = MultilingualManager.from_queryset(CountryQuerySet)


class Country(models.Model):
    """A country or territory of ISO 3166-1 (plus Kosovo and the Channel Islands).

    ``name`` is translated (English, French, Portuguese) by modeltranslation.
    """

    iso3 = models.CharField(_("ISO alpha-3 code"), max_length=3, unique=True)
    iso2 = models.CharField(_("ISO alpha-2 code"), max_length=2, unique=True)
    iso_numeric = models.CharField(_("ISO numeric code"), max_length=3, blank=True)
    m49 = models.CharField(_("UN M49 code"), max_length=3, blank=True)
    name = models.CharField(_("name"), max_length=100)
    official_name_fr = models.CharField(
        _("UN French name"),
        max_length=120,
        blank=True,
        help_text=_("UNTERM French short name, with its article, e.g. 'Sénégal (le)'."),
    )
    region = models.CharField(_("region"), max_length=50, blank=True)
    subregion = models.CharField(_("subregion"), max_length=60, blank=True)
    intermediate_region = models.CharField(_("intermediate region"), max_length=60, blank=True)
    is_independent = models.BooleanField(_("independent"), default=True)
    code_status = models.CharField(_("code status"), max_length=60, blank=True)

    # modeltranslation adds one column per language (translation.py); declared for mypy.
    name_en: str | None
    name_fr: str | None
    name_pt: str | None

    objects: ClassVar[CountryManager] = CountryManager()

    class Meta:
        verbose_name = _("country")
        verbose_name_plural = _("countries")
        ordering = ["name"]
        constraints = [
            models.CheckConstraint(
                condition=Q(iso3__regex=r"^[A-Z]{3}$"), name="country_iso3_three_capitals"
            ),
        ]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("countries:detail", kwargs={"iso3": self.iso3})

    def current_membership(self) -> "Membership | None":
        """The open period (prefetch ``memberships`` to avoid a query per country)."""
        return next((m for m in self.memberships.all() if m.ended_year is None), None)


class MembershipQuerySet(models.QuerySet["Membership"]):
    def chronological(self) -> "MembershipQuerySet":
        """Oldest period first; an unknown start is the oldest, an open end the newest.

        Explicit about NULLs: SQLite sorts them first, PostgreSQL last.
        """
        return self.order_by(
            models.F("started_year").asc(nulls_first=True),
            models.F("ended_year").asc(nulls_last=True),
        )


class Membership(models.Model):
    """One period of a country's membership: partner, observer, or former partner.

    Dates are kept at the precision the sources give: a year when only the year
    is known. ``ended_year`` empty means the period goes on.
    """

    class Status(models.TextChoices):
        PARTNER = "partner", _("partner")
        OBSERVER = "observer", _("observer")
        FORMER_PARTNER = "former_partner", _("former partner")

    class Side(models.TextChoices):
        EUROPEAN = "european", _("European")
        AFRICAN = "african", _("African")

    class Group(models.TextChoices):
        EU_MEMBER_STATE = "eu_member_state", _("EU member state")
        NON_EU_EUROPEAN_STATE = "non_eu_european_state", _("non-EU European state")
        AFRICAN_STATE = "african_state", _("African state")

    country = models.ForeignKey(
        Country, on_delete=models.PROTECT, related_name="memberships", verbose_name=_("country")
    )
    status = models.CharField(_("status"), max_length=20, choices=Status.choices)
    side = models.CharField(_("side"), max_length=10, choices=Side.choices)
    group = models.CharField(_("group"), max_length=30, choices=Group.choices, blank=True)
    started_year = models.PositiveSmallIntegerField(_("since"), null=True, blank=True)
    ended_year = models.PositiveSmallIntegerField(_("until"), null=True, blank=True)
    note = models.CharField(_("note"), max_length=200, blank=True)
    source = models.CharField(_("source"), max_length=200, blank=True)

    objects = MembershipQuerySet.as_manager()

    class Meta:
        verbose_name = _("membership")
        verbose_name_plural = _("memberships")
        ordering = ["country__iso3", models.F("started_year").asc(nulls_first=True)]
        constraints = [
            models.UniqueConstraint(
                fields=["country", "status"], name="membership_unique_status_per_country"
            ),
            models.UniqueConstraint(
                fields=["country"],
                condition=Q(ended_year__isnull=True),
                name="membership_one_open_period_per_country",
            ),
            models.CheckConstraint(
                condition=Q(ended_year__isnull=True)
                | Q(started_year__isnull=True)
                | Q(ended_year__gte=models.F("started_year")),
                name="membership_ends_after_it_starts",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.country.iso3}: {self.get_status_display()}"
