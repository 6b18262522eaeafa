"""``python manage.py import_submissions FORM_ID FILE --country ISO3``: an ODK Central or
KoboToolbox export, all or nothing (see ``rabatnet.questionnaires.submission_import``)."""

from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils import translation
from django.utils.translation import gettext as _
from tqdm import tqdm

from rabatnet.countries.models import Country
from rabatnet.questionnaires.models import ImportBatch, Questionnaire
from rabatnet.questionnaires.permissions import FORM_ID
from rabatnet.questionnaires.submission_check import problem_line
from rabatnet.questionnaires.submission_import import (
    ImportRefused,
    Upload,
    left_out_message,
    submissions_import,
)


class Command(BaseCommand):
    help = (
        "Import the submissions of a KoboToolbox export (.xlsx with one sheet per repeat "
        "group, or .csv) or an ODK Central export (the .zip, or the main CSV and its repeat "
        "CSVs) for one country. Every row is checked first: a file with any problem is "
        "refused whole and each problem is listed (sheet or file, row, column, value)."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("form_id", help="The questionnaire's form ID.")
        parser.add_argument(
            "file", nargs="+", help="The export: one file, or ODK Central's CSV files (any order)."
        )
        parser.add_argument("--country", required=True, help="The country's ISO3 code.")
        parser.add_argument(
            "--format",
            choices=ImportBatch.Format.values,
            default="",
            help="kobo or odk (read from the columns if left out).",
        )
        parser.add_argument(
            "--language",
            choices=[code for code, _name in settings.LANGUAGES],
            default="en",
            help="The language of the messages.",
        )
        parser.add_argument("--no-progress", action="store_true", help="No progress bar.")

    def handle(self, *args: Any, **options: Any) -> None:
        with translation.override(options["language"]):
            self._import(options)

    def _import(self, options: dict[str, Any]) -> None:
        form_id, iso3 = options["form_id"], str(options["country"]).strip().upper()
        questionnaire = (
            Questionnaire.objects.filter(form_id=form_id).first()
            if FORM_ID.fullmatch(form_id)
            else None
        )
        if questionnaire is None:
            raise CommandError(_("No questionnaire has the form ID “%(id)s”.") % {"id": form_id})
        country = Country.objects.filter(iso3=iso3).first() if len(iso3) == 3 else None
        if country is None:
            raise CommandError(_("“%(code)s” is not a country's ISO3 code.") % {"code": iso3})
        uploads = []
        for name in options["file"]:
            path = Path(name)
            if not path.is_file():
                raise CommandError(_("“%(name)s” is not a file.") % {"name": name})
            try:
                uploads.append(Upload(name=path.name, data=path.read_bytes()))
            except OSError as error:  # no right to read it
                raise CommandError(
                    _("“%(name)s” cannot be read (%(error)s).")
                    % {"name": name, "error": error.strerror}
                ) from None
        with tqdm(desc="rows", unit="row", disable=options["no_progress"]) as bar:
            try:
                batch = submissions_import(
                    questionnaire=questionnaire,
                    country=country,
                    uploads=uploads,
                    actor=None,
                    fmt=options["format"],
                    tick=bar.update,
                )
            except ImportRefused as refused:
                for problem in refused.problems:
                    self.stderr.write(problem_line(problem))
                raise CommandError(
                    _("The file was refused: %(count)s problem(s), nothing was imported.")
                    % {"count": len(refused.problems)}
                ) from None
        self.stdout.write(
            _("%(count)s submission(s) imported for %(form)s, %(country)s (import %(pk)s).")
            % {"count": batch.submissions, "form": form_id, "country": iso3, "pk": batch.pk}
        )
        if batch.left_out:
            self.stdout.write(left_out_message(batch))
