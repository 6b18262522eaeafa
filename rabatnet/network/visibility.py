"""What a viewer sees of a person: the one place that applies consent, field by field.

Every page, export (vCard, CSV) and list of people goes through ``person_card``: the
secretariat and the person themself see everything; other members see a listed person's
name, position, organisation, posts and working languages, and the e-mail address and
telephone number only when the person agreed to share them (``share_email``,
``share_phone``). An unlisted person is seen by nobody else (``None``).
"""

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime

from .confirmation import is_overdue
from .models import Appointment, Person
from .permissions import AnyUser, can_manage_network, can_view_person, is_self


@dataclass(frozen=True)
class PersonCard:
    """A person as one viewer may see them. Empty strings stand for what is withheld."""

    pk: int
    name: str
    job_title: str
    organisation: str
    appointments: tuple[Appointment, ...]  # posts in force (or ended, for former members)
    working_languages: tuple[str, ...]
    language: str
    email: str
    phone: str
    updated_at: datetime | None
    # Only the secretariat and the person themself see these (None for others).
    listed: bool | None
    share_email: bool | None
    share_phone: bool | None
    details_confirmed_at: datetime | None
    confirmation_overdue: bool | None
    full_view: bool

    @property
    def countries(self) -> tuple[str, ...]:
        """The names of the countries of the posts shown, each once."""
        names = [a.country.name for a in self.appointments if a.country is not None]
        return tuple(dict.fromkeys(names))


def sees_everything(viewer: AnyUser, person: Person) -> bool:
    """The secretariat and the person themself see every field."""
    return can_manage_network(viewer) or bool(is_self.test(viewer, person))


def _appointments(person: Person) -> tuple[Appointment, ...]:
    """The posts to show, as the selector prefetched them (none if it did not)."""
    for prefetched in ("directory_appointments", "current_appointments"):
        if hasattr(person, prefetched):
            return tuple(getattr(person, prefetched))
    if "appointments" in getattr(person, "_prefetched_objects_cache", {}):
        return tuple(a for a in person.appointments.all() if a.is_current())
    return ()


def person_card(viewer: AnyUser, person: Person) -> PersonCard | None:
    """What ``viewer`` may see of ``person``; None if they may not see the person at all."""
    if person.erased_at is not None and not can_manage_network(viewer):
        return None
    if not can_view_person(viewer, person):
        return None
    full = sees_everything(viewer, person)
    return PersonCard(
        pk=person.pk,
        name=person.display_name,
        job_title=person.job_title,
        organisation=str(person.organisation) if person.organisation else "",
        appointments=_appointments(person),
        working_languages=tuple(person.working_languages.split()),
        language=person.language,
        email=person.email if full or person.share_email else "",
        phone=person.phone if full or person.share_phone else "",
        updated_at=person.updated_at,
        listed=person.directory_consent if full else None,
        share_email=person.share_email if full else None,
        share_phone=person.share_phone if full else None,
        details_confirmed_at=person.details_confirmed_at if full else None,
        confirmation_overdue=is_overdue(person.details_confirmed_at) if full else None,
        full_view=full,
    )


def person_cards(viewer: AnyUser, people: Iterable[Person]) -> list[PersonCard]:
    """The cards ``viewer`` may see, in the order of ``people``; the others left out."""
    cards = (person_card(viewer, person) for person in people)
    return [card for card in cards if card is not None]
