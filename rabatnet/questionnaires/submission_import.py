"""Importing submissions from an ODK Central or KoboToolbox export: all or nothing.

Everything is read and checked first (``submission_readers``, ``submission_check``,
``submission_rows``); a file with any row that does not fit is refused whole, naming each
problem; submissions rejected in the server's review (ODK Central's ``ReviewState``,
KoboToolbox's ``_validation_status``) are left out, and the batch keeps their IDs. Only
then, in one transaction: an ``ImportBatch``, one ``Response`` per
submission (submitted, at the export's submission time), its ``Answer`` rows (codes,
ISO dates, plain numbers). Submissions already imported for the questionnaire (their
instance ID) and a file already imported (its SHA-256) are refused, never replaced. The
country's guides then follow to the questionnaires stage.
"""

import hashlib
from collections.abc import Callable
from dataclasses import dataclass

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from rabatnet.accounts.models import User
from rabatnet.countries.models import Country
from rabatnet.guides.models import Stage

from . import services
from .models import Answer, ImportBatch, Questionnaire, Response
from .submission_check import Checked, ImportRefused, Problem, check_tables, detect_format
from .submission_readers import ReadError, Table, read_files

__all__ = [
    "ImportRefused",
    "Problem",
    "Upload",
    "imported_message",
    "left_out_message",
    "submissions_import",
]


@dataclass(frozen=True)
class Upload:
    name: str
    data: bytes


def _refusal(name: str, message: str) -> ImportRefused:
    return ImportRefused([Problem(name, None, "", "", message)])


def fingerprint(uploads: list[Upload]) -> str:
    """The SHA-256 of the file (of the files' SHA-256s, sorted, for several)."""
    digests = [hashlib.sha256(u.data).hexdigest() for u in uploads]
    if len(digests) == 1:
        return digests[0]
    return hashlib.sha256("\n".join(sorted(digests)).encode()).hexdigest()


def read_and_check(
    questionnaire: Questionnaire,
    uploads: list[Upload],
    fmt: str = "",
    tick: Callable[[int], object] = lambda n: None,
) -> tuple[str, Checked]:
    """The format and the checked submissions; ImportRefused with every problem."""
    names = ", ".join(u.name for u in uploads)
    try:
        tables: list[Table] = read_files([(u.name, u.data) for u in uploads])
    except ReadError as error:
        raise _refusal(names, str(error)) from error
    fmt = fmt or detect_format(tables) or ""
    if fmt not in ImportBatch.Format.values:
        raise _refusal(
            names,
            _(
                "This file does not say whether it comes from KoboToolbox or ODK Central "
                "(no _uuid, KEY or instanceID column): choose the format."
            ),
        )
    checked = check_tables(questionnaire, tables, fmt, tick)
    if not checked.submissions and checked.left_out:
        raise _refusal(
            names,
            _(
                "Every submission of the file (%(count)s) was rejected in its review on the "
                "server: there is nothing to import."
            )
            % {"count": len(checked.left_out)},
        )
    if not checked.submissions:
        raise _refusal(names, _("The file holds no submission."))
    return fmt, checked


@transaction.atomic
def submissions_import(
    *,
    questionnaire: Questionnaire,
    country: Country,
    uploads: list[Upload],
    actor: User | None,
    fmt: str = "",
    tick: Callable[[int], object] = lambda n: None,
) -> ImportBatch:
    """Check the export whole, then write it; ImportRefused (nothing written) otherwise."""
    names = ", ".join(u.name for u in uploads)[:250]
    fmt, checked = read_and_check(questionnaire, uploads, fmt, tick)
    submissions = checked.submissions
    # One import at a time per questionnaire: the checks below hold until the commit.
    Questionnaire.objects.select_for_update().get(pk=questionnaire.pk)
    sha256 = fingerprint(uploads)
    earlier = ImportBatch.objects.filter(questionnaire=questionnaire, sha256=sha256).first()
    if earlier is not None:
        raise _refusal(
            names,
            _("This file was already imported on %(date)s (%(name)s): nothing was changed.")
            % {"date": earlier.imported_at.date().isoformat(), "name": earlier.file_name},
        )
    ids = [s.instance_id for s in submissions]
    already = list(
        Response.objects.filter(questionnaire=questionnaire, instance_id__in=ids)
        .order_by("instance_id")
        .values_list("instance_id", flat=True)
    )
    if already:
        raise ImportRefused(
            [
                Problem(
                    names,
                    None,
                    "instanceID",
                    instance_id,
                    _("This submission was already imported; it is not replaced."),
                )
                for instance_id in already
            ]
        )
    batch = ImportBatch.objects.create(
        questionnaire=questionnaire,
        country=country,
        format=fmt,
        file_name=names,
        sha256=sha256,
        submissions=len(submissions),
        left_out=checked.left_out,
        imported_by=actor,
    )
    origin = Response.Origin.KOBO if fmt == ImportBatch.Format.KOBO else Response.Origin.ODK
    now = timezone.now()
    # Two bulk writes whatever the number of submissions (the database returns the new keys).
    responses = Response.objects.bulk_create(
        Response(
            questionnaire=questionnaire,
            country=country,
            batch=batch,
            origin=origin,
            status=Response.Status.SUBMITTED,
            instance_id=submission.instance_id,
            submitted_at=submission.submitted_at or now,
        )
        for submission in submissions
    )
    Answer.objects.bulk_create(
        Answer(response=response, question_id=pk, row=row, value=value)
        for response, submission in zip(responses, submissions, strict=True)
        for (pk, row), value in sorted(submission.answers.items(), key=lambda i: i[0][1])
    )
    services.country_guides_follow(
        country=country,
        stage=Stage.QUESTIONNAIRES,
        actor=actor,
        comment=_("Submissions imported for “%(form)s”.") % {"form": questionnaire.form_id},
    )
    return batch


def left_out_message(batch: ImportBatch) -> str:
    """The submissions of the file that the server's review rejected, left out: said, not
    dropped silently."""
    return _("%(count)s submission(s) rejected in the server's review left out: %(ids)s.") % {
        "count": len(batch.left_out),
        "ids": ", ".join(batch.left_out[:20]),
    } + (" …" if len(batch.left_out) > 20 else "")


def imported_message(batch: ImportBatch) -> str:
    done = _("%(count)s submission(s) imported from “%(name)s”.") % {
        "count": batch.submissions,
        "name": batch.file_name,
    }
    return f"{done} {left_out_message(batch)}" if batch.left_out else done
