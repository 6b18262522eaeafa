"""The upload of an ODK Central or KoboToolbox export (the checks of its cells come after,
in ``submission_import``)."""

from django import forms
from django.conf import settings
from django.core.files.uploadedfile import UploadedFile
from django.utils.translation import gettext_lazy

from rabatnet.core.forms import SiteForm

from .models import ImportBatch
from .submission_readers import check_file


class SubmissionUploadForm(SiteForm):
    file = forms.FileField(
        label=gettext_lazy("Export file"),
        help_text=gettext_lazy(
            "KoboToolbox: the XLSX export (one sheet per repeat group) or the CSV export. "
            "ODK Central: the .zip of CSV files. Codes or labels, English or French."
        ),
    )
    format = forms.ChoiceField(
        label=gettext_lazy("Comes from"),
        choices=[("", gettext_lazy("find out from the columns")), *ImportBatch.Format.choices],
        required=False,
    )

    def clean_file(self) -> UploadedFile:
        upload = self.cleaned_data["file"]
        check_file(
            upload, upload.name or "", upload.size or 0, settings.QUESTIONNAIRE_UPLOAD_MAX_BYTES
        )
        return upload
