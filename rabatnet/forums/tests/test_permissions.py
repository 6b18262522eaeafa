"""The forums' rules and who reads a forum (``forum_readers``, used by the notifications)."""

from datetime import timedelta

import pytest
from django.contrib.auth.models import AnonymousUser
from django.utils import timezone

from rabatnet.forums.models import PostStatus
from rabatnet.forums.permissions import (
    can_edit_post,
    can_flag_post,
    can_moderate_forum,
    can_post_in_forum,
    can_reply_to_thread,
    can_view_forum,
)
from rabatnet.forums.selectors import forum_readers, visible_forums
from rabatnet.network.tests import factories as f

from .conftest import moderator_of, person

pytestmark = pytest.mark.django_db


def test_view_forum(thematic, sen_forum):
    assert not can_view_forum(AnonymousUser(), thematic)
    assert not can_view_forum(f.no_role(), thematic)
    assert can_view_forum(f.focal_point("MLI"), thematic)
    assert not can_view_forum(f.focal_point("MLI"), sen_forum)
    assert can_view_forum(f.workgroup_member("SEN"), sen_forum)
    assert can_view_forum(f.secretariat(), sen_forum)


def test_archived_forum_is_read_only(thematic):
    thematic.archived_at = timezone.now()
    thematic.save()
    user = f.focal_point("SEN")
    assert can_view_forum(user, thematic)
    assert not can_post_in_forum(user, thematic)


def test_moderator_of_one_forum_only(sen_forum, mli_forum, thematic):
    moderator = moderator_of(sen_forum)
    assert can_moderate_forum(moderator, sen_forum)
    assert not can_moderate_forum(moderator, thematic)
    assert not can_moderate_forum(f.focal_point("SEN"), sen_forum)
    assert can_moderate_forum(f.secretariat(), mli_forum)


def test_ended_appointment_loses_the_country_forum(sen_forum):
    user = f.focal_point("SEN", ends_on=timezone.localdate() - timedelta(days=1))
    assert not can_view_forum(user, sen_forum)


def test_reply_edit_flag(thematic, make_thread):
    author = f.focal_point("SEN")
    thread = make_thread(thematic, author)
    post = thread.posts.get()
    other = f.focal_point("MLI")
    assert can_reply_to_thread(other, thread)
    assert can_edit_post(author, post) and not can_edit_post(other, post)
    assert can_flag_post(other, post) and not can_flag_post(author, post)
    thread.is_locked = True
    assert not can_reply_to_thread(other, thread)
    assert can_reply_to_thread(f.secretariat(), thread)
    assert not can_edit_post(author, post)  # a locked thread freezes its posts
    post.status = PostStatus.PENDING
    assert not can_flag_post(other, post)


def test_forum_readers(thematic, sen_forum):
    sen = person(f.focal_point("SEN"))
    mli = person(f.focal_point("MLI"))
    secretariat = person(f.secretariat())
    f.PersonFactory.create()  # no appointment
    assert set(forum_readers(sen_forum)) == {sen, secretariat}
    assert set(forum_readers(thematic)) == {sen, mli, secretariat}


def test_visible_forums(thematic, sen_forum, mli_forum):
    assert set(visible_forums(f.focal_point("SEN"))) == {thematic, sen_forum}
    assert set(visible_forums(f.secretariat())) == {thematic, sen_forum, mli_forum}
    assert not visible_forums(AnonymousUser()).exists()
