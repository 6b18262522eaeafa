"""Reads for the network: current appointments, the directory, a country's posts."""

from django.db.models import Prefetch, Q, QuerySet

from rabatnet.accounts.models import User
from rabatnet.countries.models import Country

from .models import Appointment, Organisation, Person, Role

_APPOINTMENTS_CACHE = "_current_appointments"


def user_appointments(user: User) -> list[Appointment]:
    """The user's appointments in force today, cached on the user for this request."""
    if not user.is_authenticated:
        return []
    per_request = vars(user)  # the user object lives as long as the request
    cached: list[Appointment] | None = per_request.get(_APPOINTMENTS_CACHE)
    if cached is None:
        cached = list(
            Appointment.objects.current()
            .filter(person__user=user)
            .select_related("country", "theme")
        )
        per_request[_APPOINTMENTS_CACHE] = cached
    return cached


def user_countries(user: User) -> list[Country]:
    seen: dict[int, Country] = {}
    for appointment in user_appointments(user):
        if appointment.country is not None:
            seen.setdefault(appointment.country.pk, appointment.country)
    return sorted(seen.values(), key=lambda c: c.name)


def _people() -> QuerySet[Person]:
    return Person.objects.select_related("organisation", "organisation__country").prefetch_related(
        Prefetch(
            "appointments",
            queryset=Appointment.objects.current().select_related("country", "theme"),
            to_attr="current_appointments",
        )
    )


def directory(
    *, include_unlisted: bool, country: Country | None = None, role: str = "", query: str = ""
) -> QuerySet[Person]:
    """People with a current appointment; only those who consented unless ``include_unlisted``."""
    current = Appointment.objects.current()
    if country is not None:
        current = current.filter(country=country)
    if role:
        current = current.filter(role=role)
    people = _people().filter(pk__in=current.values("person"))
    if not include_unlisted:
        people = people.filter(directory_consent=True)
    if query:
        people = people.filter(
            Q(full_name__icontains=query)
            | Q(organisation__name__icontains=query)
            | Q(job_title__icontains=query)
        )
    return people


def person_with_history(pk: int) -> Person:
    return (
        Person.objects.select_related("organisation", "user")
        .prefetch_related(
            Prefetch(
                "appointments",
                queryset=Appointment.objects.select_related("country", "theme").order_by(
                    "-starts_on"
                ),
            )
        )
        .get(pk=pk)
    )


def country_posts(country: Country) -> dict[str, list[Appointment]]:
    """A country's appointments, current and past, newest first."""
    appointments = (
        Appointment.objects.for_country(country)
        .select_related("person", "person__organisation", "theme")
        .order_by("role", "-starts_on")
    )
    posts: dict[str, list[Appointment]] = {"current": [], "past": []}
    for appointment in appointments:
        posts["current" if appointment.is_current() else "past"].append(appointment)
    return posts


def secretariat_contacts() -> QuerySet[Person]:
    return _people().filter(
        pk__in=Appointment.objects.current().filter(role=Role.SECRETARIAT).values("person")
    )


def organisations() -> QuerySet[Organisation]:
    return Organisation.objects.select_related("country")


def person_with_email(email: str, *, exclude: Person | None = None) -> Person | None:
    """The person with ``email`` (case ignored), other than ``exclude``."""
    people = Person.objects.filter(email__iexact=email.strip())
    if exclude is not None and exclude.pk is not None:
        people = people.exclude(pk=exclude.pk)
    return people.first()
