"""``python manage.py load_questionnaires``: the three standard questionnaires, from the
XLSForm workbooks in data/questionnaires/ (see PROVENANCE.md there).

Idempotent: a form_id already present is left as it is (and said so). The ones loaded are
marked standard and open for answers.
"""

from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from rabatnet.questionnaires.models import Questionnaire
from rabatnet.questionnaires.xlsform_import import import_xlsform

STANDARD = ("rabatnet_sources", "rabatnet_actors", "rabatnet_challenges")


class Command(BaseCommand):
    help = "Load the three standard questionnaires (left as they are when present)."

    def handle(self, *args: Any, **options: Any) -> None:
        folder = Path(settings.DATA_DIR) / "questionnaires"
        for form_id in STANDARD:
            if Questionnaire.objects.filter(form_id=form_id).exists():
                self.stdout.write(f"{form_id}: already present, left as it is.")
                continue
            with transaction.atomic():
                result = import_xlsform(
                    content=(folder / f"{form_id}.xlsx").read_bytes(), actor=None
                )
                if result.issues or result.questionnaire is None:
                    raise CommandError(
                        f"{form_id}: " + "; ".join(found.line("en") for found in result.issues)
                    )
                questionnaire = result.questionnaire
                questionnaire.is_standard = True
                questionnaire.status = Questionnaire.Status.OPEN
                questionnaire.save(update_fields=["is_standard", "status", "version"])
            self.stdout.write(f"{form_id}: loaded ({questionnaire.questions.count()} rows).")
