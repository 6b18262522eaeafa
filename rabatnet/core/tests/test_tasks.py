"""Background work: an enqueued e-mail is sent by the real database worker, not before."""

import io
import logging
import signal

import pytest
from django.core import mail
from django.core.mail import EmailMultiAlternatives
from django.core.management import call_command
from django.test import override_settings
from django_tasks import TaskResultStatus, task_backends
from django_tasks_db import DatabaseBackend
from django_tasks_db.management.commands import db_worker
from django_tasks_db.models import DBTaskResult

from rabatnet.core.tasks import send_email

DATABASE_TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
WORKER_SIGNALS = [signal.SIGINT, signal.SIGTERM, signal.SIGQUIT]
WORKER_LOGGERS = ["django_tasks", "django_tasks_db"]


@pytest.fixture
def database_tasks(monkeypatch):
    """Tasks go to the database queue (as in production) instead of running inline.

    The worker installs signal handlers and sets log levels: both are put back. Between
    tasks it drops connections it finds in a transaction; inside the test's transaction
    that would break the test on PostgreSQL, so that one housekeeping call is skipped.
    """
    monkeypatch.setattr(db_worker, "close_old_connections", lambda: None)
    handlers = {number: signal.getsignal(number) for number in WORKER_SIGNALS}
    levels = {name: logging.getLogger(name).level for name in WORKER_LOGGERS}
    # override_settings fires setting_changed, which resets django_tasks' backend cache.
    with override_settings(TASKS=DATABASE_TASKS):
        yield
    for number, handler in handlers.items():
        signal.signal(number, handler)
    for name, level in levels.items():
        logging.getLogger(name).setLevel(level)


def _run_worker() -> None:
    call_command(
        "db_worker",
        batch=True,
        startup_delay=False,
        interval=0,
        reload=False,
        verbosity=0,
        stdout=io.StringIO(),
    )


@pytest.mark.django_db
def test_an_enqueued_email_waits_for_the_worker_then_is_sent(database_tasks):
    assert isinstance(task_backends["default"], DatabaseBackend)

    result = send_email.enqueue(
        subject="Steering Committee", body="The meeting moves to Dakar.", to=["fp@example.org"]
    )

    assert mail.outbox == []
    assert result.status == TaskResultStatus.READY
    stored = DBTaskResult.objects.get(id=result.id)
    assert stored.status == TaskResultStatus.READY
    assert stored.task_path == "rabatnet.core.tasks.send_email"

    _run_worker()

    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.subject == "Steering Committee"
    assert message.body == "The meeting moves to Dakar."
    assert message.to == ["fp@example.org"]
    result.refresh()
    assert result.status == TaskResultStatus.SUCCESSFUL
    assert result.return_value == 1
    assert DBTaskResult.objects.get(id=result.id).status == TaskResultStatus.SUCCESSFUL


@pytest.mark.django_db
def test_the_worker_sends_each_queued_email_once(database_tasks):
    results = [
        send_email.enqueue(subject=f"Notice {n}", body="-", to=[f"p{n}@example.org"])
        for n in range(3)
    ]

    _run_worker()
    _run_worker()

    assert sorted(m.subject for m in mail.outbox) == ["Notice 0", "Notice 1", "Notice 2"]
    statuses = DBTaskResult.objects.filter(id__in=[r.id for r in results]).values_list(
        "status", flat=True
    )
    assert set(statuses) == {TaskResultStatus.SUCCESSFUL}


@pytest.mark.django_db
def test_a_failing_task_is_recorded_as_failed(database_tasks, settings):
    settings.EMAIL_BACKEND = "no.such.Backend"
    result = send_email.enqueue(subject="Lost", body="-", to=["fp@example.org"])

    _run_worker()

    result.refresh()
    assert result.status == TaskResultStatus.FAILED
    assert issubclass(result.errors[-1].exception_class, ImportError)
    assert mail.outbox == []


def test_without_a_worker_the_test_settings_send_inline():
    result = send_email.enqueue(
        subject="Now", body="Plain text", to=["fp@example.org"], html="<p>Rich text</p>"
    )

    assert result.status == TaskResultStatus.SUCCESSFUL
    assert len(mail.outbox) == 1
    assert isinstance(mail.outbox[0], EmailMultiAlternatives)
    assert mail.outbox[0].alternatives[0] == ("<p>Rich text</p>", "text/html")
