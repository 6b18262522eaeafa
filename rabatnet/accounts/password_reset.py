"""Password reset whose e-mail is sent by the background worker, a few per hour at most."""

import logging
from collections.abc import Iterable
from typing import Any

from django.contrib.auth.forms import PasswordResetForm
from django.contrib.auth.tokens import PasswordResetTokenGenerator, default_token_generator
from django.db import transaction
from django.http import HttpRequest
from django.template import loader

from rabatnet.core.forms import SiteFormMixin
from rabatnet.core.tasks import send_email

from .lockout import axes_client_ip
from .models import User
from .services import password_reset_admit

logger = logging.getLogger(__name__)


class QueuedPasswordResetForm(SiteFormMixin, PasswordResetForm):
    def save(
        self,
        domain_override: str | None = None,
        subject_template_name: str = "registration/password_reset_subject.txt",
        email_template_name: str = "registration/password_reset_email.html",
        use_https: bool = False,
        token_generator: PasswordResetTokenGenerator = default_token_generator,
        from_email: str | None = None,
        request: HttpRequest | None = None,
        html_email_template_name: str | None = None,
        extra_email_context: dict[str, str] | None = None,
    ) -> None:
        """Send the link unless this address or this client had enough mails this hour.

        The person sees the same answer either way (``password_reset_admit``).
        """
        email = self.cleaned_data["email"]
        client_address = axes_client_ip(request) if request is not None else None
        if not password_reset_admit(email=email, client_address=client_address):
            logger.warning("Password reset throttled for client %s", client_address)
            return
        super().save(
            domain_override=domain_override,
            subject_template_name=subject_template_name,
            email_template_name=email_template_name,
            use_https=use_https,
            token_generator=token_generator,
            from_email=from_email,
            request=request,
            html_email_template_name=html_email_template_name,
            extra_email_context=extra_email_context,
        )

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
