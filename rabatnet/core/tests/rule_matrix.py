"""The people every ``can_*`` rule is tried against, for the apps' permission tests."""

from collections.abc import Callable
from datetime import timedelta

from django.contrib.auth.models import AnonymousUser
from django.utils import timezone

from rabatnet.accounts.models import User
from rabatnet.network.tests import factories as f


def _inactive_secretariat() -> User:
    user = f.secretariat()
    user.is_active = False
    user.save()
    return user


def _inactive_focal_point() -> User:
    user = f.focal_point("SEN")
    user.is_active = False
    user.save()
    return User.objects.get(pk=user.pk)


# Everybody is tried on objects of Senegal.
PEOPLE: dict[str, Callable[[], User | AnonymousUser]] = {
    "anonymous": AnonymousUser,
    "no role": f.no_role,
    "focal point of Mali": lambda: f.focal_point("MLI"),
    "focal point": lambda: f.focal_point("SEN"),
    "workgroup member": lambda: f.workgroup_member("SEN"),
    "coordinating authority": lambda: f.coordinating_authority("SEN"),
    "thematic contact": lambda: f.thematic_contact("SEN"),
    "expert": f.expert,
    "ended focal point": lambda: f.focal_point("SEN", ends_on=timezone.localdate()),
    "future focal point": lambda: f.focal_point(
        "SEN", starts_on=timezone.localdate() + timedelta(days=1)
    ),
    "secretariat": f.secretariat,
    "ended secretariat": lambda: f.secretariat(ends_on=timezone.localdate()),
    "inactive secretariat": _inactive_secretariat,
    "inactive focal point": _inactive_focal_point,
}

MEMBERS_OF_SENEGAL = {
    "focal point",
    "workgroup member",
    "coordinating authority",
    "thematic contact",
    "secretariat",
}
EDITORS_OF_SENEGAL = {"focal point", "workgroup member", "secretariat"}
