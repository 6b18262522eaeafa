"""Writes for guides: the steps of their life, editions, and the records of their parts.

Who may call which is decided in ``permissions.py``; services check only that the
step is possible from where the guide stands.
"""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext as _

from rabatnet.accounts.models import User
from rabatnet.core.models import VersionedModel
from rabatnet.core.services import save_versioned
from rabatnet.countries.models import Country

from .models import Edition, Guide, GuideEvent, Stage
from .models.guide import content_hash
from .snapshot import guide_snapshot
from .tasks import build_edition_pdf

# The steps a country takes by itself before drafting, in order.
PREPARATION = [
    Stage.EXPRESSION_OF_INTEREST,
    Stage.STAKEHOLDERS,
    Stage.QUESTIONNAIRES,
    Stage.WORKSHOP,
    Stage.DRAFTING,
]


# The stages from which the records can be submitted as a new edition.
SUBMITTABLE = [Stage.DRAFTING, Stage.PUBLISHED, Stage.FOLLOW_UP]


def _record(guide: Guide, stage: str, actor: User | None, comment: str = "") -> None:
    guide.stage = stage
    guide._history_user = actor  # type: ignore[attr-defined]
    guide.save(update_fields=["stage", "updated_at"])
    GuideEvent.objects.create(
        guide=guide, stage=stage, actor=actor, at=timezone.now(), comment=comment
    )


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
    """Move through the preparation steps (forward or back), up to drafting."""
    if stage not in PREPARATION or guide.stage not in PREPARATION:
        raise ValidationError(_("This step is taken by submitting, endorsing or publishing."))
    _record(guide, stage, actor, comment)
    return guide


@transaction.atomic
def guide_update(*, guide: Guide, expected_version: int, actor: User | None) -> Guide:
    """Save the guide's own fields (title, context); refused if stale."""
    guide._history_user = actor  # type: ignore[attr-defined]
    return save_versioned(obj=guide, expected_version=expected_version, fields=["title", "context"])


def pending_edition(guide: Guide) -> Edition | None:
    return guide.editions.filter(
        status__in=[Edition.Status.SUBMITTED, Edition.Status.ENDORSED]
    ).first()


@transaction.atomic
def guide_submit(*, guide: Guide, actor: User | None) -> Edition:
    """Freeze the current records as a new edition and ask the authority to endorse it."""
    guide = Guide.objects.select_for_update().get(pk=guide.pk)
    if guide.stage not in SUBMITTABLE:
        raise ValidationError(
            _("Only a guide being drafted (or published, for a new edition) can be submitted.")
        )
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
    _record(guide, Stage.SUBMITTED, actor)
    return edition


def _decide(edition: Edition, status: str, actor: User | None, comment: str) -> Edition:
    if edition.status != Edition.Status.SUBMITTED:
        raise ValidationError(
            _("Only an edition submitted for endorsement can be endorsed or sent back.")
        )
    edition.status = status
    edition.decided_at = timezone.now()
    edition.decided_by = actor
    edition.decision_comment = comment
    edition.save(update_fields=["status", "decided_at", "decided_by", "decision_comment"])
    return edition


@transaction.atomic
def edition_endorse(*, edition: Edition, actor: User | None, comment: str = "") -> Edition:
    """The national coordinating authority endorses the submitted edition."""
    _decide(edition, Edition.Status.ENDORSED, actor, comment)
    _record(edition.guide, Stage.ENDORSED, actor, comment)
    return edition


@transaction.atomic
def edition_return(*, edition: Edition, actor: User | None, comment: str) -> Edition:
    """The authority sends the edition back with comments; drafting resumes."""
    if not comment.strip():
        raise ValidationError({"comment": _("Say what should change: the comments are required.")})
    _decide(edition, Edition.Status.RETURNED, actor, comment)
    _record(edition.guide, Stage.DRAFTING, actor, comment)
    return edition


@transaction.atomic
def edition_publish(*, edition: Edition, actor: User | None) -> Edition:
    """The secretariat publishes an endorsed edition; from now on it is frozen."""
    if edition.status != Edition.Status.ENDORSED:
        raise ValidationError(_("Only an endorsed edition can be published."))
    edition.status = Edition.Status.PUBLISHED
    edition.published_at = timezone.now()
    edition.published_by = actor
    edition.save(update_fields=["status", "published_at", "published_by"])
    _record(edition.guide, Stage.PUBLISHED, actor)
    transaction.on_commit(lambda: build_edition_pdf.enqueue(edition_id=edition.pk))
    return edition


@transaction.atomic
def guide_follow_up(*, guide: Guide, actor: User | None, comment: str = "") -> Guide:
    if guide.stage != Stage.PUBLISHED:
        raise ValidationError(_("Follow-up starts once the guide is published."))
    _record(guide, Stage.FOLLOW_UP, actor, comment)
    return guide


# --- The records of the parts (actors, workgroup, practices, challenges, ...) -----------


@transaction.atomic
def part_create(*, instance: VersionedModel, actor: User | None) -> VersionedModel:
    instance._history_user = actor  # type: ignore[attr-defined]
    instance.full_clean()
    instance.save()
    return instance


@transaction.atomic
def part_update(
    *, instance: VersionedModel, fields: list[str], expected_version: int, actor: User | None
) -> VersionedModel:
    """Save an edited record; StaleEditError if somebody saved it meanwhile."""
    instance._history_user = actor  # type: ignore[attr-defined]
    return save_versioned(obj=instance, expected_version=expected_version, fields=fields)


@transaction.atomic
def part_delete(*, instance: VersionedModel, actor: User | None) -> None:
    instance._history_user = actor  # type: ignore[attr-defined]
    instance.delete()


@transaction.atomic
def guide_contents_set(*, guide: Guide, items: list, actor: User | None) -> Guide:
    """Tick the migration profile contents the guide covers; the guide's version rises, so
    an edit of the guide opened before is refused."""
    guide._history_user = actor  # type: ignore[attr-defined]
    guide.profile_contents.set(items)
    guide.save(update_fields=["updated_at"])
    return guide
