"""Password reset whose e-mail is sent by the background worker."""

from collections.abc import Iterable
from typing import Any

from django.contrib.auth.forms import PasswordResetForm
from django.db import transaction
from django.template import loader

from rabatnet.core.forms import SiteFormMixin
from rabatnet.core.tasks import send_email

from .models import User


class QueuedPasswordResetForm(SiteFormMixin, PasswordResetForm):
    def get_users(self, email: str) -> Iterable[User]:
        """Active accounts with this address, those without a password yet included.

        Django leaves out unusable passwords (meant for accounts that sign in
        elsewhere); here they are accounts made by ``user_create`` without a
        password, and this e-mail is how they choose one.
        """
        return User.objects.filter(email__iexact=email, is_active=True)

    def send_mail(
        self,
        subject_template_name: str,
        email_template_name: str,
        context: dict[str, Any],
        from_email: str | None,
        to_email: str,
        html_email_template_name: str | None = None,
    ) -> None:
        subject = "".join(loader.render_to_string(subject_template_name, context).splitlines())
        body = loader.render_to_string(email_template_name, context)
        transaction.on_commit(
            lambda: send_email.enqueue(
                subject=subject, body=body, to=[to_email], from_email=from_email
            )
        )
