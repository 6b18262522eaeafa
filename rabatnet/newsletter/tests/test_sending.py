"""Sending an issue: throttled through the worker, once per subscriber, in their language."""

import pytest
from django.core.exceptions import ValidationError

from rabatnet.core import revisions
from rabatnet.newsletter import services, tasks
from rabatnet.newsletter.models import Delivery, Issue, Subscriber

from .factories import draft_issue, subscriber

pytestmark = pytest.mark.django_db


def _send(issue, capture):
    with capture(execute=True):
        return services.issue_send(issue=issue)


def test_each_active_subscriber_gets_the_issue_once_in_their_language(
    mailoutbox, django_capture_on_commit_callbacks, settings
):
    settings.NEWSLETTER_SEND_RATE = 2  # three batches for five readers
    for n in range(3):
        subscriber(f"en{n}@example.org", language="en")
    for n in range(2):
        subscriber(f"fr{n}@example.org", language="fr")
    subscriber("pending@example.org", status=Subscriber.Status.PENDING)
    subscriber("gone@example.org", status=Subscriber.Status.UNSUBSCRIBED)
    subscriber("bad@example.org", status=Subscriber.Status.BOUNCING)
    before = revisions.numbers(revisions.NEWSLETTER)[revisions.NEWSLETTER]

    issue = _send(draft_issue(), django_capture_on_commit_callbacks)

    subjects = {m.to[0]: m.subject for m in mailoutbox}
    assert len(mailoutbox) == 5
    assert {subjects[f"en{n}@example.org"] for n in range(3)} == {"Review 2026 Q1"}
    assert {subjects[f"fr{n}@example.org"] for n in range(2)} == {"Revue 2026 T1"}
    issue.refresh_from_db()
    assert issue.status == Issue.Status.SENT
    assert issue.sent_at is not None
    assert Delivery.objects.filter(status=Delivery.Status.SENT).count() == 5
    assert revisions.numbers(revisions.NEWSLETTER)[revisions.NEWSLETTER] == before + 1


def test_a_batch_run_twice_sends_each_mail_once(mailoutbox, django_capture_on_commit_callbacks):
    subscriber("a@example.org")
    subscriber("b@example.org")
    issue = _send(draft_issue(), django_capture_on_commit_callbacks)
    ids = list(issue.deliveries.values_list("pk", flat=True))

    tasks.send_issue_batch.call(issue_id=issue.pk, delivery_ids=ids)
    tasks.send_issue_batch.call(issue_id=issue.pk, delivery_ids=ids)

    assert sorted(m.to[0] for m in mailoutbox) == ["a@example.org", "b@example.org"]


def test_unsubscribed_before_their_turn_is_skipped(mailoutbox, django_capture_on_commit_callbacks):
    stays = subscriber("stays@example.org")
    leaves = subscriber("leaves@example.org")
    issue = draft_issue()
    services.issue_send(issue=issue)  # deliveries queued; the worker has not run yet
    services.subscription_cancel(subscriber=leaves)

    ids = list(issue.deliveries.order_by("pk").values_list("pk", flat=True))
    tasks.send_issue_batch.call(issue_id=issue.pk, delivery_ids=ids)

    assert [m.to[0] for m in mailoutbox] == [stays.email]
    assert Delivery.objects.get(subscriber=leaves).status == Delivery.Status.SKIPPED
    issue.refresh_from_db()
    assert issue.status == Issue.Status.SENT


def test_an_issue_being_sent_or_sent_is_not_sent_again(django_capture_on_commit_callbacks):
    subscriber("a@example.org")
    issue = draft_issue()
    services.issue_send(issue=issue)  # sending: batches not run yet
    with pytest.raises(ValidationError):
        services.issue_send(issue=issue)
    assert Delivery.objects.count() == 1


def test_an_issue_with_no_subscriber_is_sent_at_once(django_capture_on_commit_callbacks):
    issue = _send(draft_issue(), django_capture_on_commit_callbacks)
    issue.refresh_from_db()
    assert issue.status == Issue.Status.SENT


def test_without_an_https_site_url_sending_is_refused_with_a_reason(settings):
    settings.SITE_URL = "http://rabat.example"
    subscriber("a@example.org")
    issue = draft_issue()
    with pytest.raises(ValidationError, match="https"):
        services.issue_send(issue=issue)
    issue.refresh_from_db()
    assert issue.status == Issue.Status.DRAFT
    assert not Delivery.objects.exists()


def test_a_test_send_is_marked_and_recorded_nowhere(mailoutbox, django_capture_on_commit_callbacks):
    issue = draft_issue(is_example=True)
    with django_capture_on_commit_callbacks(execute=True):
        services.issue_test_send(issue=issue, language="fr", address="editor@example.org")

    [mail] = mailoutbox
    assert mail.subject.startswith("[TEST] ")
    assert "Revue 2026 T1" in mail.subject
    assert "[Exemple]" in mail.subject  # example content is marked in the mail (French here)
    assert "List-Unsubscribe" in mail.extra_headers
    assert not Delivery.objects.exists()
    assert not Subscriber.objects.exists()
