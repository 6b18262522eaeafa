"""``python manage.py import_xlsform FILE``: a questionnaire from an XLSForm (.xlsx).

Every problem is printed, one a line ("sheet survey, row 7, column C (type): …"), in English
then French (``--language en`` or ``fr`` for one only); nothing is written and the command
fails (exit status 1) if there is any.
"""

from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser

from rabatnet.questionnaires.xlsform_import import import_xlsform


class Command(BaseCommand):
    help = "Create a questionnaire from an XLSForm workbook (.xlsx); nothing is written on error."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("file", help="The XLSForm workbook (.xlsx).")
        parser.add_argument(
            "--language",
            choices=["en", "fr", "both"],
            default="both",
            help="The language of the messages (default: English and French).",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        path = Path(options["file"])
        if not path.is_file():
            raise CommandError(f"No such file: {path}\nFichier introuvable : {path}")
        if path.stat().st_size > settings.QUESTIONNAIRE_UPLOAD_MAX_BYTES:
            raise CommandError(
                f"{path} is larger than {settings.QUESTIONNAIRE_UPLOAD_MAX_BYTES} bytes.\n"
                f"{path} dépasse {settings.QUESTIONNAIRE_UPLOAD_MAX_BYTES} octets."
            )
        try:
            content = path.read_bytes()
        except OSError as error:  # no right to read it
            raise CommandError(
                f"{path} cannot be read ({error.strerror}).\n"
                f"Impossible de lire {path} ({error.strerror})."
            ) from None
        result = import_xlsform(content=content, actor=None, file_name=path.name)
        languages = ["en", "fr"] if options["language"] == "both" else [options["language"]]
        if result.issues:
            for found in result.issues:
                for language in languages:
                    self.stderr.write(found.line(language))
            raise CommandError(
                f"{len(result.issues)} problem(s); nothing was written. / "
                f"{len(result.issues)} problème(s) ; rien n'a été enregistré."
            )
        questionnaire = result.questionnaire
        assert questionnaire is not None
        self.stdout.write(
            f"Created the questionnaire {questionnaire.form_id} "
            f"({questionnaire.questions.count()} rows of the survey sheet, as a draft)."
        )
        if result.form_id_from_file_name:
            self.stdout.write(
                f"The file has no settings sheet (or no form_id): its form_id and title are "
                f"the file name, “{questionnaire.form_id}”.\n"
                f"Le fichier n'a pas de feuille settings (ou pas de form_id) : son form_id et "
                f"son titre sont le nom du fichier, « {questionnaire.form_id} »."
            )
