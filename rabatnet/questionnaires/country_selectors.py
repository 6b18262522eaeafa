"""What a country's questionnaire page reads: its invitations with their state, the
response rate per department (derived from the invitations), its responses."""

from dataclasses import dataclass

from django.db.models import QuerySet

from rabatnet.countries.models import Country

from .models import Invitation, Questionnaire, Response


def invitations_of(questionnaire: Questionnaire, country: Country) -> list[Invitation]:
    return list(
        Invitation.objects.filter(questionnaire=questionnaire, country=country)
        .select_related("department", "response")
        .order_by("department__name", "pk")
    )


def responses_of(questionnaire: Questionnaire, country: Country) -> QuerySet[Response]:
    return (
        Response.objects.filter(questionnaire=questionnaire, country=country)
        .select_related("department", "batch")
        .order_by("-submitted_at", "-pk")
    )


@dataclass
class Rate:
    department: str
    invited: int = 0
    opened: int = 0
    started: int = 0
    submitted: int = 0

    @property
    def percent(self) -> int | None:
        """Submitted of invited, in whole per cent (None with nobody invited)."""
        return round(100 * self.submitted / self.invited) if self.invited else None


def _response(invitation: Invitation) -> Response | None:
    try:
        return invitation.response
    except Response.DoesNotExist:
        return None


def response_rates(invitations: list[Invitation]) -> tuple[list[Rate], Rate]:
    """Per department, then all together: invited, opened, started (answers saved),
    submitted; withdrawn links are not counted as invited."""
    rates: dict[int, Rate] = {}
    total = Rate("")
    for invitation in invitations:
        if invitation.revoked_at is not None:
            continue
        rate = rates.setdefault(invitation.department_id, Rate(invitation.department.name))
        response = _response(invitation)
        for line in (rate, total):
            line.invited += 1
            line.opened += invitation.opened_at is not None
            line.started += response is not None
            line.submitted += bool(response and response.status == Response.Status.SUBMITTED)
    return sorted(rates.values(), key=lambda r: r.department), total


def invitation_state(invitation: Invitation) -> str:
    response = _response(invitation)
    if response is not None and response.status == Response.Status.SUBMITTED:
        return "submitted"
    if invitation.revoked_at is not None:
        return "revoked"
    from django.utils import timezone

    if invitation.expires_at <= timezone.now():
        return "expired"
    if response is not None:
        return "saved"
    return "opened" if invitation.opened_at else "sent"
