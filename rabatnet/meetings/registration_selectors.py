"""Reads of registration and the calendars: which meetings a feed or a page holds."""

from django.db.models import Count, Prefetch, Q, QuerySet
from django.utils import timezone

from rabatnet.core.access import AnyUser
from rabatnet.countries.models import Country
from rabatnet.network.models import Appointment, Person, Role
from rabatnet.network.permissions import appointments_in_force

from .models import Delegate, Meeting, Registration

# The registrations a country "registered for": sent to the secretariat, or confirmed.
REGISTERED = (Registration.Status.SUBMITTED, Registration.Status.CONFIRMED)


def person_country_ids(person: Person) -> list[int]:
    """The countries ``person`` is appointed for today."""
    return list(
        Appointment.objects.current()
        .filter(person=person, country__isnull=False)
        .values_list("country_id", flat=True)
        .distinct()
    )


def person_is_secretariat(person: Person) -> bool:
    return Appointment.objects.current().filter(person=person, role=Role.SECRETARIAT).exists()


def public_meetings() -> QuerySet[Meeting]:
    """Published meetings, cancelled ones included (a calendar must learn of a cancellation)."""
    return Meeting.objects.published().order_by("starts_at", "pk")


def kind_meetings(kind: str) -> QuerySet[Meeting]:
    return public_meetings().filter(kind=kind)


def country_meetings(country: Country) -> QuerySet[Meeting]:
    """Published meetings the country hosted, co-chaired or took part in (``Participation``)."""
    took_part = Q(host_country=country) | Q(co_chairs=country) | Q(participations__country=country)
    ids = Meeting.objects.published().filter(took_part).values("pk")
    return public_meetings().filter(pk__in=ids)


def personal_meetings(person: Person) -> QuerySet[Meeting]:
    """The personal feed: every meeting for the secretariat; else the meetings the person's
    countries registered for and those the person is a delegate of (not withdrawn)."""
    if person_is_secretariat(person):
        return Meeting.objects.order_by("starts_at", "pk")
    registrations = Registration.objects.filter(
        Q(country_id__in=person_country_ids(person), status__in=REGISTERED)
        | Q(delegates__person=person, status__in=REGISTERED)
    )
    return Meeting.objects.filter(pk__in=registrations.values("meeting_id")).order_by(
        "starts_at", "pk"
    )


def registration_meetings(country_ids: list[int] | None) -> list[Meeting]:
    """Published meetings not yet over that take registrations, each with ``mine``: the
    registrations of ``country_ids`` (every country's for None, the secretariat)."""
    mine = Registration.objects.select_related("country").annotate(
        delegate_count=Count("delegates")
    )
    if country_ids is not None:
        mine = mine.filter(country_id__in=country_ids)
    return list(
        Meeting.objects.published()
        .filter(registration_opens_at__isnull=False, ends_at__gte=timezone.now())
        .order_by("starts_at", "pk")
        .prefetch_related(Prefetch("registrations", queryset=mine, to_attr="mine"))
    )


def meeting_registrations(meeting: Meeting, country_ids: list[int] | None) -> list[Registration]:
    """A meeting's registrations with their delegates (only ``country_ids``' unless None)."""
    found = meeting.registrations.select_related("country", "submitted_by", "confirmed_by")
    if country_ids is not None:
        found = found.filter(country_id__in=country_ids)
    delegates = Delegate.objects.order_by("-head_of_delegation", "full_name")
    return list(found.prefetch_related(Prefetch("delegates", queryset=delegates)))


def directory_people(country: Country) -> QuerySet[Person]:
    """The people appointed for ``country`` today and listed in the directory (by their
    consent, as ``network.visibility`` shows them): whom a delegate may be picked from."""
    ids = Appointment.objects.current().filter(country=country).values("person_id")
    return Person.objects.filter(
        pk__in=ids, erased_at__isnull=True, directory_consent=True
    ).order_by("full_name")


def user_countries(user: AnyUser) -> list[Country]:
    """The countries ``user`` is appointed for today (none for anybody else)."""
    countries = {
        a.country_id: a.country for a in appointments_in_force(user) if a.country is not None
    }
    return sorted(countries.values(), key=lambda c: c.name)


def user_country_ids(user: AnyUser) -> list[int]:
    """The countries ``user`` is appointed for today, whatever the role."""
    return sorted({a.country_id for a in appointments_in_force(user) if a.country_id})
