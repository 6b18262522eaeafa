"""Reads for the network: current appointments, the directory, a country's posts."""

from django.db.models import Prefetch, Q, QuerySet
from django.utils import timezone

from rabatnet.accounts.models import User
from rabatnet.countries.models import Country
from rabatnet.strategy.models import Theme

from .confirmation import overdue_filter
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


def has_working_language(code: str) -> Q:
    """People who list ``code`` among their working languages (codes separated by spaces)."""
    return (
        Q(working_languages__iexact=code)
        | Q(working_languages__istartswith=f"{code} ")
        | Q(working_languages__iendswith=f" {code}")
        | Q(working_languages__icontains=f" {code} ")
    )


def directory(
    *,
    include_unlisted: bool,
    country: Country | None = None,
    role: str = "",
    theme: Theme | None = None,
    organisation: Organisation | None = None,
    language: str = "",
    query: str = "",
    former: bool = False,
    overdue: bool = False,
) -> QuerySet[Person]:
    """People in post (or, ``former``, people whose every appointment has ended).

    Only those who consented to be listed unless ``include_unlisted``. The posts matched
    (current ones, or past ones for former members) are in ``directory_appointments``.
    """
    current = Appointment.objects.current()
    posts = (
        Appointment.objects.filter(ends_on__lte=timezone.localdate()).exclude(
            person__in=current.values("person")
        )
        if former
        else current
    )
    if country is not None:
        posts = posts.filter(country=country)
    if role:
        posts = posts.filter(role=role)
    if theme is not None:
        posts = posts.filter(theme=theme)
    people = (
        Person.objects.select_related("organisation", "organisation__country")
        .prefetch_related(
            Prefetch(
                "appointments",
                queryset=posts.select_related("country", "theme").order_by("-starts_on"),
                to_attr="directory_appointments",
            )
        )
        .filter(pk__in=posts.values("person"))
    )
    if not include_unlisted:
        people = people.filter(directory_consent=True, erased_at__isnull=True)
    if organisation is not None:
        people = people.filter(organisation=organisation)
    if language:
        people = people.filter(has_working_language(language))
    if overdue:
        people = people.filter(overdue_filter())
    if query:
        people = people.filter(
            Q(full_name__icontains=query)
            | Q(organisation__name__icontains=query)
            | Q(organisation__acronym__icontains=query)
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


def secretariat_recipients() -> QuerySet[Person]:
    """Whom to mail for the secretariat: its people in post, not erased, with an address."""
    in_post = Appointment.objects.current().filter(role=Role.SECRETARIAT).values("person")
    return (
        Person.objects.filter(pk__in=in_post, erased_at__isnull=True)
        .exclude(email="")
        .order_by("pk")
    )


def organisations() -> QuerySet[Organisation]:
    return Organisation.objects.select_related("country")


def person_with_email(email: str, *, exclude: Person | None = None) -> Person | None:
    """The person with ``email`` (case ignored), other than ``exclude``."""
    people = Person.objects.filter(email__iexact=email.strip())
    if exclude is not None and exclude.pk is not None:
        people = people.exclude(pk=exclude.pk)
    return people.first()


def person_of_user(user: User) -> Person | None:
    """The person record of ``user``, if any."""
    return Person.objects.filter(user=user).first()
