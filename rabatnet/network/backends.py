"""The secretariat manages the dialogue's data in the admin too."""

from django.conf import settings
from django.contrib.auth.backends import BaseBackend
from django.contrib.auth.base_user import AbstractBaseUser
from django.contrib.auth.models import AnonymousUser
from django.db.models import Model

from .permissions import is_secretariat


class SecretariatBackend(BaseBackend):
    """Grants the model permissions of the dialogue's own apps to the secretariat.

    Accounts and groups stay with superusers: the secretariat cannot make itself one.
    """

    def has_perm(
        self, user_obj: AbstractBaseUser | AnonymousUser, perm: str, obj: Model | None = None
    ) -> bool:
        app_label = perm.split(".", 1)[0]
        return (
            app_label in settings.SECRETARIAT_ADMIN_APPS
            and user_obj.is_active
            and is_secretariat(user_obj)
        )

    def has_module_perms(self, user_obj: AbstractBaseUser | AnonymousUser, app_label: str) -> bool:
        return self.has_perm(user_obj, f"{app_label}.")
