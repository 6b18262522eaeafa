"""Reads of the national workshops: the list a visitor may see, the people to choose from,
each name shown as consent allows (``network.visibility``)."""

from dataclasses import dataclass

from django.db.models import Exists, OuterRef, QuerySet
from django.utils.translation import gettext as _

from rabatnet.accounts.models import User
from rabatnet.core.access import AnyUser
from rabatnet.countries.models import Country
from rabatnet.guides.models import Guide
from rabatnet.guides.permissions import can_edit_guide
from rabatnet.network.models import Person
from rabatnet.network.permissions import can_manage_network, is_secretariat
from rabatnet.network.selectors import directory, user_countries
from rabatnet.network.visibility import person_card
from rabatnet.support.expert_selectors import roster
from rabatnet.support.models import Expert

from .models import Candidate, Outcome, Workshop, WorkshopExpert


@dataclass(frozen=True)
class Filters:
    country: str = ""  # ISO3
    status: str = ""
    year: int | None = None


def visible(user: AnyUser) -> QuerySet[Workshop]:
    """Every workshop for the secretariat; those of the visitor's countries for the others."""
    workshops = Workshop.objects.select_related("guide__country")
    if is_secretariat.test(user):
        return workshops
    if not isinstance(user, User):
        return workshops.none()
    return workshops.filter(guide__country__in=[c.pk for c in user_countries(user)])


def listed(user: AnyUser, filters: Filters) -> QuerySet[Workshop]:
    workshops = visible(user)
    if filters.country:
        workshops = workshops.filter(guide__country__iso3=filters.country)
    if filters.status:
        workshops = workshops.filter(status=filters.status)
    if filters.year:
        workshops = workshops.filter(starts_on__year=filters.year)
    return workshops.order_by("-starts_on", "-pk")


def list_countries(user: AnyUser) -> list[Country]:
    """The countries the visitor may filter by."""
    if is_secretariat.test(user):
        return list(Country.objects.filter(guides__workshops__isnull=False).distinct())
    return user_countries(user) if isinstance(user, User) else []


def directory_people(viewer: AnyUser, country: Country) -> QuerySet[Person]:
    """People in post for the country the viewer may see: the listed ones (everyone in post,
    for the secretariat)."""
    return directory(include_unlisted=can_manage_network(viewer), country=country).order_by(
        "full_name", "pk"
    )


def roster_for(viewer: AnyUser) -> QuerySet[Expert]:
    """The roster as the viewer may see it: listed experts (all, for the secretariat)."""
    experts = roster()
    if not can_manage_network(viewer):
        experts = experts.filter(person__directory_consent=True)
    return experts


def shown_name(viewer: AnyUser, person: Person | None, fallback: str) -> str:
    """A directory person's name as ``person_card`` allows; a typed name as typed."""
    if person is None:
        return fallback
    card = person_card(viewer, person)
    return card.name if card is not None else ""


@dataclass(frozen=True)
class ExpertLine:
    line: WorkshopExpert
    name: str  # "" when the viewer may not see the roster expert's name


def expert_lines(viewer: AnyUser, workshop: Workshop) -> dict[str, list[ExpertLine]]:
    """The experts by scope (international, local)."""
    lines: dict[str, list[ExpertLine]] = {s: [] for s in WorkshopExpert.Scope.values}
    for line in workshop.experts.select_related("expert__person").order_by("full_name", "pk"):
        person = line.expert.person if line.expert is not None else None
        lines[line.scope].append(ExpertLine(line, shown_name(viewer, person, line.full_name)))
    return lines


def outcomes_by_kind(workshop: Workshop) -> list[tuple[str, str, list[Outcome]]]:
    """(kind, its plural label, its outcomes) for each kind, in order; each outcome says
    whether it was ``proposed`` for the guide (then it stays as it is)."""
    proposed = Exists(Candidate.objects.filter(outcome=OuterRef("pk")))
    outcomes = list(workshop.outcomes.annotate(proposed=proposed).order_by("position", "pk"))
    labels = {
        Outcome.Kind.NEED: _("Needs"),
        Outcome.Kind.CHALLENGE: _("Challenges"),
        Outcome.Kind.RECOMMENDATION: _("Recommendations"),
    }
    return [
        (kind, str(label), [o for o in outcomes if o.kind == kind])
        for kind, label in labels.items()
    ]


def editable_guides(user: AnyUser) -> list[Guide]:
    """The guides the visitor may plan a workshop for (who may edit them)."""
    guides = Guide.objects.select_related("country").order_by("country__name", "language")
    if not is_secretariat.test(user):
        if not isinstance(user, User):
            return []
        guides = guides.filter(country__in=[c.pk for c in user_countries(user)])
    return [g for g in guides if can_edit_guide(user, g)]
