"""A country's delegation to a meeting, and the secret address of a personal calendar."""

import secrets

from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from rabatnet.core.models import VersionedModel

from .meeting import Meeting


class Registration(VersionedModel):
    """The delegation a country's focal point registers; the secretariat confirms it."""

    class Status(models.TextChoices):
        DRAFT = "draft", _("draft")
        SUBMITTED = "submitted", _("submitted")
        CONFIRMED = "confirmed", _("confirmed")
        WITHDRAWN = "withdrawn", _("withdrawn")

    meeting = models.ForeignKey(
        Meeting, on_delete=models.CASCADE, related_name="registrations", verbose_name=_("meeting")
    )
    country = models.ForeignKey(
        "countries.Country",
        on_delete=models.PROTECT,
        related_name="meeting_registrations",
        verbose_name=_("country"),
    )
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.DRAFT
    )
    note = models.TextField(_("note to the secretariat"), blank=True)
    submitted_at = models.DateTimeField(_("submitted at"), null=True, blank=True)
    submitted_by = models.ForeignKey(
        "accounts.User",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("submitted by"),
    )
    confirmed_at = models.DateTimeField(_("confirmed at"), null=True, blank=True)
    confirmed_by = models.ForeignKey(
        "accounts.User",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("confirmed by"),
    )

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("registration")
        verbose_name_plural = _("registrations")
        ordering = ["meeting", "country"]
        constraints = [
            models.UniqueConstraint(
                fields=["meeting", "country"], name="registration_one_per_country"
            )
        ]

    def __str__(self) -> str:
        return f"{self.meeting} — {self.country}"


class Delegate(models.Model):
    """A member of a delegation. Personal data: never public, erased with the person."""

    registration = models.ForeignKey(
        Registration,
        on_delete=models.CASCADE,
        related_name="delegates",
        verbose_name=_("registration"),
    )
    person = models.ForeignKey(
        "network.Person",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="delegations",
        verbose_name=_("person in the directory"),
    )
    full_name = models.CharField(_("full name"), max_length=200)
    function = models.CharField(_("function"), max_length=200)
    email = models.EmailField(_("e-mail address"), blank=True)
    arrival_on = models.DateField(_("arrival"), null=True, blank=True)
    departure_on = models.DateField(_("departure"), null=True, blank=True)
    travel_details = models.CharField(_("travel details"), max_length=300, blank=True)
    head_of_delegation = models.BooleanField(_("head of delegation"), default=False)

    class Meta:
        verbose_name = _("delegate")
        verbose_name_plural = _("delegates")
        ordering = ["registration", "-head_of_delegation", "full_name"]

    def __str__(self) -> str:
        return self.full_name


def new_calendar_token() -> str:
    return secrets.token_urlsafe(32)


class CalendarToken(models.Model):
    """The secret in a person's calendar address; replacing it closes the old address."""

    person = models.OneToOneField(
        "network.Person",
        on_delete=models.CASCADE,
        related_name="calendar_token",
        verbose_name=_("person"),
    )
    token = models.CharField(_("token"), max_length=64, unique=True, default=new_calendar_token)
    created_at = models.DateTimeField(_("created at"), auto_now=True)

    class Meta:
        verbose_name = _("calendar address")
        verbose_name_plural = _("calendar addresses")

    def __str__(self) -> str:
        return str(self.person)
