"""Seconds to send an issue of the Rabat Review to 5,000 subscribers through the worker path.

The worker path: ``issue_send`` queues a delivery per subscriber, then the batches of
``NEWSLETTER_SEND_RATE`` mails run as the worker runs them (django-tasks' ImmediateBackend
here, so no waiting between batches: the throttle is a setting, not work), each mail
rendered in its reader's language with their own unsubscribe link and the list headers,
each delivery locked, sent and recorded. Mails go to the console backend, into a null
stream. Baseline, in the same run: one plain mail sent 5,000 times through the same
backend and one connection (what sending costs before any of our work).
Everything is written in one transaction rolled back at the end: the database is left as
it was. Run after `make setup`: `.venv/bin/python bench/newsletter.py`.
"""

import contextlib
import os
import time

from _setup import ROOT  # noqa: F401  (Django set up on the `make setup` database)
from django.core.mail import EmailMessage, get_connection
from django.db import transaction
from django.test import override_settings

from rabatnet.newsletter import services
from rabatnet.newsletter.models import Delivery, Issue, Item, Subscriber

SUBSCRIBERS = 5_000
RATE = 500
SETTINGS: dict[str, object] = {
    "EMAIL_BACKEND": "django.core.mail.backends.console.EmailBackend",
    "SITE_URL": "https://rabat.example",
    "TASKS": {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}},
    "NEWSLETTER_SEND_RATE": RATE,
}


def baseline(null) -> float:
    start = time.perf_counter()
    with contextlib.redirect_stdout(null), get_connection() as connection:
        for n in range(SUBSCRIBERS):
            EmailMessage(
                "A plain mail", "Hello.", to=[f"r{n}@example.org"], connection=connection
            ).send()
    return time.perf_counter() - start


def send_issue(null) -> tuple[float, int]:
    with transaction.atomic():
        Subscriber.objects.bulk_create(
            [
                Subscriber(
                    email=f"bench{n}@example.org",
                    language="fr" if n % 3 else "en",
                    status=Subscriber.Status.ACTIVE,
                )
                for n in range(SUBSCRIBERS)
            ],
            batch_size=1000,
        )
        issue = Issue.objects.create(
            year=1999, quarter=1, title_en="Bench", title_fr="Banc", editorial_en="**Hello**."
        )
        for position in range(8):
            Item.objects.create(
                issue=issue,
                kind="other",
                position=position,
                title_en=f"Item {position}",
                body_en="Some *news* " * 40,
                link="/countries/SEN/",
            )
        start = time.perf_counter()
        with contextlib.redirect_stdout(null):
            services.issue_send(issue=issue)
            delivery_ids = list(issue.deliveries.order_by("pk").values_list("pk", flat=True))
            services._enqueue_batches(issue.pk, delivery_ids)  # what on_commit does
        seconds = time.perf_counter() - start
        sent = Delivery.objects.filter(issue=issue, status=Delivery.Status.SENT).count()
        issue.refresh_from_db()
        assert issue.status == Issue.Status.SENT, issue.status
        transaction.set_rollback(True)
    return seconds, sent


def main() -> None:
    with override_settings(**SETTINGS), open(os.devnull, "w") as null:
        base = baseline(null)
        ours, sent = send_issue(null)
    print(
        f"issue to {SUBSCRIBERS} subscribers through the worker path: {ours:.2f} s "
        f"({sent} sent, {sent / ours:.0f} mails/s)"
    )
    print(f"baseline, one plain mail {SUBSCRIBERS} times (console backend): {base:.2f} s")
    print(f"ratio: {ours / base:.1f}")
    print(
        f"at NEWSLETTER_SEND_RATE={RATE}/min the throttle spreads "
        f"it over {SUBSCRIBERS / RATE:.0f} minutes"
    )


if __name__ == "__main__":
    main()
