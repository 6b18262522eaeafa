"""Writing: threads, replies, quotes, edits with history, Markdown cleaned, mentions."""

from unittest import mock

import pytest
from django.urls import reverse

from rabatnet.forums import services
from rabatnet.forums.models import Mention, Post, PostRevision, PostStatus, ThreadRead
from rabatnet.network.tests import factories as f

from .conftest import person

pytestmark = pytest.mark.django_db


def test_member_writes_a_thread_and_a_quoting_reply(client, sen_forum):
    user = f.focal_point("SEN")
    client.force_login(user)
    response = client.post(
        reverse("forums:thread_create", kwargs={"slug": "sen"}),
        {"title": "Data sharing", "body": "What do we share?"},
    )
    assert response.status_code == 302
    thread = sen_forum.threads.get()
    first = thread.posts.get()
    other = f.workgroup_member("SEN")
    client.force_login(other)
    reply_url = reverse("forums:reply", kwargs={"slug": "sen", "pk": thread.pk})
    form_page = client.get(f"{reply_url}?quote={first.pk}").content.decode()
    assert "What do we share?" in form_page
    client.post(reply_url, {"body": "Everything", "quotes": first.pk})
    reply = thread.posts.get(author=person(other))
    assert reply.quotes == first
    page = client.get(thread.get_absolute_url()).content.decode()
    assert "<blockquote" in page and f'href="#post-{first.pk}"' in page
    thread.refresh_from_db()
    assert thread.last_posted_at == reply.published_at


def test_markdown_is_cleaned(client, thematic, make_thread):
    body = (
        "**bold** <script>alert(1)</script> <img src=x onerror=alert(2)> "
        "[click](javascript:alert(3))"
    )
    thread = make_thread(thematic, body=body)
    client.force_login(f.focal_point("MLI"))
    page = client.get(thread.get_absolute_url()).content.decode()
    assert "<strong>bold</strong>" in page
    body_html = page.split('class="post-body">', 1)[1].split("</div>", 1)[0]
    assert "<script" not in body_html and "<img" not in body_html
    assert 'href="javascript' not in body_html


def test_edit_keeps_history_and_refuses_a_stale_edit(client, thematic):
    user = f.focal_point("SEN")
    thread = services.thread_create(forum=thematic, author=person(user), title="T", body="First")
    post = thread.posts.get()
    url = reverse("forums:post_edit", kwargs={"pk": post.pk})
    client.force_login(user)
    version = post.version
    assert client.post(url, {"body": "Second", "version": version}).status_code == 302
    post.refresh_from_db()
    assert post.body == "Second" and post.edited_at is not None
    assert list(PostRevision.objects.filter(post=post).values_list("body", flat=True)) == ["First"]
    stale = client.post(url, {"body": "Third", "version": version})
    assert stale.status_code == 200
    assert "Someone else saved" in stale.content.decode() and "Second" in stale.content.decode()
    post.refresh_from_db()
    assert post.body == "Second"
    history = client.get(reverse("forums:post_history", kwargs={"pk": post.pk})).content.decode()
    assert "First" in history and "Second" in history


def test_only_author_and_moderators_edit(client, thematic, make_thread):
    thread = make_thread(thematic)
    url = reverse("forums:post_edit", kwargs={"pk": thread.posts.get().pk})
    client.force_login(f.focal_point("MLI"))
    assert client.get(url).status_code == 403
    client.force_login(f.secretariat())
    assert client.get(url).status_code == 200


def test_locked_thread_refuses_replies_but_for_moderators(client, thematic, make_thread):
    thread = make_thread(thematic)
    thread.is_locked = True
    thread.save()
    url = reverse("forums:reply", kwargs={"slug": thematic.slug, "pk": thread.pk})
    client.force_login(f.focal_point("MLI"))
    assert client.post(url, {"body": "late"}).status_code == 403
    client.force_login(f.secretariat())
    assert client.post(url, {"body": "moderator note"}).status_code == 302


def test_mentions_only_for_readers(sen_forum, make_thread):
    reader = person(f.workgroup_member("SEN", person__full_name="Aminata Diallo"))
    outsider = person(f.focal_point("MLI", person__full_name="Moussa Keita"))
    thread = make_thread(sen_forum, body="Thanks @Aminata Diallo and @Moussa Keita!")
    post = thread.posts.get()
    assert set(Mention.objects.filter(post=post).values_list("person", flat=True)) == {reader.pk}
    assert outsider.pk not in Mention.objects.values_list("person", flat=True)


def test_mention_rendered_as_a_link(client, sen_forum, make_thread):
    reader = person(f.workgroup_member("SEN", person__full_name="Aminata Diallo"))
    thread = make_thread(sen_forum, body="Over to @Aminata Diallo.")
    client.force_login(f.secretariat())
    page = client.get(thread.get_absolute_url()).content.decode()
    assert f'href="{reader.get_absolute_url()}"' in page


def test_pending_post_hidden_from_others_and_not_notified(client, sen_forum, make_thread):
    thread = make_thread(sen_forum, body="Open")
    sen_forum.posts_need_approval = True
    sen_forum.save()
    author = f.workgroup_member("SEN")
    with mock.patch("rabatnet.forums.notifications.notify_post") as notify:
        post = services.post_reply(thread=thread, author=person(author), body="Held text")
        assert post.status == PostStatus.PENDING
        notify.assert_not_called()
        client.force_login(f.focal_point("SEN"))
        assert "Held text" not in client.get(thread.get_absolute_url()).content.decode()
        client.force_login(author)
        assert "Held text" in client.get(thread.get_absolute_url()).content.decode()
        client.force_login(f.secretariat())
        assert "Held text" in client.get(thread.get_absolute_url()).content.decode()
        client.post(reverse("forums:post_moderate", kwargs={"pk": post.pk}), {"act": "approve"})
        notify.assert_called_once()
        assert notify.call_args.kwargs["post"].pk == post.pk
    post.refresh_from_db()
    assert post.status == PostStatus.PUBLISHED


def test_published_post_notified_once_on_creation(sen_forum):
    author = person(f.focal_point("SEN"))
    with mock.patch("rabatnet.forums.notifications.notify_post") as notify:
        thread = services.thread_create(forum=sen_forum, author=author, title="T", body="B")
    notify.assert_called_once_with(post=thread.posts.get())


def test_unread_marker_and_thread_read(client, thematic, make_thread):
    thread = make_thread(thematic)
    reader = f.focal_point("MLI")
    client.force_login(reader)
    listing = client.get(thematic.get_absolute_url()).content.decode()
    assert "unread" in listing
    client.get(thread.get_absolute_url())
    assert ThreadRead.objects.filter(thread=thread, person=person(reader)).exists()
    assert "badge unread" not in client.get(thematic.get_absolute_url()).content.decode()
    services.post_reply(thread=thread, author=person(f.focal_point("SEN")), body="News")
    assert "badge unread" in client.get(thematic.get_absolute_url()).content.decode()
    page = client.get(thread.get_absolute_url()).content.decode()
    assert "New since your last visit" in page


def test_visit_recorded(client, thematic):
    user = f.focal_point("SEN")
    client.force_login(user)
    with mock.patch("rabatnet.forums.notifications.record_visit") as visit:
        client.get(thematic.get_absolute_url())
    visit.assert_called_once_with(person=person(user))


def test_post_count_stays(thematic, make_thread):
    make_thread(thematic)
    assert Post.objects.count() == 1
