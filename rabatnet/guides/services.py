"""Writes for guides: the steps of their life, editions, and the records of their parts.

Which step leads where, and who may take it, is the table in ``lifecycle.py``; views check
the "who", services lock the rows and check, in the table, that the step still applies.
"""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext as _

from rabatnet.accounts.models import User
from rabatnet.core.models import VersionedModel
from rabatnet.core.services import record_actor, save_versioned
from rabatnet.countries.models import Country

from . import lifecycle, publication
from .models import Edition, Guide, GuideEvent, Stage
from .models.guide import content_hash
from .snapshot import guide_snapshot


def _record(guide: Guide, stage: str, actor: User | None, comment: str = "") -> None:
    guide.stage = stage
    record_actor(guide, actor)
    guide.save(update_fields=["stage", "updated_at"])
    GuideEvent.objects.create(
        guide=guide, stage=stage, actor=actor, at=timezone.now(), comment=comment
    )


def _locked_guide(guide: Guide) -> Guide:
    """The guide read again, in place, under a row lock: its stage is the database's now."""
    guide.refresh_from_db(from_queryset=Guide.objects.select_for_update())
    return guide


def _locked(edition: Edition) -> tuple[Guide, Edition]:
    """The edition's guide, then the edition, read again in place under row locks (always
    in this order, so that two decisions wait for each other instead of deadlocking)."""
    guide = _locked_guide(edition.guide)
    edition.refresh_from_db(from_queryset=Edition.objects.select_for_update())
    return guide, edition


@transaction.atomic
def guide_start(*, country: Country, language: str, actor: User | None, title: str = "") -> Guide:
    """A country expresses its interest: the guide exists from now on."""
    if Guide.objects.filter(country=country, language=language).exists():
        raise ValidationError({"language": _("This country already has a guide in this language.")})
    guide = Guide(country=country, language=language, title=title)
    guide.full_clean()
    guide.save()
    _record(guide, Stage.EXPRESSION_OF_INTEREST, actor)
    return guide


@transaction.atomic
def guide_advance(*, guide: Guide, stage: str, actor: User | None, comment: str = "") -> Guide:
    """Record a preparation step (forward or back), up to drafting."""
    guide = _locked_guide(guide)
    if stage not in lifecycle.PREPARATION:
        raise ValidationError(_("This step is taken by submitting, endorsing or publishing."))
    _record(guide, lifecycle.transition(guide, stage).target, actor, comment)
    return guide


@transaction.atomic
def guide_update(*, guide: Guide, expected_version: int, actor: User | None) -> Guide:
    """Save the guide's own fields (title, context); refused if stale."""
    record_actor(guide, actor)
    return save_versioned(obj=guide, expected_version=expected_version, fields=["title", "context"])


def pending_edition(guide: Guide) -> Edition | None:
    return guide.editions.filter(
        status__in=[Edition.Status.SUBMITTED, Edition.Status.ENDORSED]
    ).first()


@transaction.atomic
def guide_submit(*, guide: Guide, actor: User | None) -> Edition:
    """Freeze the current records as a new edition and ask the authority to endorse it."""
    guide = _locked_guide(guide)
    step = lifecycle.transition(guide, lifecycle.SUBMIT)
    if pending_edition(guide):
        raise ValidationError(_("An edition is already waiting for endorsement or publication."))
    content = guide_snapshot(guide)
    last = guide.editions.aggregate(n=Max("number"))["n"] or 0
    edition = Edition.objects.create(
        guide=guide,
        number=last + 1,
        status=Edition.Status.SUBMITTED,
        content=content,
        content_sha256=content_hash(content),
        submitted_at=timezone.now(),
        submitted_by=actor,
    )
    _record(guide, step.target, actor)
    return edition


def _decide(edition: Edition, action: str, actor: User | None, comment: str) -> Edition:
    guide, edition = _locked(edition)
    step = lifecycle.transition(guide, action, edition)
    edition.status = step.edition_to
    edition.decided_at = timezone.now()
    edition.decided_by = actor
    edition.decision_comment = comment
    edition.save(update_fields=["status", "decided_at", "decided_by", "decision_comment"])
    _record(guide, step.target, actor, comment)
    return edition


@transaction.atomic
def edition_endorse(*, edition: Edition, actor: User | None, comment: str = "") -> Edition:
    """The national coordinating authority endorses the submitted edition."""
    return _decide(edition, lifecycle.ENDORSE, actor, comment)


@transaction.atomic
def edition_return(*, edition: Edition, actor: User | None, comment: str) -> Edition:
    """The authority sends the edition back with comments; drafting resumes."""
    if not comment.strip():
        raise ValidationError({"comment": _("Say what should change: the comments are required.")})
    return _decide(edition, lifecycle.SEND_BACK, actor, comment)


@transaction.atomic
def edition_publish(*, edition: Edition, actor: User | None) -> Edition:
    """The secretariat publishes an endorsed edition; from now on it is frozen."""
    guide, edition = _locked(edition)
    step = lifecycle.transition(guide, lifecycle.PUBLISH, edition)
    edition.status = step.edition_to
    edition.published_at = timezone.now()
    edition.published_by = actor
    edition.save(update_fields=["status", "published_at", "published_by"])
    _record(guide, step.target, actor)
    transaction.on_commit(
        lambda: publication.queue_pdf_build(edition=edition, content_sha256=edition.content_sha256)
    )
    return edition


@transaction.atomic
def guide_follow_up(*, guide: Guide, actor: User | None, comment: str = "") -> Guide:
    """The country starts following up its published guide."""
    guide = _locked_guide(guide)
    _record(guide, lifecycle.transition(guide, lifecycle.FOLLOW_UP).target, actor, comment)
    return guide


# --- The records of the parts (actors, workgroup, practices, challenges, ...) -----------


@transaction.atomic
def part_create(*, instance: VersionedModel, actor: User | None) -> VersionedModel:
    record_actor(instance, actor)
    instance.full_clean()
    instance.save()
    return instance


@transaction.atomic
def part_update(
    *, instance: VersionedModel, fields: list[str], expected_version: int, actor: User | None
) -> VersionedModel:
    """Save an edited record; StaleEditError if somebody saved it meanwhile."""
    record_actor(instance, actor)
    return save_versioned(obj=instance, expected_version=expected_version, fields=fields)


@transaction.atomic
def part_delete(*, instance: VersionedModel, actor: User | None) -> None:
    record_actor(instance, actor)
    instance.delete()


@transaction.atomic
def guide_contents_set(*, guide: Guide, items: list, actor: User | None) -> Guide:
    """Tick the migration profile contents the guide covers; the guide's version rises, so
    an edit of the guide opened before is refused."""
    record_actor(guide, actor)
    guide.profile_contents.set(items)
    guide.save(update_fields=["updated_at"])
    return guide
