"""Factories for people and their roles: one factory per role."""

from datetime import timedelta

import factory
from django.utils import timezone

from rabatnet.accounts.models import User
from rabatnet.countries.models import Country
from rabatnet.network.models import Appointment, Organisation, Person, Role
from rabatnet.strategy.models import Theme

PASSWORD = "correct horse battery staple"


class UserFactory(factory.django.DjangoModelFactory[User]):
    class Meta:
        model = User
        django_get_or_create = ["email"]

    email = factory.Sequence(lambda n: f"person{n}@example.org")
    full_name = factory.Faker("name")
    password = factory.django.Password(PASSWORD)


class OrganisationFactory(factory.django.DjangoModelFactory[Organisation]):
    class Meta:
        model = Organisation

    name = factory.Sequence(lambda n: f"Ministry number {n}")
    kind = Organisation.Kind.GOVERNMENT


class PersonFactory(factory.django.DjangoModelFactory[Person]):
    class Meta:
        model = Person

    full_name = factory.Faker("name")
    email = factory.Sequence(lambda n: f"member{n}@example.org")
    user = factory.SubFactory(UserFactory, email=factory.SelfAttribute("..email"))
    directory_consent = True


class AppointmentFactory(factory.django.DjangoModelFactory[Appointment]):
    """An appointment in force since 30 days ago, open-ended."""

    class Meta:
        model = Appointment

    person = factory.SubFactory(PersonFactory)
    role = Role.FOCAL_POINT
    country = factory.LazyFunction(lambda: Country.objects.get(iso3="SEN"))
    starts_on = factory.LazyFunction(lambda: timezone.localdate() - timedelta(days=30))


def _role_user(role: str, iso3: str | None = None, theme: str | None = None, **kwargs) -> User:
    appointment = AppointmentFactory.create(
        role=role,
        country=Country.objects.get(iso3=iso3) if iso3 else None,
        theme=Theme.objects.get(slug=theme) if theme else None,
        **kwargs,
    )
    user = appointment.person.user
    assert user is not None
    return user


def secretariat(**kwargs) -> User:
    return _role_user(Role.SECRETARIAT, **kwargs)


def focal_point(iso3: str = "SEN", **kwargs) -> User:
    return _role_user(Role.FOCAL_POINT, iso3, **kwargs)


def workgroup_member(iso3: str = "SEN", **kwargs) -> User:
    return _role_user(Role.WORKGROUP_MEMBER, iso3, **kwargs)


def coordinating_authority(iso3: str = "SEN", **kwargs) -> User:
    return _role_user(Role.COORDINATING_AUTHORITY, iso3, **kwargs)


def thematic_contact(iso3: str = "ESP", theme: str = "border-management", **kwargs) -> User:
    return _role_user(Role.THEMATIC_CONTACT, iso3, theme, **kwargs)


def expert(**kwargs) -> User:
    return _role_user(Role.EXPERT, **kwargs)


def no_role() -> User:
    """Signed in, but holding no appointment."""
    return UserFactory.create()
