"""Queries and server time of the forum pages: the forum list, a forum of 50 threads, and
a thread page, with 200 posts in all.

Baseline, in the same run: /healthz (one query, no template).
The data is made inside a transaction rolled back at the end: the database is left as found.
Run after `make setup`: `.venv/bin/python bench/forums.py`.
"""

from datetime import timedelta
from functools import partial

from _setup import p50_p95, timed
from django.db import connection, transaction
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from rabatnet.accounts.models import User
from rabatnet.countries.models import Country
from rabatnet.forums import services
from rabatnet.forums.models import Forum
from rabatnet.network.models import Appointment, Person, Role

RUNS = 100
THREADS = 50
POSTS = 200


class Rollback(Exception):
    pass


def _fill() -> tuple[User, Forum, str]:
    senegal = Country.objects.get(iso3="SEN")
    forum = Forum.objects.create(slug="bench-forum", name="Bench", country=senegal)
    people = []
    for n in range(3):
        user = User.objects.create_user(email=f"bench{n}@bench.invalid", password=None)
        person = Person.objects.create(full_name=f"Bench Person {n}", email=user.email, user=user)
        Appointment.objects.create(
            person=person,
            role=Role.WORKGROUP_MEMBER,
            country=senegal,
            starts_on=timezone.localdate() - timedelta(days=1),
        )
        people.append(person)
    threads = [
        services.thread_create(forum=forum, author=people[n % 3], title=f"Thread {n}", body="Hi")
        for n in range(THREADS)
    ]
    for n in range(POSTS - THREADS):  # a full page of replies in the first thread
        thread = threads[0] if n < 40 else threads[n % THREADS]
        services.post_reply(thread=thread, author=people[n % 3], body=f"**Reply** {n}")
    return User.objects.get(email="bench0@bench.invalid"), forum, threads[0].get_absolute_url()


def _queries(client: Client, url: str) -> int:
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    if response.status_code != 200:
        raise SystemExit(f"{url} answered {response.status_code}")
    return len(queries)


def main() -> None:
    try:
        with transaction.atomic():
            user, forum, thread_url = _fill()
            client = Client(HTTP_HOST="127.0.0.1")
            client.force_login(user)
            pages = {
                "forum list": "/en/private/forums/",
                f"forum ({THREADS} threads)": forum.get_absolute_url(),
                "thread (first page of 30 posts)": thread_url,
                "search": "/en/private/forums/?q=reply",
            }
            base = timed(lambda: client.get("/healthz"), RUNS)
            base_p50 = p50_p95(base)[0]
            print(f"healthz (baseline): p50 {base_p50:.2f} ms over {RUNS} requests")
            for name, url in pages.items():
                _queries(client, url)  # the first visit records the reading mark
                count = _queries(client, url)
                p50, p95 = p50_p95(timed(partial(client.get, url), RUNS))
                print(
                    f"{name}: {count} queries, p50 {p50:.2f} ms, p95 {p95:.2f} ms, "
                    f"ratio to baseline (p50) {p50 / base_p50:.1f}"
                )
            raise Rollback
    except Rollback:
        pass


if __name__ == "__main__":
    main()
