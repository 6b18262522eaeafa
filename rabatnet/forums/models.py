"""Forums: one per priority theme, one private forum per country workgroup.

Authors and readers are network people (``network.Person``): an erased person's posts stay,
signed "erased person #id". Every write goes through ``services.py``.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from rabatnet.core.models import TimeStampedModel, VersionedModel


class Level(models.TextChoices):
    """How much of a forum or thread reaches a person (Discourse's levels, less "tracking")."""

    MUTED = "muted", _("muted: nothing, not even mentions")
    NORMAL = "normal", _("normal: mentions, quotes and replies to me")
    WATCHING = "watching", _("watching: every new post")


class Forum(VersionedModel):
    """A thematic forum (``theme``) or a country workgroup's forum (``country``), not both.

    A thematic forum is open to every member; a country forum only to the people appointed
    for that country and the secretariat. Its address is its slug: the theme's slug or the
    country's ISO3 in lower case (``/private/forums/sen/``).
    """

    slug = models.SlugField(_("identifier"), max_length=60, unique=True)
    name = models.CharField(_("name"), max_length=200)
    description = models.TextField(_("description"), blank=True)
    theme = models.ForeignKey(
        "strategy.Theme",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="forums",
        verbose_name=_("priority theme"),
    )
    country = models.OneToOneField(
        "countries.Country",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="forum",
        verbose_name=_("country workgroup"),
    )
    posts_need_approval = models.BooleanField(
        _("posts need approval"),
        default=False,
        help_text=_("A moderator approves each post before anybody sees it or is notified."),
    )
    position = models.PositiveSmallIntegerField(_("position"), default=0)
    archived_at = models.DateTimeField(_("archived at"), null=True, blank=True)

    class Meta:
        verbose_name = _("forum")
        verbose_name_plural = _("forums")
        ordering = ["country", "position", "name"]
        constraints = [
            models.CheckConstraint(
                condition=Q(theme__isnull=True) | Q(country__isnull=True),
                name="forum_theme_or_country_not_both",
            )
        ]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("forums:forum", kwargs={"slug": self.slug})

    @property
    def is_country_forum(self) -> bool:
        return self.country_id is not None


class Membership(models.Model):
    """A person joined a forum: their notification level there, and whether they moderate it.

    A handover copies the predecessor's memberships to the successor.
    """

    forum = models.ForeignKey(
        Forum, on_delete=models.CASCADE, related_name="memberships", verbose_name=_("forum")
    )
    person = models.ForeignKey(
        "network.Person",
        on_delete=models.CASCADE,
        related_name="forum_memberships",
        verbose_name=_("person"),
    )
    level = models.CharField(_("notifications"), max_length=10, choices=Level.choices)
    is_moderator = models.BooleanField(_("moderator"), default=False)
    joined_at = models.DateTimeField(_("joined at"), auto_now_add=True)

    class Meta:
        verbose_name = _("forum membership")
        verbose_name_plural = _("forum memberships")
        constraints = [
            models.UniqueConstraint(fields=["forum", "person"], name="membership_unique")
        ]

    def __str__(self) -> str:
        return f"{self.person} — {self.forum}"


class Thread(VersionedModel):
    forum = models.ForeignKey(
        Forum, on_delete=models.PROTECT, related_name="threads", verbose_name=_("forum")
    )
    title = models.CharField(_("title"), max_length=200)
    author = models.ForeignKey(
        "network.Person", on_delete=models.PROTECT, related_name="+", verbose_name=_("author")
    )
    is_pinned = models.BooleanField(_("pinned"), default=False)
    is_locked = models.BooleanField(_("locked"), default=False, help_text=_("No new replies."))
    is_hidden = models.BooleanField(_("hidden"), default=False)
    is_example = models.BooleanField(
        _("example content"), default=False, help_text=_("Written to demonstrate the platform.")
    )
    # The time of its latest visible post: the forum lists threads by it.
    last_posted_at = models.DateTimeField(_("last post"), null=True, blank=True, db_index=True)

    class Meta:
        verbose_name = _("thread")
        verbose_name_plural = _("threads")
        ordering = ["-is_pinned", "-last_posted_at"]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("forums:thread", kwargs={"slug": self.forum.slug, "pk": self.pk})


class PostStatus(models.TextChoices):
    PUBLISHED = "published", _("published")
    PENDING = "pending", _("awaiting approval")
    REJECTED = "rejected", _("rejected")


class Post(VersionedModel):
    """A thread's opening post or a reply, in Markdown (rendered through core.markdown).

    Only a published post that is not hidden is seen by members or notified to anybody.
    """

    thread = models.ForeignKey(
        Thread, on_delete=models.PROTECT, related_name="posts", verbose_name=_("thread")
    )
    author = models.ForeignKey(
        "network.Person", on_delete=models.PROTECT, related_name="+", verbose_name=_("author")
    )
    body = models.TextField(_("text"), help_text=_("Markdown."))
    status = models.CharField(
        _("status"), max_length=10, choices=PostStatus.choices, default=PostStatus.PUBLISHED
    )
    is_hidden = models.BooleanField(_("hidden"), default=False)
    quotes = models.ForeignKey(
        "self",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="quoted_by",
        verbose_name=_("quotes"),
    )
    published_at = models.DateTimeField(_("published at"), null=True, blank=True)
    edited_at = models.DateTimeField(_("last edited at"), null=True, blank=True)
    # When notifications of this post were queued: never twice, never before it is visible.
    notified_at = models.DateTimeField(_("notified at"), null=True, blank=True)

    class Meta:
        verbose_name = _("post")
        verbose_name_plural = _("posts")
        ordering = ["created_at", "pk"]

    def __str__(self) -> str:
        return f"{self.thread} #{self.pk}"

    @property
    def is_visible(self) -> bool:
        return self.status == PostStatus.PUBLISHED and not self.is_hidden


class PostRevision(models.Model):
    """An earlier text of a post, kept at each edit: the post's edit history."""

    post = models.ForeignKey(
        Post, on_delete=models.CASCADE, related_name="revisions", verbose_name=_("post")
    )
    body = models.TextField(_("text"))
    edited_at = models.DateTimeField(_("replaced at"), auto_now_add=True)
    edited_by = models.ForeignKey(
        "network.Person", on_delete=models.PROTECT, related_name="+", verbose_name=_("edited by")
    )

    class Meta:
        verbose_name = _("post revision")
        verbose_name_plural = _("post revisions")
        ordering = ["-edited_at", "-pk"]

    def __str__(self) -> str:
        return f"PostRevision #{self.pk}"


def attachment_path(instance: "Attachment", filename: str) -> str:
    return f"forums/{instance.post.thread.forum_id}/{instance.post_id}/{filename}"


class Attachment(models.Model):
    """A file attached to a post; its type was checked from its content, not its name."""

    post = models.ForeignKey(
        Post, on_delete=models.CASCADE, related_name="attachments", verbose_name=_("post")
    )
    file = models.FileField(_("file"), upload_to=attachment_path, max_length=300)
    filename = models.CharField(_("file name"), max_length=200)
    content_type = models.CharField(_("type"), max_length=100)
    size = models.PositiveIntegerField(_("size in bytes"))
    sha256 = models.CharField(_("SHA-256"), max_length=64)

    class Meta:
        verbose_name = _("attachment")
        verbose_name_plural = _("attachments")
        ordering = ["pk"]

    def __str__(self) -> str:
        return self.filename


class Mention(models.Model):
    """@someone in a post: that person is notified (unless muted) once the post is visible."""

    post = models.ForeignKey(
        Post, on_delete=models.CASCADE, related_name="mentions", verbose_name=_("post")
    )
    person = models.ForeignKey(
        "network.Person", on_delete=models.CASCADE, related_name="+", verbose_name=_("person")
    )

    class Meta:
        verbose_name = _("mention")
        verbose_name_plural = _("mentions")
        constraints = [models.UniqueConstraint(fields=["post", "person"], name="mention_unique")]

    def __str__(self) -> str:
        return f"Mention #{self.pk}"


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
