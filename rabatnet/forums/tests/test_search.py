"""Search within forums: only what the visitor may read, only visible posts."""

import pytest
from django.urls import reverse

from rabatnet.forums import services
from rabatnet.network.tests import factories as f

pytestmark = pytest.mark.django_db


def _search(client, user, query: str) -> str:
    client.force_login(user)
    return client.get(reverse("forums:forums"), {"q": query}).content.decode()


def test_search_never_shows_another_countrys_posts(
    client, sen_forum, mli_forum, thematic, make_thread
):
    make_thread(sen_forum, title="Senegal plan", body="Passport renewal in Dakar")
    make_thread(thematic, title="Open thread", body="Passport standards")
    found = _search(client, f.focal_point("MLI"), "passport")
    assert "Open thread" in found
    assert "Senegal plan" not in found and "Dakar" not in found
    found = _search(client, f.focal_point("SEN"), "PASSPORT")
    assert "Senegal plan" in found and "Open thread" in found


def test_search_matches_titles_and_skips_hidden(client, thematic, make_thread):
    thread = make_thread(thematic, title="Biometrics workshop", body="Agenda")
    hidden = make_thread(thematic, title="Other", body="Biometrics secret")
    post = hidden.posts.get()
    post.is_hidden = True
    post.save()
    found = _search(client, f.focal_point("MLI"), "biometrics")
    assert thread.title in found
    assert "Biometrics secret" not in found
    assert "Nothing matches" in _search(client, f.focal_point("MLI"), "zebra")


def test_search_pages_keep_the_query(client, thematic, make_thread):
    thread = make_thread(thematic, title="R&D")
    author = thread.posts.get().author
    for n in range(31):
        services.post_reply(thread=thread, author=author, body=f"R&D {n}")
    found = _search(client, f.focal_point("MLI"), "R&D")
    assert "?page=2&amp;q=R%26D" in found
