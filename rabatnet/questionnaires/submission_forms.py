"""The upload of an ODK Central or KoboToolbox export: one file, or ODK Central's CSV files
together (the main file and one per repeat group); the checks of their cells come after,
in ``submission_import``."""

from typing import Any

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from rabatnet.core.forms import SiteForm

from .models import ImportBatch
from .submission_readers import check_file

MAX_FILES = 20  # ODK Central: the main CSV and one per repeat group


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class ExportFilesField(forms.FileField):
    """One or more files, each checked by its name, size and content (``check_file``)."""

    widget = MultipleFileInput

    def __init__(self, **kwargs: Any) -> None:
        # An empty file is named by ``check_file`` ("“x.csv” is empty"), not Django's words.
        super().__init__(allow_empty_file=True, **kwargs)

    def clean(self, data: Any, initial: Any = None) -> list[UploadedFile]:
        files = [f for f in (data if isinstance(data, list | tuple) else [data]) if f]
        if not files:
            return [super().clean(None, initial)]  # "This field is required."
        if len(files) > MAX_FILES:
            raise ValidationError(
                _("Upload %(max)s files at most at once.") % {"max": MAX_FILES}, code="too_many"
            )
        cleaned = [super(ExportFilesField, self).clean(f, initial) for f in files]
        errors: list[ValidationError] = []
        for upload in cleaned:
            try:
                check_file(
                    upload,
                    upload.name or "",
                    upload.size or 0,
                    settings.QUESTIONNAIRE_UPLOAD_MAX_BYTES,
                )
            except ValidationError as error:
                errors.append(error)
        if errors:
            raise ValidationError(errors)
        return cleaned


class SubmissionUploadForm(SiteForm):
    file = ExportFilesField(
        label=gettext_lazy("Export file(s)"),
        help_text=gettext_lazy(
            "KoboToolbox: the XLSX export (one sheet per repeat group) or the CSV export. "
            "ODK Central: the .zip of CSV files, or its CSV files together (the main file "
            "and one per repeat group). Codes or labels, English or French."
        ),
    )
    format = forms.ChoiceField(
        label=gettext_lazy("Comes from"),
        choices=[("", gettext_lazy("find out from the columns")), *ImportBatch.Format.choices],
        required=False,
    )
