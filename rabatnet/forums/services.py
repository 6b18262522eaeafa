"""Writes of the forums: threads, replies, edits, attachments, reading marks.

A post a forum holds for approval is ``pending``: nobody but moderators and its author sees
it, and nobody is notified until a moderator approves it (``moderation.post_approve``).
"""

import hashlib
from datetime import datetime

from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from rabatnet.core.services import save_versioned
from rabatnet.countries.models import Country
from rabatnet.network.models import Person
from rabatnet.strategy.models import Theme

from . import notifications
from .attachments import check_upload
from .mentions import mentioned_people
from .models import Attachment, Forum, Mention, Post, PostRevision, PostStatus, Thread, ThreadRead
from .selectors import forum_readers


def _record_mentions(*, post: Post, forum: Forum) -> None:
    """A Mention for each reader of ``forum`` named in the post (never its author)."""
    people = mentioned_people(post.body, forum_readers(forum))
    Mention.objects.bulk_create(
        [Mention(post=post, person=p) for p in people if p.pk != post.author_id],
        ignore_conflicts=True,
    )


def publish(*, post: Post, thread: Thread, at: datetime) -> None:
    """Make ``post`` visible now: its time, the thread's last post, its notifications."""
    post.status = PostStatus.PUBLISHED
    post.published_at = at
    post.save(update_fields=["status", "published_at", "updated_at"])
    if thread.last_posted_at is None or thread.last_posted_at < at:
        thread.last_posted_at = at
        thread.save(update_fields=["last_posted_at", "updated_at"])
    notifications.notify_post(post=post)


def _new_post(
    *, thread: Thread, author: Person, body: str, quotes: Post | None, held: bool
) -> Post:
    post = Post.objects.create(
        thread=thread,
        author=author,
        body=body,
        quotes=quotes,
        status=PostStatus.PENDING if held else PostStatus.PUBLISHED,
    )
    _record_mentions(post=post, forum=thread.forum)
    if not held:
        publish(post=post, thread=thread, at=post.created_at)
    return post


@transaction.atomic
def thread_create(
    *, forum: Forum, author: Person, title: str, body: str, as_moderator: bool = False
) -> Thread:
    """A new thread and its opening post (held for approval if the forum says so)."""
    forum = Forum.objects.select_for_update().get(pk=forum.pk)
    if forum.archived_at is not None:
        raise ValidationError(_("This forum is archived: it takes no new threads."))
    thread = Thread.objects.create(forum=forum, title=title.strip(), author=author)
    held = forum.posts_need_approval and not as_moderator
    _new_post(thread=thread, author=author, body=body, quotes=None, held=held)
    return thread


@transaction.atomic
def post_reply(
    *,
    thread: Thread,
    author: Person,
    body: str,
    quotes: Post | None = None,
    as_moderator: bool = False,
) -> Post:
    """A reply, the thread locked meanwhile; refused if the thread was locked (but for a
    moderator) or if the quoted post is not one of this thread's visible posts."""
    thread = Thread.objects.select_for_update().select_related("forum").get(pk=thread.pk)
    if thread.is_locked and not as_moderator:
        raise ValidationError(_("This thread is locked: it takes no new replies."))
    if thread.forum.archived_at is not None:
        raise ValidationError(_("This forum is archived: it takes no new posts."))
    if quotes is not None and (quotes.thread_id != thread.pk or not quotes.is_visible):
        raise ValidationError(_("The quoted post is not in this thread."))
    held = thread.forum.posts_need_approval and not as_moderator
    return _new_post(thread=thread, author=author, body=body, quotes=quotes, held=held)


@transaction.atomic
def post_edit(*, post: Post, editor: Person, body: str, expected_version: int) -> Post:
    """Replace the text, keeping the old one as a revision; refused (StaleEditError) when
    somebody saved the post since ``expected_version`` was read."""
    stored = Post.objects.select_for_update().get(pk=post.pk)
    if stored.body == body and stored.version == expected_version:
        return stored
    if stored.version == expected_version:
        PostRevision.objects.create(post=stored, body=stored.body, edited_by=editor)
    post.body = body
    post.edited_at = timezone.now()
    saved = save_versioned(
        obj=post, expected_version=expected_version, fields=["body", "edited_at"]
    )
    _record_mentions(post=saved, forum=saved.thread.forum)
    return saved


@transaction.atomic
def attachment_add(*, post: Post, upload: UploadedFile) -> Attachment:
    """Attach ``upload`` once its content shows an allowed type within the size limit."""
    filename = (upload.name or "attachment").rsplit("/", 1)[-1][:200]
    size = upload.size or 0
    content_type = check_upload(upload, filename, size)
    digest = hashlib.sha256()
    for chunk in upload.chunks():
        digest.update(chunk)
    upload.seek(0)
    attachment = Attachment(
        post=post,
        filename=filename,
        content_type=content_type,
        size=size,
        sha256=digest.hexdigest(),
    )
    attachment.file.save(filename, upload, save=False)
    attachment.save()
    return attachment


@transaction.atomic
def thread_mark_read(*, thread: Thread, person: Person, at: datetime) -> None:
    """Record that ``person`` read ``thread`` up to ``at`` (never moving the mark back)."""
    read, created = ThreadRead.objects.select_for_update().get_or_create(
        thread=thread, person=person, defaults={"last_read_at": at}
    )
    if not created and read.last_read_at < at:
        read.last_read_at = at
        read.save(update_fields=["last_read_at"])


@transaction.atomic
def forums_create_defaults() -> list[Forum]:
    """One forum per priority theme and one per country taking part, those missing only
    (safe to run again: an existing forum keeps its name and settings). The new ones."""
    created = []
    for position, theme in enumerate(Theme.objects.order_by("pk")):
        forum, made = Forum.objects.get_or_create(
            theme=theme,
            defaults={
                "slug": theme.slug[:60],
                "name_en": (theme.title_en or theme.title)[:200],
                "name_fr": (theme.title_fr or "")[:200],
                "position": position,
            },
        )
        if made:
            created.append(forum)
    for country in Country.objects.taking_part().distinct().order_by("iso3"):
        forum, made = Forum.objects.get_or_create(
            country=country,
            defaults={
                "slug": country.iso3.lower(),
                **{f"name_{code}": country_forum_name(country, code) for code in ("en", "fr")},
            },
        )
        if made:
            created.append(forum)
    return created


def country_forum_name(country: Country, language: str = "en") -> str:
    """A country forum's name in ``language`` ("Senegal workgroup")."""
    with translation.override(language):
        name = getattr(country, f"name_{language}", "") or country.name_en or country.name
        return (_("%(country)s workgroup") % {"country": name})[:200]
