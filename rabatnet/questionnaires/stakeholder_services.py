"""Writes of a guide's stakeholders: identify, invite, answer, remove.

People go through the directory (``network.services.person_create``) and new institutions
through ``organisation_create``: the network stays the one place for both. The first
stakeholder moves the guide to "stakeholders identified" (``services.guide_follows``).
Accepting the invitation makes the person a member of the guide's workgroup (part III) and,
if they have an account, gives them a workgroup appointment for the country.
"""

from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from rabatnet.accounts.models import User
from rabatnet.core.services import record_actor
from rabatnet.guides.models import Stage, WorkgroupMember
from rabatnet.network.models import Appointment, Organisation, Person, Role
from rabatnet.network.services import appointment_create, organisation_create, person_create

from . import stakeholder_invitations as mails
from .interest_services import country_people
from .models import ExpressionOfInterest, Stakeholder
from .services import guide_follows


@dataclass(frozen=True)
class NewOrganisation:
    name: str
    kind: str


@dataclass(frozen=True)
class NewPerson:
    full_name: str
    email: str
    language: str = "en"


def _open(interest: ExpressionOfInterest) -> ExpressionOfInterest:
    interest.refresh_from_db(from_queryset=ExpressionOfInterest.objects.select_for_update())
    if interest.status == ExpressionOfInterest.Status.WITHDRAWN:
        raise ValidationError(
            _("This declaration was withdrawn: its stakeholders stay as they are.")
        )
    return interest


@transaction.atomic
def stakeholder_identify(
    *,
    interest: ExpressionOfInterest,
    organisation: Organisation | None = None,
    new_organisation: NewOrganisation | None = None,
    person: Person | None = None,
    new_person: NewPerson | None = None,
    role: str = "",
    actor: User | None,
    is_example: bool = False,
) -> Stakeholder:
    """Identify an institution of the country (and a person in it) for the workgroup."""
    interest = _open(interest)
    country = interest.country
    if (organisation is None) == (new_organisation is None):
        raise ValidationError(_("Choose an institution or name a new one (one of the two)."))
    if person is not None and new_person is not None:
        raise ValidationError(_("Choose a person or name a new one, not both."))
    if organisation is not None and organisation.country_id != country.pk:
        raise ValidationError({"organisation": _("Choose an institution of the country.")})
    if person is not None and not country_people(country).filter(pk=person.pk).exists():
        raise ValidationError({"person": _("Choose a person of the country.")})
    if new_organisation is not None:
        organisation = organisation_create(
            name=new_organisation.name, kind=new_organisation.kind, country=country, actor=actor
        )
    assert organisation is not None
    if new_person is not None:
        person = person_create(
            full_name=new_person.full_name,
            email=new_person.email,
            organisation=organisation,
            language=new_person.language,
            actor=actor,
        )
    if Stakeholder.objects.filter(
        guide=interest.guide, organisation=organisation, person=person
    ).exists():
        raise ValidationError(_("This stakeholder is already on the list."))
    stakeholder = Stakeholder(
        guide=interest.guide,
        organisation=organisation,
        person=person,
        role=role,
        is_example=is_example,
    )
    record_actor(stakeholder, actor)
    stakeholder.save()
    guide_follows(
        guide=interest.guide,
        stage=Stage.STAKEHOLDERS,
        actor=actor,
        comment=_("First stakeholder identified."),
    )
    return stakeholder


def _locked(stakeholder: Stakeholder) -> Stakeholder:
    stakeholder.refresh_from_db(from_queryset=Stakeholder.objects.select_for_update())
    return stakeholder


@transaction.atomic
def stakeholder_invite(*, stakeholder: Stakeholder, actor: User | None) -> Stakeholder:
    """Mail the stakeholder's person a personal link to the workgroup. Inviting again sends
    a new link; the earlier one stops working."""
    _open(stakeholder.guide.expression_of_interest)
    stakeholder = _locked(stakeholder)
    person = stakeholder.person
    if person is None or person.erased_at is not None or not person.email:
        raise ValidationError(_("Only a person with an e-mail address can be invited."))
    if stakeholder.status not in (Stakeholder.Status.IDENTIFIED, Stakeholder.Status.INVITED):
        raise ValidationError(
            _("This stakeholder is “%(status)s”: there is nothing to invite to."),
            params={"status": stakeholder.get_status_display()},
        )
    stakeholder.status = Stakeholder.Status.INVITED
    stakeholder.invited_at = timezone.now()
    stakeholder.answered_at = None
    record_actor(stakeholder, actor)
    stakeholder.save(update_fields=["status", "invited_at", "answered_at", "updated_at"])
    mails.mail_invitation(stakeholder)
    return stakeholder


def _appoint(person: Person, stakeholder: Stakeholder) -> None:
    """A workgroup appointment for the country, if the person has an account and none yet."""
    country = stakeholder.guide.country
    in_force = Appointment.objects.current().filter(
        person=person, role=Role.WORKGROUP_MEMBER, country=country
    )
    if person.user_id is None or in_force.exists():
        return
    try:
        with transaction.atomic():
            appointment_create(person=person, role=Role.WORKGROUP_MEMBER, country=country)
    except ValidationError:
        return  # the country does not take part now: the secretariat sees it on the page


@transaction.atomic
def stakeholder_answer(*, stakeholder: Stakeholder, accept: bool) -> Stakeholder:
    """The invited person accepts (joins the workgroup) or declines, once."""
    _open(stakeholder.guide.expression_of_interest)  # a withdrawn declaration invites nobody
    stakeholder = _locked(stakeholder)
    person = stakeholder.person
    if stakeholder.status != Stakeholder.Status.INVITED or person is None or person.erased_at:
        raise ValidationError(_("This invitation was already answered or is no longer valid."))
    stakeholder.status = Stakeholder.Status.JOINED if accept else Stakeholder.Status.DECLINED
    stakeholder.answered_at = timezone.now()
    stakeholder.save(update_fields=["status", "answered_at", "updated_at"])
    if accept:
        if not WorkgroupMember.objects.filter(guide=stakeholder.guide, person=person).exists():
            member = WorkgroupMember(
                guide=stakeholder.guide, person=person, role_in_group=stakeholder.role[:200]
            )
            member.full_clean()
            member.save()
        _appoint(person, stakeholder)
    return stakeholder


@transaction.atomic
def stakeholder_remove(*, stakeholder: Stakeholder, actor: User | None) -> None:
    """Take a stakeholder off the list; one who joined the workgroup stays."""
    _open(stakeholder.guide.expression_of_interest)
    stakeholder = _locked(stakeholder)
    if stakeholder.status == Stakeholder.Status.JOINED:
        raise ValidationError(
            _("This person joined the workgroup: remove them from the workgroup instead.")
        )
    record_actor(stakeholder, actor)
    stakeholder.delete()


def needing_accounts(stakeholders: list[Stakeholder]) -> set[int]:
    """The stakeholders who joined but cannot reach the private area (no account, or no
    workgroup appointment in force for the country): the secretariat must act. One query."""
    joined = [s for s in stakeholders if s.status == Stakeholder.Status.JOINED and s.person]
    if not joined:
        return set()
    appointed = set(
        Appointment.objects.current()
        .filter(
            person__in=[s.person for s in joined],
            role=Role.WORKGROUP_MEMBER,
            country_id=joined[0].guide.country_id,
        )
        .values_list("person_id", flat=True)
    )
    return {
        s.pk
        for s in joined
        if s.person is not None and (s.person.user_id is None or s.person.pk not in appointed)
    }
