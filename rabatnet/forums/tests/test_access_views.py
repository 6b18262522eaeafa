"""The triad on every forum page: anonymous → sign-in, half-signed-in → sign-in, another
country → 403 (and not listed), the right country, the secretariat, a moderator."""

import pytest
from django.test import override_settings
from django.urls import reverse

from rabatnet.accounts.tests.helpers import sign_in
from rabatnet.network.tests import factories as f

from .conftest import moderator_of, person

pytestmark = pytest.mark.django_db


def _status(client, user, url: str, method: str = "get", data: dict | None = None) -> int:
    client.logout()
    if user is not None:
        client.force_login(user)
    return getattr(client, method)(url, data or {}).status_code


def _country_urls(forum, thread) -> dict[str, str]:
    post = thread.posts.get()
    return {
        "forum": reverse("forums:forum", kwargs={"slug": forum.slug}),
        "thread": reverse("forums:thread", kwargs={"slug": forum.slug, "pk": thread.pk}),
        "new": reverse("forums:thread_create", kwargs={"slug": forum.slug}),
        "reply": reverse("forums:reply", kwargs={"slug": forum.slug, "pk": thread.pk}),
        "history": reverse("forums:post_history", kwargs={"pk": post.pk}),
        "flag": reverse("forums:post_flag", kwargs={"pk": post.pk}),
    }


def _moderation_urls(forum, thread) -> dict[str, str]:
    return {
        "queue": reverse("forums:queue", kwargs={"slug": forum.slug}),
        "log": reverse("forums:log", kwargs={"slug": forum.slug}),
        "move": reverse("forums:thread_move", kwargs={"slug": forum.slug, "pk": thread.pk}),
    }


def test_country_forum_pages_triad(client, sen_forum, make_thread):
    thread = make_thread(sen_forum)
    for name, url in _country_urls(sen_forum, thread).items():
        assert _status(client, None, url) == 302, name
        assert _status(client, f.no_role(), url) == 403, name
        assert _status(client, f.focal_point("MLI"), url) == 403, name
        if name != "flag":  # the author's own post cannot be flagged by its author
            assert _status(client, f.workgroup_member("SEN"), url) == 200, name
    assert _status(client, f.secretariat(), _country_urls(sen_forum, thread)["thread"]) == 200


def test_moderation_pages_triad(client, sen_forum, make_thread):
    thread = make_thread(sen_forum)
    for name, url in _moderation_urls(sen_forum, thread).items():
        assert _status(client, None, url) == 302, name
        assert _status(client, f.focal_point("MLI"), url) == 403, name
        assert _status(client, f.workgroup_member("SEN"), url) == 403, name
        assert _status(client, moderator_of(sen_forum), url) == 200, name
        assert _status(client, f.secretariat(), url) == 200, name
    queue_all = reverse("forums:queue_all")
    assert _status(client, None, queue_all) == 302
    assert _status(client, moderator_of(sen_forum), queue_all) == 403
    assert _status(client, f.secretariat(), queue_all) == 200


def test_thematic_forum_open_to_every_member(client, thematic, make_thread):
    thread = make_thread(thematic)
    url = reverse("forums:thread", kwargs={"slug": thematic.slug, "pk": thread.pk})
    assert _status(client, None, url) == 302
    assert _status(client, f.no_role(), url) == 403
    assert _status(client, f.focal_point("MLI"), url) == 200
    assert _status(client, f.expert(), url) == 200


def test_forum_list_shows_only_readable_forums(client, thematic, sen_forum, mli_forum):
    url = reverse("forums:forums")
    assert _status(client, None, url) == 302
    assert _status(client, f.no_role(), url) == 403
    client.force_login(f.focal_point("MLI"))
    page = client.get(url).content.decode()
    assert "Border management" in page and "Mali workgroup" in page
    assert "Senegal workgroup" not in page
    client.force_login(f.secretariat())
    page = client.get(url).content.decode()
    assert "Senegal workgroup" in page and "Mali workgroup" in page


@override_settings(TWO_FACTOR_REQUIRED_ROLES=["focal_point"])
def test_half_signed_in_is_sent_to_enrol(client, sen_forum, make_thread):
    user = f.focal_point("SEN")
    thread = make_thread(sen_forum, user)
    sign_in(client, user.email)
    for url in _country_urls(sen_forum, thread).values():
        response = client.get(url)
        assert response.status_code == 302
        assert "two-factor" in response["Location"] or "login" in response["Location"]


def test_writes_are_refused_to_another_country(client, sen_forum, make_thread):
    thread = make_thread(sen_forum)
    urls = _country_urls(sen_forum, thread)
    client.force_login(f.focal_point("MLI"))
    assert client.post(urls["reply"], {"body": "Intrusion"}).status_code == 403
    assert client.post(urls["new"], {"title": "x", "body": "Intrusion"}).status_code == 403
    assert thread.posts.count() == 1


@pytest.mark.parametrize(
    "path",
    [
        "/en/private/forums/NOT%20A%20SLUG/",
        "/en/private/forums/unknown/",
        "/en/private/forums/sen/99999999999999999999/",
        "/en/private/forums/posts/99999999999999999999/edit/",
        "/en/private/forums/attachments/0/",
        "/en/private/forums/sen/1/reply/?quote=%00%01",
        "/en/private/forums/?q=%00%01%02",
        "/en/private/forums/?q=" + "x" * 500,
        "/en/private/forums/sen/?page=-1",
        "/en/private/forums/sen/?page=%00",
    ],
)
def test_odd_input_never_fails(client, sen_forum, make_thread, path):
    make_thread(sen_forum)
    client.force_login(f.secretariat())
    assert client.get(path).status_code in (200, 302, 404)


def test_quote_of_a_post_refused_to_the_reader_is_ignored(
    client, sen_forum, mli_forum, make_thread
):
    secret = make_thread(mli_forum, body="Mali secret").posts.get()
    thread = make_thread(sen_forum)
    user = f.focal_point("SEN")
    client.force_login(user)
    url = reverse("forums:reply", kwargs={"slug": "sen", "pk": thread.pk})
    assert "Mali secret" not in client.get(f"{url}?quote={secret.pk}").content.decode()
    client.post(url, {"body": "Reply", "quotes": secret.pk})
    reply = thread.posts.get(author=person(user))
    assert reply.quotes is None
