"""The form fuzz's page of XLSForm import (issue 13, A): the secretariat's upload."""

from django.urls import reverse

from rabatnet.questionnaires.xlsform_forms import XlsformUploadForm

from .form_fuzz_support import Post


def xlsform_posts() -> list[Post]:
    return [
        Post(
            XlsformUploadForm,
            lambda w: reverse("xlsform:import"),
            "secretariat",
            lambda w: ["file"],
        )
    ]
