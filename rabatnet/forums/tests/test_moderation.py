"""Moderation: hide, lock, pin, move, approve, reject, flags; each act logged."""

from unittest import mock

import pytest
from django.urls import reverse

from rabatnet.forums.models import Flag, ModerationAction, PostStatus
from rabatnet.network.tests import factories as f

from .conftest import moderator_of, person

pytestmark = pytest.mark.django_db
Kind = ModerationAction.Kind


def test_hide_and_show_again_logged(client, sen_forum, make_thread):
    thread = make_thread(sen_forum, body="Rude words")
    post = thread.posts.get()
    moderator = moderator_of(sen_forum)
    client.force_login(moderator)
    url = reverse("forums:post_moderate", kwargs={"pk": post.pk})
    client.post(url, {"act": "hide"})
    post.refresh_from_db()
    assert post.is_hidden
    client.force_login(f.workgroup_member("SEN"))
    assert "Rude words" not in client.get(thread.get_absolute_url()).content.decode()
    client.force_login(moderator)
    with mock.patch("rabatnet.forums.notifications.notify_post") as notify:
        client.post(url, {"act": "unhide"})
    notify.assert_called_once()
    kinds = list(ModerationAction.objects.order_by("pk").values_list("kind", "actor"))
    assert kinds == [(Kind.HIDE, moderator.pk), (Kind.UNHIDE, moderator.pk)]
    log = client.get(reverse("forums:log", kwargs={"slug": "sen"})).content.decode()
    assert "hid" in log and "showed again" in log


def test_member_cannot_moderate(client, sen_forum, make_thread):
    thread = make_thread(sen_forum)
    post = thread.posts.get()
    client.force_login(f.workgroup_member("SEN"))
    url = reverse("forums:post_moderate", kwargs={"pk": post.pk})
    assert client.post(url, {"act": "hide"}).status_code == 403
    thread_url = reverse("forums:thread_moderate", kwargs={"slug": "sen", "pk": thread.pk})
    assert client.post(thread_url, {"act": "lock"}).status_code == 403
    assert not ModerationAction.objects.exists()


def test_lock_and_pin(client, thematic, make_thread):
    older = make_thread(thematic, title="Older")
    make_thread(thematic, title="Newer")
    client.force_login(f.secretariat())
    url = reverse("forums:thread_moderate", kwargs={"slug": thematic.slug, "pk": older.pk})
    client.post(url, {"act": "pin"})
    client.post(url, {"act": "lock"})
    older.refresh_from_db()
    assert older.is_pinned and older.is_locked
    page = client.get(thematic.get_absolute_url()).content.decode()
    assert page.index("Older") < page.index("Newer")
    assert set(ModerationAction.objects.values_list("kind", flat=True)) == {Kind.PIN, Kind.LOCK}


def test_moving_out_of_a_country_forum_needs_confirmation(client, sen_forum, thematic, make_thread):
    thread = make_thread(sen_forum, title="Country matter")
    client.force_login(f.secretariat())
    url = reverse("forums:thread_move", kwargs={"slug": "sen", "pk": thread.pk})
    response = client.post(url, {"forum": thematic.pk})
    assert response.status_code == 200
    assert "Tick the confirmation" in response.content.decode()
    thread.refresh_from_db()
    assert thread.forum == sen_forum
    response = client.post(url, {"forum": thematic.pk, "confirm": "on"})
    assert response.status_code == 302
    thread.refresh_from_db()
    assert thread.forum == thematic
    act = ModerationAction.objects.get(kind=Kind.MOVE)
    assert act.details == {"from": "sen", "to": thematic.slug}


def test_a_forum_moderator_moves_only_to_forums_they_moderate(
    client, sen_forum, mli_forum, make_thread
):
    thread = make_thread(sen_forum)
    client.force_login(moderator_of(sen_forum))
    url = reverse("forums:thread_move", kwargs={"slug": "sen", "pk": thread.pk})
    response = client.post(url, {"forum": mli_forum.pk, "confirm": "on"})
    assert response.status_code == 200
    thread.refresh_from_db()
    assert thread.forum == sen_forum


def test_reject_pending(client, sen_forum, make_thread):
    sen_forum.posts_need_approval = True
    sen_forum.save()
    with mock.patch("rabatnet.forums.notifications.notify_post") as notify:
        thread = make_thread(sen_forum, body="Held")
        post = thread.posts.get()
        client.force_login(moderator_of(sen_forum))
        queue = client.get(reverse("forums:queue", kwargs={"slug": "sen"})).content.decode()
        assert "Held" in queue
        client.post(reverse("forums:post_moderate", kwargs={"pk": post.pk}), {"act": "reject"})
    notify.assert_not_called()
    post.refresh_from_db()
    assert post.status == PostStatus.REJECTED
    assert ModerationAction.objects.filter(kind=Kind.REJECT, post=post).exists()


def test_flag_once_then_resolved(client, thematic, make_thread):
    thread = make_thread(thematic, body="Doubtful")
    post = thread.posts.get()
    member = f.focal_point("MLI")
    client.force_login(member)
    url = reverse("forums:post_flag", kwargs={"pk": post.pk})
    assert client.post(url, {"reason": "Off topic"}).status_code == 302
    again = client.post(url, {"reason": "Still off topic"})
    assert again.status_code == 200 and "already flagged" in again.content.decode()
    flag = Flag.objects.get()
    assert flag.person == person(member)
    secretariat = f.secretariat()
    client.force_login(secretariat)
    queue = client.get(reverse("forums:queue_all")).content.decode()
    assert "Off topic" in queue
    client.post(reverse("forums:flag_resolve", kwargs={"pk": flag.pk}))
    flag.refresh_from_db()
    assert flag.resolved_by == secretariat
    assert ModerationAction.objects.filter(kind=Kind.RESOLVE_FLAG).count() == 1
    assert "Off topic" not in client.get(reverse("forums:queue_all")).content.decode()


def test_hidden_post_cannot_be_flagged_nor_read_by_members(client, thematic, make_thread):
    thread = make_thread(thematic)
    post = thread.posts.get()
    post.is_hidden = True
    post.save()
    client.force_login(f.focal_point("MLI"))
    assert client.get(reverse("forums:post_flag", kwargs={"pk": post.pk})).status_code == 403
    assert client.get(reverse("forums:post_history", kwargs={"pk": post.pk})).status_code == 403


def test_queue_link_only_where_it_opens(client, sen_forum):
    queue_all = reverse("forums:queue_all")
    client.force_login(moderator_of(sen_forum))
    assert queue_all not in client.get(reverse("forums:forums")).content.decode()
    forum_page = client.get(sen_forum.get_absolute_url()).content.decode()
    assert reverse("forums:queue", kwargs={"slug": "sen"}) in forum_page
    client.force_login(f.secretariat())
    assert queue_all in client.get(reverse("forums:forums")).content.decode()
