"""Who may hand over a post, see a welcome pack, download a person's data, erase a person.

Rules in the style of ``permissions.py`` (decision 0019); the ``access_*`` helpers fetch
the object and refuse (sign-in page for an anonymous visitor, 403 for others).
"""

from django.http import Http404, HttpRequest
from django.shortcuts import get_object_or_404

from rabatnet.accounts.models import User
from rabatnet.core.access import AnyUser, SignInRequired, check, parse_number

from .models import Appointment, Person
from .permissions import can_manage_network, is_self


def can_hand_over_appointment(user: AnyUser, appointment: Appointment) -> bool:
    return can_manage_network(user)


def can_view_welcome(user: AnyUser, person: Person) -> bool:
    """The person themself and the secretariat."""
    return person.erased_at is None and (
        bool(is_self.test(user, person)) or can_manage_network(user)
    )


def can_export_person_data(user: AnyUser, person: Person) -> bool:
    """All data held about a person: the person themself and the secretariat."""
    return bool(is_self.test(user, person)) or can_manage_network(user)


def can_erase_person(user: AnyUser, person: Person) -> bool:
    """The secretariat, never on their own record."""
    return can_manage_network(user) and not is_self.test(user, person)


PERSON_RULES = {
    "welcome": can_view_welcome,
    "export": can_export_person_data,
    "erase": can_erase_person,
}


def access_appointment_handover(request: HttpRequest, pk: object) -> Appointment:
    """The appointment (with its person, country, theme), for the secretariat to hand over."""
    appointment = get_object_or_404(
        Appointment.objects.select_related("person", "country", "theme"), pk=parse_number(pk)
    )
    return check(request, {"hand_over": can_hand_over_appointment}, "hand_over", appointment)


def access_lifecycle_person(request: HttpRequest, pk: object, verb: str) -> Person:
    """The person, to see their "welcome" pack, "export" their data or "erase" them."""
    person = get_object_or_404(Person.objects.select_related("user"), pk=parse_number(pk))
    return check(request, PERSON_RULES, verb, person)


def access_own_person(request: HttpRequest, verb: str) -> Person:
    """The signed-in visitor's own person record, for ``verb``; 404 if they have none."""
    user = request.user
    if not isinstance(user, User) or not user.is_authenticated:
        raise SignInRequired
    person = Person.objects.filter(user=user).select_related("user").first()
    if person is None:
        raise Http404("No person record for this account.")
    return check(request, PERSON_RULES, verb, person)
