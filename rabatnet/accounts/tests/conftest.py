"""Fixtures for the accounts tests: a member, and a member enrolled in two-factor."""

from dataclasses import dataclass

import pytest
from django_otp.plugins.otp_totp.models import TOTPDevice

from rabatnet.accounts import services
from rabatnet.accounts.models import User
from rabatnet.network.tests import factories


@dataclass
class Enrolled:
    user: User
    device: TOTPDevice
    codes: list[str]


@pytest.fixture
def member(db) -> User:
    """A National Focal Point: someone the private area lets in."""
    return factories.focal_point()


@pytest.fixture
def enrolled(member: User) -> Enrolled:
    """The member with a confirmed authenticator and ten recovery codes."""
    device = TOTPDevice.objects.create(user=member, name="authenticator", confirmed=True)
    return Enrolled(user=member, device=device, codes=services.recovery_codes_renew(user=member))
