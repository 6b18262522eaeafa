"""Writes of support requests besides the stage table's own (keyword-only, atomic): the
country's edit while received, a step taken from a page that may be stale, the terms of
reference (each text a new version; the country agrees one)."""

from collections.abc import Iterable

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext as _

from rabatnet.accounts.models import User
from rabatnet.core.services import record_actor, save_versioned
from rabatnet.followup.models import Initiative
from rabatnet.strategy.models import Objective

from .models import Stage, StageEvent, SupportRequest, TermsOfReference
from .request_forms import SCALAR_FIELDS
from .services import locked_request, request_advance, request_file

# While the terms of reference are being written and agreed.
TERMS_STAGES = (Stage.RECEIVED, Stage.ACKNOWLEDGED)


@transaction.atomic
def request_create(
    *,
    request: SupportRequest,
    objectives: Iterable[Objective],
    initiatives: Iterable[Initiative],
    actor: User,
) -> SupportRequest:
    """File the request (built by the form, not yet saved) with its related initiatives."""
    filed = request_file(request=request, objectives=list(objectives), actor=actor)
    filed.initiatives.set(initiatives)
    return filed


@transaction.atomic
def request_update(
    *,
    request: SupportRequest,
    expected_version: int,
    objectives: Iterable[Objective],
    initiatives: Iterable[Initiative],
    actor: User | None,
) -> SupportRequest:
    """Save the country's changes (``request`` carries them) while it is still received;
    StaleEditError if somebody saved it after ``expected_version`` was read."""
    stored = SupportRequest.objects.select_for_update().get(pk=request.pk)
    if stored.stage != Stage.RECEIVED:
        raise ValidationError(
            _(
                "The secretariat has taken this request up (it is “%(stage)s”): it can no "
                "longer be changed here."
            ),
            params={"stage": stored.get_stage_display()},
        )
    record_actor(request, actor)
    save_versioned(obj=request, expected_version=expected_version, fields=SCALAR_FIELDS)
    request.objectives.set(objectives)
    request.initiatives.set(initiatives)
    return request


@transaction.atomic
def request_act(
    *,
    request: SupportRequest,
    action: str,
    reason: str,
    actor: User,
    seen_version: int | None,
) -> StageEvent:
    """Take ``action`` as asked from a page showing ``seen_version`` of the request:
    refused, in words, if the request changed since that page was drawn."""
    locked = locked_request(request)
    if seen_version is not None and seen_version != locked.version:
        raise ValidationError(
            _(
                "This request changed since you opened the page (it is now “%(stage)s”). "
                "Nothing was done: check it, then try again."
            ),
            code="stale",
            params={"stage": locked.get_stage_display()},
        )
    return request_advance(request=locked, action=action, actor=actor, reason=reason)


def _terms_open(request: SupportRequest) -> None:
    if request.stage not in TERMS_STAGES:
        raise ValidationError(
            _("The terms of reference are settled at this stage (“%(stage)s”)."),
            params={"stage": request.get_stage_display()},
        )


@transaction.atomic
def terms_write(
    *, request: SupportRequest, text: str, after: int | None, actor: User | None
) -> TermsOfReference:
    """A new version (the last number + 1), to be agreed by the country. ``after``: the
    latest version the writer saw (0 for none); refused if a newer one was written since."""
    locked = locked_request(request)
    _terms_open(locked)
    text = text.strip()
    if not text:
        raise ValidationError(_("Write the terms of reference."))
    latest = locked.terms.aggregate(last=Max("number"))["last"] or 0
    if after is not None and after != latest:
        raise ValidationError(
            _("Version %(number)s was written while you were editing: read it first."),
            code="stale",
            params={"number": latest},
        )
    terms = TermsOfReference.objects.create(
        request=locked, number=latest + 1, text=text, created_by=actor
    )
    from .request_notifications import mail_terms_awaiting

    transaction.on_commit(lambda: mail_terms_awaiting(terms.pk))
    return terms


@transaction.atomic
def terms_agree(*, terms: TermsOfReference, actor: User) -> TermsOfReference:
    """The country agrees this version: only the latest, once, while the terms are open."""
    locked = locked_request(terms.request)
    _terms_open(locked)
    current = TermsOfReference.objects.select_for_update().get(pk=terms.pk)
    latest = locked.terms.aggregate(last=Max("number"))["last"]
    if current.number != latest:
        raise ValidationError(
            _("Version %(number)s is no longer the latest: read version %(latest)s."),
            params={"number": current.number, "latest": latest},
        )
    if current.agreed_at is not None:
        raise ValidationError(_("This version was already agreed."))
    current.agreed_at = timezone.now()
    current.agreed_by = actor
    current.save(update_fields=["agreed_at", "agreed_by"])
    return current
