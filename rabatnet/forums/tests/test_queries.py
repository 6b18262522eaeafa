"""Query counts of the forum pages do not grow with the number of threads and posts."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from rabatnet.forums import services
from rabatnet.network.tests import factories as f

from .conftest import person

pytestmark = pytest.mark.django_db


def _fill(forum, threads: int, replies: int) -> None:
    authors = [person(f.focal_point("SEN")) for _ in range(3)]
    for n in range(threads):
        thread = services.thread_create(
            forum=forum, author=authors[n % 3], title=f"Thread {n}", body=f"Hello @{n}"
        )
        for m in range(replies):
            services.post_reply(thread=thread, author=authors[m % 3], body=f"Reply {m}")


def _count(client, url: str) -> int:
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


def test_query_counts_do_not_grow(client, sen_forum, thematic):
    reader = f.focal_point("SEN")
    client.force_login(reader)
    _fill(sen_forum, threads=2, replies=2)
    thread = sen_forum.threads.order_by("pk").first()
    urls = [
        reverse("forums:forums"),
        sen_forum.get_absolute_url(),
        thread.get_absolute_url(),
        reverse("forums:forums") + "?q=Reply",
    ]
    for url in urls:  # the first visit records the reading mark: count the usual ones
        _count(client, url)
    small = [_count(client, url) for url in urls]
    _fill(sen_forum, threads=12, replies=0)
    _fill(thematic, threads=5, replies=1)
    for _ in range(15):
        services.post_reply(thread=thread, author=person(reader), body="More")
    for url in urls:
        _count(client, url)
    large = [_count(client, url) for url in urls]
    assert large == small, list(zip(urls, small, large, strict=True))
