"""The upload of an XLSForm: an .xlsx, checked by its content, within the size limit."""

from typing import Any

from django import forms
from django.conf import settings
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from rabatnet.core.forms import SiteForm
from rabatnet.core.uploads import check_upload


class XlsformUploadForm(SiteForm):
    file = forms.FileField(
        label=gettext_lazy("XLSForm workbook (.xlsx)"),
        help_text=gettext_lazy(
            "The survey, choices and settings sheets, as ODK and KoboToolbox use them."
        ),
    )

    def clean_file(self) -> Any:
        upload = self.cleaned_data["file"]
        check_upload(
            upload,
            upload.name or "",
            upload.size or 0,
            extensions={"xlsx"},
            limit=settings.QUESTIONNAIRE_UPLOAD_MAX_BYTES,
            too_big=_("“%(name)s” is %(size)s; an XLSForm may be %(limit)s at most."),
            wrong_type=_("“%(name)s” is not an .xlsx workbook: save the XLSForm as .xlsx."),
        )
        upload.seek(0)
        return upload
