"""Levels per forum (joining it) and per thread: POST only, through the access layer."""

import pytest
from django.template import engines
from django.test import RequestFactory
from django.urls import reverse

from rabatnet.forums.models import Level, Membership, ThreadSubscription
from rabatnet.network.tests import factories as f

from .notification_fixtures import forum, member, set_delivery, thread

pytestmark = pytest.mark.django_db


def _post(client, user, url: str, data: dict) -> int:
    client.logout()
    if user is not None:
        client.force_login(user)
    return client.post(url, data).status_code


def test_forum_level_triad_on_a_country_forum(client):
    sen = forum("sen", "SEN")
    url = reverse("forums:forum_level", kwargs={"slug": "sen"})
    assert _post(client, None, url, {}) == 302
    assert client.post(url).url.startswith("/en/accounts/login/")
    assert _post(client, f.focal_point("MLI"), url, {}) == 403
    assert _post(client, f.no_role(), url, {}) == 403
    assert not Membership.objects.exists()
    assert _post(client, f.focal_point("SEN"), url, {}) == 302
    assert _post(client, f.secretariat(), url, {}) == 302
    assert Membership.objects.filter(forum=sen).count() == 2
    assert client.get(url).status_code == 405


def test_joining_takes_the_default_level_then_the_level_can_change(client):
    person = member()
    set_delivery(person, "immediate", default_level=Level.WATCHING)
    where = forum()
    url = reverse("forums:forum_level", kwargs={"slug": where.slug})
    client.force_login(person.user)
    response = client.post(url, {"next": "/en/private/"})
    assert response.url == "/en/private/"
    assert Membership.objects.get(person=person, forum=where).level == Level.WATCHING
    response = client.post(url, {"level": "muted", "next": "https://evil.example/"})
    assert response.url == where.get_absolute_url()
    assert client.post(url, {"next": "99999999999"}).url == where.get_absolute_url()
    assert Membership.objects.get(person=person, forum=where).level == Level.MUTED


def test_a_bad_level_changes_nothing_and_says_so(client):
    person = member()
    where = forum()
    Membership.objects.create(forum=where, person=person, level=Level.NORMAL)
    client.force_login(person.user)
    response = client.post(
        reverse("forums:forum_level", kwargs={"slug": where.slug}), {"level": "loud"}, follow=False
    )
    assert response.status_code == 302
    assert Membership.objects.get(person=person).level == Level.NORMAL


def test_thread_level_sets_then_removes_the_override(client):
    person = member()
    where = forum("sen", "SEN")
    opened = thread(where, person)
    url = reverse("forums:thread_level", kwargs={"slug": "sen", "pk": opened.pk})
    assert _post(client, f.focal_point("MLI"), url, {"level": "watching"}) == 403
    client.force_login(person.user)
    assert client.post(url, {"level": "watching"}).status_code == 302
    assert ThreadSubscription.objects.get(person=person).level == Level.WATCHING
    client.post(url, {"level": ""})
    assert not ThreadSubscription.objects.exists()
    wrong_forum = reverse("forums:thread_level", kwargs={"slug": "other", "pk": opened.pk})
    assert client.post(wrong_forum, {"level": "muted"}).status_code == 404


def test_with_htmx_the_form_answers_itself(client):
    person = member()
    where = forum()
    client.force_login(person.user)
    response = client.post(
        reverse("forums:forum_level", kwargs={"slug": where.slug}),
        {"level": "watching"},
        HTTP_HX_REQUEST="true",
    )
    assert response.status_code == 200
    assert 'value="watching" selected' in response.content.decode()


def test_the_partial_shows_the_current_level_or_a_join_button():
    person = member()
    where = forum()
    opened = thread(where, person)
    request = RequestFactory().get("/en/private/forums/border-talk/")
    assert person.user is not None
    request.user = person.user
    template = engines["django"].from_string(
        '{% include "forums/_level_form.html" with target=target %}'
    )
    html = template.render({"target": where}, request)
    assert "Join this forum" in html
    Membership.objects.create(forum=where, person=person, level=Level.WATCHING)
    html = template.render({"target": where}, request)
    assert 'value="watching" selected' in html
    assert f'action="/en/private/forums/{where.slug}/level/"' in html
    ThreadSubscription.objects.create(thread=opened, person=person, level=Level.MUTED)
    html = template.render({"target": opened}, request)
    assert 'value="muted" selected' in html
    assert f'action="/en/private/forums/{where.slug}/{opened.pk}/level/"' in html
