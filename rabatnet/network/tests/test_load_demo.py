"""``load_demo``: the demo accounts, listed by consent, all or nothing."""

import io

import pytest
from django.core.exceptions import ValidationError
from django.core.management import CommandError, call_command

from rabatnet.accounts.models import User
from rabatnet.network.confirmation import overdue_people
from rabatnet.network.management.commands import load_demo
from rabatnet.network.models import Person, Role

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def demo_data_on(settings):
    """The loaders run only where the demo setting is on (``make setup``, ``make run``)."""
    settings.DEMO_DATA = True


def _load_demo() -> str:
    out = io.StringIO()
    call_command("load_demo", stdout=out)
    return out.getvalue()


def _demo_people():
    return Person.objects.filter(email__endswith="@demo.rabatnet.org")


def test_demo_people_consent_with_a_date_through_the_services():
    _load_demo()

    people = list(_demo_people())
    assert len(people) == len(load_demo.DEMO_ACCOUNTS)
    for person in people:
        assert person.directory_consent and person.guide_consent, person.email
        assert person.consent_recorded_at is not None, person.email
        assert person.version == 2
        assert person.history.count() == 2


def test_running_again_changes_nothing():
    _load_demo()
    dates = dict(_demo_people().values_list("email", "consent_recorded_at"))

    _load_demo()

    assert dict(_demo_people().values_list("email", "consent_recorded_at")) == dates
    assert set(_demo_people().values_list("version", flat=True)) == {2}


def test_a_failure_creates_nothing(monkeypatch):
    broken = [
        *load_demo.DEMO_ACCOUNTS,
        ("gone@demo.rabatnet.org", "Former partner", Role.FOCAL_POINT, "GBR", None),
    ]
    monkeypatch.setattr(load_demo, "DEMO_ACCOUNTS", broken)

    with pytest.raises(ValidationError):
        _load_demo()

    assert not _demo_people().exists()
    assert not User.objects.filter(email__endswith="@demo.rabatnet.org").exists()


@pytest.mark.parametrize("command", ["load_demo", "load_demo_guides"])
def test_demo_loaders_refuse_to_run_without_the_demo_setting(settings, command):
    settings.DEMO_DATA = False

    with pytest.raises(CommandError, match="make setup"):
        call_command(command, stdout=io.StringIO())

    assert not User.objects.exists()
    assert not _demo_people().exists()


def test_demo_people_have_languages_consents_and_confirmations():
    _load_demo()

    by_email = {p.email: p for p in _demo_people()}
    senegal = by_email["focal.sen@demo.rabatnet.org"]
    assert (senegal.language, senegal.working_languages) == ("fr", "fr wo en")
    assert senegal.share_email and senegal.share_phone
    assert not by_email["focal.mli@demo.rabatnet.org"].share_phone
    assert by_email["workgroup.gha@demo.rabatnet.org"].details_confirmed_at is None
    assert senegal.details_confirmed_at is not None
    overdue = {p.email for p in overdue_people()}
    assert overdue == {"workgroup.gha@demo.rabatnet.org", "focal.mli@demo.rabatnet.org"}
