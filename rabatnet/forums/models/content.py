"""Forums, their threads and posts, what a post carries (attachments, mentions)."""

from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from rabatnet.core.models import VersionedModel


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
