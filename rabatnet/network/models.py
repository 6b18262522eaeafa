"""People, organisations and appointments: who holds which post, for which country, when."""

from datetime import date

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.db.models.functions import Lower
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from rabatnet.core.models import VersionedModel, WebAddressField


class Role(models.TextChoices):
    SECRETARIAT = "secretariat", _("secretariat")
    FOCAL_POINT = "focal_point", _("National Focal Point")
    THEMATIC_CONTACT = "thematic_contact", _("thematic contact point")
    WORKGROUP_MEMBER = "workgroup_member", _("national workgroup member")
    COORDINATING_AUTHORITY = "coordinating_authority", _("national coordinating authority")
    EXPERT = "expert", _("expert")

    @classmethod
    def needs_country(cls, role: str) -> bool:
        return role not in (cls.SECRETARIAT, cls.EXPERT)


class Organisation(VersionedModel):
    class Kind(models.TextChoices):
        GOVERNMENT = "government", _("governmental body")
        INTERNATIONAL = "international", _("international organisation")
        REGIONAL = "regional", _("regional organisation")
        ACADEMIC = "academic", _("academic or research institution")
        CIVIL_SOCIETY = "civil_society", _("civil society organisation")
        PRIVATE = "private", _("private sector")
        OTHER = "other", _("other")

    name = models.CharField(_("name"), max_length=250)
    acronym = models.CharField(_("acronym"), max_length=30, blank=True)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    country = models.ForeignKey(
        "countries.Country",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="organisations",
        verbose_name=_("country"),
        help_text=_("Empty for an international or regional organisation."),
    )
    website = WebAddressField(_("website"), blank=True)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(
                fields=["name", "country"], name="organisation_unique_name_per_country"
            )
        ]

    def __str__(self) -> str:
        return f"{self.name} ({self.acronym})" if self.acronym else self.name


class Person(VersionedModel):
    """Somebody in the network. Contact details are personal data: members only, by consent."""

    full_name = models.CharField(_("full name"), max_length=200)
    job_title = models.CharField(_("position"), max_length=200, blank=True)
    organisation = models.ForeignKey(
        Organisation,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="people",
        verbose_name=_("organisation"),
    )
    email = models.EmailField(_("e-mail address"), unique=True)
    phone = models.CharField(_("telephone"), max_length=40, blank=True)
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="person",
        verbose_name=_("account"),
    )
    directory_consent = models.BooleanField(
        _("listed in the members' directory"),
        default=False,
        help_text=_("The person agreed that other members see their contact details."),
    )
    consent_recorded_at = models.DateTimeField(_("consent recorded at"), null=True, blank=True)
    guide_consent = models.BooleanField(
        _("listed in published guides"),
        default=False,
        help_text=_(
            "The person agreed to appear, with their contact details, in the public contact "
            "list of their country's published guide."
        ),
    )
    share_email = models.BooleanField(
        _("e-mail address shown to members"),
        default=False,
        help_text=_("Members see the e-mail address in the directory and its exports."),
    )
    share_phone = models.BooleanField(
        _("telephone shown to members"),
        default=False,
        help_text=_("Members see the telephone number in the directory and its exports."),
    )
    language = models.CharField(
        _("language of correspondence"),
        max_length=5,
        choices=settings.LANGUAGES,
        default="en",
        help_text=_("The language of the e-mails the platform sends this person."),
    )
    working_languages = models.CharField(
        _("working languages"),
        max_length=60,
        blank=True,
        help_text=_("ISO 639-1 codes separated by spaces, e.g. “fr en ar”."),
    )
    details_confirmed_at = models.DateTimeField(
        _("details last confirmed"),
        null=True,
        blank=True,
        help_text=_("When the person last confirmed their details (asked every six months)."),
    )
    confirmation_reminded_at = models.DateTimeField(
        _("confirmation reminder sent"), null=True, blank=True
    )
    erased_at = models.DateTimeField(
        _("erased at"),
        null=True,
        blank=True,
        help_text=_("Set when the secretariat erased the person: name and contacts are gone."),
    )
    guide_consent_withdrawn_at = models.DateTimeField(
        _("guide consent withdrawn at"),
        null=True,
        blank=True,
        help_text=_(
            "When the person withdrew their consent to appear in published guides: from then on "
            "every public rendering of every edition shows their position instead of them."
        ),
    )

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("person")
        verbose_name_plural = _("people")
        ordering = ["full_name"]
        constraints = [
            # Sign-in ignores case: "A@x" and "a@x" are one address.
            models.UniqueConstraint(Lower("email"), name="person_unique_email_case_insensitive"),
        ]

    def __str__(self) -> str:
        return self.display_name

    @property
    def display_name(self) -> str:
        """The name to show: "erased person #id" once the person was erased."""
        if self.erased_at is not None:
            return gettext("erased person #%(id)s") % {"id": self.pk}
        return self.full_name

    def get_absolute_url(self) -> str:
        return reverse("network:person_detail", kwargs={"pk": self.pk})


class AppointmentQuerySet(models.QuerySet["Appointment"]):
    def current(self, on: date | None = None) -> "AppointmentQuerySet":
        """Appointments in force on ``on`` (today by default)."""
        on = on or timezone.localdate()
        return self.filter(Q(ends_on__isnull=True) | Q(ends_on__gt=on), starts_on__lte=on)

    def for_country(self, country: object) -> "AppointmentQuerySet":
        return self.filter(country=country)


class Appointment(models.Model):
    """A person holds a role, for a country (and a theme), from a date, until a date.

    Appointments are never deleted: ending one keeps the history of who held the post.
    """

    person = models.ForeignKey(
        Person, on_delete=models.PROTECT, related_name="appointments", verbose_name=_("person")
    )
    role = models.CharField(_("role"), max_length=30, choices=Role.choices)
    country = models.ForeignKey(
        "countries.Country",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="appointments",
        verbose_name=_("country"),
    )
    theme = models.ForeignKey(
        "strategy.Theme",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="appointments",
        verbose_name=_("theme"),
    )
    starts_on = models.DateField(_("from"), default=timezone.localdate)
    ends_on = models.DateField(
        _("until"),
        null=True,
        blank=True,
        help_text=_("From this day on the appointment no longer gives access. Empty: open-ended."),
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("recorded by"),
    )

    objects = AppointmentQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("appointment")
        verbose_name_plural = _("appointments")
        ordering = ["-starts_on"]
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_on__isnull=True) | Q(ends_on__gt=models.F("starts_on")),
                name="appointment_ends_after_it_starts",
            ),
            models.CheckConstraint(
                condition=Q(role__in=[Role.SECRETARIAT, Role.EXPERT]) | Q(country__isnull=False),
                name="appointment_country_role_has_country",
            ),
            models.CheckConstraint(
                condition=~Q(role=Role.THEMATIC_CONTACT) | Q(theme__isnull=False),
                name="appointment_thematic_contact_has_theme",
            ),
        ]

    def __str__(self) -> str:
        where = f" — {self.country.iso3}" if self.country else ""
        return f"{self.person}: {self.get_role_display()}{where}"

    def is_current(self, on: date | None = None) -> bool:
        on = on or timezone.localdate()
        return self.starts_on <= on and (self.ends_on is None or self.ends_on > on)


class Handover(models.Model):
    """One step: a post passes from a predecessor to a successor.

    The predecessor's appointment ends (it stays, as history), the successor's begins;
    apps that keep memberships (forums, newsletter) copy them on ``person_handed_over``.
    ``moved`` records what each app moved, for the welcome pack and the audit trail.
    """

    ended = models.OneToOneField(
        Appointment,
        on_delete=models.PROTECT,
        related_name="handed_over",
        verbose_name=_("predecessor's appointment"),
    )
    started = models.OneToOneField(
        Appointment,
        on_delete=models.PROTECT,
        related_name="handed_from",
        verbose_name=_("successor's appointment"),
    )
    moved = models.JSONField(_("what was handed over"), default=dict, blank=True)
    created_at = models.DateTimeField(_("handed over at"), auto_now_add=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("recorded by"),
    )
    welcomed_at = models.DateTimeField(_("welcome pack sent"), null=True, blank=True)

    class Meta:
        verbose_name = _("handover")
        verbose_name_plural = _("handovers")
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"{self.ended.person} → {self.started.person}"


class Erasure(models.Model):
    """The audit trail of an erasure: who erased "erased person #id", when. No name kept."""

    person = models.OneToOneField(
        Person, on_delete=models.PROTECT, related_name="erasure", verbose_name=_("person")
    )
    erased_at = models.DateTimeField(_("erased at"), auto_now_add=True)
    erased_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("erased by"),
    )
    removed = models.JSONField(_("what was removed, by app"), default=dict, blank=True)

    class Meta:
        verbose_name = _("erasure")
        verbose_name_plural = _("erasures")

    def __str__(self) -> str:
        return gettext("erased person #%(id)s") % {"id": self.person_id}
