"""Background tasks of the network: the six-monthly confirmation reminders."""

from django_tasks import task

from .confirmation import confirmation_reminder_send, people_to_remind


@task()
def send_confirmation_reminder(*, person_id: int) -> bool:
    """E-mail one person whose confirmation is overdue (nothing if no longer due)."""
    return confirmation_reminder_send(person_id=person_id)


@task()
def send_confirmation_reminders() -> int:
    """E-mail every person in post who is overdue and not reminded in 30 days; how many."""
    person_ids = list(people_to_remind().values_list("pk", flat=True))
    return sum(confirmation_reminder_send(person_id=pk) for pk in person_ids)
