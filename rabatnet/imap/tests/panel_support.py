"""People in post for Senegal and the users of the triad, for the panel's tests."""

import pytest
from django.contrib.auth.models import AnonymousUser

from rabatnet.accounts.middleware import UnverifiedAnonymousUser
from rabatnet.accounts.models import User
from rabatnet.imap.types import Layer, MapState
from rabatnet.network.models import Role
from rabatnet.network.tests import factories as f
from rabatnet.strategy.models import Theme

LISTED = "Aminata Listed-Focal"
UNLISTED = "Ousmane Unlisted-Thematic"
LISTED_EMAIL = "aminata.focal@example.sn"


def layer(country: str = "SEN") -> Layer:
    """A hand-made layer: the panel says the same whatever the layer."""
    return Layer(state=MapState(country=country), title="Membership")


@pytest.fixture
def senegal_contacts() -> None:
    """Senegal's focal point (listed) and a thematic contact who did not agree to be listed."""
    f.AppointmentFactory.create(
        role=Role.FOCAL_POINT,
        person=f.PersonFactory.create(
            full_name=LISTED, email=LISTED_EMAIL, directory_consent=True, share_email=True
        ),
    )
    f.AppointmentFactory.create(
        role=Role.THEMATIC_CONTACT,
        person=f.PersonFactory.create(full_name=UNLISTED, directory_consent=False),
        theme=Theme.objects.get(slug="border-management"),
    )


def viewer(role: str) -> User | AnonymousUser:
    """A user in each place of the triad (the half-signed-in one as views see them)."""
    if role == "anonymous":
        return AnonymousUser()
    if role == "half-signed-in":
        return UnverifiedAnonymousUser()
    if role == "wrong country":
        return f.focal_point("MLI")
    if role == "right country":
        return f.workgroup_member("SEN")
    if role == "no role":
        return f.no_role()
    assert role == "secretariat"
    return f.secretariat()
