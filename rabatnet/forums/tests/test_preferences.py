"""The forums' section of the preference centre: delivery, default level, each level."""

import pytest
from django.urls import reverse

from rabatnet.forums.models import (
    Delivery,
    Level,
    Membership,
    NotificationSettings,
    ThreadSubscription,
)

from .notification_fixtures import forum, member, post, publish, set_level, thread

pytestmark = pytest.mark.django_db

URL = "/en/private/notifications/"


@pytest.fixture
def person_with_levels():
    person = member()
    where = forum()
    opened = thread(where, person)
    set_level(person, where, Level.NORMAL)
    set_level(person, opened, Level.WATCHING)
    return person, Membership.objects.get(person=person), ThreadSubscription.objects.get()


def _form(membership, subscription, **changes: str) -> dict[str, str]:
    data = {
        "section": "forums",
        "forums-forum_delivery": "digest",
        "forums-default_level": "watching",
        f"forums-membership_{membership.pk}": "muted",
        f"forums-subscription_{subscription.pk}": "normal",
    }
    return {**data, **changes}


def test_the_section_shows_the_memberships_and_subscriptions(client, person_with_levels):
    person, membership, subscription = person_with_levels
    client.force_login(person.user)
    html = client.get(URL).content.decode()
    assert membership.forum.name in html
    assert subscription.thread.title in html
    assert f'name="forums-membership_{membership.pk}"' in html


def test_a_member_saves_delivery_default_and_levels(client, person_with_levels):
    person, membership, subscription = person_with_levels
    client.force_login(person.user)
    response = client.post(URL, _form(membership, subscription))
    assert response.status_code == 302
    assert response.url == reverse("network:notifications")
    settings = NotificationSettings.objects.get(person=person)
    assert (settings.forum_delivery, settings.default_level) == (Delivery.DIGEST, Level.WATCHING)
    membership.refresh_from_db()
    subscription.refresh_from_db()
    assert (membership.level, subscription.level) == (Level.MUTED, Level.NORMAL)


def test_a_member_cannot_change_somebody_elses_levels(client, person_with_levels):
    person, membership, subscription = person_with_levels
    intruder = member()
    client.force_login(intruder.user)
    response = client.post(URL, _form(membership, subscription))
    assert response.status_code == 302
    membership.refresh_from_db()
    subscription.refresh_from_db()
    assert (membership.level, subscription.level) == (Level.NORMAL, Level.WATCHING)
    assert not NotificationSettings.objects.filter(person=person).exists()
    assert NotificationSettings.objects.get(person=intruder).forum_delivery == Delivery.DIGEST


def test_a_bad_choice_is_shown_and_nothing_saved(client, person_with_levels):
    person, membership, subscription = person_with_levels
    client.force_login(person.user)
    response = client.post(URL, _form(membership, subscription, **{"forums-forum_delivery": "x"}))
    assert response.status_code == 200
    assert "errorlist" in response.content.decode()
    assert not NotificationSettings.objects.exists()
    membership.refresh_from_db()
    assert membership.level == Level.NORMAL


def test_the_section_lists_the_latest_notifications_of_visible_posts_only(client):
    reader, author = member(), member()
    where = forum()
    opened = thread(where, author, "Visible thread")
    set_level(reader, where, Level.WATCHING)
    shown = post(opened, author, "Shown")
    gone = post(thread(where, author, "Hidden thread"), author, "Gone")
    for new_post in (shown, gone):
        publish(new_post)
    gone.is_hidden = True
    gone.save()
    client.force_login(reader.user)
    html = client.get(URL).content.decode()
    assert f"{opened.get_absolute_url()}#post-{shown.pk}" in html
    assert "Hidden thread" not in html
