"""The Rabat Review: quarterly issues, their subscribers, deliveries and bounces."""

import secrets

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.db.models.functions import Lower
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from rabatnet.core.models import TimeStampedModel, VersionedModel


def new_token() -> str:
    return secrets.token_urlsafe(32)


class Subscriber(TimeStampedModel):
    """An address that asked for the newsletter, in one language.

    ``token`` is this subscriber's alone: the confirmation and the one-click unsubscription
    (RFC 8058) name it, so it can neither confirm nor unsubscribe anybody else.
    """

    class Status(models.TextChoices):
        PENDING = "pending", _("awaiting confirmation")
        ACTIVE = "active", _("subscribed")
        UNSUBSCRIBED = "unsubscribed", _("unsubscribed")
        BOUNCING = "bouncing", _("delivery stopped after hard bounces")

    email = models.EmailField(_("e-mail address"), max_length=254)
    language = models.CharField(_("language"), max_length=5, choices=settings.LANGUAGES)
    status = models.CharField(
        _("status"), max_length=12, choices=Status.choices, default=Status.PENDING
    )
    token = models.CharField(_("token"), max_length=64, unique=True, default=new_token)
    person = models.OneToOneField(
        "network.Person",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="newsletter_subscription",
        verbose_name=_("member"),
    )
    confirmation_sent_at = models.DateTimeField(_("confirmation sent at"), null=True, blank=True)
    confirmed_at = models.DateTimeField(_("confirmed at"), null=True, blank=True)
    unsubscribed_at = models.DateTimeField(_("unsubscribed at"), null=True, blank=True)
    hard_bounces = models.PositiveSmallIntegerField(_("hard bounces in a row"), default=0)

    class Meta:
        verbose_name = _("subscriber")
        verbose_name_plural = _("subscribers")
        ordering = ["email"]
        constraints = [
            models.UniqueConstraint(Lower("email"), name="subscriber_unique_email"),
        ]

    def __str__(self) -> str:
        return self.email


class Issue(VersionedModel):
    """One quarter's issue, written in English and French side by side."""

    class Status(models.TextChoices):
        DRAFT = "draft", _("draft")
        SENDING = "sending", _("sending")
        SENT = "sent", _("sent")

    year = models.PositiveSmallIntegerField(_("year"))
    quarter = models.PositiveSmallIntegerField(
        _("quarter"), choices=[(q, f"Q{q}") for q in (1, 2, 3, 4)]
    )
    title_en = models.CharField(_("title (English)"), max_length=200, blank=True)
    title_fr = models.CharField(_("title (French)"), max_length=200, blank=True)
    editorial_en = models.TextField(_("editorial (English)"), blank=True, help_text=_("Markdown."))
    editorial_fr = models.TextField(_("editorial (French)"), blank=True, help_text=_("Markdown."))
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.DRAFT
    )
    is_example = models.BooleanField(
        _("example content"),
        default=False,
        help_text=_("Demo content, marked as such on every page and mail."),
    )
    sent_at = models.DateTimeField(_("sent at"), null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("started by"),
    )
    # The audit trail; it also names what another person changed when an edit is refused.
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("newsletter issue")
        verbose_name_plural = _("newsletter issues")
        ordering = ["-year", "-quarter"]
        constraints = [
            models.UniqueConstraint(fields=["year", "quarter"], name="issue_unique_quarter"),
            models.CheckConstraint(
                condition=Q(quarter__gte=1) & Q(quarter__lte=4), name="issue_quarter_1_to_4"
            ),
        ]

    def __str__(self) -> str:
        return f"Rabat Review {self.year} Q{self.quarter}"

    def get_absolute_url(self) -> str:
        return reverse("newsletter:issue", kwargs={"year": self.year, "quarter": self.quarter})


class Item(VersionedModel):
    """A piece of an issue: drafted from the quarter's recorded activity, or written.

    Versioned (added in 0002): two people editing the same item side by side cannot
    overwrite each other silently.
    """

    class Kind(models.TextChoices):
        GUIDE = "guide", _("country guides")
        DATASET = "dataset", _("data")
        MEETING = "meeting", _("meetings")
        SUPPORT = "support", _("technical support")
        FORUM = "forum", _("from the forums")
        OTHER = "other", _("other news")

    issue = models.ForeignKey(
        Issue, on_delete=models.CASCADE, related_name="items", verbose_name=_("issue")
    )
    kind = models.CharField(_("section"), max_length=10, choices=Kind.choices)
    position = models.PositiveSmallIntegerField(_("position"), default=0)
    title_en = models.CharField(_("title (English)"), max_length=250, blank=True)
    title_fr = models.CharField(_("title (French)"), max_length=250, blank=True)
    body_en = models.TextField(_("text (English)"), blank=True, help_text=_("Markdown."))
    body_fr = models.TextField(_("text (French)"), blank=True, help_text=_("Markdown."))
    link = models.CharField(
        _("link"),
        max_length=300,
        blank=True,
        help_text=_("A path on this site, e.g. /countries/SEN/."),
    )
    # What the draft was composed from ("guides.GuideEvent:12"): never drafted twice.
    source = models.CharField(_("composed from"), max_length=100, blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("newsletter item")
        verbose_name_plural = _("newsletter items")
        ordering = ["issue", "kind", "position", "pk"]

    def __str__(self) -> str:
        return f"Item #{self.pk}"


class Delivery(models.Model):
    """One issue to one subscriber: queued once, sent once, whatever the retries."""

    class Status(models.TextChoices):
        QUEUED = "queued", _("queued")
        SENT = "sent", _("sent")
        FAILED = "failed", _("failed")
        SKIPPED = "skipped", _("skipped (unsubscribed before sending)")

    issue = models.ForeignKey(
        Issue, on_delete=models.PROTECT, related_name="deliveries", verbose_name=_("issue")
    )
    subscriber = models.ForeignKey(
        Subscriber,
        on_delete=models.CASCADE,
        related_name="deliveries",
        verbose_name=_("subscriber"),
    )
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.QUEUED
    )
    sent_at = models.DateTimeField(_("sent at"), null=True, blank=True)
    message_id = models.CharField(_("Message-ID"), max_length=250, blank=True)
    error = models.TextField(_("error"), blank=True)

    class Meta:
        verbose_name = _("delivery")
        verbose_name_plural = _("deliveries")
        constraints = [
            models.UniqueConstraint(fields=["issue", "subscriber"], name="delivery_unique")
        ]

    def __str__(self) -> str:
        return f"Delivery #{self.pk}"


class Bounce(models.Model):
    """A bounce reported back for a subscriber; hard ones in a row stop delivery."""

    class Kind(models.TextChoices):
        HARD = "hard", _("hard (the address does not exist)")
        SOFT = "soft", _("soft (temporary)")

    subscriber = models.ForeignKey(
        Subscriber, on_delete=models.CASCADE, related_name="bounces", verbose_name=_("subscriber")
    )
    kind = models.CharField(_("kind"), max_length=5, choices=Kind.choices)
    reported_at = models.DateTimeField(_("reported at"), auto_now_add=True)
    detail = models.TextField(_("detail"), blank=True)

    class Meta:
        verbose_name = _("bounce")
        verbose_name_plural = _("bounces")
        ordering = ["-reported_at"]

    def __str__(self) -> str:
        return f"Bounce #{self.pk}"
