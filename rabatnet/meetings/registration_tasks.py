"""Registration's work for the worker: the confirmation e-mails."""

from django.db import transaction
from django_tasks import task

from .models import Registration
from .registration_mail import confirmation_messages


@task()
def send_registration_confirmation(*, registration_id: int) -> int:
    """Mails the confirmation of a delegation to whoever submitted it and to each delegate
    with an e-mail address; the number of mails sent. Nothing unless it is still confirmed."""
    with transaction.atomic():
        registration = (
            Registration.objects.select_related("meeting__host_country", "country", "submitted_by")
            .prefetch_related("delegates__person", "meeting__co_chairs")
            .filter(pk=registration_id, status=Registration.Status.CONFIRMED)
            .first()
        )
        if registration is None:
            return 0
        messages = confirmation_messages(registration)
    return sum(message.send() for message in messages)
