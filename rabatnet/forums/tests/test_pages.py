"""Pages across several screens, and the way in from the private home."""

import pytest
from django.urls import reverse

from rabatnet.forums import services
from rabatnet.network.tests import factories as f

from .conftest import person

pytestmark = pytest.mark.django_db


def test_thread_pages_and_the_last_page(client, thematic, make_thread):
    thread = make_thread(thematic, body="Opening")
    author = person(f.focal_point("SEN"))
    for n in range(35):
        services.post_reply(thread=thread, author=author, body=f"Reply number {n}")
    client.force_login(f.focal_point("MLI"))
    first = client.get(thread.get_absolute_url()).content.decode()
    assert "Opening" in first and "Reply number 34" not in first
    assert "Page 1 of 2" in first
    last = client.get(thread.get_absolute_url() + "?page=last").content.decode()
    assert "Reply number 34" in last and "Page 2 of 2" in last


def test_forum_pages(client, thematic, make_thread):
    for n in range(31):
        make_thread(thematic, title=f"Subject {n:02}")
    client.force_login(f.focal_point("MLI"))
    page = client.get(thematic.get_absolute_url() + "?page=2").content.decode()
    assert "Page 2 of 2" in page and "Subject 00" in page


def test_private_home_links_to_the_forums(client):
    client.force_login(f.focal_point("SEN"))
    page = client.get(reverse("network:private_home")).content.decode()
    assert f'href="{reverse("forums:forums")}"' in page
