"""Who reads what, at which level, and the notifications that follow."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from rabatnet.core.models import TimeStampedModel

from .content import Level, Post, Thread


class ThreadSubscription(models.Model):
    """A person's level for one thread; it overrides their level for the forum."""

    thread = models.ForeignKey(
        Thread, on_delete=models.CASCADE, related_name="subscriptions", verbose_name=_("thread")
    )
    person = models.ForeignKey(
        "network.Person",
        on_delete=models.CASCADE,
        related_name="thread_subscriptions",
        verbose_name=_("person"),
    )
    level = models.CharField(_("notifications"), max_length=10, choices=Level.choices)

    class Meta:
        verbose_name = _("thread subscription")
        verbose_name_plural = _("thread subscriptions")
        constraints = [
            models.UniqueConstraint(fields=["thread", "person"], name="thread_subscription_unique")
        ]

    def __str__(self) -> str:
        return f"ThreadSubscription #{self.pk}"


class ThreadRead(models.Model):
    """How far a person has read a thread: posts after ``last_read_at`` are unread."""

    thread = models.ForeignKey(
        Thread, on_delete=models.CASCADE, related_name="reads", verbose_name=_("thread")
    )
    person = models.ForeignKey(
        "network.Person", on_delete=models.CASCADE, related_name="+", verbose_name=_("person")
    )
    last_read_at = models.DateTimeField(_("read up to"))

    class Meta:
        verbose_name = _("thread read")
        verbose_name_plural = _("threads read")
        constraints = [
            models.UniqueConstraint(fields=["thread", "person"], name="thread_read_unique")
        ]

    def __str__(self) -> str:
        return f"ThreadRead #{self.pk}"


class Delivery(models.TextChoices):
    IMMEDIATE = "immediate", _("at once, one e-mail per post")
    DIGEST = "digest", _("once a day, a digest (only if I did not visit that day)")
    NONE = "none", _("no e-mail (I read them on the site)")


class NotificationSettings(TimeStampedModel):
    """A person's choices in the preference centre, and when they last visited the forums."""

    person = models.OneToOneField(
        "network.Person",
        on_delete=models.CASCADE,
        related_name="notification_settings",
        verbose_name=_("person"),
    )
    forum_delivery = models.CharField(
        _("forum e-mails"), max_length=10, choices=Delivery.choices, default=Delivery.IMMEDIATE
    )
    default_level = models.CharField(
        _("level in forums I join"), max_length=10, choices=Level.choices, default=Level.NORMAL
    )
    last_visit_at = models.DateTimeField(_("last visit to the forums"), null=True, blank=True)

    class Meta:
        verbose_name = _("notification settings")
        verbose_name_plural = _("notification settings")

    def __str__(self) -> str:
        return f"NotificationSettings #{self.pk}"


class Notification(models.Model):
    """One post that should reach one person, and why; e-mailed at once or in a digest."""

    class Reason(models.TextChoices):
        MENTION = "mention", _("you were mentioned")
        QUOTE = "quote", _("you were quoted")
        REPLY = "reply", _("a reply in your thread")
        WATCHING = "watching", _("a new post where you watch")

    person = models.ForeignKey(
        "network.Person",
        on_delete=models.CASCADE,
        related_name="notifications",
        verbose_name=_("person"),
    )
    post = models.ForeignKey(
        Post, on_delete=models.CASCADE, related_name="notifications", verbose_name=_("post")
    )
    reason = models.CharField(_("reason"), max_length=10, choices=Reason.choices)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    emailed_at = models.DateTimeField(_("e-mailed at"), null=True, blank=True)
    seen_at = models.DateTimeField(_("seen at"), null=True, blank=True)

    class Meta:
        verbose_name = _("notification")
        verbose_name_plural = _("notifications")
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.UniqueConstraint(fields=["person", "post"], name="notification_unique")
        ]

    def __str__(self) -> str:
        return f"Notification #{self.pk}"
