"""Unit tests for every can_* rule, by role, country and appointment dates."""

from datetime import date, timedelta

import pytest
import rules
from django.contrib.auth.models import Permission
from django.utils import timezone

from rabatnet.countries.models import Country
from rabatnet.network import permissions as p
from rabatnet.network.tests import factories as f

pytestmark = pytest.mark.django_db


def today() -> date:
    """Today, read when a test runs: a constant taken at collection goes stale at midnight."""
    return timezone.localdate()


def test_private_area_needs_an_appointment_in_force(senegal):
    assert p.can_view_private_area(f.focal_point())
    assert p.can_view_private_area(f.expert())
    assert not p.can_view_private_area(f.no_role())


def test_appointment_that_ended_today_gives_no_access(senegal):
    user = f.focal_point(ends_on=today())
    assert not p.can_view_private_area(user)
    assert not p.can_view_country_area(user, senegal)


def test_appointment_ending_tomorrow_still_gives_access(senegal):
    user = f.focal_point(ends_on=today() + timedelta(days=1))
    assert p.can_view_country_area(user, senegal)


def test_appointment_not_yet_started_gives_no_access(senegal):
    user = f.focal_point(starts_on=today() + timedelta(days=1))
    assert not p.can_view_private_area(user)


def test_country_area_is_for_that_country_and_the_secretariat(senegal, mali):
    assert p.can_view_country_area(f.focal_point("SEN"), senegal)
    assert not p.can_view_country_area(f.focal_point("MLI"), senegal)
    assert p.can_view_country_area(f.workgroup_member("SEN"), senegal)
    assert p.can_view_country_area(f.coordinating_authority("SEN"), senegal)
    assert p.can_view_country_area(f.secretariat(), mali)
    assert not p.can_view_country_area(f.expert(), senegal)
    assert not p.can_view_country_area(f.no_role(), senegal)


def test_thematic_contact_sees_their_country():
    spain = Country.objects.get(iso3="ESP")
    assert p.can_view_country_area(f.thematic_contact("ESP"), spain)


def test_directory_is_for_members():
    assert p.can_view_directory(f.focal_point())
    assert p.can_view_directory(f.secretariat())
    assert not p.can_view_directory(f.no_role())


def test_person_is_visible_to_members_only_by_consent():
    listed = f.PersonFactory.create(directory_consent=True)
    unlisted = f.PersonFactory.create(directory_consent=False)
    member = f.focal_point("MLI")
    assert p.can_view_person(member, listed)
    assert not p.can_view_person(member, unlisted)
    assert p.can_view_person(f.secretariat(), unlisted)
    assert not p.can_view_person(f.no_role(), listed)


def test_a_person_sees_and_changes_their_own_record():
    user = f.focal_point()
    own = user.person
    own.directory_consent = False
    own.save()
    assert p.can_view_person(user, own)
    assert p.can_change_person(user, own)
    assert not p.can_change_person(user, f.PersonFactory.create())
    assert p.can_change_person(f.secretariat(), own)


def test_only_the_secretariat_manages_the_network():
    assert p.can_manage_network(f.secretariat())
    assert not p.can_manage_network(f.focal_point())
    assert not p.can_manage_network(f.secretariat(ends_on=today()))


def test_inactive_accounts_get_nothing(senegal):
    user = f.secretariat()
    user.is_active = False
    user.save()
    assert not p.can_manage_network(user)
    assert not p.can_view_private_area(user)


def test_rule_names_are_not_django_model_permissions():
    """A rule named like a model permission answers the admin's checks too (no object)."""
    model_permissions = {
        f"{app}.{codename}"
        for app, codename in Permission.objects.values_list("content_type__app_label", "codename")
    }
    ours = {name for name in rules.permissions.permissions if name.startswith("network.")}
    assert {"network.see_person", "network.edit_person"} <= ours
    assert not ours & model_permissions


def test_django_model_permissions_do_not_open_the_person_rules():
    user = f.no_role()
    user.user_permissions.add(
        *Permission.objects.filter(
            content_type__app_label="network", codename__in=["view_person", "change_person"]
        )
    )
    user = type(user).objects.get(pk=user.pk)  # a fresh object: no cached permissions
    somebody = f.PersonFactory.create(directory_consent=False)
    assert user.has_perm("network.change_person")  # Django's, for the admin
    assert not p.can_view_person(user, somebody)
    assert not p.can_change_person(user, somebody)
