"""Flags members raise and the log of every moderation act."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from .content import Forum, Post, Thread


class Flag(models.Model):
    """A member tells the moderators a post needs a look."""

    post = models.ForeignKey(
        Post, on_delete=models.CASCADE, related_name="flags", verbose_name=_("post")
    )
    person = models.ForeignKey(
        "network.Person", on_delete=models.CASCADE, related_name="+", verbose_name=_("flagged by")
    )
    reason = models.TextField(_("reason"), max_length=1000)
    created_at = models.DateTimeField(_("flagged at"), auto_now_add=True)
    resolved_at = models.DateTimeField(_("resolved at"), null=True, blank=True)
    resolved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("resolved by"),
    )

    class Meta:
        verbose_name = _("flag")
        verbose_name_plural = _("flags")
        ordering = ["-created_at"]
        constraints = [models.UniqueConstraint(fields=["post", "person"], name="flag_unique")]

    def __str__(self) -> str:
        return f"Flag #{self.pk}"


class ModerationAction(models.Model):
    """The log of every moderation act: who did what to which forum, thread or post."""

    class Kind(models.TextChoices):
        HIDE = "hide", _("hid")
        UNHIDE = "unhide", _("showed again")
        LOCK = "lock", _("locked")
        UNLOCK = "unlock", _("unlocked")
        PIN = "pin", _("pinned")
        UNPIN = "unpin", _("unpinned")
        MOVE = "move", _("moved")
        APPROVE = "approve", _("approved")
        REJECT = "reject", _("rejected")
        RESOLVE_FLAG = "resolve_flag", _("resolved a flag")

    kind = models.CharField(_("act"), max_length=20, choices=Kind.choices)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("moderator"),
    )
    forum = models.ForeignKey(
        Forum, on_delete=models.PROTECT, related_name="+", verbose_name=_("forum")
    )
    thread = models.ForeignKey(
        Thread,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("thread"),
    )
    post = models.ForeignKey(
        Post,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("post"),
    )
    note = models.TextField(_("reason"), blank=True)
    details = models.JSONField(_("details"), default=dict, blank=True)
    created_at = models.DateTimeField(_("at"), auto_now_add=True)

    class Meta:
        verbose_name = _("moderation act")
        verbose_name_plural = _("moderation log")
        ordering = ["-created_at", "-pk"]

    def __str__(self) -> str:
        return f"ModerationAction #{self.pk}"
