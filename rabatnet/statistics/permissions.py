"""Who sees what in statistics. Every dataset and figure is public; what is late is for
the people who keep the data up to date with the secretariat: the dialogue's members."""

from rabatnet.core.access import AnyUser
from rabatnet.network.permissions import is_member


def can_view_overdue_datasets(user: AnyUser) -> bool:
    """Focal points, the secretariat and anybody else with an appointment in force."""
    return bool(is_member.test(user))
