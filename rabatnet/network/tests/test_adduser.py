"""``adduser``: a person, their account and an appointment from the command line."""

import io

import pytest
from django.contrib.auth import authenticate
from django.core.management import CommandError, call_command
from django.test import RequestFactory
from django.utils import translation

from rabatnet.accounts.models import User
from rabatnet.network.models import Appointment, Person, Role

PASSWORD = "a long pass phrase for Dakar"


@pytest.fixture(autouse=True)
def _english():
    """Messages are asserted in English, whatever an earlier test left active."""
    with translation.override("en"):
        yield


def _adduser(*args: str) -> str:
    out = io.StringIO()
    call_command("adduser", *args, stdout=out)
    return out.getvalue()


def _rows() -> tuple[int, int, int]:
    return User.objects.count(), Person.objects.count(), Appointment.objects.count()


def _can_sign_in(email: str, password: str) -> bool:
    request = RequestFactory().post("/en/accounts/login/")
    return authenticate(request, username=email, password=password) is not None


@pytest.mark.django_db
def test_creates_person_account_and_appointment(senegal):
    output = _adduser(
        "Awa.Ndiaye@Example.org",
        "--role",
        "focal_point",
        "--country",
        "sen",
        "--name",
        "Awa Ndiaye",
    )

    person = Person.objects.get(email="awa.ndiaye@example.org")
    assert person.full_name == "Awa Ndiaye"
    assert person.user is not None
    assert person.user.email == "awa.ndiaye@example.org"
    assert person.user.full_name == "Awa Ndiaye"
    appointment = Appointment.objects.get(person=person)
    assert (appointment.role, appointment.country, appointment.theme) == (
        Role.FOCAL_POINT,
        senegal,
        None,
    )
    assert appointment.ends_on is None
    assert Appointment.objects.current().filter(pk=appointment.pk).exists()
    assert output.strip() == "awa.ndiaye@example.org: National Focal Point for SEN"


@pytest.mark.django_db
def test_without_a_password_the_account_waits_for_a_reset():
    _adduser("expert@example.org", "--role", "expert")

    user = User.objects.get(email="expert@example.org")
    assert not user.has_usable_password()
    assert Person.objects.get(user=user).full_name == "expert@example.org"


@pytest.mark.django_db
def test_password_from_stdin_lets_the_person_sign_in(monkeypatch):
    monkeypatch.setattr("sys.stdin", io.StringIO(f"{PASSWORD}\n"))

    _adduser("sec@example.org", "--role", "secretariat", "--password-stdin")

    assert _can_sign_in("sec@example.org", PASSWORD)
    assert not _can_sign_in("sec@example.org", PASSWORD + "x")
    appointment = Appointment.objects.get(person__email="sec@example.org")
    assert (appointment.role, appointment.country) == (Role.SECRETARIAT, None)


@pytest.mark.django_db
def test_empty_stdin_is_refused(monkeypatch):
    monkeypatch.setattr("sys.stdin", io.StringIO(""))
    before = _rows()

    with pytest.raises(CommandError, match="No password on standard input"):
        _adduser("sec@example.org", "--role", "secretariat", "--password-stdin")

    assert _rows() == before


@pytest.mark.django_db
def test_running_twice_duplicates_nothing():
    args = ("fp@example.org", "--role", "focal_point", "--country", "MLI")
    _adduser(*args)
    after_first = _rows()

    _adduser(*args)

    assert _rows() == after_first
    assert Appointment.objects.filter(person__email="fp@example.org").count() == 1


@pytest.mark.django_db
def test_a_second_role_adds_an_appointment_to_the_same_person(monkeypatch):
    _adduser("fp@example.org", "--role", "focal_point", "--country", "MLI")
    monkeypatch.setattr("sys.stdin", io.StringIO(f"{PASSWORD}\n"))

    args = "fp@example.org --role thematic_contact --country MLI --theme border-management"
    _adduser(*args.split(), "--password-stdin")

    person = Person.objects.get(email="fp@example.org")
    assert User.objects.filter(email="fp@example.org").count() == 1
    roles = set(person.appointments.values_list("role", "theme__slug"))
    assert roles == {(Role.FOCAL_POINT, None), (Role.THEMATIC_CONTACT, "border-management")}
    # Given again, the password replaces the unusable one.
    assert _can_sign_in("fp@example.org", PASSWORD)


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("args", "words"),
    [
        ("fp@example.org --role focal_point --country ZZZ", ["Unknown country code", "'ZZZ'"]),
        ("fp@example.org --role focal_point --country BRA", ["BRA", "not a member"]),
        ("fp@example.org --role president", ["Unknown role", "'president'", "focal_point"]),
        (
            "tc@example.org --role thematic_contact --country SEN --theme fishing",
            ["Unknown theme", "'fishing'", "border-management"],
        ),
        ("fp@example.org --role focal_point", ["held for a country"]),
        (
            "tc@example.org --role thematic_contact --country SEN",
            ["thematic contact point needs a theme"],
        ),
        (
            "sec@example.org --role secretariat --country SEN",
            ["secretariat serves every country", "leave the country empty"],
        ),
        (
            "fp@example.org --role focal_point --country SEN --theme border-management",
            ["Only a thematic contact point has a theme"],
        ),
        (
            "not-an-address --role focal_point --country SEN",
            ["'not-an-address'", "not a valid e-mail address"],
        ),
        ("fp@ --role expert", ["not a valid e-mail address"]),
    ],
)
def test_a_wrong_argument_is_refused_clearly_and_creates_nothing(args, words):
    before = _rows()

    with pytest.raises(CommandError) as error:
        _adduser(*args.split())

    message = str(error.value)
    for word in words:
        assert word in message
    assert "Nothing was created" in message
    assert _rows() == before


@pytest.mark.django_db
def test_a_refused_second_role_leaves_the_existing_person_alone():
    _adduser("fp@example.org", "--role", "focal_point", "--country", "SEN")
    before = _rows()

    with pytest.raises(CommandError, match="leave the country empty"):
        _adduser("fp@example.org", "--role", "secretariat", "--country", "SEN")

    assert _rows() == before
    roles = Appointment.objects.filter(person__email="fp@example.org").values_list("role")
    assert list(roles) == [(Role.FOCAL_POINT,)]


def test_role_is_required():
    with pytest.raises(CommandError, match="--role"):
        call_command("adduser", "fp@example.org")


@pytest.mark.django_db
def test_password_from_stdin_is_set_on_an_existing_account_without_a_person(monkeypatch):
    User.objects.create_user(email="old@example.org", password=None)
    monkeypatch.setattr("sys.stdin", io.StringIO(f"{PASSWORD}\n"))

    _adduser("old@example.org", "--role", "expert", "--password-stdin")

    account = Person.objects.get(email="old@example.org").user
    assert account is not None
    assert account.email == "old@example.org"
    assert _can_sign_in("old@example.org", PASSWORD)
