"""``python manage.py export_xlsform FORM_ID FILE``: a questionnaire as an XLSForm (.xlsx)."""

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from rabatnet.questionnaires.models import Questionnaire
from rabatnet.questionnaires.xlsform_export import export_xlsform


class Command(BaseCommand):
    help = "Write a questionnaire as an XLSForm workbook (.xlsx) that pyxform converts."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("form_id", help="The questionnaire's form_id.")
        parser.add_argument("file", help="Where to write the .xlsx.")

    def handle(self, *args: Any, **options: Any) -> None:
        form_id = options["form_id"]
        questionnaire = Questionnaire.objects.filter(form_id=form_id[:60]).first()
        if questionnaire is None:
            raise CommandError(
                f"No questionnaire has the form_id {form_id!r}.\n"
                f"Aucun questionnaire n'a le form_id {form_id!r}."
            )
        path = Path(options["file"])
        if not path.parent.is_dir():
            raise CommandError(
                f"No such folder: {path.parent}\nDossier introuvable : {path.parent}"
            )
        try:
            path.write_bytes(export_xlsform(questionnaire))
        except OSError as error:  # a folder named so, no right to write, a full disk
            raise CommandError(
                f"{path} cannot be written ({error.strerror}).\n"
                f"Impossible d'écrire {path} ({error.strerror})."
            ) from None
        self.stdout.write(f"Wrote {questionnaire.form_id} to {path}.")
