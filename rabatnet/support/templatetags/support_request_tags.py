"""Whether to show the private home's link to support requests."""

from django import template

from rabatnet.core.access import AnyUser
from rabatnet.network.permissions import is_secretariat

from ..request_selectors import reader_countries

register = template.Library()


@register.simple_tag
def sees_support_requests(user: AnyUser) -> bool:
    """The secretariat, and the people who file or read a country's requests."""
    return bool(is_secretariat.test(user) or reader_countries(user))
