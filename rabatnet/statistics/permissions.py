"""Who sees what in statistics. Every dataset and figure is public; what is late is for
the people who keep the data up to date with the secretariat: the dialogue's members."""

from django.contrib.auth.models import AnonymousUser

from rabatnet.accounts.models import User
from rabatnet.network.permissions import is_member


def can_view_overdue_datasets(user: User | AnonymousUser) -> bool:
    """Focal points, the secretariat and anybody else with an appointment in force."""
    return user.is_authenticated and is_member(user)
